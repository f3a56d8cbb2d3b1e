#!/usr/bin/python3
# tests/app/test-window.py
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end window test: drives the real entropy-lab binary as a person
# and a screen reader would, and prints TAP.
#
#   test-window.py [ENTROPY_LAB_BINARY]
#
# Through AT-SPI it finds each page tab and each named control, sets values
# through the Value interface; with xdotool it drags sliders with real
# pointer events and presses keys; with pixel grabs it checks that the plot
# followed.  It quits with Ctrl+Q, starts the app again and checks that the
# page and every value came back, and that the app wrote nothing on stderr.
#
# The test brings its own desktop: a private Xvfb, session bus and
# accessibility bus, all stopped on every way out (see e2e/session.py); it
# skips only when Xvfb, xdotool, ImageMagick or the AT-SPI bindings are
# missing.  Every wait is for something the app reports (a state, a value,
# a repaint); its timeout is a safety net that grows with the load.  The
# app runs with a temporary HOME/XDG_CONFIG_HOME and
# GSETTINGS_BACKEND=keyfile, so the saved state is isolated.  ELAB_WINTEST_TIMING=1 prints per-case times.
# Screenshots of each page (a 1600x1000 window) go to $ELAB_SHOTS_DIR
# (default /tmp/elab-shots).

import os
import signal
import subprocess
import sys
import time

HERE = os.path.dirname (os.path.abspath (__file__))
sys.path.insert (0, os.path.join (HERE, 'e2e'))

# make check exports G_DEBUG=fatal-warnings for the C tests; a warning
# from libatspi in this process must not abort the run (the app's own
# stderr is checked separately).  Unset before GLib is loaded.
os.environ.pop ('G_DEBUG', None)

import harness  # noqa: E402
from harness import Tap  # noqa: E402,F401  (the other window tests' too)
import session  # noqa: E402
from session import SAFETY_NET, Session, SessionError, patience, wait_until  # noqa: E402,F401  (the other window tests' too)
import xscreen  # noqa: E402

try:
    import a11y  # noqa: E402  (gi + Atspi)
    A11Y_ERROR = None
except (ImportError, ValueError) as e:
    a11y = None
    A11Y_ERROR = e

WINDOW_W, WINDOW_H = 1600, 1000
PAGES = ['Entropy', 'Cross-entropy', 'Training', 'Softmax']
PLOT_PAGES = ['Entropy', 'Cross-entropy', 'Softmax']
SWITCH_ORDER = ['Cross-entropy', 'Training', 'Softmax', 'Entropy']

# Every named control of a page, and the values to set it to, tried in
# order until one differs from the current value.  Values have at most two
# decimals so that a widget showing two digits keeps them exactly.
CONTROLS = {
  'Entropy': [
    ('Model A θ', [2.5, -1.5]), ('Model A bias', [0.75, -0.5]),
    ('Model B θ', [-3.0, 1.25]), ('Model B bias', [1.5, -1.0]),
    ('Model C θ', [4.0, -2.0]), ('Model C bias', [-1.25, 0.5]),
    ('x minimum', [-4.5, -2.0]), ('x maximum', [4.5, 8.0]),
  ],
  'Cross-entropy': [
    ('Model p θ', [3.5, -0.5]), ('Model p bias', [-0.75, 0.25]),
    ('Model q θ', [-1.75, 2.0]), ('Model q bias', [1.25, -0.25]),
    ('x minimum', [-2.0, -3.0]), ('x maximum', [8.0, 7.0]),
  ],
  'Softmax': [('Logit %d' % i, [v, -v]) for i, v in
              zip (range (1, 9), [2.5, -1.5, 0.75, 1.75, -2.25, 3.25, -0.75, 0.5])]
             + [('Temperature', [2.5, 0.75])],
}
SPIN_ONLY = {'x minimum', 'x maximum'}
KEY_LABELS = {'ctrl+e': 'Ctrl+E', 'ctrl+q': 'Ctrl+Q'}


