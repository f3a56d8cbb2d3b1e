#!/usr/bin/python3
# tests/data/test-readme.py
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every shell example in README.md runs as written: the build's binary is
# `entropy-lab` on PATH, in a temporary directory holding a copy of the
# shipped lessons under data/scenarios/ (as from the top of the source
# tree) and an empty data/screenshots/, with no display.
#
#  - In a block of `$ entropy-lab …` lines, each command must exit 0, and
#    the lines after it, up to the next `$`, are its output (stdout, then
#    stderr) and must match exactly ("(real output)").
#  - A ```sh block is a script: each of its commands (a backslash joins
#    lines; a for loop is one command) must exit 0.  A command of another
#    program that is not installed (ffmpeg) is skipped, saying so.
#
# Blocks about make, and the example that opens the window, are not run.
# Prints TAP.
#
#   test-readme.py SOURCE_ROOT ENTROPY_LAB

import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT, BINARY = sys.argv[1], os.path.abspath(sys.argv[2])
n = failed = 0


def ok(cond, desc, diag=""):
    global n, failed
    n += 1
    print("%s %d - %s" % ("ok" if cond else "not ok", n, desc))
    if not cond:
        failed += 1
        for line in str(diag).splitlines():
            print("# " + line)


def skip(desc, why):
    global n
    n += 1
    print("ok %d - %s # SKIP %s" % (n, desc, why))


def blocks(text):
    """(info string, [lines]) of each fenced block."""
    out, info, lines = [], None, None
    for line in text.splitlines():
        m = re.match(r"^```(\S*)\s*$", line)
        if m and lines is None:
            info, lines = m.group(1), []
        elif m and lines is not None:
            out.append((info, lines))
            info, lines = None, None
        elif lines is not None:
            lines.append(line)
    return out


def commands(lines):
    """The commands of a script block: comments and blank lines dropped,
    backslash continuations joined, a for … done loop kept whole."""
    out, current, depth = [], "", 0
    for line in lines:
        if not current and (not line.strip() or line.lstrip().startswith("#")):
            continue
        current += line.rstrip("\\").rstrip() + " " if line.endswith("\\") else line + "\n"
        if line.endswith("\\"):
            continue
        words = re.findall(r"[A-Za-z]+", line)
        depth += words.count("do") - words.count("done")
        if depth <= 0:
            out.append(current.strip())
            current, depth = "", 0
    return out


def run(command, cwd, env):
    return subprocess.run(["sh", "-c", command], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=600)


def main():
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        readme = f.read()

    bindir = tempfile.mkdtemp(prefix="elab-readme-bin-")
    os.symlink(BINARY, os.path.join(bindir, "entropy-lab"))
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "G_DEBUG")}
    env["PATH"] = bindir + os.pathsep + env.get("PATH", "/usr/bin:/bin")

    for info, lines in blocks(readme):
        # The examples run from the top of the source tree: the lessons
        # are where the README names them, the files written land in an
        # empty directory.
        work = tempfile.mkdtemp(prefix="elab-readme-")
        shutil.copytree(os.path.join(ROOT, "data", "scenarios"),
                        os.path.join(work, "data", "scenarios"))
        # The examples that remake the README's own pictures write there.
        os.makedirs(os.path.join(work, "data", "screenshots"))
        try:
            if any(line.startswith("$ entropy-lab") for line in lines):
                # Commands with their real output.
                i = 0
                while i < len(lines):
                    if not lines[i].startswith("$ "):
                        i += 1
                        continue
                    command = lines[i][2:]
                    i += 1
                    expected = []
                    while i < len(lines) and not lines[i].startswith("$ "):
                        expected.append(lines[i])
                        i += 1
                    p = run(command, work, env)
                    got = (p.stdout + p.stderr).splitlines()
                    ok(p.returncode == 0, "README: `%s` exits 0" % command,
                       "status %d, stderr: %s" % (p.returncode, p.stderr.strip()))
                    if expected:
                        ok(got == expected, "README: `%s` prints what the README shows" % command,
                           "\n".join("- %s\n+ %s" % (e, g) for e, g in
                                     zip(expected + [""] * len(got), got + [""] * len(expected))
                                     if e != g))
            elif info == "sh":
                cmds = commands(lines)
                if any(c.startswith("make ") for c in cmds):
                    continue
                for command in cmds:
                    program = command.split()[0]
                    if program not in ("entropy-lab", "mkdir", "for") and shutil.which(program) is None:
                        skip("README: `%s`" % command.splitlines()[0], "%s is not installed" % program)
                        continue
                    p = run(command, work, env)
                    ok(p.returncode == 0, "README: `%s` exits 0" % " ".join(command.split()),
                       "status %d, stderr: %s" % (p.returncode, p.stderr.strip()))
        finally:
            shutil.rmtree(work, ignore_errors=True)
    shutil.rmtree(bindir, ignore_errors=True)
    print("1..%d" % n)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
