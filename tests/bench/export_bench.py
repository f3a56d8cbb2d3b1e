#!/usr/bin/python3
# export_bench.py
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Exports against matplotlib, process to process, side by side:
#   slide  one 1920×1080 cross-entropy PNG: `entropy-lab export --figure
#          cross-entropy` against a script that builds the same figure
#          (mpl_bench.py's) and calls savefig;
#   mp4    the same 60-frame 1920×1080 sweep of θ_q from 0.25 to 4:
#   gif    `export --sweep … --out FILE.mp4|.gif|.webm` against
#   webm   FuncAnimation.save with the ffmpeg (H.264, VP8) and pillow writers.
# Each time is the median of --runs runs of a whole process (start-up,
# imports and writing the file included), wall clock and CPU (user +
# system, every thread) both, since a busy machine stretches the first.
# Prints a table with the ratios and the file sizes; no pass or fail.
#
# Usage: export_bench.py ENTROPY_LAB_CLI [--runs 3] [--frames 60]
#        export_bench.py --mpl slide|mp4|gif|webm OUT [--frames 60]   (one matplotlib run)

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
W, H, FPS = 1920, 1080, 30
Q_FROM, Q_TO = 0.25, 4.0


def mpl_main(kind, out, frames):
    """The matplotlib side, run in its own process."""
    import matplotlib
    matplotlib.use("Agg")
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    sys.path.insert(0, HERE)
    import mpl_bench

    fig = mpl_bench.CrossEntropy(np, Figure, FigureCanvasAgg, W, H, 241)
    if kind == "slide":
        fig.fig.savefig(out, dpi=100)
        return 0

    from matplotlib.animation import FFMpegWriter, FuncAnimation, PillowWriter

    def update(i):
        # The sweep's value at frame i, as `export --sweep` spaces them, and
        # a full redraw: axis range, legend numbers and subtitle follow.
        fig.q = (Q_FROM + (Q_TO - Q_FROM) * i / max(frames - 1, 1), 0.0)
        c = fig.compute()
        for key, line in fig.lines.items():
            line.set_ydata(c[key])
        verts = np.concatenate([np.column_stack([fig.x, c["h_pq"]]),
                                np.column_stack([fig.x[::-1], c["h_p"][::-1]])])
        fig.band.set_verts([verts])
        fig.ax.set_ylim(0, fig.ymax(c))
        for text, label in zip(fig.legend.get_texts(), fig.labels(c)):
            text.set_text(label)
        fig.subtitle.set_text(fig.subtitle_text())
        return []

    anim = FuncAnimation(fig.fig, update, frames=frames, blit=False, repeat=False)
    if kind == "mp4":
        writer = FFMpegWriter(fps=FPS, codec="h264", extra_args=["-pix_fmt", "yuv420p"])
    elif kind == "webm":
        writer = FFMpegWriter(fps=FPS, codec="libvpx", extra_args=["-pix_fmt", "yuv420p"])
    else:
        writer = PillowWriter(fps=FPS)
    anim.save(out, writer=writer, dpi=100)
    return 0


def timed(argv, runs):
    """Median wall and CPU seconds of @runs runs of @argv."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        p = subprocess.run(argv, capture_output=True, text=True)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if p.returncode != 0:
            raise RuntimeError("%s failed: %s" % (" ".join(argv[:3]), p.stderr.strip()[-400:]))
        walls.append(wall)
        cpus.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
    return statistics.median(walls), statistics.median(cpus)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("cli", nargs="?")
    parser.add_argument("--mpl", nargs=2, metavar=("KIND", "OUT"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--frames", type=int, default=60)
    args = parser.parse_args()

    if args.mpl:
        return mpl_main(args.mpl[0], args.mpl[1], args.frames)
    if not args.cli:
        parser.error("the path of entropy-lab (or entropy-lab-cli) is needed")

    try:
        import matplotlib  # noqa: F401
        have_mpl = True
    except ImportError:
        have_mpl = False
        print("matplotlib is missing (Debian: python3-matplotlib): only Entropy Lab's side is timed")

    cases = [
        ("slide PNG", "png", ["export", "--figure", "cross-entropy"], "slide"),
        ("%d-frame MP4" % args.frames, "mp4",
         ["export", "--figure", "cross-entropy", "--sweep", "theta-q:%g:%g" % (Q_FROM, Q_TO),
          "--frames", str(args.frames), "--fps", str(FPS)], "mp4"),
        ("%d-frame GIF" % args.frames, "gif",
         ["export", "--figure", "cross-entropy", "--sweep", "theta-q:%g:%g" % (Q_FROM, Q_TO),
          "--frames", str(args.frames), "--fps", str(FPS)], "gif"),
        ("%d-frame WebM" % args.frames, "webm",
         ["export", "--figure", "cross-entropy", "--sweep", "theta-q:%g:%g" % (Q_FROM, Q_TO),
          "--frames", str(args.frames), "--fps", str(FPS)], "webm"),
    ]
    print("%dx%d, median of %d runs, process to process; CPU = user + system of all threads"
          % (W, H, args.runs))
    print("%-14s %18s %18s %16s %10s %10s" % ("", "Entropy Lab", "matplotlib", "ratio wall/CPU",
                                                 "ours", "theirs"))
    with tempfile.TemporaryDirectory() as tmp:
        for name, ext, ours_args, mpl_kind in cases:
            ours_out = os.path.join(tmp, "ours." + ext)
            theirs_out = os.path.join(tmp, "mpl." + ext)
            ours = timed([args.cli, *ours_args, "--width", str(W), "--height", str(H), "--out", ours_out],
                         args.runs)
            theirs = None
            if have_mpl:
                try:
                    theirs = timed([sys.executable, os.path.abspath(__file__), "--mpl", mpl_kind, theirs_out,
                                    "--frames", str(args.frames)], args.runs)
                except RuntimeError as error:
                    print("%s: matplotlib failed: %s" % (name, error))
            size_ours = os.path.getsize(ours_out) / 1e6
            if theirs:
                size_theirs = os.path.getsize(theirs_out) / 1e6
                print("%-14s %7.2f s %6.2f cpu %7.2f s %6.2f cpu %7.1f× %6.1f× %8.2f MB %7.2f MB"
                      % (name, ours[0], ours[1], theirs[0], theirs[1], theirs[0] / ours[0],
                         theirs[1] / max(ours[1], 1e-9), size_ours, size_theirs))
            else:
                print("%-14s %7.2f s %6.2f cpu %18s %16s %8.2f MB" % (name, ours[0], ours[1], "-", "-", size_ours))
    return 0


if __name__ == "__main__":
    sys.exit(main())
