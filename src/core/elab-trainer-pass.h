/* elab-trainer-pass.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The trainer's pass over the rows, included by elab-trainer.c once per
 * vector width: ELAB_PASS_LANES doubles per vector (4 or 2), VD and VI
 * the vector type names and V(name) the function names for this width;
 * all four are undefined at the end. The includer defines Sums, PassAt,
 * SUB_VECTORS and exp2_sixteenths.
 */

typedef double VD __attribute__ ((vector_size (ELAB_PASS_LANES * sizeof (double))));
typedef gint64 VI __attribute__ ((vector_size (ELAB_PASS_LANES * sizeof (gint64))));

static inline __attribute__ ((always_inline)) VD
V(vsplat) (double v)
{
#if ELAB_PASS_LANES == 4
  return (VD) { v, v, v, v };
#else
  return (VD) { v, v };
#endif
}

static inline __attribute__ ((always_inline)) VD
V(vblend) (VI mask,
           VD a,
           VD b)
{
  return (VD) (((VI) a & mask) | ((VI) b & ~mask));
}

/* 2^((idx & 15)/16) per lane, loaded from the table in memory. */
static inline __attribute__ ((always_inline)) VD
V(vtable16) (VI idx)
{
  VD res;

  for (int l = 0; l < ELAB_PASS_LANES; l++)
    res[l] = exp2_sixteenths[idx[l] & 15];
  return res;
}

/* e^x for x ≤ 0, about 1 ulp: relative error below 2.5e-16 against expl
 * (1.0 ulp with FMA, 1.2 ulp without). x is clamped at −708 so the
 * result stays a normal double (below
 * that σ and log1p are 0 to every digit that matters). Range reduction
 * x = (16·n + j)·ln2/16 + r with |r| ≤ ln2/32, so e^x = 2^n · 2^(j/16) · e^r:
 * 2^(j/16) comes from a 16-entry table (V(vtable16)),
 * 2^n is added into the table value's exponent bits, and e^r − 1 is a
 * degree-7 Taylor polynomial (truncation below 2e-18) in Estrin's form.
 * The small |r| needs half the degree of a table-free exp: fewer
 * multiplies and a shorter dependency chain. */
static inline __attribute__ ((always_inline)) VD
V(vexp_nonpositive) (VD x)
{
  const VD shifter = V(vsplat) (0x1.8p52);
  const VI exp_field = ((VI) { 0, } - 1) << 52;
  VD t, n, r, r2, r4, scale, p;
  VI k;

  x = V(vblend) (x < V(vsplat) (-708.0), V(vsplat) (-708.0), x);
  /* round(x·16/ln2) lands in the low bits of t's mantissa. */
  t = x * V(vsplat) (0x1.71547652b82fep+4) + shifter;
  k = (VI) t;
  n = t - shifter;
  /* ln2/16 in two parts; the high part has trailing zeros, so n times it
   * is exact. */
  r = x - n * V(vsplat) (0x1.62e42fee00000p-5);
  r = r - n * V(vsplat) (0x1.a39ef35793c76p-37);
  /* Table index: k's low 4 bits; 2^n: the bits above them, moved into
   * the exponent field (the table values have exponent 0, the result
   * stays ≥ 2^−1022). */
  scale = V(vtable16) (k);
  scale = (VD) ((VI) scale + ((k << 48) & exp_field));
  r2 = r * r;
  r4 = r2 * r2;
  {
    VD q1 = V(vsplat) (1.0 / 2) + r * V(vsplat) (1.0 / 6);
    VD q2 = V(vsplat) (1.0 / 24) + r * V(vsplat) (1.0 / 120);
    VD q3 = V(vsplat) (1.0 / 720) + r * V(vsplat) (1.0 / 5040);

    p = (r + q1 * r2) + (q2 + q3 * r2) * r4;
  }
  return scale + scale * p;
}

static inline __attribute__ ((always_inline)) double
V(hsum) (VD v)
{
  double s = 0.0;

  for (int i = 0; i < ELAB_PASS_LANES; i++)
    s += v[i];
  return s;
}

/* Per-lane sums of ℓ′ and ℓ″, as Sums holds them summed. */
typedef struct
{
  VD s0, s1, h00, h01, h11;
} V(VSums);

static inline __attribute__ ((always_inline)) void
V(vsums_add_gradient) (V(VSums) *s,
                       VD        d1,
                       VD        xs)
{
  s->s0 += d1;
  s->s1 += d1 * xs;
}

