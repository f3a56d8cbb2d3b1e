#!/usr/bin/python3
# test-accuracy.py
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The accuracy bar: every value of the core within 1e-12 of a 50-digit
# mpmath reference over θ, b ∈ [−50, 50], x ∈ [−10, 10] (extremes
# included): relative for p and q, absolute-or-relative (|err| ≤ 1e-12 ·
# max(1, |ref|)) for entropies, cross-entropies and KL -- and relative for
# every binary quantity, which the core meets too. The core's answers come
# from accuracy-dump (argv[1]); output is TAP.
import math
import random
import subprocess
import sys

try:
    import mpmath
    from mpmath import mp, mpf
except ImportError:
    print("1..0 # SKIP python3-mpmath is not installed")
    sys.exit(0)

mp.dps = 50
TOL = 1e-12
LN2 = mp.log(2)

GRID = [-50.0, -10.0, -2.0, -1.0, -0.5, -1e-3, 0.0, 1e-3, 0.5, 1.0, 2.0, 10.0, 50.0]
SMALL = [-50.0, -1.0, -1e-3, 0.0, 1e-3, 1.0, 50.0]
XS = [-10.0, -3.0, -1.0, -0.5, -1e-3, 0.0, 1e-3, 0.5, 1.0, 3.0, 10.0]
DELTAS = [1e-9, 1e-5, 0.01, 0.03, -0.02]


class Model:
    """σ(z), σ(−z), softplus(z), softplus(−z) at 50 digits for one logit."""
    cache = {}

    def __init__(self, z):
        self.p = 1 / (1 + mp.exp(-z))
        self.p1 = 1 / (1 + mp.exp(z))
        self.sp = mp.log1p(mp.exp(z))
        self.sp_neg = mp.log1p(mp.exp(-z))
        self.h = self.p * self.sp_neg + self.p1 * self.sp

    @classmethod
    def at(cls, theta, bias, x):
        key = (theta, bias, x)
        m = cls.cache.get(key)
        if m is None:
            m = cls(mpf(theta) * mpf(x) + mpf(bias))
            cls.cache[key] = m
        return m


def entropy(m):
    return m.h


def cross(a, b):
    return a.p * b.sp_neg + a.p1 * b.sp


def kl(a, b):
    return a.p * (b.sp_neg - a.sp_neg) + a.p1 * (b.sp - a.sp)


class Stat:
    def __init__(self, name, relative_only, floor=1e-300):
        self.name = name
        self.relative_only = relative_only
        self.floor = floor      # relative above it, absolute below
        self.max_rel = 0.0      # max |err| / |ref| over ref ≠ 0
        self.max_score = 0.0    # the bar's metric, must stay ≤ TOL
        self.worst = None
        self.nan = 0
        self.count = 0

    def add(self, got, ref, where):
        # The 50-digit reference rounded once to a double (≤ ½ ulp, 1.1e-16
        # relative: invisible next to the 1e-12 bar), then compared in
        # double arithmetic, where got − ref is exact when they are close
        # (Sterbenz): much faster than mpf arithmetic per value.
        self.count += 1
        if math.isnan(got):
            self.nan += 1
            self.max_score = math.inf
            self.worst = where
            return
        r = float(ref)
        if got == r:
            return
        err = abs(got - r)
        rel = err / abs(r) if r != 0 else math.inf
        if self.relative_only and abs(r) > self.floor:
            score = rel
        else:
            score = err / max(1.0, abs(r))
        # Below the smallest normal double a value can only underflow; that
        # is range, not precision, and the bar's absolute part covers it.
        if abs(r) > self.floor and rel > self.max_rel:
            self.max_rel = rel
            self.worst_rel = (where, got, mpmath.nstr(ref, 20))
        if score > self.max_score:
            self.max_score = score
            self.worst = (where, got, mpmath.nstr(ref, 20))

    def ok(self):
        return self.nan == 0 and self.max_score <= TOL


def run_dump(exe, queries):
    out = subprocess.run([exe], input="\n".join(queries) + "\n", capture_output=True,
                         text=True, check=True).stdout.splitlines()
    if len(out) != len(queries):
        raise RuntimeError("accuracy-dump answered %d of %d queries" % (len(out), len(queries)))
    return [[float(v) for v in line.split()] for line in out]


