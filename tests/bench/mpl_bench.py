#!/usr/bin/python3
# mpl_bench.py
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The matplotlib side of `entropy-lab bench`: draws the same figures as
# src/plot (same size, same panels, same curves and number of points, same
# shading, legend and text) on the Agg backend while a parameter is dragged,
# and times each frame two ways:
#
#   full  matplotlib's own slider demo: update the artists' data
#         (set_ydata & co.), then a full canvas.draw().
#   blit  matplotlib's best case: the static parts drawn once and cached
#         with copy_from_bbox; each frame restores that background and
#         draws only the data artists (restore_region, draw_artist, blit).
#         Texts that change (legend means, numbers) are left stale, which
#         only flatters matplotlib.
#
# Every frame recomputes the samples with numpy in the same numerically
# safe way the core does (softplus in logits), as our frames recompute them
# in C. Where matplotlib offers a cheaper update than its demos use (e.g.
# set_verts on the KL band instead of a new fill_between), the cheaper one
# is used: the comparison never handicaps matplotlib.
#
# Prints one JSON object:
#   {"available": true, "version": "3.6.3",
#    "figures": {"cross-entropy": {"full": {"min_ms", "median_ms", "max_ms", "frames"},
#                                  "blit": {…}}, …}}
# or {"available": false, "error": "…"} when matplotlib or numpy is missing.
#
# Usage: mpl_bench.py [--figures entropy,cross-entropy,softmax,training,landscape] [--frames 40]
#                     [--width 1920] [--height 1080] [--samples 241] [--save DIR]

import argparse
import json
import math
import os
import statistics
import sys
import time

WARMUP = 3
SWEEP_PERIOD = 60
ARCH_SAMPLES = 161
LN2 = math.log(2.0)

# The light theme of src/plot/elab-theme.c.
SERIES = ["#0b5fa5", "#c8283c", "#1b8a4b", "#d9780a", "#6d3fb0", "#505050"]
FOREGROUND, MUTED, AXIS, GRID = "#111111", "#333333", "#333333", "#dedede"
LEGEND_BORDER = "#b0b0b0"


def sweep(frame, lo, hi):
    """The same back-and-forth drag as elab-cli-bench.c."""
    t = (frame % SWEEP_PERIOD) / (SWEEP_PERIOD / 2)
    if t > 1.0:
        t = 2.0 - t
    return lo + (hi - lo) * t


def nice_max(value, n_ticks=7):
    """The next 1, 2, 2.5 or 5 × 10^k step multiple above value."""
    raw = value / max(n_ticks - 1, 1)
    mag = 10 ** math.floor(math.log10(raw))
    for mult in (1, 2, 2.5, 5, 10):
        step = mult * mag
        if step >= raw:
            break
    return math.ceil(value / step - 1e-9) * step


def fmt(value, unit=None):
    text = f"{value:.4g}".replace("-", "\u2212")
    return f"{text} {unit}" if unit else text


class Metrics:
    """src/plot's sizes: in px, converted to points at 100 dpi."""

    def __init__(self, width, height):
        plain = max(min(height / 40.0, width / 52.0), 13.0)
        self.w, self.h = width, height
        self.base = plain
        self.title = 1.3 * plain
        self.label = plain
        self.tick = 0.86 * plain
        self.legend = 0.92 * plain
        self.big = 1.25 * plain
        self.line_w = max(1.6, 0.135 * plain)
        self.marker_r = max(3.5, 0.30 * plain)
        self.pad = round(0.9 * plain)

    @staticmethod
    def pt(px):
        return px * 72.0 / 100.0

    def fx(self, px):
        return px / self.w

    def fy(self, px):
        """Figure fraction of a distance from the top."""
        return 1.0 - px / self.h


MARKERS = ["o", "s", "^", "D", "v", "p"]


def dashes(index, lw):
    """_elab_set_dash: lengths in line widths (matplotlib scales by lw)."""
    return {0: None, 1: [4.5, 2.5], 2: [0.01, 2.2], 3: [5, 2, 0.01, 2], 4: [9, 3]}.get(index % 6,
                                                                                   [5, 2, 0.01, 2, 0.01, 2])