def close_enough (a, b, tol=1e-6):
    return a is not None and b is not None and abs (a - b) <= tol * max (1.0, abs (b))


class ElabApp:
    """One run of the real binary, its window, its tree and its stderr."""

    def __init__ (self, binary, home, stderr_path):
        self.binary = binary
        self.home = home
        self.stderr_path = stderr_path
        self.proc = None
        self.wid = None
        self.tree = None
        self.grabber = None

    def env (self):
        env = dict (os.environ)
        for var in ('GTK_A11Y', 'NO_AT_BRIDGE', 'GTK_DEBUG', 'G_MESSAGES_DEBUG'):
            env.pop (var, None)
        env.update ({
          'HOME': self.home,
          'XDG_CONFIG_HOME': os.path.join (self.home, 'config'),
          'XDG_DATA_HOME': os.path.join (self.home, 'data'),
          'XDG_CACHE_HOME': os.path.join (self.home, 'cache'),
          'XDG_STATE_HOME': os.path.join (self.home, 'state'),
          'GSETTINGS_BACKEND': 'keyfile',
          'GSK_RENDERER': 'cairo',
          'GDK_BACKEND': 'x11',
          'LC_ALL': 'C.UTF-8',
        })
        # Warnings must reach stderr, where they fail the test, not abort
        # the app in the middle of it.
        env.pop ('G_DEBUG', None)
        return env

    def start (self, args=()):
        self.stderr_file = open (self.stderr_path, 'w')
        # Tied to this process: a test killed outright takes the app along.
        self.proc = subprocess.Popen (session.tied ([self.binary] + list (args), 'TERM'),
                                      env=self.env (), stdin=subprocess.DEVNULL,
                                      stdout=subprocess.DEVNULL, stderr=self.stderr_file)
        self.wid = xscreen.search_window ('^Entropy Lab$', pid=self.proc.pid,
                                          alive=lambda: self.proc.poll () is None)
        if self.wid is None:
            return False
        # From here on, a wait on the app ends at once if it exits.
        session.watch (self.proc, 'entropy-lab')
        self.tree = a11y.AppTree (self.proc.pid, self.wid)
        if not self.tree.connect ():
            return False
        self.grabber = xscreen.Grabber ()
        return True

    def stderr_text (self):
        try:
            with open (self.stderr_path) as f:
                return f.read ()
        except OSError:
            return ''

    def wait_exit (self, timeout=None):
        """The exit status, waiting up to a safety net; None if still running."""
        session.unwatch (self.proc)
        try:
            return self.proc.wait (patience (timeout or SAFETY_NET))
        except subprocess.TimeoutExpired:
            return None

    def stop (self):
        """Make sure the process is gone (only ours, by its pid)."""
        if self.grabber is not None:
            self.grabber.close ()
            self.grabber = None
        if self.proc is not None and self.proc.poll () is None:
            self.proc.send_signal (signal.SIGTERM)
            if self.wait_exit (10) is None:
                self.proc.kill ()
                self.proc.wait ()
        if getattr (self, 'stderr_file', None):
            self.stderr_file.close ()
            self.stderr_file = None

    # --- helpers over tree + pixels ---------------------------------------

    def park_pointer (self):
        """Move the pointer off the window: no hover cross-hair or tooltip
        may change the pixels being compared."""
        x, y, w, h = xscreen.window_geometry (self.wid)
        xscreen.xdotool ('mousemove', '--sync', x + w + 20, y + h + 20)

    def focus (self):
        xscreen.xdotool ('windowfocus', '--sync', self.wid)

    def key (self, *keys):
        self.focus ()
        xscreen.xdotool ('key', '--clearmodifiers', *keys)

    def resize (self, width, height):
        """Give the window (without its CSD margin) width x height pixels."""
        t = self.tree
        _, _, fw, fh = t.window_extents (t.frame)
        _, _, ww, wh = xscreen.window_geometry (self.wid)
        xscreen.xdotool ('windowsize', '--sync', self.wid, width + ww - fw, height + wh - fh)
        return wait_until (lambda: t.window_extents (t.frame)[2:] == (width, height))

    def plot (self):
        """The biggest figure (an image with a description) on the current page."""
        imgs = [n for n in self.tree.find_all (role=a11y.Role.IMAGE)
                if (self.tree.window_extents (n.obj) or (0, 0, 0, 0))[2] >= 200]
        if not imgs:
            return None
        return max (imgs, key=lambda n: (lambda e: e[2] * e[3]) (self.tree.window_extents (n.obj))).obj

    def grab_fn (self, obj):
        rect = self.tree.screen_rect (obj)
        return lambda: self.grabber.grab (*rect)

    def content_grab_fn (self):
        """Everything below the header bar: what a page switch changes."""
        ox, oy = self.tree.origin ()
        _, _, fw, fh = self.tree.window_extents (self.tree.frame)
        return lambda: self.grabber.grab (ox, oy + 60, fw, fh - 60)


