#!/usr/bin/python3
# test-lesson.py ENTROPY_LAB_CLI LESSON
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Question and exercise scenes from the command line: `export --scene N
# [--reveal]` draws a question before and after its reveal, and `handout`
# writes the lesson as one PDF, a page per scene and an answer page after
# each question (counted, and read back with pdftotext). No display. TAP.

import os
import re
import shutil
import subprocess
import sys
import tempfile

cli, shipped = sys.argv[1], sys.argv[2]
env = dict(os.environ)
env.pop("DISPLAY", None)
env.pop("WAYLAND_DISPLAY", None)
results = []


def check(ok, name, detail=""):
    results.append((bool(ok), name, detail))


def run(*args):
    return subprocess.run([cli] + list(args), capture_output=True, text=True, env=env, errors="replace")


def make_lesson(path):
    """The shipped lesson with scene 4 as a question and an exercise as scene 6."""
    s = open(shipped, encoding="utf-8").read().replace("scenes=5", "scenes=6")
    i, j = s.index("[scene 4]"), s.index("[scene 5]")
    scene4 = s[i:j]
    caption = [l for l in scene4.splitlines() if l.startswith("caption=")][0]
    scene4 = scene4.replace(caption, "caption=Predict first.\nkind=question\n"
                            "question=Is H(q, p) the same curve as H(p, q)?\n"
                            "choices=Yes, it is symmetric;No, the order matters;Only at x = 0\n"
                            "answer=B\nexplanation=Cross-entropy is not symmetric.\nafter.q-theta=3")
    k = s.index("[scene 3]")
    scene6 = s[k:i].replace("[scene 3]", "[scene 6]")
    caption = [l for l in scene6.splitlines() if l.startswith("caption=")][0]
    scene6 = scene6.replace(caption, "caption=Your turn.\nkind=exercise\n"
                            "goal=mean-kl-pq <= 0.01 and q-theta >= 0.5\ntolerance=0.001\n"
                            "hint=Move q towards p.\nexplanation=KL is zero only where q = p.")
    open(path, "w", encoding="utf-8").write(s[:i] + scene4 + s[j:].rstrip("\n") + "\n\n" + scene6)


with tempfile.TemporaryDirectory() as tmp:
    lesson = os.path.join(tmp, "lesson.elab")
    make_lesson(lesson)

    before, after = os.path.join(tmp, "q.pdf"), os.path.join(tmp, "q-reveal.pdf")
    r1 = run("export", "--scenario", lesson, "--scene", "4", "--out", before)
    r2 = run("export", "--scenario", lesson, "--scene", "4", "--reveal", "--out", after)
    check(r1.returncode == 0 and r2.returncode == 0, "export --scene 4 and --reveal", r1.stderr + r2.stderr)
    def text(path):
        # The ✓ is held to its letter by a no-break space.
        return subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True,
                              text=True).stdout.replace("\u00a0", " ")

    b, a = text(before), text(after)
    check("σ(3x)" not in b and "σ(3x)" in a, "the reveal glides q to its after state", b + a)
    check("B No, the order matters" in " ".join(b.split()) and "✓" not in b and "✓ B" in a,
          "the choices, then the answer marked", b + a)

    r = run("export", "--scenario", lesson, "--reveal", "--out", before)
    check(r.returncode == 2 and "--reveal" in r.stderr, "--reveal without --scene: usage error", r.stderr)

    pdf = os.path.join(tmp, "handout.pdf")
    r = run("handout", "--scenario", lesson, "--out", pdf)
    check(r.returncode == 0 and "7 pages" in r.stderr, "handout: 6 scenes + 1 answer page", r.stderr)
    if shutil.which("pdfinfo") and r.returncode == 0:
        info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
        check(re.search(r"^Pages:\s+7$", info, re.M), "pdfinfo counts 7 pages", info)
        pages = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True,
                               text=True).stdout.replace("\u00a0", " ").split("\f")
        check("Is H(q, p) the same curve" in pages[3] and "✓" not in pages[3], "page 4: the question, unanswered",
              pages[3][-400:])
        check("✓ B" in pages[4] and "Cross-entropy is not symmetric." in pages[4], "page 5: its answer",
              pages[4][-400:])
        check("Goal: the mean of KL(p‖q) ≤ 0.01 bits" in pages[6], "page 7: the exercise's goal", pages[6][-400:])
    else:
        check(False, "pdfinfo (poppler-utils) is installed")

    # A guess on the figure (the shipped lesson's scene 7, KL(p‖q) largest
    # at both ±1.9): on paper it is marked, not clicked, and the answer
    # page draws both answers on the figure, as the window and
    # export --reveal do.
    order = os.path.join(os.path.dirname(shipped), "lesson-cross-entropy-order.elab")
    pdf = os.path.join(tmp, "order.pdf")
    r = run("handout", "--scenario", order, "--out", pdf)
    check(r.returncode == 0, "handout of the order lesson", r.stderr)
    pages = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True,
                           text=True).stdout.split("\f") if r.returncode == 0 else [""]
    guess = [i for i, p in enumerate(pages) if "Where is KL(p‖q)" in p and "Answer:" not in p]
    # The figure's label, not "the answer" of a sentence.
    labels = lambda page: len(re.findall(r"(?<!the )(?<![A-Za-z])answer(?![A-Za-z])", page))
    check(len(guess) == 1 and "Mark it on the figure" in pages[guess[0]] and "Click" not in pages[guess[0]],
          "handout: a guess is marked on paper", "\n".join(pages[i][-300:] for i in guess))
    if len(guess) == 1:
        answer = pages[guess[0] + 1]
        check("x = ±1.9" in answer and labels(answer) == 2, "handout: both answers named and marked on the figure",
              answer[-600:])
    for reveal, want in ((False, 0), (True, 2)):
        out = os.path.join(tmp, "s7.pdf")
        r = run("export", "--scenario", order, "--scene", "7", "--out", out, *(["--reveal"] if reveal else []))
        page = text(out) if r.returncode == 0 else ""
        check(r.returncode == 0 and labels(page) == want,
              "export --scene 7%s: %d answer marks" % (" --reveal" if reveal else "", want), r.stderr + page[-600:])

    bad = os.path.join(tmp, "bad.elab")
    open(bad, "w", encoding="utf-8").write(open(lesson, encoding="utf-8").read().replace("answer=B", "answer=E"))
    r = run("handout", "--scenario", bad, "--out", os.path.join(tmp, "bad.pdf"))
    check(r.returncode == 1 and "answer: 'E' is not one of the 3 choices" in r.stderr
          and not os.path.exists(os.path.join(tmp, "bad.pdf")), "a bad answer: exit 1, no file", r.stderr)
    r = run("handout", "--scenario", lesson, "--out", os.path.join(tmp, "no-such-dir", "x.pdf"))
    check(r.returncode == 1 and r.stderr.startswith("entropy-lab: error:"), "unwritable: exit 1", r.stderr)

print("1..%d" % len(results))
for i, (ok, name, detail) in enumerate(results, 1):
    print(("ok %d - %s" if ok else "not ok %d - %s") % (i, name))
    if not ok:
        for line in str(detail).splitlines()[:20]:
            print("# " + line)
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
