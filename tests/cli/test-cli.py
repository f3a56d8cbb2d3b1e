#!/usr/bin/python3
# test-cli.py
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The headless command line, run as a user would run it, with no display:
# output formats, numbers that round-trip and match closed forms, exports
# of the right size, and every usage and I/O error with its exit status,
# its one-line message and nothing left behind. Prints TAP.
#
# Usage: test-cli.py PATH/TO/entropy-lab-cli

import json
import math
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import traceback
import zlib

CLI = os.path.abspath(sys.argv[1])
TMP = tempfile.mkdtemp(prefix="elab-cli-test-")
ENV = dict(os.environ)
for var in ("DISPLAY", "WAYLAND_DISPLAY"):
    ENV.pop(var, None)
ENV["LC_ALL"] = "C.UTF-8"

cases = []


def case(name):
    def register(function):
        cases.append((name, function))
        return function
    return register


def run(*args, expect=0):
    proc = subprocess.run([CLI, *args], env=ENV, capture_output=True, text=True, timeout=120)
    assert proc.returncode == expect, (
        f"{' '.join(args)}: exit {proc.returncode}, wanted {expect}\n"
        f"stdout: {proc.stdout[:500]}\nstderr: {proc.stderr[:500]}")
    return proc


def run_error(args, status=2):
    """A failing command: its exit status, exactly one line on stderr with
    the error prefix, and nothing on stdout."""
    proc = run(*args, expect=status)
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, f"{args}: wanted one line on stderr, got {proc.stderr!r}"
    assert lines[0].startswith("entropy-lab: error: "), f"{args}: {lines[0]!r}"
    assert proc.stdout == "", f"{args}: stdout not empty: {proc.stdout[:200]!r}"
    return lines[0]


def csv_rows(text):
    lines = text.strip("\n").split("\n")
    header = lines[0].split(",")
    return header, [dict(zip(header, line.split(","))) for line in lines[1:]]


def roundtrips(text):
    if text in ("inf", "-inf"):
        return True
    return "%.17g" % float(text) == text


def tmp_listing():
    return sorted(os.listdir(TMP))


