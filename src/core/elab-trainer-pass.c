/* elab-trainer-pass.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The trainer's one pass over the rows: at (w, b), the loss, the gradient
 * and (for Newton) the Hessian's sums. The pass is written with GCC
 * vector extensions and a branch-free exp, built for each vector width
 * that pays, and the CPU picks the widest it runs. Beside it the same
 * sums in plain scalar code, the reference its tests compare with and
 * the trainer's fallback for losses too small for the vector exp.
 */
#include <math.h>
#include <string.h>

#include "elab-trainer.h"
#include "elab-trainer-private.h"

/* The vector helpers pass 64-byte vectors by value; they are always
 * inlined, so the ABI note GCC gives for that does not apply. */
#pragma GCC diagnostic ignored "-Wpsabi"

#define SUB_VECTORS 16

/* The pass is built for the vector widths that pay, each in the registers
 * it fits: 4 doubles for AVX2 with FMA, 2 for plain x86-64 (SSE2) and
 * other CPUs; the CPU picks the widest at the first pass (the README's
 * measured section gives what each width takes over a million rows). An
 * 8-wide AVX-512 build is not kept: no machine here can measure what it
 * buys, and AVX-512 CPUs run the 4-wide build. GCC splits a vector wider
 * than the registers into scalar code, far slower, so each width is
 * compiled for its own target. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
# define ELAB_HAVE_X86_KERNELS 1
#endif

/* 2^(j/16), j = 0…15, rounded to nearest. */
static const double exp2_sixteenths[16] = {
  0x1p+0, 0x1.0b5586cf9890fp+0, 0x1.172b83c7d517bp+0, 0x1.2387a6e756238p+0,
  0x1.306fe0a31b715p+0, 0x1.3dea64c123422p+0, 0x1.4bfdad5362a27p+0, 0x1.5ab07dd485429p+0,
  0x1.6a09e667f3bcdp+0, 0x1.7a11473eb0187p+0, 0x1.8ace5422aa0dbp+0, 0x1.9c49182a3f09p+0,
  0x1.ae89f995ad3adp+0, 0x1.c199bdd85529cp+0, 0x1.d5818dcfba487p+0, 0x1.ea4afa2a490dap+0,
};

#ifdef ELAB_HAVE_X86_KERNELS
# define V(name) name##_4
# define VD vdouble4
# define VI vint4
# define ELAB_PASS_LANES 4
# include "elab-trainer-pass.h"
#endif

#define V(name) name##_2
#define VD vdouble2
#define VI vint2
#define ELAB_PASS_LANES 2
#include "elab-trainer-pass.h"

typedef void (*PassKernel) (const PassAt *at, Sums *res);

/* The kernels of one vector width, one per loss. */
typedef struct
{
  PassKernel cross_entropy;
  PassKernel squared;
} PassKernels;

#define DEFINE_PASS_KERNEL(name, attributes, body) \
  attributes static void \
  name (const PassAt *at, Sums *res) \
  { \
    body (at, res); \
  }

#ifdef ELAB_HAVE_X86_KERNELS
DEFINE_PASS_KERNEL (pass_kernel_4, __attribute__ ((target ("avx2,fma"))), pass_body_4)
DEFINE_PASS_KERNEL (pass_squared_kernel_4, __attribute__ ((target ("avx2,fma"))), pass_squared_body_4)

static const PassKernels kernels_4 = {
  .cross_entropy = pass_kernel_4,
  .squared = pass_squared_kernel_4,
};
#endif
DEFINE_PASS_KERNEL (pass_kernel_2, , pass_body_2)
DEFINE_PASS_KERNEL (pass_squared_kernel_2, , pass_squared_body_2)

static const PassKernels kernels_2 = {
  .cross_entropy = pass_kernel_2,
  .squared = pass_squared_kernel_2,
};

/* The passes of a vector width: 0 the widest this CPU runs, or 4, 2;
 * NULL when the CPU cannot run that width. */
static const PassKernels *
kernels_of_width (guint lanes)
{
#ifdef ELAB_HAVE_X86_KERNELS
  __builtin_cpu_init ();
  if ((lanes == 0 || lanes == 4) && __builtin_cpu_supports ("avx2") && __builtin_cpu_supports ("fma"))
    return &kernels_4;
#endif
  if (lanes == 0 || lanes == 2)
    return &kernels_2;
  return NULL;
}

static const PassKernels *kernels;  /* (atomic) set at the first pass */

void
_elab_trainer_pass (ElabLoss      loss,
                    const PassAt *at,
                    Sums         *res)
{
  const PassKernels *kerns = g_atomic_pointer_get (&kernels);

  if (G_UNLIKELY (kerns == NULL))
    {
      elab_trainer_set_vector_width (0);
      kerns = g_atomic_pointer_get (&kernels);
    }
  (loss == ELAB_LOSS_SQUARED ? kerns->squared : kerns->cross_entropy) (at, res);
}

guint
elab_trainer_set_vector_width (guint lanes)
{
  const PassKernels *kerns = kernels_of_width (lanes);

  if (kerns == NULL)
    return 0;
  g_atomic_pointer_set (&kernels, kerns);
  return kerns == &kernels_2 ? 2 : 4;
}

/* Adds @value to the sum *@sum by Neumaier's compensation, the lost low
 * part gathered in *@err, so a sum of terms ≥ 0 keeps its relative
 * precision down to the smallest normal double. */
static inline void
neumaier_add (double *sum,
              double *err,
              double  value)
{
  double t = *sum + value;

  *err += fabs (*sum) >= fabs (value) ? (*sum - t) + value : (value - t) + *sum;
  *sum = t;
}

/* The same sums as the vector pass, one row at a time in the plainest
 * form, each row's loss added with Neumaier's compensation: the
 * cross-entropy's as y·softplus(−z) + (1 − y)·softplus(z) (terms ≥ 0,
 * softplus by log1p), the squared error's through
 * _elab_squared_error_row(). The vector pass's tests compare against it,
 * and the trainer falls back on it where the vector exp's clamp at e^−708
 * would matter (a loss below 1e-270). */
void
_elab_trainer_pass_reference (ElabLoss      loss,
                              const PassAt *at,
                              Sums         *res)
{
  double sum = 0.0, err = 0.0;
  Sums out = { 0, };

  for (gsize i = 0; i < at->n; i++)
    {
      double x = at->x[i], y = at->y[i];
      double z = at->w * x + at->b;
      double d1, d2 = 0.0;

      if (loss == ELAB_LOSS_SQUARED)
        {
          neumaier_add (&sum, &err, _elab_squared_error_row (z, y, &d1, at->hessian ? &d2 : NULL));
        }
      else
        {
          double e = exp (-fabs (z));
          double l1 = log1p (e);
          double inv = 1.0 / (1.0 + e);
          double sp = fmax (z, 0.0) + l1, sp_neg = fmax (-z, 0.0) + l1;

          neumaier_add (&sum, &err, (y != 0.0 ? y * sp_neg : 0.0) + (y != 1.0 ? (1.0 - y) * sp : 0.0));
          d1 = (z >= 0 ? inv : e * inv) - y;
          d2 = e * inv * inv;
        }
      _elab_sums_add_row (&out, d1, d2, (x - at->c) * at->k, at->hessian);
    }
  /* The cross-entropy's loss is all in the log1p part (its lin and
   * log2_count stay 0); the squared error's in lin. */
  if (loss == ELAB_LOSS_SQUARED)
    out.lin = sum + err;
  else
    out.log1p = sum + err;
  *res = out;
}
