#!/usr/bin/env python3
# test-scenes-keys.py
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A presenter with a clicker: the real binary opens a shipped lesson with
# --scenario on its own X server and D-Bus session (e2e/session.py), gets
# real Page Down / Page Up key presses from the X server (XTEST, as a
# keyboard or a clicker gives them, never sent events), and quits with
# Ctrl+Q; the state it saved at close must be the scene the keys stepped to.
# After every key the test waits for what the window reports: the scene
# indicator ("scene N / M"), the caption drawn on the figure (read from
# the figure's accessible description), the controls folded away in
# presentation mode. Also: a bad scenario on the command line exits 1 with
# the file named.
# Usage: test-scenes-keys.py ENTROPY_LAB LESSON.elab

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import traceback

HERE = os.path.dirname (os.path.abspath (__file__))
os.environ.pop ('G_DEBUG', None)

_spec = importlib.util.spec_from_file_location ('elab_test_window', os.path.join (HERE, 'test-window.py'))
tw = importlib.util.module_from_spec (_spec)
_spec.loader.exec_module (tw)

BINARY = os.path.abspath (sys.argv[1])
LESSON = os.path.abspath (sys.argv[2])
QUESTIONS = os.path.join (os.path.dirname (LESSON), 'lesson-cross-entropy-order.elab')
EXERCISE = os.path.join (os.path.dirname (LESSON), 'lesson-entropy.elab')


def saved_state (home):
    """The [state] group of the last state the app saved (a scenario file)."""
    path = os.path.join (home, 'state', 'entropy-lab', 'last.elab')
    values = {}
    group = None
    if os.path.exists (path):
        for line in open (path, encoding='utf-8'):
            line = line.strip ()
            if line.startswith ('['):
                group = line
                continue
            m = re.match (r'^([a-z0-9-]+)=(.*)$', line)
            if m and group == '[state]':
                values[m.group (1)] = m.group (2)
    return values