class Base:
    animated = []

    def __init__(self, np, figure_cls, canvas_cls, width, height, samples):
        self.np = np
        self.m = Metrics(width, height)
        self.samples = samples
        self.fig = figure_cls(figsize=(width / 100.0, height / 100.0), dpi=100, facecolor="white")
        self.canvas = canvas_cls(self.fig)
        self.frame_texts = []

    # Numerics as src/core: softplus in logits so nothing is NaN.
    def softplus(self, z):
        np = self.np
        return np.maximum(z, 0.0) + np.log1p(np.exp(-np.abs(z)))

    def frame(self, title, subtitle):
        m = self.m
        self.fig.text(m.fx(m.pad), m.fy(m.pad), title, fontsize=m.pt(m.title), color=FOREGROUND,
                      ha="left", va="top")
        y = m.pad + round(1.45 * m.title)
        self.subtitle = self.fig.text(m.fx(m.pad), m.fy(y), subtitle, fontsize=m.pt(m.label), color=MUTED,
                                      ha="left", va="top")
        y += round(1.4 * m.label) + round(0.5 * m.pad)
        # body: x, y (from top), width, height in px
        return (m.pad, y, m.w - 2 * m.pad, m.h - m.pad - y)

    def axes(self, x, y, w, h, xlabel, ylabel, left_room=True, bottom_room=True):
        """A panel inside the px rectangle, leaving room for ticks and labels."""
        m = self.m
        lx = 3.3 * m.tick + 1.5 * m.label if left_room else 0
        by = 1.6 * m.tick + 1.5 * m.label if bottom_room else 0.9 * m.tick
        ax = self.fig.add_axes([m.fx(x + lx), 1 - (y + h - by) / m.h,
                                (w - lx - 0.5 * m.pad) / m.w, (h - by - 0.4 * m.pad) / m.h])
        ax.set_facecolor("none")
        ax.grid(True, color=GRID, linewidth=m.pt(max(1.0, round(0.045 * m.base))))
        ax.set_axisbelow(True)
        ax.tick_params(labelsize=m.pt(m.tick), colors=AXIS, width=m.pt(max(1.0, round(0.07 * m.base))))
        for spine in ("top", "right"):
            ax.spines[spine].set_visible(False)
        for spine in ("left", "bottom"):
            ax.spines[spine].set_linewidth(m.pt(max(1.0, round(0.07 * m.base))))
            ax.spines[spine].set_color(AXIS)
        if xlabel:
            ax.set_xlabel(xlabel, fontsize=m.pt(m.label), color=FOREGROUND)
        if ylabel:
            ax.set_ylabel(ylabel, fontsize=m.pt(m.label), color=FOREGROUND)
        return ax

    def proxy(self, index):
        """A legend swatch: the series' line with its marker, as src/plot's."""
        from matplotlib.lines import Line2D
        line = Line2D([], [], color=SERIES[index % 6], linewidth=self.m.pt(self.m.line_w),
                      marker=MARKERS[index % 6], markersize=self.m.pt(2 * self.m.marker_r))
        d = dashes(index, self.m.line_w)
        if d:
            line.set_dashes(d)
        return line

    def line(self, ax, x, y, index, **kw):
        (line,) = ax.plot(x, y, color=SERIES[index % 6], linewidth=self.m.pt(self.m.line_w),
                          solid_capstyle="butt", dash_capstyle="round", **kw)
        d = dashes(index, self.m.line_w)
        if d:
            line.set_dashes(d)
        return line


