#!/usr/bin/env python3
# test-small-screen.py
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A lecturer's 1024x768 projector with a window manager: on a private Xvfb
# of that size with openbox, the real binary opens each page (a preset of
# that page on the command line, so the page is built before the window is
# first shown) and its window must fit the screen; the app must write
# nothing on stderr. Everything started here ends here, by its pid.
# Usage: test-small-screen.py ENTROPY_LAB

import os
import shutil
import subprocess
import sys
import tempfile
import time

BINARY = sys.argv[1]
SCREEN_W, SCREEN_H = 1024, 768
PAGES = [('Entropy', 'sigmoid'), ('Cross-entropy', 'cross-entropy'),
         ('Training', 'challenger'), ('Softmax', 'four-symbol-code')]
results = []


def check (name, cond, detail=''):
    results.append ((name, bool (cond), detail))


def finish ():
    print ('1..%d' % len (results))
    for i, (name, ok, detail) in enumerate (results, 1):
        print ('%s %d - %s' % ('ok' if ok else 'not ok', i, name))
        if not ok and detail:
            print ('# %s' % str (detail).replace ('\n', '\n# '))
    sys.exit (0)


def wait_for (predicate, timeout):
    deadline = time.monotonic () + timeout
    while True:
        value = predicate ()
        if value or time.monotonic () >= deadline:
            return value
        time.sleep (0.05)


missing = [t for t in ('Xvfb', 'openbox', 'xdotool', 'xwininfo', 'xdpyinfo') if shutil.which (t) is None]
if missing:
    print ('1..0 # SKIP not installed: %s' % ', '.join (missing))
    sys.exit (0)

home = tempfile.mkdtemp (prefix='elab-small-screen-')
procs = []
display = 100
while os.path.exists ('/tmp/.X11-unix/X%d' % display) or os.path.exists ('/tmp/.X%d-lock' % display):
    display += 1
env = {k: v for k, v in os.environ.items () if k not in ('G_DEBUG', 'GTK_DEBUG', 'WAYLAND_DISPLAY')}
env.update ({
    'DISPLAY': ':%d' % display,
    'HOME': home,
    'XDG_CONFIG_HOME': os.path.join (home, 'config'),
    'XDG_DATA_HOME': os.path.join (home, 'data'),
    'XDG_CACHE_HOME': os.path.join (home, 'cache'),
    'XDG_STATE_HOME': os.path.join (home, 'state'),
    'GSETTINGS_BACKEND': 'keyfile',
    'GSK_RENDERER': 'cairo',
    'GDK_BACKEND': 'x11',
    'NO_AT_BRIDGE': '1',
    # GTK 4 ignores NO_AT_BRIDGE: without this it joins the user's
    # accessibility bus, whose socket another test's bus may take away.
    'GTK_A11Y': 'none',
    'LC_ALL': 'C.UTF-8',
})


def run (*argv):
    return subprocess.run (argv, env=env, capture_output=True, text=True, timeout=20)


def window_size (wid):
    out = run ('xwininfo', '-id', wid, '-frame').stdout
    w = h = None
    for line in out.splitlines ():
        line = line.strip ()
        if line.startswith ('Width:'):
            w = int (line.split ()[1])
        elif line.startswith ('Height:'):
            h = int (line.split ()[1])
    return w, h


try:
    xvfb = subprocess.Popen (['Xvfb', ':%d' % display, '-screen', '0', '%dx%dx24' % (SCREEN_W, SCREEN_H),
                              '-nolisten', 'tcp', '-noreset'], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    procs.append (xvfb)
    ok = wait_for (lambda: run ('xdpyinfo').returncode == 0, 20)
    check ('a %dx%d X server starts' % (SCREEN_W, SCREEN_H), ok)
    wm = subprocess.Popen (['openbox'], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    procs.append (wm)
    # openbox owns the screen once it has set its supporting window.
    wait_for (lambda: '_NET_SUPPORTING_WM_CHECK' in run ('xprop', '-root').stdout
              if shutil.which ('xprop') else True, 20)

    for page, preset in PAGES:
        err_path = os.path.join (home, 'stderr-%s' % preset)
        with open (err_path, 'w') as err:
            app = subprocess.Popen ([BINARY, '--preset', preset], env=env, stdin=subprocess.DEVNULL,
                                    stdout=subprocess.DEVNULL, stderr=err)
        procs.append (app)
        wid = wait_for (lambda: (run ('xdotool', 'search', '--onlyvisible', '--pid', str (app.pid),
                                      '--name', '^Entropy Lab$').stdout.split () or [None])[0], 30)
        size = window_size (wid) if wid else (None, None)
        check ('%s page: the window (%sx%s) fits the %dx%d screen' % (page, size[0], size[1], SCREEN_W, SCREEN_H),
               wid is not None and size[0] is not None and size[0] <= SCREEN_W and size[1] <= SCREEN_H,
               'window %r, size %r' % (wid, size))
        if wid:
            # A real key press to the focused window (a sent event is ignored).
            run ('xdotool', 'windowactivate', '--sync', wid)
            run ('xdotool', 'key', '--clearmodifiers', 'ctrl+q')
        try:
            rc = app.wait (timeout=15)
        except subprocess.TimeoutExpired:
            app.kill ()
            rc = app.wait ()
        check ('%s page: Ctrl+Q exits 0' % page, rc == 0, 'rc=%r' % rc)
        with open (err_path) as f:
            text = f.read ()
        check ('%s page: nothing on stderr' % page, text.strip () == '', text)
finally:
    for p in reversed (procs):
        if p.poll () is None:
            p.terminate ()
            try:
                p.wait (timeout=5)
            except subprocess.TimeoutExpired:
                p.kill ()
                p.wait ()
    shutil.rmtree (home, ignore_errors=True)
finish ()
