#!/usr/bin/python3
# tests/app/test-training-window.py
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end test of the Training page: drives the real entropy-lab binary
# through AT-SPI (Play, Step, Reset, the learning-rate slider, the
# Standardize switch) and the keyboard (Space), and checks with pixel
# grabs that the figure follows, that Reset brings back the very first
# picture, and that a diverging run is stopped and explained on screen.
# In presentation mode, where the read-outs are folded away, Space, S and
# R are checked on the Training figure's accessible description ("Now:
# step 12 · paused."). Prints TAP.  Reuses the window test's app driver
# (test-window.py) and set-up (e2e/harness.py).
#
#   test-training-window.py [ENTROPY_LAB_BINARY]

import importlib.util
import os
import re
import sys

HERE = os.path.dirname (os.path.abspath (__file__))
os.environ.pop ('G_DEBUG', None)

_spec = importlib.util.spec_from_file_location ('elab_test_window', os.path.join (HERE, 'test-window.py'))
tw = importlib.util.module_from_spec (_spec)
_spec.loader.exec_module (tw)

WINDOW_W, WINDOW_H = 1600, 1000

# Challenger, standardised, plain gradient descent with a small rate: a
# run that takes a few seconds at 60 steps a second.
KEYFILE = """[io/github/entropylab/EntropyLab]
page='training'
dataset='challenger'
optimizer='gd'
learning-rate=0.05
standardize=true
use-bias=true
"""


def find_label (t, needle):
    for node in t.find_all (role=tw.a11y.Role.LABEL, refresh=True):
        if needle in (node.name or ''):
            return node
    return None


def run_status (figure):
    """(step, "playing" / "paused" / "not started" / …) as the Training
    figure's accessible description tells it ("… Now: step 12 · paused."),
    or None."""
    text = tw.a11y.safe (figure.get_description, default='') or ''
    m = re.search (r'Now: step (\d+) \u00b7 ([^.\n]+)\.', text)
    return (int (m.group (1)), m.group (2)) if m else None


def find_step_readout (t):
    """The Progress card's step count: the label after the "Step" caption."""
    labels = [n for n in t.find_all (role=tw.a11y.Role.LABEL, refresh=True)]
    for caption, value in zip (labels, labels[1:]):
        if caption.name == 'Step':
            return value.obj
    return None