class CrossEntropy(Base):
    """H(p), H(q), H(p,q), H(q,p) over x, the KL(p‖q) band, means in a legend
    in a column on the right: elab-figure-cross-entropy.c."""

    def __init__(self, *args):
        super().__init__(*args)
        np, m = self.np, self.m
        self.x = np.linspace(-6.0, 6.0, self.samples)
        self.p, self.q = (1.0, 0.0), (2.0, 0.0)
        body = self.frame("Cross-entropy H(p, q) and entropy H(p)", self.subtitle_text())
        bx, by, bw, bh = body
        side_w = round(min(15.5 * m.legend, 0.36 * bw))
        self.ax = ax = self.axes(bx, by, bw - side_w - m.pad, bh, "x", "entropy (bits)")
        c = self.compute()
        ax.set_xlim(-6, 6)
        ax.set_ylim(0, self.ymax(c))
        self.band = ax.fill_between(self.x, c["h_p"], c["h_pq"], color=SERIES[4], alpha=0.3, linewidth=0)
        self.lines = {}
        order = (("h_qp", 3), ("h_q", 2), ("h_pq", 1), ("h_p", 0))
        for key, index in order:
            self.lines[key] = self.line(ax, self.x, c[key], index)
        from matplotlib.patches import Patch
        index_of = dict(order)
        handles = [self.proxy(index_of[key]) for key in ("h_p", "h_q", "h_pq", "h_qp")]
        handles.append(Patch(facecolor=SERIES[4], alpha=0.3))
        self.legend = self.fig.legend(handles, self.labels(c), loc="upper left",
                                      bbox_to_anchor=(m.fx(bx + bw - side_w), m.fy(by)),
                                      fontsize=m.pt(m.legend), title="mean over x \u2208 [\u22126, 6]",
                                      title_fontsize=m.pt(m.legend), frameon=True, edgecolor=LEGEND_BORDER,
                                      handlelength=3)
        self.animated = [self.band, *self.lines.values()]

    def subtitle_text(self):
        return (f"true p(x) = \u03c3({fmt(self.p[0])}x + {fmt(self.p[1])}),   model q(x) = "
                f"\u03c3({fmt(self.q[0])}x + {fmt(self.q[1])}),   the gap H(p, q) \u2212 H(p) = "
                "KL(p\u2016q) \u2265 0")

    def compute(self):
        x = self.x
        zp = self.p[0] * x + self.p[1]
        zq = self.q[0] * x + self.q[1]
        sp_p, sp_mp = self.softplus(zp), self.softplus(-zp)
        sp_q, sp_mq = self.softplus(zq), self.softplus(-zq)
        p, q = self.np.exp(-sp_mp), self.np.exp(-sp_mq)
        c = {
            "h_p": (p * sp_mp + (1 - p) * sp_p) / LN2,
            "h_q": (q * sp_mq + (1 - q) * sp_q) / LN2,
            "h_pq": (p * sp_mq + (1 - p) * sp_q) / LN2,
            "h_qp": (q * sp_mp + (1 - q) * sp_p) / LN2,
        }
        c["kl_pq"] = c["h_pq"] - c["h_p"]
        span = x[-1] - x[0]
        c["means"] = [self.np.trapz(c[k], x) / span for k in ("h_p", "h_q", "h_pq", "h_qp", "kl_pq")]
        return c

    def ymax(self, c):
        top = max(1.0, *(float(c[k].max()) for k in ("h_p", "h_q", "h_pq", "h_qp")))
        return nice_max(top * 1.04)

    def labels(self, c):
        names = ["H(p)", "H(q)", "H(p, q)", "H(q, p)", "KL(p\u2016q)"]
        return [f"{n}   {fmt(v, 'bits')}" for n, v in zip(names, c["means"])]

    def update(self, frame, full):
        np = self.np
        self.q = (sweep(frame, 0.25, 4.0), 0.0)
        c = self.compute()
        for key, line in self.lines.items():
            line.set_ydata(c[key])
        verts = np.concatenate([np.column_stack([self.x, c["h_pq"]]),
                                np.column_stack([self.x[::-1], c["h_p"][::-1]])])
        self.band.set_verts([verts])
        if full:
            self.ax.set_ylim(0, self.ymax(c))
            for text, label in zip(self.legend.get_texts(), self.labels(c)):
                text.set_text(label)
            self.subtitle.set_text(self.subtitle_text())