def main():
    exe = sys.argv[1]

    # Pairs (p, q) of models at one x: every model of GRID × GRID against
    # itself and its near neighbours (KL's hard case), and all pairs of
    # SMALL × SMALL models (far apart, both orders).
    pairs = []
    for x in XS:
        for tp in GRID:
            for bp in GRID:
                pairs.append((tp, bp, tp, bp, x))
                for d in DELTAS:
                    pairs.append((tp, bp, tp, bp + d, x))
                    pairs.append((tp, bp, tp + d, bp, x))
        for tp in SMALL:
            for bp in SMALL:
                for tq in SMALL:
                    for bq in SMALL:
                        pairs.append((tp, bp, tq, bq, x))

    # and seeded random points anywhere in the box, including near-equal
    # models (q a tiny step from p)
    rng = random.Random(20261125)
    for _ in range(2000):
        tp, bp, tq, bq = (rng.uniform(-50, 50) for _ in range(4))
        x = rng.uniform(-10, 10)
        pairs.append((tp, bp, tq, bq, x))
        pairs.append((tp, bp, tp * (1 + rng.uniform(-1e-6, 1e-6)), bp, x))

    # The far tails, beyond the bar's box: logits of ±690…746, where the
    # smaller probability is subnormal or nearly while H, H(p, q) and KL
    # are still normal doubles, against a near or a very far other model
    # (|z_q| up to 1e12: a subnormal p times a huge surprisal).
    tails = []
    for _ in range(1500):
        zp = rng.uniform(690, 746) * rng.choice([1, -1])
        u = rng.random()
        if u < 0.5:
            zq = zp + rng.choice([rng.uniform(-5, 5), rng.uniform(-0.01, 0.01), rng.uniform(-40, 40)])
        elif u < 0.75:
            zq = rng.choice([1, -1]) * 10 ** rng.uniform(0, 12)
        else:
            # the same side, far out: p ≈ 1e-319 times a surprisal ≈ 1e12
            zq = math.copysign(10 ** rng.uniform(9, 12.5), zp)
        tails.append((0.0, zp, 0.0, zq, 1.0))

    queries = ["pair %r %r %r %r %r" % pr for pr in pairs + tails]
    bits_pairs = pairs[:: 97]
    queries += ["bits %r %r %r %r %r" % pr for pr in bits_pairs]
    tanh_z = [-700.0, -550.0, -50.0, -10.0, -1.0, -1e-3, -1e-300, 0.0, 1e-300, 1e-3,
              0.5, 1.0, 10.0, 50.0, 550.0, 700.0]
    queries += ["tanh %r" % z for z in tanh_z]
    # Models with the normalised tanh output (tanh(θx + b) + 1)/2 on one
    # side or both, across the same box: every 7th pair.
    out_pairs = []
    for k, pr in enumerate(pairs[::7]):
        op, oq = [(1, 0), (0, 1), (1, 1)][k % 3]
        out_pairs.append((op, oq) + tuple(pr))
    queries += ["pairo %d %d %r %r %r %r %r" % pr for pr in out_pairs]

    softmax_cases = []
    logit_sets = [[2.0, 1.0, 0.1], [0.0, 0.0], [50.0, -50.0], [50.0, -50.0, 0.0, 1e-3],
                  [1e3, 0.0, -1e3], [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0],
                  [-10.0, 10.0, -10.0, 10.0, 0.5], [1e-3, -1e-3, 0.0, 2e-3, 3e-3, -4e-3]]
    for logits in logit_sets:
        k = len(logits)
        targets = [[1.0 if i == 0 else 0.0 for i in range(k)], [1.0 / k] * k]
        targets.append([(i + 1) / (k * (k + 1) / 2) for i in range(k)])
        for t in [1e-2, 0.1, 0.5, 1.0, 3.0, 100.0]:
            for target in targets:
                softmax_cases.append((t, logits, target))
    queries += ["softmax %r %d %s %s" % (t, len(z), " ".join(map(repr, z)),
                                         " ".join(map(repr, tg)))
                for t, z, tg in softmax_cases]

    # The squared error of one example at logits across the whole range
    # (its residual from the small side: e^-|z| near underflow), and of the
    # Challenger data over bad starts and the optimum's neighbourhood.
    sq_z = [-745.0, -700.0, -373.0, -300.0, -50.0, -20.0, -5.0, -1.0, -1e-3, -1e-9, 0.0, 1e-9,
            1e-3, 0.5, 1.0, 5.0, 20.0, 50.0, 300.0, 373.0, 700.0, 745.0]
    sq_cases = [(z, y) for z in sq_z for y in (0.0, 1.0, 0.25)]
    queries += ["sqerr 1 %r %r 0" % (y, z) for z, y in sq_cases]
    sq_wb = [(0.0, 0.0), (-0.23, 15.0), (-0.3, 19.26), (1.0, -70.0), (2.0, -140.0), (-2.0, 140.0),
             (50.0, -3510.0), (0.01, 0.0), (-50.0, 50.0)]
    queries.append("dataset challenger")
    queries += ["sqdata challenger %r %r" % wb for wb in sq_wb]

    answers = run_dump(exe, queries)
    a = iter(answers)

    # The bar is relative for p and q and absolute-or-relative for the
    # rest; the binary quantities meet the stricter relative bar, which is
    # what catches a lost tail (log(1 + e^-z) for log1p, 1 − p for σ(−z)),
    # so that is what is asserted for them.
    prob = Stat("p and q (relative)", True)
    ent = Stat("H(p), H(q) (relative)", True)
    ce = Stat("H(p,q), H(q,p) (relative)", True)
    div = Stat("KL(p||q), KL(q||p) (relative)", True)
    bits = Stat("values in bits (relative)", True)
    tanh = Stat("tanh output and its entropy (relative)", True)
    sm_p = Stat("softmax probabilities (relative)", True)
    sm_h = Stat("softmax entropy, cross-entropy (absolute or relative)", False)
    # KL near a match is second order in the mismatch; computed as a sum
    # of non-negative terms it keeps relative precision.
    sm_kl = Stat("softmax KL (relative)", True)
    # Each class's term −tᵢ·log Pᵢ and tᵢ·log(tᵢ/Pᵢ), from the logits.
    sm_terms = Stat("softmax per-class terms (absolute or relative)", False)
    # H(p, q)'s two terms, −p·log q and −(1 − p)·log(1 − q), from the logits.
    pair_terms = Stat("H(p,q)'s two terms (relative)", True)

    for pr in pairs:
        got = next(a)
        mp_ = Model.at(pr[0], pr[1], pr[4])
        mq = Model.at(pr[2], pr[3], pr[4])
        refs = [mp_.p, mq.p, entropy(mp_), entropy(mq), cross(mp_, mq), cross(mq, mp_),
                kl(mp_, mq), kl(mq, mp_)]
        for j, (g, r) in enumerate(zip(got, refs)):
            stat = [prob, prob, ent, ent, ce, ce, div, div][j]
            stat.add(g, r, ("pair", pr, j))
        pair_terms.add(got[8], mp_.p * mq.sp_neg, ("pair-term-1", pr))
        pair_terms.add(got[9], mp_.p1 * mq.sp, ("pair-term-0", pr))

    tail = Stat("far tails, normal results (relative)", True, floor=2.0 ** -1022)
    for pr in tails:
        got = next(a)
        mp_ = Model.at(pr[0], pr[1], pr[4])
        mq = Model.at(pr[2], pr[3], pr[4])
        refs = [mp_.p, mq.p, entropy(mp_), entropy(mq), cross(mp_, mq), cross(mq, mp_),
                kl(mp_, mq), kl(mq, mp_)]
        for j, (g, r) in enumerate(zip(got, refs)):
            # below the smallest normal double a value has fewer bits
            if abs(r) >= mpf(2) ** -1022:
                tail.add(g, r, ("tail", pr, j))

    for pr in bits_pairs:
        got = next(a)
        mp_ = Model.at(pr[0], pr[1], pr[4])
        mq = Model.at(pr[2], pr[3], pr[4])
        refs = [entropy(mp_), entropy(mq), cross(mp_, mq), cross(mq, mp_),
                kl(mp_, mq), kl(mq, mp_)]
        for g, r in zip(got[2:], refs):
            bits.add(g, r / LN2, ("bits", pr))

    for z in tanh_z:
        got = next(a)
        zz = 2 * mpf(z)
        # (tanh z + 1)/2 itself for moderate z; below −20 the 50-digit sum
        # would cancel, so the identical σ(2z) is the reference there.
        ref_p = (mp.tanh(mpf(z)) + 1) / 2 if z > -20 else 1 / (1 + mp.exp(-zz))
        tanh.add(got[0], ref_p, ("tanh", z))
        tanh.add(got[1], entropy(Model(zz)), ("tanh-H", z))

    tanh_pair = Stat("models with the tanh output: p, q, H, H(p,q), KL (relative)", True)
    for pr in out_pairs:
        got = next(a)
        op, oq, tp, bp, tq, bq, x = pr

        def model(out, theta, bias):
            u = mpf(theta) * mpf(x) + mpf(bias)
            return Model(2 * u) if out else Model.at(theta, bias, x)

        mp_, mq = model(op, tp, bp), model(oq, tq, bq)
        refs = [mp_.p, mq.p, entropy(mp_), entropy(mq), cross(mp_, mq), cross(mq, mp_),
                kl(mp_, mq), kl(mq, mp_)]
        for j, (g, r) in enumerate(zip(got, refs)):
            tanh_pair.add(g, r, ("pairo", pr, j))
        # the output itself against (tanh u + 1)/2 where that sum keeps its digits
        for out, theta, bias, g in ((op, tp, bp, got[0]), (oq, tq, bq, got[1])):
            u = mpf(theta) * mpf(x) + mpf(bias)
            if out and u > -20:
                tanh_pair.add(g, (mp.tanh(u) + 1) / 2, ("pairo-tanh", pr))

    for t, z, tg in softmax_cases:
        got = next(a)
        k = len(z)
        u = [mpf(v) / mpf(t) for v in z]
        imax = max(range(k), key=lambda i: u[i])
        m = u[imax]
        # log1p of the other terms: at 50 digits log(1 + 1e-87) would be 0,
        # losing the whole entropy of a nearly one-hot softmax.
        log_s = mp.log1p(mp.fsum(mp.exp(u[i] - m) for i in range(k) if i != imax))
        logp = [(v - m) - log_s for v in u]
        probs = [mp.exp(v) for v in logp]
        h = -mp.fsum(pi * lp for pi, lp in zip(probs, logp))
        cross_e = -mp.fsum(mpf(ti) * lp for ti, lp in zip(tg, logp))
        kl_t = mp.fsum(mpf(ti) * (mp.log(mpf(ti)) - lp) for ti, lp in zip(tg, logp) if ti > 0)
        for j in range(k):
            if probs[j] > mpf(10) ** -300:     # below: a subnormal or 0, not the bar's range
                sm_p.add(got[j], probs[j], ("softmax", t, z, j))
        sm_h.add(got[k], h, ("softmax-H", t, z))
        sm_h.add(got[k + 1], cross_e, ("softmax-CE", t, z, tg))
        sm_kl.add(got[k + 2], kl_t, ("softmax-KL", t, z, tg))
        for j in range(k):
            ti = mpf(tg[j])
            ref_ce = -ti * logp[j] if ti > 0 else mpf(0)
            ref_kl = ti * (mp.log(ti) - logp[j]) if ti > 0 else mpf(0)
            sm_terms.add(got[k + 3 + j], ref_ce, ("softmax-CE-term", t, z, tg, j))
            sm_terms.add(got[2 * k + 3 + j], ref_kl, ("softmax-KL-term", t, z, tg, j))

    sq = Stat("squared error (σ(z) − y)² and its d/dz (relative)", True, floor=2.0 ** -1022)
    for z, y in sq_cases:
        got = next(a)
        zz, yy = mpf(z), mpf(y)
        s_pos, s_neg = 1 / (1 + mp.exp(-zz)), 1 / (1 + mp.exp(zz))
        r = s_pos if y == 0 else -s_neg if y == 1 else s_pos - yy
        for g, ref in ((got[0], r * r), (got[1], 2 * r * s_pos * s_neg)):
            if abs(ref) >= mpf(2) ** -1022 or ref == 0:
                sq.add(g, ref, ("sqerr", z, y))

    rows = next(a)
    data = [(mpf(rows[j]), mpf(rows[j + 1])) for j in range(0, len(rows), 2)]
    sq_data = Stat("Challenger's mean squared error (relative) and gradient (absolute or relative)",
                   False)
    for w, b in sq_wb:
        got = next(a)
        n = len(data)
        loss = dw = db = mpf(0)
        for x, y in data:
            z = mpf(w) * x + mpf(b)
            s_pos, s_neg = 1 / (1 + mp.exp(-z)), 1 / (1 + mp.exp(z))
            r = s_pos if y == 0 else -s_neg
            loss += r * r
            dw += 2 * r * s_pos * s_neg * x
            db += 2 * r * s_pos * s_neg
        sq.add(got[0], loss / n, ("sqdata-loss", w, b))
        sq_data.add(got[1], dw / n, ("sqdata-dw", w, b))
        sq_data.add(got[2], db / n, ("sqdata-db", w, b))

    stats = [prob, ent, ce, div, pair_terms, tail, bits, tanh, tanh_pair, sm_p, sm_h, sm_kl, sm_terms, sq,
             sq_data]
    print("1..%d" % (len(stats) + 1))
    for n, s in enumerate(stats, 1):
        print("# %s: %d values, max relative error %.3g, max bar metric %.3g"
              % (s.name, s.count, s.max_rel, s.max_score))
        if "-v" in sys.argv:
            print("#   worst relative: %r" % (getattr(s, "worst_rel", None),))
        if s.ok():
            print("ok %d - %s within %g of mpmath" % (n, s.name, TOL))
        else:
            print("# worst: %r; NaN count %d" % (s.worst, s.nan))
            print("not ok %d - %s within %g of mpmath" % (n, s.name, TOL))
    nan = sum(s.nan for s in stats)
    print("%s %d - no NaN among %d values" % ("ok" if nan == 0 else "not ok", len(stats) + 1,
                                               sum(s.count for s in stats)))


main()