def run_tests (tap, binary, workdir, apps):
    Role = tw.a11y.Role
    wait_until = tw.wait_until
    xscreen = tw.xscreen

    settings_dir = os.path.join (workdir, 'config', 'glib-2.0', 'settings')
    os.makedirs (settings_dir, exist_ok=True)
    with open (os.path.join (settings_dir, 'keyfile'), 'w') as f:
        f.write (KEYFILE)

    app = tw.ElabApp (binary, workdir, os.path.join (workdir, 'run.stderr'))
    apps.append (app)
    if not tap.ok (app.start (), 'the app starts on the accessibility bus'):
        return
    t = app.tree
    tap.ok (app.resize (WINDOW_W, WINDOW_H), 'window resized to %dx%d' % (WINDOW_W, WINDOW_H))
    app.park_pointer ()
    tap.ok (wait_until (lambda: tw.selected_page (app) == 'Training'),
            'the saved Training page is shown', diag='selected %r' % (tw.selected_page (app),))

    # Both figures, laid out: a widget not allocated yet reads as hidden.
    def figures ():
        f = t.find (role=Role.IMAGE, name='Training figure', refresh=True)
        g = t.find (role=Role.IMAGE, name='Loss landscape figure')
        return (f, g) if f is not None and g is not None else None

    found = wait_until (figures)
    if not tap.ok (found is not None,
                   'the training and landscape figures are in the accessibility tree'):
        return
    figure, landscape = found
    grab = app.grab_fn (figure)
    grab_landscape = app.grab_fn (landscape)

    controls = {}
    for name in ('Play', 'Step', 'Reset'):
        # GTK 4.8 gives a toggle button the push-button role.
        controls[name] = t.find (role=Role.PUSH_BUTTON, name=name) or \
            t.find (role=Role.TOGGLE_BUTTON, name=name)
    sliders = [n.obj for n in t.find_all (role=Role.SLIDER, name='Learning rate')]
    spins = [n.obj for n in t.find_all (role=Role.SPIN_BUTTON, name='Learning rate')]
    standardize = t.find (name='Standardize')
    for name in ('Speed', 'Momentum', 'Optimizer', 'Bias'):
        controls[name] = t.find (name=name, visible=False)
    step_readout = find_step_readout (t)
    missing = [k for k, v in controls.items () if v is None]
    if not sliders:
        missing.append ('Learning rate slider')
    if not spins:
        missing.append ('Learning rate spin button')
    if standardize is None:
        missing.append ('Standardize')
    if step_readout is None:
        missing.append ('the step read-out')
    if not tap.ok (not missing, 'every Training control is found by its accessible name',
                   diag='missing: %r\nnodes: %r' % (missing, [n for n in t.find_all (visible=False)
                                                             if n.role != Role.LABEL])):
        return

    def steps ():
        """The step count the page shows (None while it shows none)."""
        text = tw.a11y.safe (step_readout.get_name, default='') or ''
        return int (text) if text.isdigit () else None

    def playing ():
        return t.has_state (controls['Play'], tw.a11y.State.CHECKED) or \
            t.has_state (controls['Play'], tw.a11y.State.PRESSED)

    def changed (grab_fn, before):
        return xscreen.wait_for_change (grab_fn, before)[0] > 0

    tap.ok (wait_until (lambda: steps () == 0), 'the run starts at step 0',
            diag='step read-out %r' % (steps (),))
    first = xscreen.wait_for_stable (grab, settle=0.3)
    first_landscape = xscreen.wait_for_stable (grab_landscape, settle=0.3)

    # Step: one step, the fit moves, and so does the path in the landscape.
    tap.ok (t.click (controls['Step']) and wait_until (lambda: steps () == 1),
            'Step (AT-SPI click) takes one step', diag='step read-out %r' % (steps (),))
    tap.ok (changed (grab, first), 'the figure follows the step')
    tap.ok (changed (grab_landscape, first_landscape), 'the landscape follows the step')

    # Play runs on; pressing it again pauses and the picture settles.
    before = xscreen.wait_for_stable (grab)
    t.click (controls['Play'])
    tap.ok (wait_until (lambda: (steps () or 0) >= 3) and changed (grab, before),
            'Play runs step after step and the figure follows', diag='step %r' % (steps (),))
    tap.ok (wait_until (playing), 'Play reads as pressed while playing')
    t.click (controls['Play'])
    stopped = wait_until (lambda: not playing ())
    at = steps ()
    # Settled, then watched for as long again: nothing may move.
    paused = xscreen.wait_for_stable (grab, settle=0.5)
    still = xscreen.wait_for_stable (grab, settle=0.5)
    tap.ok (stopped and steps () == at and paused == still,
            'pressing Play again pauses: no more steps, the figure stays still',
            diag='playing=%s, step %r then %r' % (not stopped, at, steps ()))

    # Reset: the very first picture again (a run replays exactly).
    t.click (controls['Reset'])
    tap.ok (wait_until (lambda: steps () == 0) and
            wait_until (lambda: xscreen.differing_bytes (first, grab ()) == 0),
            'Reset brings back step 0 and its figure, pixel for pixel',
            diag='step %r, %d bytes differ' % (steps (), xscreen.differing_bytes (first, grab ())))

    # Space plays and pauses from the keyboard.
    app.key ('space')
    tap.ok (wait_until (lambda: (steps () or 0) > 0), 'Space plays')
    app.key ('space')
    tap.ok (wait_until (lambda: not playing ()), 'Space pauses')
    xscreen.wait_for_stable (grab, settle=0.3)

    # S, R and Space work whatever has the focus, not only a control of
    # the page: here a button of the header bar (clicked, so it has the
    # focus), which takes Space itself (it is a button) but not S or R.
    bits = t.find (role=Role.TOGGLE_BUTTON, name='bits') or t.find (role=Role.PUSH_BUTTON, name='bits')
    if tap.ok (bits is not None, 'the header bar\'s "bits" button is found'):
        x, y, w, h = t.screen_rect (bits)
        xscreen.xdotool ('mousemove', '--sync', x + w // 2, y + h // 2)
        xscreen.xdotool ('click', '1')
        app.park_pointer ()
        t.click (controls['Reset'])
        wait_until (lambda: steps () == 0)
        app.key ('s')
        tap.ok (wait_until (lambda: steps () == 1) and changed (grab, first),
                'S steps with the focus in the header bar', diag='step %r' % (steps (),))
        app.key ('r')
        tap.ok (wait_until (lambda: steps () == 0) and
                wait_until (lambda: xscreen.differing_bytes (first, grab ()) == 0),
                'R resets with the focus in the header bar', diag='step %r' % (steps (),))

    # Presentation mode folds the side panel, but Play, Step and Reset stay
    # at hand and Space, S and R drive the run.
    app.key ('F5')
    tap.ok (wait_until (lambda: t.find (role=Role.TOGGLE_BUTTON, name='Play', refresh=True) or
                        t.find (role=Role.PUSH_BUTTON, name='Play', refresh=True)) is not None and
            t.find (name='Step') is not None and t.find (name='Reset') is not None,
            'Play, Step and Reset are shown in presentation mode')
    figure_p = wait_until (lambda: (lambda f: f if f is not None and t.screen_rect (f)[2] > 600 else None)
                           (t.find (role=Role.IMAGE, name='Training figure', refresh=True)))
    if tap.ok (figure_p is not None, 'the Training figure is large in presentation mode'):
        # The read-outs are folded away and the floating controls fade in
        # and out over the figure's pixels: the figure's accessible
        # description tells where the run is.
        # Full screen: the pointer cannot leave the window; the top left
        # corner is clear of the floating controls (bottom left).
        xscreen.xdotool ('mousemove', '--sync', 0, 0)

        def status ():
            return run_status (figure_p)

        def status_is (pred):
            now = status ()
            return now is not None and pred (*now)

        tap.ok (wait_until (lambda: status () == (0, 'not started')),
                'presentation mode: the Training figure tells "step 0 \u00b7 not started"',
                diag='status %r' % (status (),))

        # The floating controls are out, Play has the focus: Space is the
        # button's.
        app.key ('space')
        tap.ok (wait_until (lambda: status_is (lambda n, what: what == 'playing' and n > 0)),
                'presentation mode, controls out: Space plays', diag='status %r' % (status (),))
        app.key ('space')
        tap.ok (wait_until (lambda: status_is (lambda n, what: what == 'paused')),
                'presentation mode, controls out: Space pauses', diag='status %r' % (status (),))

        # The pointer rests, the controls go and the focus with them: now
        # the keys are the window's, as in a lecture.
        play = t.find (name='Play', visible=False, refresh=True)
        tap.ok (play is not None and wait_until (lambda: not t.has_state (play, tw.a11y.State.FOCUSED)),
                'presentation mode: the pointer rests, the controls go with the focus')
        at = (status () or (0, ''))[0]
        app.key ('s')
        tap.ok (wait_until (lambda: status () == (at + 1, 'paused')),
                'presentation mode: S steps from step %d' % at, diag='status %r' % (status (),))
        app.key ('r')
        tap.ok (wait_until (lambda: status () == (0, 'not started')),
                'presentation mode: R resets', diag='status %r' % (status (),))
        app.key ('space')
        if tap.ok (wait_until (lambda: status_is (lambda n, what: what == 'playing' and n > 0)),
                   'presentation mode: Space plays', diag='status %r' % (status (),)):
            app.key ('space')
            tap.ok (wait_until (lambda: status_is (lambda n, what: what == 'paused')),
                    'presentation mode: Space pauses', diag='status %r' % (status (),))
    # Whatever the keys did: paused, for what follows.
    if playing ():
        t.click (controls['Play'])
    app.key ('Escape')
    tap.ok (wait_until (lambda: t.find (name='Learning rate', refresh=True) is not None),
            'Escape leaves presentation mode: the side panel is back')
    # Back to the window's size and a fresh run for what follows.
    app.resize (WINDOW_W, WINDOW_H)
    # The panel went over the figure and back: look its controls up again.
    sliders = wait_until (lambda: [n.obj for n in t.find_all (role=Role.SLIDER, name='Learning rate',
                                                              refresh=True)])
    for name in ('Play', 'Step', 'Reset'):
        controls[name] = t.find (role=Role.PUSH_BUTTON, name=name, refresh=True) or \
            t.find (role=Role.TOGGLE_BUTTON, name=name)
    spins = [n.obj for n in t.find_all (role=Role.SPIN_BUTTON, name='Learning rate')]
    standardize = t.find (name='Standardize')
    step_readout = wait_until (lambda: find_step_readout (t))
    if not tap.ok (sliders and spins and standardize is not None and step_readout is not None,
                   'the side panel\'s controls are back after presentation mode'):
        return
    t.click (controls['Reset'])
    grab = app.grab_fn (t.find (role=Role.IMAGE, name='Training figure', refresh=True))

    # The learning-rate slider (log10 scale) sets the rate, and a new run
    # starts from step 0.
    slider, spin = sliders[0], spins[0]
    t.set_value (slider, -2.0)
    got = t.wait_value (spin, lambda v: abs (v - 0.01) < 1e-9)
    tap.ok (got is not None and abs (got - 0.01) < 1e-9,
            'the Learning rate slider at 10^-2 sets the rate to 0.01', diag='spin reads %r' % (got,))
    # Reset put the run at step 0, where the rate changes nothing drawn.
    tap.ok (wait_until (lambda: steps () == 0), 'a new run starts at step 0',
            diag='step %r' % (steps (),))

    # Raw °F with a rate of 10: the run diverges, stops, and says why.
    was = t.has_state (standardize, tw.a11y.State.CHECKED)
    t.click (standardize)
    tap.ok (wait_until (lambda: t.has_state (standardize, tw.a11y.State.CHECKED) != was),
            'the Standardize switch turns off')
    t.set_value (slider, 1.0)
    t.wait_value (spin, lambda v: abs (v - 10) < 1e-9)
    t.click (controls['Play'])
    label = wait_until (lambda: find_label (t, 'Diverged'), None, 0.2)
    tap.ok (label is not None, 'a diverging run shows "Diverged" on the page')
    detail = wait_until (lambda: find_label (t, 'smaller'), 5.0, 0.1)
    tap.ok (detail is not None, 'the message suggests a smaller learning rate',
            diag='labels: %r' % ([n.name for n in t.find_all (role=Role.LABEL)],))
    tap.ok (wait_until (lambda: not playing ()), 'the diverged run stopped playing by itself')

    app.key ('ctrl+q')
    tap.ok (app.wait_exit () == 0, 'Ctrl+Q: the app exits with status 0')
    app.stop ()


def main ():
    binary = sys.argv[1] if len (sys.argv) > 1 else os.environ.get ('ELAB_BINARY')
    if not binary or not os.access (binary, os.X_OK):
        print ('1..0 # SKIP no entropy-lab binary given')
        return 0
    binary = os.path.abspath (binary)
    return tw.harness.run ('the Training window test',
                           lambda tap, workdir, apps: run_tests (tap, binary, workdir, apps),
                           prefix='elab-traintest-')


if __name__ == '__main__':
    sys.exit (main ())