def tab_for (app, page):
    return app.tree.find (role=a11y.Role.PAGE_TAB, name=page)


def page_content (app, page):
    """What shows that a page is on screen: its figure (an image whose name
    or description starts with the page's name), or for a page without a
    figure any visible widget below the header bar that names the page.
    Pages are built on first show, so the widget index is walked afresh."""
    t = app.tree
    key = page.lower ()
    for node in t.find_all (role=a11y.Role.IMAGE, refresh=True):
        desc = a11y.safe (node.obj.get_description, default='') or ''
        if (node.name or '').lower ().startswith (key) or desc.lower ().startswith (key):
            return node.obj
    if page not in PLOT_PAGES:
        # A page this test does not drive yet: anything that names it, or
        # any figure or slider, below the header bar.
        for node in t.find_all ():
            e = t.window_extents (node.obj)
            if e is not None and e[1] > 60 and \
               (key in (node.name or '').lower () or
                node.role in (a11y.Role.IMAGE, a11y.Role.SLIDER)):
                return node.obj
    return None


def selected_page (app):
    for node in app.tree.find_all (role=a11y.Role.PAGE_TAB):
        if app.tree.has_state (node.obj, a11y.State.SELECTED) or \
           app.tree.has_state (node.obj, a11y.State.CHECKED):
            return node.name
    return None


def choose_target (current, candidates, lo, hi):
    for v in candidates:
        if (lo is None or v >= lo) and (hi is None or v <= hi) and \
           (current is None or abs (v - current) > 1e-9):
            return v
    return None


