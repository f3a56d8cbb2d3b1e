#!/usr/bin/python3
# test-mle.py ENTROPY_LAB_CLI
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The accuracy bar: on generated data (several seeds, with and without a
# bias, x far from 0 and on its own scale), Newton's method and
# standardised gradient descent (lr 1) reach scikit-learn's unpenalised
# maximum-likelihood w, b and loss to 1e-4 relative. TAP output.

import json
import math
import os
import subprocess
import sys
import tempfile
import warnings

cli = sys.argv[1]
try:
    import numpy as np
    from sklearn.linear_model import LogisticRegression
except ImportError as e:
    print("1..0 # SKIP numpy/scikit-learn unavailable (%s)" % e)
    sys.exit(0)

warnings.filterwarnings("ignore")
TOL = 1e-4


def sklearn_fit(x, y, bias):
    try:
        model = LogisticRegression(penalty=None, fit_intercept=bias, tol=1e-10, max_iter=2000,
                                   solver="newton-cg")
        model.fit(x[:, None], y)
    except (TypeError, ValueError):
        model = LogisticRegression(C=1e12, fit_intercept=bias, tol=1e-10, max_iter=2000, solver="newton-cg")
        model.fit(x[:, None], y)
    w = float(model.coef_[0, 0])
    b = float(model.intercept_[0]) if bias else 0.0
    z = w * x + b
    loss = float(np.mean(np.logaddexp(0, z) - y * z))
    return w, b, loss


def rel(a, b):
    return abs(a - b) / max(abs(b), 1e-300)


results = []
worst = {}
with tempfile.TemporaryDirectory(prefix="elab-mle-") as tmp:
    for seed in (1, 2, 3, 4):
        rng = np.random.default_rng(seed)
        n = int(rng.integers(200, 2000))
        center = rng.uniform(-20, 20)
        spread = rng.uniform(0.5, 10)
        x = rng.normal(center, spread, n)
        for bias in (True, False):
            w_true = rng.uniform(0.3, 2.0) / spread * rng.choice([-1, 1])
            b_true = -w_true * center + rng.uniform(-1, 1) if bias else 0.0
            xs = x if bias else x - center + rng.uniform(-0.5, 0.5) * spread
            p = 1 / (1 + np.exp(-(w_true * xs + b_true)))
            y = (rng.uniform(size=n) < p).astype(float)
            path = os.path.join(tmp, "seed%d-%s.csv" % (seed, "bias" if bias else "nobias"))
            with open(path, "w") as f:
                f.write("x value,label\n")
                for a, c in zip(xs, y):
                    f.write("%.17g,%d\n" % (a, c))
            ref_w, ref_b, ref_loss = sklearn_fit(xs, y, bias)

            runs = {
                "newton": ["--optimizer", "newton", "--steps", "200"],
                "gd-standardized": ["--standardize", "--lr", "1", "--steps", "200000", "--every", "100000",
                                    "--tolerance", "1e-10"],
            }
            for name, args in runs.items():
                cmd = [cli, "train", "--data", path, "--format", "json", "--unit", "nats"] + args
                if not bias:
                    cmd.append("--no-bias")
                r = subprocess.run(cmd, capture_output=True, text=True)
                label = "seed %d %s %s (n=%d)" % (seed, "bias" if bias else "no bias", name, n)
                if r.returncode != 0:
                    results.append((False, label, r.stderr))
                    continue
                res = json.loads(r.stdout)["result"]
                errs = {"w": rel(res["w"], ref_w), "loss": rel(res["loss"], ref_loss)}
                if bias:
                    errs["b"] = rel(res["b"], ref_b)
                else:
                    errs["b"] = 0.0 if res["b"] == 0 else math.inf
                for k, v in errs.items():
                    worst[(name, k)] = max(worst.get((name, k), 0.0), v)
                ok = res["status"] == "converged" and all(v <= TOL for v in errs.values())
                results.append((ok, label, "status %s; ours w %.12g b %.12g loss %.12g; sklearn w %.12g b %.12g "
                                "loss %.12g; rel %s" % (res["status"], res["w"], res["b"], res["loss"],
                                                        ref_w, ref_b, ref_loss, errs)))

print("1..%d" % len(results))
for (name, k), v in sorted(worst.items()):
    print("# worst relative difference to scikit-learn, %s %s: %.2e" % (name, k, v))
for i, (ok, name, detail) in enumerate(results, 1):
    print(("ok %d - %s" if ok else "not ok %d - %s") % (i, name))
    if not ok:
        print("# " + detail)
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
