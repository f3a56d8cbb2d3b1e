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
 * other CPUs; the CPU picks the widest at the first pass. Over a million
 * rows (CPU time, AVX2 machine, loss and gradient) the 4-wide pass takes
 * 1.8 ms, the 2-wide 4.9 ms and the scalar reference 35 ms. An 8-wide
 * AVX-512 build is not kept: no machine here can measure what it buys,
 * and AVX-512 CPUs run the 4-wide build. GCC splits a vector wider than
 * the registers into scalar code (an 8-wide pass ran 7 times slower on
 * AVX2), so each width is compiled for its own target. */
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

typedef void (*PassKernel) (const double *x, const double *y, gsize n, double w, double b,
                            double c, double k, gboolean hessian, Sums *res);

#define DEFINE_PASS_KERNEL(name, attributes, body) \
  attributes static void \
  name (const double *x, const double *y, gsize n, double w, double b, double c, \
        double k, gboolean hessian, Sums *res) \
  { \
    body (x, y, n, w, b, c, k, hessian, res); \
  }

#ifdef ELAB_HAVE_X86_KERNELS
DEFINE_PASS_KERNEL (pass_kernel_4, __attribute__ ((target ("avx2,fma"))), pass_body_4)
DEFINE_PASS_KERNEL (pass_squared_kernel_4, __attribute__ ((target ("avx2,fma"))), pass_squared_body_4)
#endif
DEFINE_PASS_KERNEL (pass_kernel_2, , pass_body_2)
DEFINE_PASS_KERNEL (pass_squared_kernel_2, , pass_squared_body_2)

/* The pass of a vector width: 0 the widest this CPU runs, or 4, 2;
 * NULL when the CPU cannot run that width. */
static PassKernel
kernel_of_width (guint lanes)
{
#ifdef ELAB_HAVE_X86_KERNELS
  __builtin_cpu_init ();
  if ((lanes == 0 || lanes == 4) && __builtin_cpu_supports ("avx2") && __builtin_cpu_supports ("fma"))
    return pass_kernel_4;
#endif
  if (lanes == 0 || lanes == 2)
    return pass_kernel_2;
  return NULL;
}

static PassKernel kernel;  /* (atomic) set at the first pass */
static PassKernel kernel_squared;  /* (atomic) the squared error's, of the same width */

/* The kernel in @slot, chosen for this CPU at the first pass of either
 * loss (both slots are set together). */
static inline PassKernel
kernel_in (PassKernel *slot)
{
  PassKernel kern = g_atomic_pointer_get (slot);

  if (G_UNLIKELY (kern == NULL))
    {
      elab_trainer_set_vector_width (0);
      kern = g_atomic_pointer_get (slot);
    }
  return kern;
}

void
_elab_trainer_pass (const double *x,
                    const double *y,
                    gsize         n,
                    double        w,
                    double        b,
                    double        c,
                    double        k,
                    gboolean      hessian,
                    Sums         *res)
{
  kernel_in (&kernel) (x, y, n, w, b, c, k, hessian, res);
}

guint
elab_trainer_set_vector_width (guint lanes)
{
  PassKernel k = kernel_of_width (lanes);

  if (k == NULL)
    return 0;
#ifdef ELAB_HAVE_X86_KERNELS
  g_atomic_pointer_set (&kernel_squared, k == pass_kernel_4 ? pass_squared_kernel_4 : pass_squared_kernel_2);
#else
  g_atomic_pointer_set (&kernel_squared, pass_squared_kernel_2);
#endif
  g_atomic_pointer_set (&kernel, k);
#ifdef ELAB_HAVE_X86_KERNELS
  return k == pass_kernel_4 ? 4 : 2;
#else
  return 2;
#endif
}

/* The same sums as the vector pass, one row at a time in the plainest
 * form: each row's loss y·softplus(−z) + (1 − y)·softplus(z) (terms ≥ 0,
 * softplus by log1p) added with Neumaier's compensation, so the loss keeps
 * its relative precision down to the smallest normal double. The vector
 * pass's tests compare against it, and the trainer falls back on it where
 * the vector exp's clamp at e^−708 would matter (a loss below 1e-270). */
void
_elab_trainer_pass_reference (const double *x,
                              const double *y,
                              gsize         n,
                              double        w,
                              double        b,
                              double        c,
                              double        k,
                              gboolean      hessian,
                              Sums         *res)
{
  double sum = 0.0, err = 0.0;
  Sums out = { 0, };

  for (gsize i = 0; i < n; i++)
    {
      double z = w * x[i] + b;
      double e = exp (-fabs (z));
      double l1 = log1p (e);
      double inv = 1.0 / (1.0 + e);
      double p = z >= 0 ? inv : e * inv;
      double r = p - y[i];
      double xs = (x[i] - c) * k;
      double sp = fmax (z, 0.0) + l1, sp_neg = fmax (-z, 0.0) + l1;
      double loss = (y[i] != 0.0 ? y[i] * sp_neg : 0.0) + (y[i] != 1.0 ? (1.0 - y[i]) * sp : 0.0);
      double t = sum + loss;

      err += fabs (sum) >= fabs (loss) ? (sum - t) + loss : (loss - t) + sum;
      sum = t;
      out.s0 += r;
      out.s1 += r * xs;
      if (hessian)
        {
          double q = e * inv * inv;

          out.h00 += q * xs * xs;
          out.h01 += q * xs;
          out.h11 += q;
        }
    }
  out.log1p = sum + err;
  *res = out;
}

void
_elab_trainer_pass_squared (const double *x,
                            const double *y,
                            gsize         n,
                            double        w,
                            double        b,
                            double        c,
                            double        k,
                            gboolean      hessian,
                            Sums         *res)
{
  kernel_in (&kernel_squared) (x, y, n, w, b, c, k, hessian, res);
}

void
_elab_trainer_pass_squared_reference (const double *x,
                                      const double *y,
                                      gsize         n,
                                      double        w,
                                      double        b,
                                      double        c,
                                      double        k,
                                      gboolean      hessian,
                                      Sums         *res)
{
  double sum = 0.0, err = 0.0;
  Sums out = { 0, };

  for (gsize i = 0; i < n; i++)
    {
      double z = w * x[i] + b;
      double xs = (x[i] - c) * k;
      double d1, d2;
      double loss = _elab_squared_error_row (z, y[i], &d1, hessian ? &d2 : NULL);
      double t = sum + loss;

      err += fabs (sum) >= fabs (loss) ? (sum - t) + loss : (loss - t) + sum;
      sum = t;
      out.s0 += d1;
      out.s1 += d1 * xs;
      if (hessian)
        {
          out.h00 += d2 * xs * xs;
          out.h01 += d2 * xs;
          out.h11 += d2;
        }
    }
  out.lin = sum + err;
  *res = out;
}