def run_tests (tap, binary, workdir, shots_dir, apps):
    """Every case, in order; each run of the app is added to apps."""
    Role, State = a11y.Role, a11y.State
    expected = {}          # control name -> value it must have after restart
    t_start = time.monotonic ()

    # ---- first run ------------------------------------------------------------
    app = ElabApp (binary, workdir, os.path.join (workdir, 'run1.stderr'))
    apps.append (app)
    try:
        started = app.start ()
        if not tap.ok (app.wid is not None, 'window titled "Entropy Lab" appears',
                       diag='exit status %r\n%s' % (app.proc.poll (), app.stderr_text ())):
            return
        if not tap.ok (started, 'the app is on the accessibility bus with its "Entropy Lab" frame'):
            return
        t = app.tree
        resized = app.resize (WINDOW_W, WINDOW_H)
        app.park_pointer ()
        tap.ok (resized,
                'window resized to %dx%d' % (WINDOW_W, WINDOW_H),
                diag='frame extents %r' % (t.window_extents (t.frame),))

        # Pages: find each tab and switch to it.
        os.makedirs (shots_dir, exist_ok=True)
        for page in SWITCH_ORDER:
            tab = tab_for (app, page)
            if tab is None:
                tap.ok (False, 'page "%s": tab found in the view switcher' % page,
                        todo='missing')
                continue
            grab = app.content_grab_fn ()
            before = grab ()
            clicked = t.click (tab)
            selected = wait_until (lambda: selected_page (app) == page)
            changed, _ = xscreen.wait_for_change (grab, before)
            content = wait_until (lambda: page_content (app, page))
            tap.ok (clicked and selected and changed > 0 and content is not None,
                    'page "%s": tab found, AT-SPI click selects it and the page is drawn' % page,
                    diag='clicked=%s selected=%s (now %r) changed=%d bytes content=%r'
                         % (clicked, selected, selected_page (app), changed, content))
            # Let the figure settle (the sidebar may hold a blinking caret).
            settle = app.grab_fn (content) if content is not None else grab
            xscreen.wait_for_stable (settle, timeout=2.0)
            shot = os.path.join (shots_dir, '%s.png' % page.lower ())
            ox, oy = t.origin ()
            subprocess.run (['import', '-silent', '-window', 'root', '-crop',
                             '%dx%d+%d+%d' % (WINDOW_W, WINDOW_H, ox, oy), '+repage', shot],
                            check=False, timeout=patience (60.0))
            tap.ok (os.path.getsize (shot) > 0 if os.path.exists (shot) else False,
                    'page "%s": screenshot saved to %s' % (page, shot))

        # Named controls: set each through the Value interface.
        for page in PLOT_PAGES:
            tab = tab_for (app, page)
            if tab is None or not t.click (tab) or \
               not wait_until (lambda: selected_page (app) == page):
                tap.ok (False, 'page "%s": switch before setting its controls' % page)
                continue
            if page == 'Entropy':
                show_c = t.find (name='Show model C')
                if show_c is not None and not t.has_state (show_c, State.CHECKED):
                    t.click (show_c)
                tap.ok (show_c is not None and
                        wait_until (lambda: t.has_state (show_c, State.CHECKED)),
                        'Entropy: "Show model C" switch found and turned on through AT-SPI')
            if page == 'Softmax':
                k = t.find (role=Role.SPIN_BUTTON, name='Number of classes K')
                ok = k is not None and t.set_value (k, 8) and \
                    close_enough (t.wait_value (k, lambda v: close_enough (v, 8)), 8)
                t.nodes (refresh=True)
                tap.ok (ok and t.find (role=Role.SLIDER, name='Logit 8') is not None,
                        'Softmax: "Number of classes K" set to 8 and eight logit sliders appear')
                if ok:
                    expected['Number of classes K'] = 8.0
            plot = app.plot ()
            if not tap.ok (plot is not None, '%s: figure found in the accessibility tree' % page):
                continue
            grab = app.grab_fn (plot)
            before = xscreen.wait_for_stable (grab)
            for name, candidates in CONTROLS[page]:
                slider = t.find (role=Role.SLIDER, name=name)
                spin = t.find (role=Role.SPIN_BUTTON, name=name)
                want_slider = name not in SPIN_ONLY
                if spin is None or (want_slider and slider is None):
                    tap.ok (False, '%s: "%s" %s found' % (page, name,
                            'slider and spin button' if want_slider else 'spin button'),
                            todo='missing')
                    continue
                # Sliders are set through the slider, spin-only controls
                # through the spin button; the twin must follow.
                target_obj = slider if slider is not None else spin
                lo, hi = t.value_range (target_obj)
                current = t.value (target_obj)
                target = choose_target (current, candidates, lo, hi)
                if target is None:
                    tap.ok (False, '%s: "%s" has a settable value' % (page, name),
                            diag='current=%r range=[%r, %r]' % (current, lo, hi))
                    continue
                set_ok = t.set_value (target_obj, target)
                got = t.wait_value (target_obj, lambda v: close_enough (v, target))
                twin = t.wait_value (spin, lambda v: close_enough (v, target)) \
                    if slider is not None else got
                changed, before = xscreen.wait_for_change (grab, before)
                tap.ok (set_ok and close_enough (got, target) and close_enough (twin, target)
                        and changed > 0,
                        '%s: "%s" set %r -> %r through AT-SPI Value, it stuck%s, plot repainted'
                        % (page, name, current, target,
                           ' (spin button too)' if slider is not None else ''),
                        diag='set=%s got=%r spin=%r changed=%d bytes' % (set_ok, got, twin, changed))
                if close_enough (got, target):
                    expected[name] = target
                before = xscreen.wait_for_stable (grab)

        # Drag a slider on each plot page with real pointer events.
        drags = [('Entropy', 'Model A θ'), ('Cross-entropy', 'Model q θ'),
                 ('Softmax', 'Temperature')]
        for page, name in drags:
            tab = tab_for (app, page)
            if tab is None or not t.click (tab) or \
               not wait_until (lambda: selected_page (app) == page):
                tap.ok (False, '%s: switch before the drag' % page)
                continue
            slider = t.find (role=Role.SLIDER, name=name)
            plot = app.plot ()
            if slider is None or plot is None:
                tap.ok (False, '%s: drag "%s"' % (page, name), todo='missing')
                continue
            moved = drag_slider (app, slider, plot)
            tap.ok (moved[0], '%s: dragging "%s" with the pointer moves it and repaints the plot'
                    % (page, name), diag=moved[1])
            v = t.value (slider)
            spin = t.find (role=Role.SPIN_BUTTON, name=name)
            if v is not None and spin is not None:
                expected[name] = v

        # Cross-entropy page: hovering the plot reads another x; Swap
        # exchanges p and q.
        tab = tab_for (app, 'Cross-entropy')
        if tab is not None and t.click (tab) and \
           wait_until (lambda: selected_page (app) == 'Cross-entropy'):
            hover_test (tap, app)
            swap_test (tap, app, expected)
        else:
            tap.ok (False, 'Cross-entropy: switch before hover and swap')

        # Keys on a focused slider (Entropy page, Model B θ).
        tab = tab_for (app, 'Entropy')
        t.click (tab)
        wait_until (lambda: selected_page (app) == 'Entropy')
        slider = t.find (role=Role.SLIDER, name='Model B θ')
        if slider is None:
            tap.ok (False, 'Entropy: "Model B θ" slider for the key test', todo='missing')
        else:
            key_tests (tap, app, slider)
            expected['Model B θ'] = t.value (slider)

        # Ctrl+E opens the export dialog, Escape closes it.
        dialog_test (tap, app, 'ctrl+e', 'export dialog',
                     lambda n: 'export' in n.lower (),
                     shot=os.path.join (shots_dir, 'export-dialog.png'))
        # F1 opens the shortcuts window, Escape closes it.
        dialog_test (tap, app, 'F1', 'shortcuts window',
                     lambda n: 'shortcut' in n.lower (), content_label='Export the figure',
                     shot=os.path.join (shots_dir, 'shortcuts.png'))

        # Alt+1…4 switch pages from the keyboard.
        for n, page in ((4, 'Softmax'), (3, 'Training'), (2, 'Cross-entropy'), (1, 'Entropy')):
            app.key ('alt+%d' % n)
            got = wait_until (lambda: selected_page (app) == page)
            tap.ok (got, 'Alt+%d selects the %s page' % (n, page),
                    diag='selected %r' % (selected_page (app),))

        # State to come back: the Cross-entropy page and nats.
        nats = t.find (role=Role.PUSH_BUTTON, name='nats') or \
            t.find (role=Role.TOGGLE_BUTTON, name='nats')
        unit_ok = nats is not None and t.click (nats) and \
            wait_until (lambda: is_pressed (t, nats))
        nats_label = wait_until (lambda: any (
            (a11y.safe (n.obj.get_name, default='') or '').endswith (' nats')
            for n in t.find_all (role=Role.LABEL)))
        tap.ok (unit_ok and nats_label,
                'unit switched to nats through AT-SPI, and the numbers say nats',
                diag='toggle pressed=%s, a label ending in " nats"=%s' % (unit_ok, nats_label))
        tab = tab_for (app, 'Cross-entropy')
        tap.ok (tab is not None and t.click (tab) and
                wait_until (lambda: selected_page (app) == 'Cross-entropy'),
                'Cross-entropy page selected before quitting')

        # Ctrl+Q quits with status 0.
        app.key ('ctrl+q')
        rc = app.wait_exit ()
        tap.ok (rc == 0, 'Ctrl+Q: the app exits with status 0',
                diag='exit status %r' % (rc,))
        app.stop ()

        # ---- second run: the state came back --------------------------------------
        app2 = ElabApp (binary, workdir, os.path.join (workdir, 'run2.stderr'))
        apps.append (app2)
        if not tap.ok (app2.start (), 'restart: window and accessibility tree are back'):
            return
        t2 = app2.tree
        page = wait_until (lambda: selected_page (app2))
        tap.ok (page == 'Cross-entropy', 'restart: the Cross-entropy page came back',
                diag='selected page %r' % (page,))
        nats2 = t2.find (role=Role.PUSH_BUTTON, name='nats', visible=False) or \
            t2.find (role=Role.TOGGLE_BUTTON, name='nats', visible=False)
        tap.ok (nats2 is not None and is_pressed (t2, nats2), 'restart: the unit nats came back')
        # Pages are built on first show: visit each, then come back.
        for other in SWITCH_ORDER + ['Cross-entropy']:
            tab = tab_for (app2, other)
            if tab is not None:
                t2.click (tab)
                wait_until (lambda: selected_page (app2) == other)
        t2.nodes (refresh=True)
        wrong = []
        for name, want in sorted (expected.items ()):
            objs = t2.find_all (role=Role.SPIN_BUTTON, name=name, visible=False)
            got = [t2.value (n.obj) for n in objs]
            if not got or not all (close_enough (g, want, 1e-4) for g in got):
                wrong.append ('%s: want %r, got %r' % (name, want, got))
        tap.ok (expected and not wrong,
                'restart: all %d parameters set in the first run came back' % len (expected),
                diag='\n'.join (wrong))
        app2.key ('ctrl+q')
        rc = app2.wait_exit ()
        tap.ok (rc == 0, 'restart: Ctrl+Q exits with status 0', diag='exit status %r' % (rc,))
    finally:
        for a in apps:
            a.stop ()
        tap.diag ('window test took %.1f s' % (time.monotonic () - t_start))


