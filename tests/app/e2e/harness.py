# tests/app/e2e/harness.py
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What every window test does around its checks: TAP output, a skip when
# a tool or the AT-SPI bindings are missing, a private desktop session
# (session.py) and a scratch directory for the app's HOME, and on every
# way out the apps stopped, the session closed, the app's stderr checked
# and the directory kept only when something failed.

import os
import shutil
import tempfile
import time
import traceback

import session
from session import Session, SessionError

try:
    import a11y  # noqa: F401  (gi + Atspi)
    A11Y_ERROR = None
except (ImportError, ValueError) as e:
    a11y = None
    A11Y_ERROR = e


class Tap:
    def __init__ (self):
        self.n = 0
        self.failed = 0
        self.t0 = self.last = time.monotonic ()
        self.timing = os.environ.get ('ELAB_WINTEST_TIMING', '0') not in ('', '0')

    def ok (self, cond, desc, diag=None, todo=None):
        self.n += 1
        line = '%s %d - %s' % ('ok' if cond else 'not ok', self.n, desc)
        if todo:
            line += ' # TODO ' + todo
        elif not cond:
            self.failed += 1
        print (line, flush=True)
        if self.timing:
            now = time.monotonic ()
            self.diag ('%.2f s (at %.2f s)' % (now - self.last, now - self.t0))
            self.last = now
        if diag and (not cond or todo):
            self.diag (diag)
        return cond

    def diag (self, text):
        for line in str (text).splitlines ():
            print ('# ' + line, flush=True)

    def plan (self):
        print ('1..%d' % self.n, flush=True)


def run (what, body, prefix, screen='1920x1080', window_manager=False):
    """Runs body (tap, workdir, apps) in a desktop session of its own and
    returns the exit status. body appends each app it starts (an object
    with stop () and stderr_text ()) to apps; what names the test in the
    failures ('the journey'); screen and window_manager are the
    desktop's (session.Session)."""
    missing = Session.missing_tools (window_manager=window_manager)
    if missing:
        print ('1..0 # SKIP not installed: %s' % ', '.join (missing))
        return 0
    if a11y is None:
        print ('1..0 # SKIP python3 AT-SPI bindings missing: %s' % A11Y_ERROR)
        return 0

    tap = Tap ()
    desktop = Session (screen=screen, window_manager=window_manager)
    workdir = tempfile.mkdtemp (prefix=prefix)
    apps = []
    t0 = time.monotonic ()
    try:
        desktop.start ()
        body (tap, workdir, apps)
    except session.ProcessDied as e:
        tap.ok (False, 'the app kept running: %s' % e)
    except SessionError as e:
        tap.ok (False, 'desktop session for %s: %s' % (what, e))
    except Exception:
        tap.ok (False, '%s ran to the end' % what, diag=traceback.format_exc ())
    finally:
        for a in apps:
            a.stop ()
        desktop.close ()

    errs = ['run %d stderr:\n%s' % (i, a.stderr_text ())
            for i, a in enumerate (apps, 1) if a.stderr_text ().strip ()]
    tap.ok (apps and not errs, 'the app wrote nothing on stderr (%d run%s)'
            % (len (apps), '' if len (apps) == 1 else 's'), diag='\n'.join (errs))
    tap.diag ('%s: %.1f s' % (what, time.monotonic () - t0))
    tap.plan ()
    if not tap.failed:
        shutil.rmtree (workdir, ignore_errors=True)
    else:
        tap.diag ('kept %s (app stderr, settings)' % workdir)
    return 1 if tap.failed else 0