class Entropy(Base):
    """σ(θx + b) and H over x for models A and B (C off, as by default), the
    H(p) arch with each model's point, a legend with the mean entropies:
    elab-figure-entropy.c."""

    def __init__(self, *args):
        super().__init__(*args)
        np, m = self.np, self.m
        self.x = np.linspace(-6.0, 6.0, self.samples)
        self.models = [(1.0, 0.0), (2.0, 0.0)]
        body = self.frame("Entropy of a logistic model",
                          "p(x) = \u03c3(\u03b8x + b),   H(p) = \u2212p log\u2082 p \u2212 (1 \u2212 p) "
                          "log\u2082 (1 \u2212 p)")
        bx, by, bw, bh = body
        col_gap = round(1.5 * m.pad)
        lw = round(bw * 0.56)
        half = round((bh - m.pad) / 2)
        self.sig = self.axes(bx, by, lw, half, None, "p(x) = \u03c3(\u03b8x + b)", bottom_room=False)
        self.ent = self.axes(bx, by + half + m.pad, lw, bh - half - m.pad, "x", "H(p) (bits)")
        rx, rw = bx + lw + col_gap, bw - lw - col_gap
        legend_h = round(0.6 * m.legend) * 2 + 1.5 * m.legend * 4
        self.arch = self.axes(rx, by, rw, bh - legend_h - m.pad, "p", "H(p) (bits)")
        for ax in (self.sig, self.ent):
            ax.set_xlim(-6, 6)
        self.sig.set_ylim(0, 1)
        self.ent.set_ylim(0, 1.06)
        self.arch.set_xlim(0, 1)
        self.arch.set_ylim(0, 1.06)
        ap = np.linspace(0, 1, ARCH_SAMPLES)
        with np.errstate(divide="ignore", invalid="ignore"):
            ah = np.nan_to_num(-(ap * np.log2(ap) + (1 - ap) * np.log2(1 - ap)))
        self.arch.plot(ap, ah, color=AXIS, linewidth=m.pt(m.line_w))
        self.arch.text(0.02, 0.98, "points at x = 1", transform=self.arch.transAxes, fontsize=m.pt(m.tick),
                       color=MUTED, ha="left", va="top")
        self.sig_lines, self.ent_lines, self.markers = [], [], []
        c = self.compute()
        for i in reversed(range(len(self.models))):
            self.sig_lines.insert(0, self.line(self.sig, self.x, c[i][0], i))
            self.ent_lines.insert(0, self.line(self.ent, self.x, c[i][1], i))
        for i in range(len(self.models)):
            (mk,) = self.arch.plot([c[i][2]], [c[i][3]], MARKERS[i], color=SERIES[i],
                                   markersize=m.pt(2 * m.marker_r),
                                   markeredgecolor="white", markeredgewidth=m.pt(1.5))
            self.markers.append(mk)
        self.legend = self.fig.legend([self.proxy(i) for i in range(len(self.models))], self.labels(c),
                                      loc="lower left",
                                      bbox_to_anchor=(m.fx(rx), 1 - (by + bh) / m.h), fontsize=m.pt(m.legend),
                                      title="model, and its mean H over x \u2208 [\u22126, 6]",
                                      title_fontsize=m.pt(m.legend), edgecolor=LEGEND_BORDER, handlelength=3)
        self.animated = [*self.sig_lines, *self.ent_lines, *self.markers]

    def compute(self):
        res = []
        span = self.x[-1] - self.x[0]
        for theta, bias in self.models:
            z = theta * self.x + bias
            sp, smp = self.softplus(z), self.softplus(-z)
            p = self.np.exp(-smp)
            h = (p * smp + (1 - p) * sp) / LN2
            z1 = theta * 1.0 + bias
            p1 = 1 / (1 + math.exp(-z1))
            h1 = (p1 * math.log1p(math.exp(-z1)) + (1 - p1) * math.log1p(math.exp(z1))) / LN2
            res.append((p, h, p1, h1, self.np.trapz(h, self.x) / span))
        return res

    def labels(self, c):
        return [f"{'AB'[i]}   \u03b8 = {fmt(t)},  b = {fmt(b)}   {fmt(c[i][4], 'bits')}"
                for i, (t, b) in enumerate(self.models)]

    def update(self, frame, full):
        self.models[1] = (sweep(frame, 0.25, 4.0), 0.0)
        c = self.compute()
        for i in range(len(self.models)):
            self.sig_lines[i].set_ydata(c[i][0])
            self.ent_lines[i].set_ydata(c[i][1])
            self.markers[i].set_data([c[i][2]], [c[i][3]])
        if full:
            for text, label in zip(self.legend.get_texts(), self.labels(c)):
                text.set_text(label)


