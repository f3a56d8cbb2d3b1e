#!/usr/bin/python3
# tests/app/test-presentation-journey.py
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A lecture as the lecturer gives it, on a projector of one size with a
# window manager: the real binary opens the shipped lesson, F5 presents
# (a real key press to the focused window), Page Down steps through every
# scene, Escape comes back, Ctrl+Q quits. At each scene the test checks
# what the room sees: the figure fills the screen, the scene's caption is
# on it whole, inside the screen, and neither the floating scene controls
# (brought out by a moving pointer, as a lecturer reaching for a slider
# does) nor the scene number cover it. Prints TAP; every wait is for
# what the app reports (the scene label, the window's size, extents).
#
#   test-presentation-journey.py ENTROPY_LAB LESSON.elab WIDTHxHEIGHT
#
# Runs on its own Xvfb of that size with openbox, D-Bus and AT-SPI buses
# (e2e/session.py), all stopped on every way out. Reuses the window
# test's app driver (test-window.py). ELAB_SHOTS_DIR=DIR keeps a
# screenshot of each scene there.

import importlib.util
import os
import re
import sys

HERE = os.path.dirname (os.path.abspath (__file__))
os.environ.pop ('G_DEBUG', None)

_spec = importlib.util.spec_from_file_location ('elab_test_window', os.path.join (HERE, 'test-window.py'))
tw = importlib.util.module_from_spec (_spec)
_spec.loader.exec_module (tw)

# The bar of DESIGN.md: the figure takes at least 80 % of the screen on
# every scene, controls included; here it is measured without them (they
# float over it and go when the pointer rests).
MIN_FIGURE_SHARE = 0.80


# The figure that carries a page's caption (the Training page's first).
PAGE_FIGURES = {'entropy': 'Entropy figure', 'cross-entropy': 'Cross-entropy figure',
                'training': 'Training figure', 'softmax': 'Softmax figure'}


def lesson_scenes (lesson):
    """Each scene's (page, caption) as the lesson file gives them (GKeyFile
    escapes undone), in order; a scene without a page keeps the last."""
    from gi.repository import GLib

    kf = GLib.KeyFile ()
    kf.load_from_file (lesson, GLib.KeyFileFlags.NONE)
    n = kf.get_integer ('scenario', 'scenes')
    out = []
    page = kf.get_string ('state', 'page')
    for i in range (1, n + 1):
        group = 'scene %d' % i
        keys = kf.get_keys (group)[0]
        page = kf.get_string (group, 'page') if 'page' in keys else page
        caption = kf.get_string (group, 'caption') if 'caption' in keys else ''
        out.append ((page, caption))
    return out


def intersect (a, b):
    """The overlap of two (x, y, w, h) rectangles, or None."""
    x0, y0 = max (a[0], b[0]), max (a[1], b[1])
    x1, y1 = min (a[0] + a[2], b[0] + b[2]), min (a[1] + a[3], b[1] + b[3])
    return (x0, y0, x1 - x0, y1 - y0) if x1 > x0 and y1 > y0 else None


def inside (inner, outer):
    return (inner[0] >= outer[0] and inner[1] >= outer[1] and
            inner[0] + inner[2] <= outer[0] + outer[2] and
            inner[1] + inner[3] <= outer[1] + outer[3])