class Presenter:
    """One run of the app on a lesson, driven key by key."""

    def __init__ (self, tap, home, name):
        self.tap = tap
        self.home = home
        self.name = name
        self.app = None

    def start (self, lesson):
        last = os.path.join (self.home, 'state', 'entropy-lab', 'last.elab')
        if os.path.exists (last):
            os.unlink (last)
        self.app = tw.ElabApp (BINARY, self.home, os.path.join (self.home, self.name + '.stderr'))
        ok = self.app.start (['--scenario', lesson])
        self.tap.ok (ok, '%s: the window opens on the lesson' % self.name)
        return ok

    # --- what the window reports ---------------------------------------------

    def position (self):
        t = self.app.tree
        for node in t.find_all (role=tw.a11y.Role.LABEL, visible=False, refresh=True):
            name = node.name or ''
            if re.match (r'^(scene \d+ / \d+|\d+ scenes: Page Down starts)$', name):
                return name
        return None

    def caption (self):
        """The scene's caption: what the figure's description says after
        its first line (the description of the figure itself)."""
        t = self.app.tree
        plot = self.app.plot ()
        if plot is None:
            return None
        text = tw.a11y.safe (plot.get_description, default='') or ''
        return text.split ('\n', 1)[1] if '\n' in text else ''

    def controls_shown (self):
        return self.app.tree.find (role=tw.a11y.Role.SLIDER, refresh=True) is not None

    def report (self):
        return (self.position (), self.caption ())

    # --- keys ------------------------------------------------------------------

    def press (self, key, what, predicate):
        before = self.report ()
        self.app.key (key)
        got = tw.wait_until (lambda: predicate (before))
        self.tap.ok (got, '%s: %s shows %s' % (self.name, key, what),
                     diag='before %r, now %r' % (before, self.report ()))
        return got

    def step (self, key, position):
        return self.press (key, repr (position), lambda before: self.position () == position)

    def reveal (self, key, what):
        """A question's reveal or its hiding: the same scene, a new caption."""
        return self.press (key, what, lambda before: self.position () == before[0] and
                           self.caption () not in (None, before[1]))

    def present (self, on):
        key = 'F5' if on else 'Escape'
        return self.press (key, 'presentation mode %s' % ('on' if on else 'off'),
                           lambda before: self.controls_shown () != on)

    def wiggle (self):
        """The pointer moved over the figure, as a student reaching for the mouse."""
        x, y, w, h = tw.xscreen.window_geometry (self.app.wid)
        for dx in (0, 40):
            tw.xscreen.xdotool ('mousemove', '--sync', x + w // 2 + dx, y + h // 2)

    def quit (self):
        self.app.key ('ctrl+q')
        rc = self.app.wait_exit ()
        self.tap.ok (rc == 0, '%s: Ctrl+Q exits 0' % self.name, diag='rc=%r' % rc)
        self.app.stop ()
        text = self.app.stderr_text ()
        self.tap.ok (text.strip () == '', '%s: the app wrote nothing on stderr' % self.name, diag=text)
        return saved_state (self.home)


def run_tests (tap, home, apps):
    env = dict (os.environ, HOME=home, XDG_STATE_HOME=os.path.join (home, 'state'),
                XDG_CONFIG_HOME=os.path.join (home, 'config'), GSETTINGS_BACKEND='keyfile')
    bad = os.path.join (home, 'bad.elab')
    with open (bad, 'wb') as f:
        f.write (b'[scenario]\nversion=1\nscenes=1\n[state]\npage=nowhere\n')
    p = subprocess.run ([BINARY, '--scenario', bad], env=env, capture_output=True, text=True,
                        timeout=tw.patience ())
    tap.ok (p.returncode == 1 and 'bad.elab' in p.stderr and p.stderr.startswith ('entropy-lab: error: '),
            'a bad scenario exits 1 naming the file', diag='rc=%d err=%r' % (p.returncode, p.stderr))

    # The clicker through the main lesson, which opens on its first scene:
    # scene 1 → 4, three clicks forward, one back, one forward.
    n = sum (1 for line in open (LESSON, encoding='utf-8') if re.match (r'^\[scene \d+\]', line))
    s = Presenter (tap, home, 'clicker')
    apps.append (s)
    if s.start (LESSON):
        for key, index in (('Next', 2), ('Next', 3), ('Next', 4), ('Prior', 3), ('Next', 4)):
            if not s.step (key, 'scene %d / %d' % (index, n)):
                break
        state = s.quit ()
        tap.ok (state.get ('page') == 'cross-entropy', 'the keys stepped to scene 4: the Cross-entropy page',
                diag=state)
        tap.ok (state.get ('p-theta') == '2' and state.get ('q-theta') == '1',
                "scene 4's p and q (swapped: p θ = 2, q θ = 1)", diag=state)

    # A question in presentation mode (the lesson's second scene): Page Down asks it, the next Page
    # Down reveals its answer on the same scene (both KL gaps shaded), Page
    # Up hides it again, Page Down reveals it once more; Escape leaves.
    m = sum (1 for line in open (QUESTIONS, encoding='utf-8') if re.match (r'^\[scene \d+\]', line))
    journeys = (
        ('question asked', ('ask',), lambda st: 'kl-gap' not in st and st.get ('page') == 'cross-entropy',
         'before its reveal the question shows one gap'),
        ('question revealed', ('ask', 'reveal', 'hide', 'reveal', 'leave'),
         lambda st: st.get ('kl-gap') == 'both', 'Page Down revealed the answer: both gaps shaded'),
        ('answer hidden', ('ask', 'reveal', 'hide', 'leave'), lambda st: 'kl-gap' not in st,
         'Page Up went back to the question'),
    )
    for name, moves, expect, what in journeys:
        s = Presenter (tap, home, name)
        apps.append (s)
        if not s.start (QUESTIONS):
            continue
        done = s.present (True)
        for move in moves:
            if not done:
                break
            if move == 'ask':
                done = s.step ('Next', 'scene 2 / %d' % m)
            elif move == 'reveal':
                done = s.reveal ('Next', 'the answer')
            elif move == 'hide':
                done = s.reveal ('Prior', 'the question again')
            elif move == 'leave':
                done = s.present (False)
        state = s.quit ()
        tap.ok (expect (state), what, diag=state)

    # An exercise in presentation mode (the entropy lesson's last scene, which
    # moves no model): the students get the controls its goal reads, model
    # A's, when the scene comes and when the pointer moves.
    k = sum (1 for line in open (EXERCISE, encoding='utf-8') if re.match (r'^\[scene \d+\]', line))
    s = Presenter (tap, home, 'exercise')
    apps.append (s)
    if s.start (EXERCISE) and s.present (True):
        last = 'scene %d / %d' % (k, k)
        for _ in range (2 * k):
            if s.position () == last or not s.press ('Next', 'the next scene or answer',
                                                     lambda before: s.report () != before):
                break
        tap.ok (s.position () == last, 'Page Down reaches the exercise, %s' % last, diag=s.report ())
        s.wiggle ()
        tap.ok (tw.wait_until (s.controls_shown), "the exercise's controls float over the figure")
        s.quit ()


def main ():
    if tw.a11y is None:
        print ('1..0 # SKIP python3 AT-SPI bindings missing: %s' % tw.A11Y_ERROR)
        return 0
    missing = tw.Session.missing_tools ()
    if missing:
        print ('1..0 # SKIP not installed: %s' % ', '.join (missing))
        return 0

    tap = tw.Tap ()
    desktop = tw.Session ()
    home = tempfile.mkdtemp (prefix='elab-scenes-keys-')
    apps = []
    try:
        desktop.start ()
        run_tests (tap, home, apps)
    except tw.session.ProcessDied as e:
        tap.ok (False, 'the app kept running: %s' % e)
    except tw.SessionError as e:
        tap.ok (False, 'desktop session for the clicker test: %s' % e)
    except Exception:
        tap.ok (False, 'clicker test ran to the end', diag=traceback.format_exc ())
    finally:
        for s in apps:
            if s.app is not None:
                s.app.stop ()
        desktop.close ()
    tap.plan ()
    if not tap.failed:
        shutil.rmtree (home, ignore_errors=True)
    else:
        tap.diag ('kept %s (app stderr, last state)' % home)
    return 1 if tap.failed else 0


if __name__ == '__main__':
    sys.exit (main ())