class Softmax(Base):
    """Bars of the softmax probabilities beside the target's, the entropy
    gauge against log K and four numbers: elab-figure-softmax.c."""

    def __init__(self, *args):
        super().__init__(*args)
        from matplotlib.patches import Patch, Rectangle
        m = self.m
        self.logits = [2.0, 1.0, 0.1]
        self.target = [1.0, 0.0, 0.0]
        k = len(self.logits)
        body = self.frame("Softmax probabilities against a target", self.subtitle_text())
        bx, by, bw, bh = body
        side_w = round(min(17 * m.legend, 0.4 * bw))
        self.ax = ax = self.axes(bx, by, bw - side_w - 1.5 * m.pad, bh, None, "probability")
        ax.set_xlim(0.5, k + 0.5)
        ax.set_ylim(0, 1.1)
        ax.set_xticks([])
        ax.grid(False, axis="x")
        c = self.compute()
        pos = [i + 1 for i in range(k)]
        self.bars = ax.bar([p - 0.22 for p in pos], c["probs"], width=0.36, color=SERIES[0])
        ax.bar([p + 0.22 for p in pos], self.target, width=0.36, color=SERIES[1], alpha=0.22)
        ax.bar([p + 0.22 for p in pos], self.target, width=0.36, fill=False, edgecolor=SERIES[1],
               linestyle="--", linewidth=m.pt(max(1.5, 0.6 * m.line_w)))
        self.values = [ax.text(p - 0.22, v + 0.01, fmt(v), fontsize=m.pt(m.tick), ha="center", va="bottom")
                       for p, v in zip(pos, c["probs"])]
        self.zlabels = []
        for i, p in enumerate(pos):
            ax.text(p, -0.04, f"class {i + 1}", fontsize=m.pt(m.tick), ha="center", va="top", clip_on=False)
            self.zlabels.append(ax.text(p, -0.10, f"z = {fmt(self.logits[i])}", fontsize=m.pt(m.tick),
                                        color=MUTED, ha="center", va="top", clip_on=False))
        cx = bx + bw - side_w
        fig = self.fig
        fig.legend([Patch(color=SERIES[0]), Patch(facecolor=SERIES[1], alpha=0.22, edgecolor=SERIES[1])],
                   ["softmax P", "target t"], loc="upper left", bbox_to_anchor=(m.fx(cx), m.fy(by)),
                   fontsize=m.pt(m.legend), edgecolor=LEGEND_BORDER)
        y = by + 4 * m.legend + 1.2 * m.pad
        fig.text(m.fx(cx), m.fy(y), "entropy H(P) against its maximum log K", fontsize=m.pt(m.label),
                 color=FOREGROUND, va="top")
        y += round(1.6 * m.label)
        gh = round(1.3 * m.base)
        fig.patches.append(Rectangle((m.fx(cx), m.fy(y + gh)), side_w / m.w, gh / m.h, color=GRID,
                                     transform=fig.transFigure))
        self.gauge = Rectangle((m.fx(cx), m.fy(y + gh)), side_w / m.w * c["frac"], gh / m.h, color=SERIES[0],
                               transform=fig.transFigure)
        fig.patches.append(self.gauge)
        self.gauge_w = side_w / m.w
        y += gh + 0.4 * m.tick
        fig.text(m.fx(cx), m.fy(y), "0", fontsize=m.pt(m.tick), color=MUTED, va="top")
        fig.text(m.fx(cx + side_w), m.fy(y), f"log K = {fmt(c['h_max'], 'bits')}", fontsize=m.pt(m.tick),
                 color=MUTED, va="top", ha="right")
        y += 1.6 * m.tick + 0.8 * m.pad
        self.numbers = []
        for label, key in (("entropy H(P)", "h"), ("maximum log K", "h_max"), ("cross-entropy H(t, P)", "ce"),
                           ("KL(t\u2016P)", "kl")):
            fig.text(m.fx(cx), m.fy(y), label, fontsize=m.pt(m.label), color=MUTED, va="top")
            y += 1.2 * m.label
            self.numbers.append((key, fig.text(m.fx(cx), m.fy(y), fmt(c[key], "bits"), fontsize=m.pt(m.big),
                                               color=FOREGROUND, va="top", weight="bold")))
            y += 1.4 * m.big
        self.animated = [*self.bars, self.gauge]

    def subtitle_text(self):
        z = ", ".join(fmt(v) for v in self.logits)
        return f"logits z = ({z}),   temperature T = 1,   P\u1d62 = e^(z\u1d62/T) / \u03a3\u2c7c e^(z\u2c7c/T)"

    def compute(self):
        np = self.np
        z = np.asarray(self.logits)
        ls = z - z.max()
        ls = ls - math.log(float(np.exp(ls).sum()))
        probs = np.exp(ls)
        t = np.asarray(self.target)
        h = float(-(probs * ls).sum()) / LN2
        ce = float(-(t * ls).sum()) / LN2
        ht = float(-sum(v * math.log(v) for v in self.target if v > 0)) / LN2
        h_max = math.log(len(self.logits)) / LN2
        return {"probs": probs, "h": h, "h_max": h_max, "ce": ce, "kl": max(ce - ht, 0.0),
                "frac": min(max(h / h_max, 0.0), 1.0)}

    def update(self, frame, full):
        self.logits[0] = sweep(frame, -2.0, 4.0)
        c = self.compute()
        for bar, v in zip(self.bars, c["probs"]):
            bar.set_height(v)
        self.gauge.set_width(self.gauge_w * c["frac"])
        if full:
            for text, bar, v in zip(self.values, self.bars, c["probs"]):
                text.set_text(fmt(v))
                text.set_y(v + 0.01)
            self.zlabels[0].set_text(f"z = {fmt(self.logits[0])}")
            for key, text in self.numbers:
                text.set_text(fmt(c[key], "bits"))
            self.subtitle.set_text(self.subtitle_text())


def load_challenger(np):
    """The built-in Challenger data (data/datasets/challenger.csv)."""
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "..", "..", "data", "datasets", "challenger.csv")
    xs, ys = [], []
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            if line.strip():
                a, b = line.strip().split(",")
                xs.append(float(a))
                ys.append(float(b))
    return np.asarray(xs), np.asarray(ys)