static inline __attribute__ ((always_inline)) void
V(vsums_add_hessian) (V(VSums) *s,
                      VD        d2,
                      VD        xs)
{
  s->h00 += d2 * xs * xs;
  s->h01 += d2 * xs;
  s->h11 += d2;
}

static inline __attribute__ ((always_inline)) void
V(vsums_reduce) (const V(VSums) *s,
                 Sums           *res)
{
  res->s0 = V(hsum) (s->s0);
  res->s1 = V(hsum) (s->s1);
  res->h00 = V(hsum) (s->h00);
  res->h01 = V(hsum) (s->h01);
  res->h11 = V(hsum) (s->h11);
}

/* Loss, gradient and optionally Hessian sums over rows [0, n) at
 * z = w·x + b, with xs = (x − c)·k. Σ log1p(e) is kept per lane as the
 * product Π(1 + e) = 2^E·(1 + m) (prod_m is m): m grows by e·(1 + m) a
 * row, every term ≥ 0, so m keeps its relative precision however small
 * it is (the separable regime, where a product rounded next to 1 would
 * keep only n·2⁻⁵³ absolute); when m passes 1, a factor of 2 moves
 * exactly into E. log1p(m) once per lane, and E·ln 2 by the caller, give
 * the sum. */
static inline __attribute__ ((always_inline)) void
V(pass_body) (const PassAt *at,
              Sums         *res)
{
  const double *x = at->x, *y = at->y;
  gsize n = at->n;
  double w = at->w, b = at->b, c = at->c, k = at->k;
  gboolean hessian = at->hessian;
  const VI mant_mask = (VI) { 0, } + (gint64) 0x000fffffffffffffLL;
  const VI one_bits = (VI) { 0, } + ((gint64) 1023 << 52);
  VD vw = V(vsplat) (w), vb = V(vsplat) (b), vc = V(vsplat) (c), vk = V(vsplat) (k);
  VD lin = V(vsplat) (0), prod_m = V(vsplat) (0), expo = V(vsplat) (0);
  double m_tail = 0.0;
  V(VSums) sums = { 0, };
  gsize n_vec = n / ELAB_PASS_LANES * ELAB_PASS_LANES;
  gsize i = 0;
  Sums out = { 0, };

  while (i < n_vec)
    {
      /* 128 vectors per block keep each lane's 1 + m below 2^129. */
      gsize block_end = MIN (n_vec, i + 128 * ELAB_PASS_LANES);

      while (i < block_end)
        {
          /* The exps of a few vectors first, then the sums: two short
           * loops keep more rows in flight than one long loop whose every
           * row waits on the chain exp → 1 + e → division (~25% faster). */
          VD ebuf[SUB_VECTORS];
          gsize m = MIN ((gsize) SUB_VECTORS, (block_end - i) / ELAB_PASS_LANES);

          for (gsize j = 0; j < m; j++)
            {
              VD xv, z;

              memcpy (&xv, x + i + j * ELAB_PASS_LANES, sizeof xv);
              z = vw * xv + vb;
              ebuf[j] = V(vexp_nonpositive) (-(VD) ((VI) z & ~(VI) V(vsplat) (-0.0)));
            }
          for (gsize j = 0; j < m; j++, i += ELAB_PASS_LANES)
            {
              VD xv, yv, z, e, u, p, r, xc;
              VI pos;

              memcpy (&xv, x + i, sizeof xv);
              memcpy (&yv, y + i, sizeof yv);
              z = vw * xv + vb;
              e = ebuf[j];
              u = V(vsplat) (1.0) + e;
              pos = z >= V(vsplat) (0.0);
              /* σ(z) = 1/(1 + e) for z ≥ 0, e/(1 + e) below. */
              p = V(vblend) (pos, V(vsplat) (1.0), e) / u;
              r = p - yv;
              xc = (xv - vc) * vk;
              lin += V(vblend) (pos, z, V(vsplat) (0.0)) - yv * z;
              prod_m += e * (V(vsplat) (1.0) + prod_m);
              V(vsums_add_gradient) (&sums, r, xc);
              if (hessian)
                {
                  VD inv = V(vsplat) (1.0) / u;

                  /* σ(1−σ) = e/(1+e)² */
                  V(vsums_add_hessian) (&sums, e * inv * inv, xc);
                }
            }
        }
      {
        /* Lanes with m ≥ 1: 1 + m = 2^ex·(1 + m′), m′ = mantissa − 1
         * exactly. 1 + m rounds there, by at most 2⁻⁵³ of a sum that is
         * already ≥ ln 2. Lanes below 1 keep m, whose low bits 1 + m
         * would drop. */
        VD big = V(vsplat) (1.0) + prod_m;
        VI bits = (VI) big;
        VI ex = (bits >> 52) - 1023;
        VI ge = prod_m >= V(vsplat) (1.0);

        expo += V(vblend) (ge, __builtin_convertvector (ex, VD), V(vsplat) (0.0));
        prod_m = V(vblend) (ge, (VD) ((bits & mant_mask) | one_bits) - V(vsplat) (1.0), prod_m);
      }
    }

  for (int l = 0; l < ELAB_PASS_LANES; l++)
    {
      out.log1p += log1p (prod_m[l]);
      out.log2_count += expo[l];
    }
  V(vsums_reduce) (&sums, &out);
  out.lin = V(hsum) (lin);

  for (; i < n; i++)
    {
      double z = w * x[i] + b;
      double e = exp (-fabs (z));
      double inv = 1.0 / (1.0 + e);
      double p = z >= 0 ? inv : e * inv;

      out.lin += (z > 0 ? z : 0.0) - y[i] * z;
      m_tail += e * (1.0 + m_tail);
      _elab_sums_add_row (&out, p - y[i], e * inv * inv, (x[i] - c) * k, hessian);
    }
  if (m_tail >= 1.0)
    {
      int ex;
      double f = frexp (1.0 + m_tail, &ex);   /* f ∈ [½, 1) */

      out.log2_count += ex - 1;
      m_tail = 2.0 * f - 1.0;
    }
  out.log1p += log1p (m_tail);

  *res = out;
}