# PNG: just enough to read the header and the first row of pixels.
def png_info(path):
    with open(path, "rb") as f:
        data = f.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path}: not a PNG"
    pos, idat, ihdr = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, color = ihdr[:4]
    assert depth == 8, f"bit depth {depth}"
    channels = {2: 3, 6: 4}[color]
    raw = zlib.decompress(idat)
    stride = width * channels
    assert len(raw) == height * (stride + 1), "IDAT size"
    filt, row = raw[0], bytearray(raw[1:1 + stride])
    # The first row has no row above it: Up is None, Paeth is Sub, Average
    # adds half the left neighbour.
    for i in range(channels, stride):
        left = row[i - channels]
        if filt in (1, 4):
            row[i] = (row[i] + left) & 0xFF
        elif filt == 3:
            row[i] = (row[i] + left // 2) & 0xFF
    if filt == 3:
        pass  # the first pixel's Average term is 0
    first_alpha = row[3] if channels == 4 else 255
    return width, height, first_alpha


# ---------------------------------------------------------------- curves

@case("curves: CSV header row")
def _():
    out = run("curves").stdout
    assert out.split("\n")[0] == "x,p,q,H_p,H_q,H_pq,H_qp,KL_pq,KL_qp", out.split("\n")[0]


@case("curves: 241 rows by default, --samples sets the count")
def _():
    _, rows = csv_rows(run("curves").stdout)
    assert len(rows) == 241, len(rows)
    _, rows = csv_rows(run("curves", "--samples", "7").stdout)
    assert len(rows) == 7, len(rows)
    _, rows = csv_rows(run("curves", "--samples", "2").stdout)
    assert [float(r["x"]) for r in rows] == [-6, 6], rows


@case("curves: x evenly spaced with both ends included")
def _():
    _, rows = csv_rows(run("curves", "--samples", "5", "--x-min", "-6", "--x-max", "6").stdout)
    assert [float(r["x"]) for r in rows] == [-6, -3, 0, 3, 6], [r["x"] for r in rows]


@case("curves: every number round-trips with %.17g")
def _():
    _, rows = csv_rows(run("curves", "--samples", "31", "--theta-q", "0.3", "--bias-p", "-0.7").stdout)
    for row in rows:
        for key, text in row.items():
            assert roundtrips(text), f"{key}={text}"
            assert math.isfinite(float(text)), f"{key}={text}"


@case("curves: closed forms at x = 0 (p = q = 1/2: H = 1 bit, KL = 0)")
def _():
    _, rows = csv_rows(run("curves", "--samples", "3", "--x-min", "-1", "--x-max", "1").stdout)
    mid = {k: float(v) for k, v in rows[1].items()}
    assert mid["x"] == 0 and mid["p"] == 0.5 and mid["q"] == 0.5, mid
    for key in ("H_p", "H_q", "H_pq", "H_qp"):
        assert abs(mid[key] - 1.0) < 1e-15, (key, mid[key])
    assert abs(mid["KL_pq"]) < 1e-15 and abs(mid["KL_qp"]) < 1e-15, mid


@case("curves: values match a 50-digit reference (mpmath) within 1e-12")
def _():
    import mpmath
    mpmath.mp.dps = 50
    args = ("--theta-p", "1.5", "--bias-p", "-0.5", "--theta-q", "-3", "--bias-q", "2",
            "--x-min", "-10", "--x-max", "10", "--samples", "21")
    _, rows = csv_rows(run("curves", *args).stdout)
    ln2 = mpmath.log(2)
    for row in rows:
        x = mpmath.mpf(row["x"])
        zp, zq = 1.5 * x - mpmath.mpf("0.5"), -3 * x + 2
        p, q = 1 / (1 + mpmath.exp(-zp)), 1 / (1 + mpmath.exp(-zq))
        h = lambda a: -(a * mpmath.log(a) + (1 - a) * mpmath.log(1 - a)) / ln2
        ce = lambda a, b: -(a * mpmath.log(b) + (1 - a) * mpmath.log(1 - b)) / ln2
        ref = {"p": p, "q": q, "H_p": h(p), "H_q": h(q), "H_pq": ce(p, q), "H_qp": ce(q, p),
               "KL_pq": ce(p, q) - h(p), "KL_qp": ce(q, p) - h(q)}
        for key, value in ref.items():
            got = mpmath.mpf(row[key])
            tol = 1e-12 * max(abs(value), 1e-300 if key in ("p", "q") else 1.0)
            assert abs(got - value) <= tol, f"x={row['x']} {key}: {row[key]} vs {mpmath.nstr(value, 20)}"


@case("curves: nats are bits times ln 2; KL_pq = H_pq − H_p")
def _():
    _, bits = csv_rows(run("curves", "--samples", "9").stdout)
    _, nats = csv_rows(run("curves", "--samples", "9", "--unit", "nats").stdout)
    for b, n in zip(bits, nats):
        assert float(b["p"]) == float(n["p"])
        for key in ("H_p", "H_pq", "KL_qp"):
            assert math.isclose(float(b[key]) * math.log(2), float(n[key]), rel_tol=1e-14, abs_tol=1e-300), key
        assert math.isclose(float(b["KL_pq"]), float(b["H_pq"]) - float(b["H_p"]), rel_tol=1e-9, abs_tol=1e-14)


@case("curves: θ = 50 and b = −50 stay finite (no nan, no inf)")
def _():
    _, rows = csv_rows(run("curves", "--theta-p", "50", "--theta-q", "-50", "--bias-q", "-50",
                           "--x-min", "-10", "--x-max", "10").stdout)
    for row in rows:
        for key, text in row.items():
            assert math.isfinite(float(text)), f"x={row['x']} {key}={text}"
            assert float(text) >= 0 or key == "x", f"{key}={text}"


@case("curves: --format json parses and holds the same numbers as CSV")
def _():
    args = ("--samples", "13", "--theta-q", "0.5")
    doc = json.loads(run("curves", *args, "--format", "json").stdout)
    _, rows = csv_rows(run("curves", *args).stdout)
    assert doc["unit"] == "bits" and doc["samples"] == 13 and len(doc["rows"]) == 13, doc.keys()
    assert doc["q"]["theta"] == 0.5 and doc["p"]["theta"] == 1
    for row, obj in zip(rows, doc["rows"]):
        for key in row:
            assert float(row[key]) == obj[key], (key, row[key], obj[key])
    assert set(doc["means"]) == {"H_p", "H_q", "H_pq", "H_qp", "KL_pq", "KL_qp"}, doc["means"]
    means = doc["means"]
    assert means["H_pq"] >= means["H_p"] and means["KL_pq"] > 0
    assert math.isclose(means["KL_pq"], means["H_pq"] - means["H_p"], rel_tol=1e-9)


@case("curves: a preset is a starting point, flags override it")
def _():
    names = preset_names()
    assert names, "no presets"
    args = ("--samples", "5", "--x-min", "-1", "--x-max", "1")
    for name in names:
        _, base = csv_rows(run("curves", "--preset", name, *args).stdout)
        _, over = csv_rows(run("curves", "--preset", name, *args, "--theta-q", "7", "--bias-q", "0").stdout)
        assert [r["p"] for r in base] == [r["p"] for r in over], name
        want = [1 / (1 + math.exp(-7 * float(r["x"]))) for r in over]
        assert all(math.isclose(float(r["q"]), w, rel_tol=1e-15) for r, w in zip(over, want)), name


# --------------------------------------------------------------- softmax

def softmax_ref(logits, t=1.0):
    m = max(logits)
    e = [math.exp((z - m) / t) for z in logits]
    s = sum(e)
    return [v / s for v in e]


@case("softmax: logits 2,1,0.1 give the right probabilities, entropy, cross-entropy and KL")
def _():
    header, rows = csv_rows(run("softmax", "--logits", "2,1,0.1").stdout)
    assert header == ["p_1", "p_2", "p_3", "entropy", "max_entropy", "cross_entropy", "target_entropy",
                      "kl", "ce_1", "ce_2", "ce_3", "kl_1", "kl_2", "kl_3"], header
    got = {k: float(v) for k, v in rows[0].items()}
    ref = softmax_ref([2, 1, 0.1])
    for i, p in enumerate(ref):
        assert math.isclose(got[f"p_{i + 1}"], p, rel_tol=1e-14), (i, got, ref)
    assert math.isclose(sum(got[f"p_{i}"] for i in (1, 2, 3)), 1.0, rel_tol=1e-15)
    entropy = -sum(p * math.log2(p) for p in ref)
    assert math.isclose(got["entropy"], entropy, rel_tol=1e-13), got["entropy"]
    assert math.isclose(got["max_entropy"], math.log2(3), rel_tol=1e-15)
    # Target (1,0,0) by default: the cross-entropy is −log2 P1 and KL is the same.
    assert math.isclose(got["cross_entropy"], -math.log2(ref[0]), rel_tol=1e-13)
    assert math.isclose(got["kl"], -math.log2(ref[0]), rel_tol=1e-12)
    assert got["target_entropy"] == 0.0, got
    for value in rows[0].values():
        assert roundtrips(value), value


@case("softmax: JSON, a soft target, nats and temperature")
def _():
    doc = json.loads(run("softmax", "--logits", "3, 1, 0.2, -1", "--target", "0.4,0.3,0.2,0.1",
                         "--temperature", "2", "--unit", "nats", "--format", "json").stdout)
    for key in ("probabilities", "entropy", "max_entropy", "cross_entropy", "target_entropy", "kl"):
        assert key in doc, key
    ref = softmax_ref([3, 1, 0.2, -1], 2)
    target = [0.4, 0.3, 0.2, 0.1]
    for got, want in zip(doc["probabilities"], ref):
        assert math.isclose(got, want, rel_tol=1e-14)
    ce = -sum(t * math.log(p) for t, p in zip(target, ref))
    kl = ce + sum(t * math.log(t) for t in target)
    assert math.isclose(doc["cross_entropy"], ce, rel_tol=1e-13)
    assert math.isclose(doc["kl"], kl, rel_tol=1e-11)
    assert math.isclose(doc["target_entropy"], -sum(t * math.log(t) for t in target), rel_tol=1e-14)
    assert math.isclose(doc["max_entropy"], math.log(4), rel_tol=1e-15)
    assert doc["unit"] == "nats" and doc["temperature"] == 2


@case("softmax: a target that sums to 1 up to rounding is kept as typed; a near one is renormalised")
def _():
    doc = json.loads(run("softmax", "--target", "0.7,0.2,0.1", "--format", "json").stdout)
    assert doc["target"] == [0.7, 0.2, 0.1], doc["target"]
    doc = json.loads(run("softmax", "--target", "0.5000001,0.25,0.25", "--format", "json").stdout)
    assert math.isclose(sum(doc["target"]), 1.0, rel_tol=1e-15), doc["target"]


@case("softmax: label smoothing 0.9,0.05,0.05: KL = H(target, P) − H(target), in CSV and JSON")
def _():
    args = ["softmax", "--logits", "2,1,0.1", "--target", "0.9,0.05,0.05"]
    target = [0.9, 0.05, 0.05]
    h = -sum(t * math.log2(t) for t in target)
    doc = json.loads(run(*args, "--format", "json").stdout)
    assert math.isclose(doc["target_entropy"], h, rel_tol=1e-14), (doc, h)
    assert math.isclose(doc["kl"], doc["cross_entropy"] - doc["target_entropy"], rel_tol=1e-12), doc
    header, rows = csv_rows(run(*args).stdout)
    assert header.index("target_entropy") == header.index("cross_entropy") + 1, header
    assert float(rows[0]["target_entropy"]) == doc["target_entropy"], rows


@case("softmax --probabilities: the four-symbol code typed as P; a 0 under target mass is ∞, named")
def _():
    header, rows = csv_rows(run("softmax", "--probabilities", "0.125,0.5,0.125,0.25",
                                "--target", "0.25,0.25,0.25,0.25").stdout)
    got = {k: float(v) for k, v in rows[0].items()}
    assert [got["p_%d" % i] for i in (1, 2, 3, 4)] == [0.125, 0.5, 0.125, 0.25], got
    assert math.isclose(got["entropy"], 1.75, rel_tol=1e-15), got["entropy"]
    assert math.isclose(got["cross_entropy"], 2.25, rel_tol=1e-15), got["cross_entropy"]
    # log 0: the target's mass on a class the model gives 0.
    proc = run("softmax", "--probabilities", "0,0.5,0.25,0.25", "--target", "0.25,0.25,0.25,0.25",
               "--format", "json")
    doc = json.loads(proc.stdout)
    assert doc["probabilities"][0] == 0 and doc["logits"][0] == "-Infinity", doc
    assert doc["cross_entropy"] == "Infinity" and doc["kl"] == "Infinity", doc
    assert doc["cross_entropy_terms"][0] == "Infinity" and doc["cross_entropy_terms"][1] == 0.25, doc
    assert doc["entropy"] == 1.5, doc
    assert proc.stderr.startswith("entropy-lab: note: the target puts 0.25 on class 1, where P = 0 "
                                  "(a support mismatch)"), proc.stderr
    # A 0 where the target has none costs nothing: no note, all finite.
    proc = run("softmax", "--probabilities", "0,0.5,0.5", "--target", "0,0.5,0.5", "--format", "json")
    doc = json.loads(proc.stdout)
    assert doc["cross_entropy"] == 1 and doc["kl"] == 0 and proc.stderr == "", (doc, proc.stderr)
    # The same model as logits, -inf included, reads back.
    doc = json.loads(run("softmax", "--logits=-inf,0,0", "--format", "json").stdout)
    assert doc["probabilities"] == [0, 0.5, 0.5], doc
    # The sum in the fewest digits that read back (the window shows the same message).
    assert run_error(["softmax", "--probabilities", "0.5,0.6"]).endswith("the values sum to 1.1; "
                                                                        "a distribution sums to 1")
    assert "not both" in run_error(["softmax", "--probabilities", "0.5,0.5", "--logits", "1,2"])
    assert "value 1 must be ≥ 0" in run_error(["softmax", "--probabilities=-0.5,1.5"])
    assert "at least one must be finite" in run_error(["softmax", "--logits=-inf,-inf"])


@case("softmax: a large temperature approaches the uniform distribution")
def _():
    doc = json.loads(run("softmax", "--logits", "5,0,-5", "--temperature", "1e6", "--format", "json").stdout)
    for p in doc["probabilities"]:
        assert abs(p - 1 / 3) < 1e-5, doc["probabilities"]
    assert abs(doc["entropy"] - doc["max_entropy"]) < 1e-9


# --------------------------------------------------------------- presets

def preset_names():
    out = run("presets").stdout
    lines = out.split("\n")
    start = lines.index("Presets:") + 2
    return [line.split()[0] for line in lines[start:] if line.strip()]


@case("presets: lists every figure and the named presets")
def _():
    out = run("presets").stdout
    for figure in ("entropy", "cross-entropy", "softmax", "training", "landscape"):
        assert f"  {figure} " in out, figure
    names = preset_names()
    assert len(names) >= 2, names
    for name in names:
        run("curves", "--preset", name, "--samples", "2")


# ---------------------------------------------------------------- export

@case("export: PNG of the requested size; --scale multiplies the pixels")
def _():
    out = os.path.join(TMP, "ce.png")
    run("export", "--figure", "cross-entropy", "--out", out, "--width", "480", "--height", "270")
    w, h, alpha = png_info(out)
    assert (w, h) == (480, 270), (w, h)
    assert alpha == 255, alpha
    run("export", "--figure", "entropy", "--out", out, "--width", "400", "--height", "300", "--scale", "1.5")
    assert png_info(out)[:2] == (600, 450), png_info(out)


@case("export: default size is 1920×1080")
def _():
    out = os.path.join(TMP, "default.png")
    run("export", "--figure", "softmax", "--out", out)
    assert png_info(out)[:2] == (1920, 1080), png_info(out)


@case("export: --transparent gives a fully transparent background")
def _():
    out = os.path.join(TMP, "clear.png")
    run("export", "--figure", "cross-entropy", "--out", out, "--width", "320", "--height", "200", "--transparent")
    w, h, alpha = png_info(out)
    assert alpha == 0, alpha


@case("export: SVG and PDF are written and well-formed")
def _():
    svg, pdf = os.path.join(TMP, "f.svg"), os.path.join(TMP, "f.pdf")
    run("export", "--figure", "softmax", "--out", svg, "--logits", "1,2,3,4", "--theme", "dark")
    run("export", "--figure", "entropy", "--out", pdf, "--palette", "colorblind", "--theta-c", "0.5")
    with open(svg, encoding="utf-8") as f:
        text = f.read()
    assert "<svg" in text and text.rstrip().endswith("</svg>"), text[:100]
    with open(pdf, "rb") as f:
        data = f.read()
    assert data.startswith(b"%PDF-") and b"%%EOF" in data[-64:], data[:16]


@case("export: the training figures train the default data set and draw it")
def _():
    for figure in ("training", "landscape"):
        out = os.path.join(TMP, f"{figure}.png")
        run("export", "--figure", figure, "--out", out, "--width", "640", "--height", "360")
        assert png_info(out)[:2] == (640, 360), figure


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


@case("export: --loss-scale log|linear; linear is the default and only the training figure changes")
def _():
    paths = {}
    for name, extra in (("default", []), ("linear", ["--loss-scale", "linear"]), ("log", ["--loss-scale", "log"])):
        paths[name] = os.path.join(TMP, f"loss-{name}.png")
        run("export", "--figure", "training", "--data", "iris-setosa", "--standardize", "--lr", "1",
            "--width", "640", "--height", "400", "--out", paths[name], *extra)
        assert png_info(paths[name])[:2] == (640, 400), name
    assert read_bytes(paths["default"]) == read_bytes(paths["linear"])
    assert read_bytes(paths["log"]) != read_bytes(paths["linear"])
    line = run_error(["export", "--figure", "training", "--out", os.path.join(TMP, "never.png"),
                      "--loss-scale", "logarithmic"], 2)
    assert "--loss-scale" in line and "linear, log" in line, line


@case("softmax: each class's terms of the cross-entropy and KL, exact where P underflows (a logit 2000 below the top: 0.25·2000/ln 2 = 721 bits), summing to the totals")
def _():
    out = run("softmax", "--logits", "0,-2000,1,0.5", "--target", "0.25,0.25,0.25,0.25", "--format", "json").stdout
    doc = json.loads(out)
    ce, kl = doc["cross_entropy_terms"], doc["kl_terms"]
    assert len(ce) == 4 and len(kl) == 4
    # −0.25·log2 P_2 with log P_2 = −2000 − log(1 + e + e^0.5) + …: mpmath-free closed form
    lse = math.log(1 + math.exp(1) + math.exp(0.5) + math.exp(-2000))
    assert math.isclose(ce[1], 0.25 * (2000 + lse) / math.log(2), rel_tol=1e-12), ce[1]
    assert 721 < ce[1] < 722
    assert math.isclose(sum(ce), doc["cross_entropy"], rel_tol=1e-12)
    assert math.isclose(sum(kl), doc["kl"], rel_tol=1e-12)
    rows = [line.split(",") for line in run("softmax", "--logits", "2,1,0.1", "--target", "0,1,0").stdout.splitlines()]
    row = dict(zip(rows[0], rows[1]))
    assert float(row["ce_1"]) == 0 and float(row["kl_3"]) == 0
    assert math.isclose(float(row["ce_2"]), float(row["cross_entropy"]), rel_tol=1e-15)


@case("train: the labels' own entropy (the loss of always predicting the base rate) in the JSON result and the summary")
def _():
    doc = json.loads(run("train", "--data", "challenger", "--format", "json").stdout)
    p = 7 / 23     # 7 of the 23 flights had an O-ring incident
    ref = -(p * math.log2(p) + (1 - p) * math.log2(1 - p))
    assert math.isclose(doc["result"]["label_entropy"], ref, rel_tol=1e-12), doc["result"]
    assert doc["result"]["loss"] < doc["result"]["label_entropy"]
    nats = json.loads(run("train", "--data", "challenger", "--unit", "nats", "--format", "json").stdout)
    assert math.isclose(nats["result"]["label_entropy"], ref * math.log(2), rel_tol=1e-12)
    err = run("train", "--data", "challenger", "--every", "1000").stderr
    assert "label entropy" in err and "base rate" in err, err


@case("export: --kl-gap and the worked formula change the figure; --formula-at X shows the formula, --no-formula hides it")
def _():
    def export(name, *extra):
        path = os.path.join(TMP, f"lesson-{name}.png")
        run("export", "--figure", "cross-entropy", "--width", "640", "--height", "400", "--out", path, *extra)
        return read_bytes(path)

    default = export("default")
    assert export("pq", "--kl-gap", "pq") == default
    assert export("both", "--kl-gap", "both") != default
    at = export("at", "--formula-at", "1")
    assert at != default
    assert export("on", "--formula", "--formula-at", "1") == at
    assert export("off", "--no-formula", "--formula-at", "1") == default
    line = run_error(["export", "--figure", "cross-entropy", "--out", os.path.join(TMP, "never.png"),
                      "--kl-gap", "qpq"], 2)
    assert "--kl-gap" in line and "pq, qp, both, none" in line, line


@case("export: a scenario's loss-scale=log draws as --loss-scale log; a flag overrides it; a bad value is exit 1 with file:line")
def _():
    keys = STATE_KEYS.format(q_theta="0.5", logits="2,1,0.1", target="1,0,0")

    def scenario(name, loss_scale):
        path = os.path.join(TMP, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write("[scenario]\nversion=1\n\n[state]\npage=training\n" + keys + loss_scale)
        return path

    old = scenario("no-loss-scale.elab", "")            # written before the key existed
    log = scenario("log.elab", "loss-scale=log\n")
    outs = [os.path.join(TMP, f"scenario-loss-{i}.png") for i in range(4)]
    size = ["--width", "480", "--height", "300"]
    run("export", "--scenario", old, "--loss-scale", "log", "--out", outs[0], *size)
    run("export", "--scenario", log, "--out", outs[1], *size)
    run("export", "--scenario", log, "--loss-scale", "linear", "--out", outs[2], *size)
    run("export", "--scenario", old, "--out", outs[3], *size)
    assert read_bytes(outs[0]) == read_bytes(outs[1])
    assert read_bytes(outs[2]) == read_bytes(outs[3])
    assert read_bytes(outs[1]) != read_bytes(outs[3])

    bad = scenario("bad-loss-scale.elab", "loss-scale=logarithmic\n")
    with open(bad, encoding="utf-8") as f:
        number = f.read().split("\n").index("loss-scale=logarithmic") + 1
    before = tmp_listing()
    line = run_error(["export", "--scenario", bad, "--out", os.path.join(TMP, "never.png")], 1)
    assert f"bad-loss-scale.elab:{number}: [state] loss-scale: must be one of linear, log" in line, line
    assert tmp_listing() == before


@case("export: an upper-case extension is accepted")
def _():
    out = os.path.join(TMP, "UPPER.PNG")
    run("export", "--figure", "softmax", "--out", out, "--width", "64", "--height", "48")
    assert png_info(out)[:2] == (64, 48)


# ------------------------------------------------------------- scenarios

STATE_KEYS = """unit=bits
x-min=-6
x-max=6
samples=241
theme=light
palette=default
notation=standard
model-a-theta=1
model-a-bias=0
model-a-enabled=true
model-b-theta=2
model-b-bias=0
model-b-enabled=true
model-c-theta=0.5
model-c-bias=0
model-c-enabled=false
p-theta=1
p-bias=0
q-theta={q_theta}
q-bias=0
logits={logits}
temperature=1
target={target}
dataset=challenger
x-column=
y-column=
optimizer=gd
learning-rate=0.1
momentum=0.9
steps=1000
standardize=false
use-bias=true
init-w=0
init-b=0
"""


def write_scenario(name, extra=""):
    path = os.path.join(TMP, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write("# Entropy Lab scenario\n[scenario]\nversion=1\nscenes=1\n\n[state]\npage=cross-entropy\n")
        f.write(STATE_KEYS.format(q_theta="0.5", logits="2,1,0.1", target="1,0,0"))
        f.write("\n[scene 1]\ncaption=four symbols\npage=softmax\n")
        f.write(STATE_KEYS.format(q_theta="2", logits="1,2,3,4", target="0.25,0.25,0.25,0.25"))
        f.write(extra)
    return path


@case("scenario: curves and softmax start from a scenario's state or scene, flags override it")
def _():
    path = write_scenario("lesson.elab")
    _, rows = csv_rows(run("curves", "--scenario", path, "--samples", "3", "--x-min", "-2", "--x-max", "2").stdout)
    assert math.isclose(float(rows[0]["q"]), 1 / (1 + math.exp(1.0)), rel_tol=1e-15), rows[0]
    doc = json.loads(run("softmax", "--scenario", path, "--scene", "1", "--format", "json").stdout)
    assert doc["logits"] == [1, 2, 3, 4] and doc["target"] == [0.25] * 4, doc
    doc = json.loads(run("softmax", "--scenario", path, "--scene", "1", "--temperature", "3",
                         "--format", "json").stdout)
    assert doc["temperature"] == 3


@case("scenario: export draws the scenario's page, or a scene with its caption")
def _():
    path = write_scenario("export.elab")
    out = os.path.join(TMP, "scenario.png")
    run("export", "--scenario", path, "--out", out, "--width", "320", "--height", "200")
    assert png_info(out)[:2] == (320, 200)
    svg = os.path.join(TMP, "scene.svg")
    run("export", "--scenario", path, "--scene", "1", "--out", svg)
    with open(svg, encoding="utf-8") as f:
        text = f.read()
    assert "<svg" in text


@case("scenario errors: unreadable or malformed is exit 1 with file and line; misuse is exit 2")
def _():
    bad = write_scenario("bad.elab", "\n[scene 2]\nfrobnicate=1\n")
    line = run_error(["curves", "--scenario", bad], 1)
    assert "bad.elab" in line, line
    run_error(["curves", "--scenario", os.path.join(TMP, "missing.elab")], 1)
    good = write_scenario("good.elab")
    run_error(["curves", "--scenario", good, "--scene", "2"], 2)
    run_error(["curves", "--scene", "1"], 2)
    run_error(["curves", "--scenario", good, "--preset", preset_names()[0]], 2)
    before = tmp_listing()
    run_error(["export", "--scenario", bad, "--out", os.path.join(TMP, "never.png")], 1)
    assert tmp_listing() == before


# ---------------------------------------------------------------- errors

USAGE_ERRORS = [
    ("unknown subcommand", ["frobnicate"]),
    ("unknown flag", ["curves", "--frobnicate"]),
    ("unexpected argument", ["curves", "extra"]),
    ("a flag without its value", ["curves", "--theta-p"]),
    ("not a number", ["curves", "--theta-p", "abc"]),
    ("trailing characters", ["curves", "--theta-q", "1.5x"]),
    ("empty number", ["curves", "--bias-p", ""]),
    ("NaN", ["curves", "--theta-p", "nan"]),
    ("inf", ["curves", "--bias-q", "inf"]),
    ("-infinity", ["curves", "--x-min", "-infinity"]),
    ("overflow to inf", ["curves", "--x-max", "1e999"]),
    ("samples 0", ["curves", "--samples", "0"]),
    ("samples 1 (a curve needs two points)", ["curves", "--samples", "1"]),
    ("samples negative", ["curves", "--samples", "-5"]),
    ("samples not whole", ["curves", "--samples", "2.5"]),
    ("samples absurd", ["curves", "--samples", "100000000000"]),
    ("x-min = x-max", ["curves", "--x-min", "1", "--x-max", "1"]),
    ("x-min > x-max", ["curves", "--x-min", "7"]),
    ("unknown unit", ["curves", "--unit", "bans"]),
    ("unknown format", ["curves", "--format", "xml"]),
    ("unknown preset", ["curves", "--preset", "no-such-preset"]),
    ("softmax unknown format", ["softmax", "--format", "yaml"]),
    ("temperature 0", ["softmax", "--temperature", "0"]),
    ("temperature negative", ["softmax", "--temperature", "-1"]),
    ("logits/target lengths differ", ["softmax", "--logits", "1,2,3", "--target", "0.5,0.5"]),
    ("default target vs 4 logits given a 3-target", ["softmax", "--logits", "1,2,3,4", "--target", "1,0,0"]),
    ("one logit", ["softmax", "--logits", "1"]),
    ("nine logits", ["softmax", "--logits", "1,2,3,4,5,6,7,8,9"]),
    ("logit not a number", ["softmax", "--logits", "1,two,3"]),
    ("empty logit", ["softmax", "--logits", "1,,3"]),
    ("logit NaN", ["softmax", "--logits", "1,nan,3"]),
    ("target does not sum to 1", ["softmax", "--target", "0.5,0.2,0.2"]),
    ("target negative", ["softmax", "--target", "1.5,-0.5,0"]),
    ("presets takes no arguments", ["presets", "extra"]),
    ("bench is not a subcommand (tests/bench/elab-bench is)", ["bench"]),
]


def usage_case(label, args):
    @case(f"usage error, exit 2: {label}")
    def _():
        run_error(args, 2)


for _label, _args in USAGE_ERRORS:
    usage_case(_label, _args)


@case("usage error, exit 2: a finite value beyond the core's range names the flag")
def _():
    line = run_error(["curves", "--theta-p", "1e308"], 2)
    assert "--theta-p" in line, line
    line = run_error(["softmax", "--logits", "1e300,0"], 2)
    assert "--logits" in line, line


EXPORT_USAGE_ERRORS = [
    ("export without --figure", ["--out", "{out}.png"], "{out}.png"),
    ("export without --out", ["--figure", "entropy"], None),
    ("export unknown figure", ["--figure", "pie", "--out", "{out}.png"], "{out}.png"),
    ("export unsupported extension", ["--figure", "entropy", "--out", "{out}.bmp"], "{out}.bmp"),
    ("export no extension", ["--figure", "entropy", "--out", "{out}"], "{out}"),
    ("export width 0", ["--figure", "entropy", "--out", "{out}.png", "--width", "0"], "{out}.png"),
    ("export height negative", ["--figure", "entropy", "--out", "{out}.png", "--height", "-10"], "{out}.png"),
    ("export width absurd", ["--figure", "entropy", "--out", "{out}.png", "--width", "20000"], "{out}.png"),
    ("export scale makes it absurd", ["--figure", "entropy", "--out", "{out}.png", "--scale", "10"], "{out}.png"),
    ("export scale 0", ["--figure", "entropy", "--out", "{out}.png", "--scale", "0"], "{out}.png"),
    ("export scale nan", ["--figure", "entropy", "--out", "{out}.png", "--scale", "nan"], "{out}.png"),
    ("export unknown theme", ["--figure", "entropy", "--out", "{out}.png", "--theme", "sepia"], "{out}.png"),
    ("export unknown palette", ["--figure", "entropy", "--out", "{out}.png", "--palette", "neon"], "{out}.png"),
    ("export unknown preset", ["--figure", "entropy", "--out", "{out}.svg", "--preset", "nope"], "{out}.svg"),
    ("export bad model parameter", ["--figure", "cross-entropy", "--out", "{out}.pdf", "--theta-q", "inf"],
     "{out}.pdf"),
    ("export x-min ≥ x-max", ["--figure", "cross-entropy", "--out", "{out}.pdf", "--x-max", "-7"], "{out}.pdf"),
    ("export temperature 0", ["--figure", "softmax", "--out", "{out}.png", "--temperature", "0"], "{out}.png"),
    ("export unknown loss scale", ["--figure", "training", "--out", "{out}.png", "--loss-scale", "logarithmic"],
     "{out}.png"),
    ("export loss scale in capitals", ["--figure", "training", "--out", "{out}.png", "--loss-scale", "LOG"],
     "{out}.png"),
    ("export empty loss scale", ["--figure", "training", "--out", "{out}.png", "--loss-scale", ""], "{out}.png"),
]


def export_usage_case(index, label, args, path):
    @case(f"usage error, exit 2, no file: {label}")
    def _():
        out = os.path.join(TMP, f"usage-{index}")
        before = tmp_listing()
        run_error(["export", *[a.format(out=out) for a in args]], 2)
        if path:
            assert not os.path.exists(path.format(out=out)), path
        assert tmp_listing() == before, set(tmp_listing()) ^ set(before)


for _i, (_label, _args, _path) in enumerate(EXPORT_USAGE_ERRORS):
    export_usage_case(_i, _label, _args, _path)


@case("I/O error, exit 1: output directory does not exist")
def _():
    out = os.path.join(TMP, "no-such-dir", "f.png")
    run_error(["export", "--figure", "entropy", "--out", out], 1)
    assert not os.path.exists(os.path.dirname(out))


@case("I/O error, exit 1: a parent is a file")
def _():
    parent = os.path.join(TMP, "plain-file")
    with open(parent, "w") as f:
        f.write("x")
    run_error(["export", "--figure", "cross-entropy", "--out", os.path.join(parent, "f.svg")], 1)


@case("I/O error, exit 1: the output is a directory; no temporary file is left")
def _():
    sub = os.path.join(TMP, "io")
    os.mkdir(sub)
    made = []
    for fmt in ("png", "svg", "pdf"):
        target = os.path.join(sub, f"taken.{fmt}")
        os.mkdir(target)
        made.append(f"taken.{fmt}")
        run_error(["export", "--figure", "softmax", "--out", target, "--width", "64", "--height", "48"], 1)
        assert sorted(os.listdir(sub)) == sorted(made), os.listdir(sub)
        assert os.listdir(target) == [], os.listdir(target)


@case("I/O error, exit 1: a read-only directory (when not root)")
def _():
    if os.geteuid() == 0:
        # root writes anywhere; /proc refuses everyone.
        run_error(["export", "--figure", "entropy", "--out", "/proc/elab-test.png"], 1)
        return
    sub = os.path.join(TMP, "ro")
    os.mkdir(sub)
    os.chmod(sub, 0o500)
    try:
        run_error(["export", "--figure", "entropy", "--out", os.path.join(sub, "f.png")], 1)
        assert os.listdir(sub) == []
    finally:
        os.chmod(sub, 0o700)


# ------------------------------------------------------------ help, build

@case("--help exits 0 on every subcommand and shows its options")
def _():
    expect = {"curves": "--theta-p", "softmax": "--logits", "export": "--figure", "presets": "presets"}
    for sub, flag in expect.items():
        proc = run(sub, "--help")
        assert f"entropy-lab {sub}" in proc.stdout and flag in proc.stdout, (sub, proc.stdout[:300])
    assert "curves" in run("help").stdout
    proc = run(expect=2)
    assert "Usage" in proc.stderr


@case("entropy-lab-cli does not link GTK")
def _():
    ldd = shutil.which("ldd")
    assert ldd, "ldd missing"
    out = subprocess.run([ldd, CLI], capture_output=True, text=True, env=ENV).stdout
    assert "libc.so" in out, out
    for lib in ("libgtk", "libadwaita", "libgdk"):
        assert lib not in out, f"{lib} in {out}"


def main():
    print(f"1..{len(cases)}")
    failed = 0
    for number, (name, function) in enumerate(cases, 1):
        try:
            function()
            print(f"ok {number} - {name}")
        except Exception:  # noqa: BLE001 - every failure is reported the same way
            failed += 1
            print(f"not ok {number} - {name}")
            for line in traceback.format_exc().splitlines():
                print(f"# {line}")
        sys.stdout.flush()
    shutil.rmtree(TMP, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