class Training(Base):
    """The data with the current fit σ(w·x + b) and the optimum's curve, each
    example's loss as bars below, the loss over the steps with the optimum
    as a dashed line, a legend and the subtitle with the step:
    elab-figure-training.c, on the 'challenger' preset (standardised, gradient
    descent, learning rate 1). One optimizer step per frame."""

    def __init__(self, *args):
        super().__init__(*args)
        np, m = self.np, self.m
        self.dx, self.dy = load_challenger(np)
        self.mean, self.sd = float(self.dx.mean()), float(self.dx.std())
        self.xs = (self.dx - self.mean) / self.sd
        self.opt = self.newton()
        self.reset()
        lo, hi = float(self.dx.min()), float(self.dx.max())
        pad = 0.05 * (hi - lo)
        self.cx = np.linspace(lo - pad, hi + pad, 241)
        body = self.frame("Training: Challenger O-rings: launch temperature vs O-ring incident", self.subtitle_text())
        bx, by, bw, bh = body
        col_gap = round(1.5 * m.pad)
        lw = round(bw * 0.56)
        top = round((bh - m.pad) * 0.6)
        self.data = self.axes(bx, by, lw, top, None, "O-ring incident")
        self.bars_ax = self.axes(bx, by + top + m.pad, lw, bh - top - m.pad, "temperature (\u00b0F)",
                                 "loss of each example (bits)")
        rx, rw = bx + lw + col_gap, bw - lw - col_gap
        self.loss_ax = self.axes(rx, by, rw, round(bh * 0.5), "step", "mean cross-entropy (bits)")
        for ax in (self.data, self.bars_ax):
            ax.set_xlim(self.cx[0], self.cx[-1])
        self.data.set_ylim(-0.12, 1.12)
        rng = np.random.default_rng(1)
        jitter = rng.uniform(-0.05, 0.05, len(self.dx))
        for cls, index in ((0, 2), (1, 1)):
            sel = self.dy == cls
            self.data.plot(self.dx[sel], self.dy[sel] + jitter[sel], MARKERS[index], color=SERIES[index], alpha=0.6,
                           markersize=m.pt(2 * m.marker_r), linestyle="none")
        w_o, b_o = self.opt
        self.line(self.data, self.cx, 1 / (1 + np.exp(-(w_o * self.cx + b_o))), 3)
        c = self.compute()
        self.fit = self.line(self.data, self.cx, c["curve"], 0)
        self.bars = self.bars_ax.bar(self.dx, c["losses"], width=0.25, color=SERIES[1], alpha=0.7)
        self.bars_ax.set_ylim(0, max(1.0, float(c["losses"].max()) * 1.1))
        self.loss_ax.axhline(self.loss_at(w_o, b_o) / LN2, color=SERIES[3], linestyle="--",
                             linewidth=m.pt(m.line_w))
        self.hist, = self.loss_ax.plot([0], [c["loss"]], color=SERIES[0], linewidth=m.pt(m.line_w))
        self.now, = self.loss_ax.plot([0], [c["loss"]], MARKERS[0], color=SERIES[0], markersize=m.pt(2 * m.marker_r))
        self.loss_ax.set_xlim(0, 10)
        self.loss_ax.set_ylim(0, nice_max(c["loss"] * 1.04))
        self.legend = self.fig.legend([self.proxy(2), self.proxy(1), self.proxy(0), self.proxy(3)],
                                      self.labels(c), loc="upper left",
                                      bbox_to_anchor=(m.fx(rx), m.fy(by + round(bh * 0.5) + m.pad)),
                                      fontsize=m.pt(m.legend), title="\u03c3(w\u00b7x + b) and its mean loss",
                                      title_fontsize=m.pt(m.legend), edgecolor=LEGEND_BORDER, handlelength=3)
        self.animated = [self.fit, *self.bars, self.hist, self.now]

    def reset(self):
        self.ws, self.bs, self.step = 0.0, 0.0, 0
        self.history = [self.loss_at(*self.data_scale(0.0, 0.0))]

    def data_scale(self, ws, bs):
        return ws / self.sd, bs - ws * self.mean / self.sd

    def loss_at(self, w, b):
        z = w * self.dx + b
        return float(self.np.mean(self.dy * self.softplus(-z) + (1 - self.dy) * self.softplus(z)))

    def newton(self):
        np = self.np
        ws, bs = 0.0, 0.0
        for _ in range(50):
            z = ws * self.xs + bs
            p = 1 / (1 + np.exp(-z))
            g = np.array([np.mean((p - self.dy) * self.xs), np.mean(p - self.dy)])
            r = p * (1 - p)
            h = np.array([[np.mean(r * self.xs * self.xs), np.mean(r * self.xs)], [np.mean(r * self.xs), np.mean(r)]])
            d = np.linalg.solve(h, g)
            ws, bs = ws - d[0], bs - d[1]
        return self.data_scale(ws, bs)

    def subtitle_text(self):
        return f"23 rows \u00b7 gradient descent, learning rate 1 \u00b7 standardised \u00b7 step {self.step}"

    def compute(self):
        np = self.np
        w, b = self.data_scale(self.ws, self.bs)
        z = w * self.dx + b
        losses = (self.dy * self.softplus(-z) + (1 - self.dy) * self.softplus(z)) / LN2
        return {"w": w, "b": b, "curve": 1 / (1 + np.exp(-(w * self.cx + b))), "losses": losses,
                "loss": float(losses.mean())}

    def labels(self, c):
        w_o, b_o = self.opt
        return ["O-ring incident = 0", "O-ring incident = 1",
                f"now: w = {fmt(c['w'])}, b = {fmt(c['b'])}   {fmt(c['loss'], 'bits')}",
                f"optimum: w = {fmt(w_o)}, b = {fmt(b_o)}   {fmt(self.loss_at(w_o, b_o) / LN2, 'bits')}"]

    def update(self, frame, full):
        np = self.np
        if self.step >= 1000:
            self.reset()
        # One gradient step on the standardised feature, as the trainer does.
        z = self.ws * self.xs + self.bs
        r = 1 / (1 + np.exp(-z)) - self.dy
        self.ws -= float(np.mean(r * self.xs))
        self.bs -= float(np.mean(r))
        self.step += 1
        c = self.compute()
        self.history.append(c["loss"] * LN2)
        self.fit.set_ydata(c["curve"])
        for bar, v in zip(self.bars, c["losses"]):
            bar.set_height(v)
        steps = np.arange(len(self.history))
        hist = np.asarray(self.history) / LN2
        self.hist.set_data(steps, hist)
        self.now.set_data([steps[-1]], [hist[-1]])
        if full:
            self.loss_ax.set_xlim(0, nice_max(max(self.step, 10)))
            self.bars_ax.set_ylim(0, max(1.0, float(c["losses"].max()) * 1.1))
            for text, label in zip(self.legend.get_texts(), self.labels(c)):
                text.set_text(label)
            self.subtitle.set_text(self.subtitle_text())