def run_tests (tap, binary, lesson, screen_w, screen_h, workdir, apps):
    Role = tw.a11y.Role
    wait_until = tw.wait_until
    xscreen = tw.xscreen
    screen = (0, 0, screen_w, screen_h)
    scenes = lesson_scenes (lesson)
    captions = [c for _, c in scenes]
    shots = os.environ.get ('ELAB_SHOTS_DIR')

    app = tw.ElabApp (binary, workdir, os.path.join (workdir, 'run.stderr'))
    apps.append (app)
    if not tap.ok (app.start (['--scenario', lesson]), 'the lesson opens in a window on the accessibility bus',
                   diag=app.stderr_text ()):
        return
    t = app.tree

    def visible_frame ():
        """The window as drawn (without its CSD shadow), on the screen."""
        ox, oy = t.origin ()
        e = t.window_extents (t.frame)
        return (ox, oy, e[2], e[3]) if e is not None else None

    def scene_label ():
        for node in t.find_all (role=Role.LABEL, refresh=True):
            m = re.match (r'^scene (\d+) / (\d+)$', node.name or '')
            if m:
                return node.obj
        return None

    def scene_number (label):
        m = re.match (r'^scene (\d+) / (\d+)$', tw.a11y.safe (label.get_name, default='') or '')
        return (int (m.group (1)), int (m.group (2))) if m else None

    before = wait_until (visible_frame)
    tap.ok (before is not None and inside (before, screen),
            'the window (%r) fits the %dx%d screen' % (before, screen_w, screen_h))
    label = wait_until (scene_label)
    if not tap.ok (label is not None and scene_number (label) == (1, len (captions)),
                   'the window shows scene 1 / %d' % len (captions),
                   diag='label %r' % (label and scene_number (label),)):
        return

    # F5: the window goes full screen and the header bar goes away.
    app.key ('F5')
    full = wait_until (lambda: visible_frame () == screen and
                       t.find (role=Role.PAGE_TAB, refresh=True) is None)
    if not tap.ok (full, 'F5 presents: the window covers the %dx%d screen, no header bar'
                   % (screen_w, screen_h), diag='window %r' % (visible_frame (),)):
        return

    with_controls = 0
    for n in range (1, len (captions) + 1):
        if n > 1:
            app.key ('Next')
        shown = wait_until (lambda: scene_number (label) == (n, len (captions)))
        tap.ok (shown, 'Page Down: scene %d / %d' % (n, len (captions)),
                diag='label reads %r' % (scene_number (label),))
        if not shown:
            return

        # The scene page's figure, once it carries the scene's caption (a
        # new page is laid out and drawn first).
        def figure_and_caption ():
            fig = t.find (role=Role.IMAGE, name=PAGE_FIGURES[scenes[n - 1][0]], refresh=True)
            if fig is None:
                return None
            # The caption is the figure's child (the tree's walk stops at
            # images): a label named as the scene's caption.
            for i in range (tw.a11y.safe (fig.get_child_count, default=0)):
                child = tw.a11y.safe (fig.get_child_at_index, i)
                if child is not None and tw.a11y.safe (child.get_role) == Role.LABEL and \
                   tw.a11y.safe (child.get_name) == captions[n - 1]:
                    return fig, child
            return None

        found = wait_until (figure_and_caption)
        if not tap.ok (found is not None, 'scene %d: the figure carries the caption %r'
                       % (n, captions[n - 1]),
                       diag='images %r' % ([(nd.name, t.window_extents (nd.obj))
                                           for nd in t.find_all (role=Role.IMAGE)],)):
            continue
        fig, cap = found
        fig_rect = t.screen_rect (fig)
        share = fig_rect[2] * fig_rect[3] / float (screen_w * screen_h)
        tap.ok (share >= MIN_FIGURE_SHARE and inside (fig_rect, screen),
                'scene %d: the %s fills the screen: %dx%d at (%d, %d), %.1f %% of it'
                % (n, PAGE_FIGURES[scenes[n - 1][0]], fig_rect[2], fig_rect[3], fig_rect[0], fig_rect[1], 100 * share))

        # The caption, where the last frame drew it; wait for a frame of
        # this scene's layout (a box that stays put).
        # The caption, where the last frame drew it: read until two reads
        # agree (a new page or caption is laid out over a frame or two).
        last = [None]

        def settled_caption ():
            now = t.screen_rect (cap)
            agreed = now is not None and now[2] > 0 and now == last[0]
            last[0] = now
            return now if agreed else None

        cap_rect = wait_until (settled_caption)
        tap.ok (cap_rect is not None and inside (cap_rect, fig_rect) and inside (cap_rect, screen),
                'scene %d: the caption (%r) is inside the figure and the screen' % (n, cap_rect),
                diag='figure %r' % (fig_rect,))
        scene_rect = t.screen_rect (label)
        tap.ok (cap_rect is not None and scene_rect is not None and intersect (cap_rect, scene_rect) is None,
                'scene %d: the scene number (%r) is clear of the caption' % (n, scene_rect))

        # The controls the scene moves float over the figure; a moving
        # pointer brings them out. Wherever they are, the caption is not
        # under them.
        controls = t.find (name='Scene controls', refresh=True)
        if controls is not None:
            with_controls += 1
            cx, cy = screen_w // 2, screen_h // 2
            xscreen.xdotool ('mousemove', '--sync', cx + n, cy)
            ctl_rect = wait_until (lambda: (lambda r: r if r and r[2] > 0 else None) (t.screen_rect (controls)))
            overlap = intersect (cap_rect, ctl_rect) if cap_rect and ctl_rect else None
            tap.ok (ctl_rect is not None and overlap is None,
                    'scene %d: the scene controls (%r) leave the caption clear' % (n, ctl_rect),
                    diag='overlap %r with the caption %r' % (overlap, cap_rect))
            # Back to the corner, the figure's margin: no cross-hair.
            xscreen.xdotool ('mousemove', '--sync', 0, 0)
        if shots:
            os.makedirs (shots, exist_ok=True)
            xscreen.screenshot_png (os.path.join (shots, 'presenting-%dx%d-scene%d.png'
                                                  % (screen_w, screen_h, n)))
    tap.ok (with_controls > 0, 'scene controls floated on %d of %d scenes' % (with_controls, len (captions)))

    # Escape: the window as it was, header bar and all.
    app.key ('Escape')
    back = wait_until (lambda: visible_frame () == before and
                       t.find (role=Role.PAGE_TAB, refresh=True) is not None)
    tap.ok (back, 'Escape leaves presenting: the window is back to %r with its page tabs' % (before,),
            diag='window %r' % (visible_frame (),))

    app.key ('ctrl+q')
    tap.ok (app.wait_exit () == 0, 'Ctrl+Q: the app exits with status 0')
    app.stop ()


def main ():
    if len (sys.argv) != 4 or not re.match (r'^\d+x\d+$', sys.argv[3]):
        print ('usage: test-presentation-journey.py ENTROPY_LAB LESSON.elab WIDTHxHEIGHT', file=sys.stderr)
        return 2
    binary, lesson, size = os.path.abspath (sys.argv[1]), os.path.abspath (sys.argv[2]), sys.argv[3]
    screen_w, screen_h = (int (v) for v in size.split ('x'))

    return tw.harness.run ('the journey',
                           lambda tap, workdir, apps: run_tests (tap, binary, lesson, screen_w, screen_h,
                                                                 workdir, apps),
                           prefix='elab-journey-', screen=size, window_manager=True)


if __name__ == '__main__':
    sys.exit (main ())