/* The squared error's sums over rows [0, n): ℓ = r², r = σ(z) − y taken
 * from e = e^(−|z|) on its small side (σ(z) for y = 0, −σ(−z) for y = 1),
 * ℓ′ = 2r·σ′ and ℓ″ = 2σ′(σ′ + r(1 − 2σ)), σ′ = e/(1 + e)², 1 − 2σ =
 * σ(−z) − σ(z) (exact where the two are close). The rows the vectors do
 * not fill go through _elab_squared_error_row(). */
static inline __attribute__ ((always_inline)) void
V(pass_squared_body) (const PassAt *at,
                      Sums         *res)
{
  const double *x = at->x, *y = at->y;
  gsize n = at->n;
  double w = at->w, b = at->b, c = at->c, k = at->k;
  gboolean hessian = at->hessian;
  VD vw = V(vsplat) (w), vb = V(vsplat) (b), vc = V(vsplat) (c), vk = V(vsplat) (k);
  VD one = V(vsplat) (1.0), zero = V(vsplat) (0.0), two = V(vsplat) (2.0);
  VD loss = zero;
  V(VSums) sums = { 0, };
  gsize n_vec = n / ELAB_PASS_LANES * ELAB_PASS_LANES;
  gsize i;
  Sums out = { 0, };

  for (i = 0; i < n_vec; i += ELAB_PASS_LANES)
    {
      VD xv, yv, z, e, inv, p, p_neg, r, dp, g, xc;
      VI pos;

      memcpy (&xv, x + i, sizeof xv);
      memcpy (&yv, y + i, sizeof yv);
      z = vw * xv + vb;
      e = V(vexp_nonpositive) (-(VD) ((VI) z & ~(VI) V(vsplat) (-0.0)));
      inv = one / (one + e);
      pos = z >= zero;
      p = V(vblend) (pos, inv, e * inv);
      p_neg = V(vblend) (pos, e * inv, inv);
      r = V(vblend) (yv == zero, p, V(vblend) (yv == one, -p_neg, p - yv));
      dp = e * inv * inv;
      g = two * r * dp;
      xc = (xv - vc) * vk;
      loss += r * r;
      V(vsums_add_gradient) (&sums, g, xc);
      if (hessian)
        V(vsums_add_hessian) (&sums, two * dp * (dp + r * (p_neg - p)), xc);
    }
  V(vsums_reduce) (&sums, &out);
  out.lin = V(hsum) (loss);

  for (; i < n; i++)
    {
      double d1, d2 = 0.0;

      out.lin += _elab_squared_error_row (w * x[i] + b, y[i], &d1, hessian ? &d2 : NULL);
      _elab_sums_add_row (&out, d1, d2, (x[i] - c) * k, hessian);
    }

  *res = out;
}

#undef VD
#undef VI
#undef V
#undef ELAB_PASS_LANES