class Landscape(Training):
    """L(w, b) over a rectangle as a heat map (72×48 grid, log colour scale)
    with 9 contour lines and a colour bar, the optimizer's path with its
    start and current point, the optimum, a legend and the subtitle with
    the step: elab-figure-landscape.c on the 'challenger' preset. The grid
    and the contours are computed once, as ours are; the path grows by one
    step per frame."""

    def __init__(self, np, figure_cls, canvas_cls, width, height, samples):
        Base.__init__(self, np, figure_cls, canvas_cls, width, height, samples)
        from matplotlib.colors import LogNorm
        m = self.m
        self.dx, self.dy = load_challenger(np)
        self.mean, self.sd = float(self.dx.mean()), float(self.dx.std())
        self.xs = (self.dx - self.mean) / self.sd
        self.opt = self.newton()
        self.reset()
        self.path_w, self.path_b = [0.0], [0.0]
        w_o, b_o = self.opt
        dw, db = abs(w_o) + 1e-9, abs(b_o) + 1e-9
        w0, w1 = min(0.0, w_o) - 0.43 * dw, max(0.0, w_o) + 0.43 * dw
        b0, b1 = min(0.0, b_o) - 0.25 * db, max(0.0, b_o) + 0.25 * db
        gw, gb = np.linspace(w0, w1, 72), np.linspace(b0, b1, 48)
        grid = np.empty((48, 72))
        for j, b in enumerate(gb):
            z = np.outer(gw, self.dx) + b
            grid[j] = (self.dy * self.softplus(-z) + (1 - self.dy) * self.softplus(z)).mean(axis=1) / LN2
        body = self.frame("Loss landscape: Challenger O-rings: launch temperature vs O-ring incident",
                          self.subtitle_text())
        bx, by, bw, bh = body
        side_w = round(min(20 * m.legend, 0.4 * bw))
        self.ax = ax = self.axes(bx, by, bw - side_w - 4 * m.pad, bh, "w", "b")
        norm = LogNorm(vmin=float(grid.min()), vmax=float(grid.max()))
        image = ax.imshow(grid, origin="lower", extent=(w0, w1, b0, b1), aspect="auto", cmap="viridis", norm=norm,
                          interpolation="bilinear")
        levels = np.geomspace(float(grid.min()) * 1.05, float(grid.max()) * 0.95, 9)
        ax.contour(gw, gb, grid, levels=levels, colors="white", linewidths=m.pt(1.0), alpha=0.6)
        ax.grid(False)
        cax = self.fig.add_axes([m.fx(bx + bw - side_w - 2.8 * m.pad), m.fy(by + 0.45 * bh), m.fx(m.pad),
                                 0.45 * bh / m.h])
        self.fig.colorbar(image, cax=cax).ax.tick_params(labelsize=m.pt(m.tick))
        lw = m.pt(m.line_w)
        self.halo, = ax.plot(self.path_w, self.path_b, color="white", linewidth=2.2 * lw, solid_capstyle="round")
        self.path = self.line(ax, self.path_w, self.path_b, 1)
        ax.plot([0], [0], "+", color=AXIS, markersize=m.pt(2 * m.marker_r), markeredgewidth=lw)
        ax.plot([w_o], [b_o], "x", color=SERIES[3], markersize=m.pt(4 * m.marker_r), markeredgewidth=1.5 * lw)
        self.now, = ax.plot([0], [0], MARKERS[1], color=SERIES[1], markersize=m.pt(2 * m.marker_r))
        ax.set_xlim(w0, w1)
        ax.set_ylim(b0, b1)
        c = self.compute()
        self.legend = self.fig.legend([self.proxy(1), self.proxy(3)], self.labels(c), loc="upper left",
                                      bbox_to_anchor=(m.fx(bx + bw - side_w - 4 * m.pad), m.fy(by + 0.5 * bh)),
                                      fontsize=m.pt(m.legend), title="converged", title_fontsize=m.pt(m.legend),
                                      edgecolor=LEGEND_BORDER, handlelength=3)
        self.animated = [self.halo, self.path, self.now]

    def subtitle_text(self):
        return f"mean cross-entropy L(w, b) in bits over 23 rows \u00b7 path of gradient descent \u00b7 step {self.step}"

    def compute(self):
        w, b = self.data_scale(self.ws, self.bs)
        return {"w": w, "b": b, "loss": self.loss_at(w, b) / LN2}

    def labels(self, c):
        w_o, b_o = self.opt
        return [f"now: w {fmt(c['w'])}, b {fmt(c['b'])}   {fmt(c['loss'], 'bits')}",
                f"optimum: w {fmt(w_o)}, b {fmt(b_o)}   {fmt(self.loss_at(w_o, b_o) / LN2, 'bits')}"]

    def update(self, frame, full):
        np = self.np
        if self.step >= 1000:
            self.reset()
            self.path_w, self.path_b = [0.0], [0.0]
        z = self.ws * self.xs + self.bs
        r = 1 / (1 + np.exp(-z)) - self.dy
        self.ws -= float(np.mean(r * self.xs))
        self.bs -= float(np.mean(r))
        self.step += 1
        c = self.compute()
        self.path_w.append(c["w"])
        self.path_b.append(c["b"])
        self.halo.set_data(self.path_w, self.path_b)
        self.path.set_data(self.path_w, self.path_b)
        self.now.set_data([c["w"]], [c["b"]])
        if full:
            for text, label in zip(self.legend.get_texts(), self.labels(c)):
                text.set_text(label)
            self.subtitle.set_text(self.subtitle_text())