def is_pressed (tree, obj):
    return tree.has_state (obj, a11y.State.PRESSED) or tree.has_state (obj, a11y.State.CHECKED)


def knob_x (tree, slider, rect):
    """Where the slider's knob is: its value's share of the trough."""
    lo, hi = tree.value_range (slider)
    v = tree.value (slider)
    frac = (v - lo) / (hi - lo) if hi > lo else 0.5
    # GtkScale leaves half a knob (about 10 px) at each end of its extents.
    pad = min (10, rect[2] // 6)
    return int (rect[0] + pad + frac * (rect[2] - 2 * pad))


def drag_slider (app, slider, plot):
    t = app.tree
    rect = t.screen_rect (slider)
    if rect is None or rect[2] < 40:
        return False, 'slider extents %r' % (rect,)
    grab = app.grab_fn (plot)
    before_px = xscreen.wait_for_stable (grab)
    v0 = t.value (slider)
    x0 = knob_x (t, slider, rect)
    y = rect[1] + rect[3] // 2
    # Move towards the side with more room, by a third of the trough.
    direction = 1 if x0 < rect[0] + rect[2] // 2 else -1
    x1 = x0 + direction * (rect[2] // 3)
    # One xdotool process for the whole gesture: press, eight moves, release.
    steps = 8
    argv = ['mousemove', '--sync', x0, y, 'mousedown', 1]
    for i in range (1, steps + 1):
        argv += ['sleep', '0.01', 'mousemove', '--sync', x0 + (x1 - x0) * i // steps, y]
    argv += ['mouseup', 1]
    xscreen.xdotool (*argv)
    app.park_pointer ()
    v1 = t.wait_value (slider, lambda v: v != v0)
    changed, _ = xscreen.wait_for_change (grab, before_px)
    right_way = v1 is not None and v0 is not None and (v1 - v0) * direction > 0
    return (right_way and changed > 0,
            'value %r -> %r (pointer %d -> %d at y %d, slider %r), plot changed %d bytes'
            % (v0, v1, x0, x1, y, rect, changed))


def readout (tree):
    """The Cross-entropy page's formula read-out header ("At x = …")."""
    for node in tree.find_all (role=a11y.Role.LABEL):
        name = a11y.safe (node.obj.get_name, default='') or ''
        if name.startswith ('At x ='):
            return node.obj
    return None


def hover_test (tap, app):
    t = app.tree
    plot = app.plot ()
    label = readout (t)
    if plot is None or label is None:
        tap.ok (False, 'Cross-entropy: figure and "At x =" read-out found', todo='missing')
        return
    rect = t.screen_rect (plot)
    grab = app.grab_fn (plot)
    before_px = xscreen.wait_for_stable (grab)
    before = a11y.safe (label.get_name, default='')
    # Two spots, in case the first happens to be the x already shown (so
    # its wait is short, and may go unanswered). Both
    # left of the middle: a wide figure keeps its legend on the right,
    # where the pointer reads no x.
    texts = []
    for fx in (0.2, 0.45):
        xscreen.xdotool ('mousemove', '--sync', int (rect[0] + fx * rect[2]),
                         int (rect[1] + 0.5 * rect[3]))
        texts.append (wait_until (lambda: (lambda n: n if n != before else None)
                                  (a11y.safe (label.get_name, default='')), 3.0))
    changed, _ = xscreen.wait_for_change (grab, before_px)
    app.park_pointer ()
    tap.ok (any (texts) and changed > 0,
            'Cross-entropy: hovering the plot with the pointer updates the read-out and draws '
            'a cross-hair (%r -> %r)' % (before, texts),
            diag='pixels changed %d bytes' % changed)


def swap_test (tap, app, expected):
    t = app.tree
    names = ['Model p θ', 'Model p bias', 'Model q θ', 'Model q bias']
    spins = {n: t.find (role=a11y.Role.SPIN_BUTTON, name=n) for n in names}
    button = t.find (name='Swap p and q')
    if button is None or None in spins.values ():
        tap.ok (False, 'Cross-entropy: "Swap p and q" and the p, q spin buttons found',
                todo='missing')
        return
    old = {n: t.value (o) for n, o in spins.items ()}
    want = {'Model p θ': old['Model q θ'], 'Model q θ': old['Model p θ'],
            'Model p bias': old['Model q bias'], 'Model q bias': old['Model p bias']}
    clicked = t.click (button)
    got = {n: t.wait_value (spins[n], lambda v, w=want[n]: close_enough (v, w)) for n in names}
    tap.ok (clicked and all (close_enough (got[n], want[n]) for n in names),
            'Cross-entropy: "Swap p and q" (AT-SPI click) exchanges the two models',
            diag='before %r, after %r' % (old, got))
    for n in names:
        if got[n] is not None:
            expected[n] = got[n]


def key_tests (tap, app, slider):
    t = app.tree
    # A value in the middle leaves room both ways; then a click on the knob
    # gives the slider the keyboard focus without moving it.
    lo, hi = t.value_range (slider)
    t.set_value (slider, round ((lo + hi) / 2 + 0.5, 2))
    t.wait_value (slider, lambda v: close_enough (v, round ((lo + hi) / 2 + 0.5, 2)))
    rect = t.screen_rect (slider)
    app.focus ()
    xscreen.xdotool ('mousemove', '--sync', knob_x (t, slider, rect), rect[1] + rect[3] // 2)
    xscreen.xdotool ('click', 1)
    app.park_pointer ()
    focused = wait_until (lambda: t.has_state (slider, a11y.State.FOCUSED))
    tap.ok (focused, 'Entropy: a click on the "Model B θ" knob gives it the keyboard focus')
    steps = {}
    for key, sign in (('Right', 1), ('Left', -1), ('Page_Up', 1), ('Page_Down', -1)):
        v0 = t.value (slider)
        xscreen.xdotool ('key', key)
        v1 = t.wait_value (slider, lambda v: v != v0)
        steps[key] = (v1 - v0) if v0 is not None and v1 is not None else None
        tap.ok (steps[key] is not None and steps[key] * sign > 0,
                'Entropy: %s moves the focused "Model B θ" slider %s (%r -> %r)'
                % (key, 'up' if sign > 0 else 'down', v0, v1))
    tap.ok (steps['Page_Up'] is not None and steps['Right'] is not None and
            abs (steps['Page_Up']) > abs (steps['Right']),
            'Entropy: Page_Up moves further than Right (%r vs %r)'
            % (steps['Page_Up'], steps['Right']))
    for key, want in (('End', hi), ('Home', lo)):
        xscreen.xdotool ('key', key)
        v = t.wait_value (slider, lambda v: close_enough (v, want))
        tap.ok (close_enough (v, want),
                'Entropy: %s takes the focused "Model B θ" slider to %r (got %r)' % (key, want, v))
    # Leave it somewhere ordinary for the restart check.
    xscreen.xdotool ('key', 'Page_Up')
    t.wait_value (slider, lambda v: not close_enough (v, lo))


def dialog_test (tap, app, key, what, name_matches, content_label=None, shot=None):
    """Press key on the main window; a new visible toplevel must appear and
    Escape must take it away again."""
    t = app.tree

    def matching ():
        for node in t.toplevels ():
            if node.name is None or node.name == 'Entropy Lab' or not t.is_visible (node.obj):
                continue
            if name_matches (node.name) or \
               (content_label and t.find (name=content_label, visible=False, root=node.obj)):
                return node
        return None

    names_before = [n.name for n in t.toplevels ()]
    already = matching ()
    app.key (key)
    node = wait_until (matching, None, 0.05)
    tap.ok (already is None and node is not None,
            '%s opens the %s (a new window on the accessibility bus)'
            % (KEY_LABELS.get (key, key), what),
            diag='toplevels before %r, after %r' % (names_before, [n.name for n in t.toplevels ()]))
    if node is None:
        return
    if shot is not None:
        rect = t.screen_rect (node.obj)
        if rect is not None and rect[2] > 0 and rect[3] > 0:
            xscreen.wait_for_stable (lambda: app.grabber.grab (*rect), timeout=2.0)
        subprocess.run (['import', '-silent', '-window', 'root', shot], check=False, timeout=patience (60.0))
    # Escape goes to the focused window, which is the new one.
    xscreen.xdotool ('key', 'Escape')
    gone = wait_until (lambda: matching () is None, None, 0.05)
    tap.ok (gone, 'Escape closes the %s' % what,
            diag='toplevels now %r' % ([n.name for n in t.toplevels ()],))


def main ():
    binary = sys.argv[1] if len (sys.argv) > 1 else os.environ.get ('ELAB_BINARY')
    if not binary:
        for cand in ('_build/src/app/entropy-lab',):
            if os.access (cand, os.X_OK):
                binary = cand
    if not binary or not os.access (binary, os.X_OK):
        print ('1..0 # SKIP no entropy-lab binary given')
        return 0
    binary = os.path.abspath (binary)

    shots_dir = os.environ.get ('ELAB_SHOTS_DIR', '/tmp/elab-shots')
    return harness.run ('the window test',
                        lambda tap, workdir, apps: run_tests (tap, binary, workdir, shots_dir, apps),
                        prefix='elab-wintest-')


if __name__ == '__main__':
    sys.exit (main ())