FIGURES = {"entropy": Entropy, "cross-entropy": CrossEntropy, "softmax": Softmax, "training": Training,
           "landscape": Landscape}


def stats(ms):
    return {"min_ms": min(ms), "median_ms": statistics.median(ms), "max_ms": max(ms), "frames": len(ms)}


def run_full(make, frames):
    fig = make()
    times = []
    for i in range(WARMUP + frames):
        start = time.perf_counter()
        fig.update(i, True)
        fig.canvas.draw()
        end = time.perf_counter()
        if i >= WARMUP:
            times.append((end - start) * 1e3)
    return fig, times


def run_blit(make, frames):
    fig = make()
    for artist in fig.animated:
        artist.set_animated(True)
    fig.canvas.draw()
    background = fig.canvas.copy_from_bbox(fig.fig.bbox)
    times = []
    for i in range(WARMUP + frames):
        start = time.perf_counter()
        fig.update(i, False)
        fig.canvas.restore_region(background)
        for artist in fig.animated:
            fig.fig.draw_artist(artist)
        fig.canvas.blit(fig.fig.bbox)
        end = time.perf_counter()
        if i >= WARMUP:
            times.append((end - start) * 1e3)
    return fig, times


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--figures", default="entropy,cross-entropy,softmax,training,landscape")
    parser.add_argument("--frames", type=int, default=40)
    parser.add_argument("--width", type=int, default=1920)
    parser.add_argument("--height", type=int, default=1080)
    parser.add_argument("--samples", type=int, default=241)
    parser.add_argument("--save", help="write each figure's last frame as PNG into this directory")
    args = parser.parse_args()

    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.image
        import numpy as np
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError as error:
        print(json.dumps({"available": False, "error": f"python3-matplotlib is missing ({error})"}))
        return 0

    result = {"available": True, "version": matplotlib.__version__, "figures": {}}
    for name in args.figures.split(","):
        cls = FIGURES.get(name)
        if cls is None:
            continue

        def make():
            return cls(np, Figure, FigureCanvasAgg, args.width, args.height, args.samples)

        full_fig, full = run_full(make, args.frames)
        blit_fig, blit = run_blit(make, args.frames)
        result["figures"][name] = {"full": stats(full), "blit": stats(blit)}
        if args.save:
            os.makedirs(args.save, exist_ok=True)
            full_fig.fig.savefig(os.path.join(args.save, f"mpl-{name}-full.png"), dpi=100)
            # The blitted buffer itself: a savefig would redraw everything.
            matplotlib.image.imsave(os.path.join(args.save, f"mpl-{name}-blit.png"),
                                    np.asarray(blit_fig.canvas.buffer_rgba()))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
