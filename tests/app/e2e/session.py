#!/usr/bin/python3
# tests/app/e2e/session.py
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The desktop a window test runs in: its own X server (Xvfb), its own D-Bus
# session bus and, for the tests that read the accessibility tree, the
# accessibility bus with its registry.  Nothing is shared with another test
# or with the machine's desktop, so two tests running side by side cannot
# take each other's focus, bus names or display.
#
# Everything started here is stopped here, on every way out:
#  - close() (from finally, atexit, or SIGTERM/SIGINT/SIGHUP, which are
#    turned into SystemExit) stops what it started, then every process
#    still descending from this one (this process is a child subreaper, so
#    orphaned grandchildren such as D-Bus-activated services come back to
#    it rather than to init);
#  - if this process is killed outright (meson's SIGKILL after a timeout),
#    the X server, the buses and the test command get a parent-death
#    signal (setpriv --pdeathsig) and stay in this process group, which
#    meson kills as a whole.
#
# Run as a script it wraps a command:
#   session.py [--a11y] [--] COMMAND ARGS...
# starts the desktop, runs COMMAND in it and exits with its status.
#
# ELAB_WINTEST_DISPLAY=inherit keeps $DISPLAY (to watch a test on a real
# screen); the buses are still private.

import atexit
import ctypes
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time


class SessionError (Exception):
    pass


class ProcessDied (SessionError):
    pass


# --- patience ------------------------------------------------------------------

# A wait for something the app reports ends as soon as it is reported; its
# timeout is only a safety net against a hang, never a measure of speed.
SAFETY_NET = 60.0


def patience (seconds=SAFETY_NET):
    """A safety-net timeout: seconds on an idle machine, longer in
    proportion to the load (runnable tasks per CPU), and times
    $ELAB_TEST_PATIENCE."""
    try:
        load = os.getloadavg ()[0] / (os.cpu_count () or 1)
    except OSError:
        load = 1.0
    try:
        factor = float (os.environ.get ('ELAB_TEST_PATIENCE', '1'))
    except ValueError:
        factor = 1.0
    return seconds * max (1.0, load) * max (1.0, factor)


# Processes that must stay alive while a test waits on them (the app under
# test): a wait ends at once, with ProcessDied, when one of them exits.
_watched = {}


def watch (proc, what):
    _watched[proc] = what


def unwatch (proc):
    _watched.pop (proc, None)


def check_watched ():
    for proc, what in list (_watched.items ()):
        if proc.poll () is not None:
            del _watched[proc]
            raise ProcessDied ('%s exited with status %r' % (what, proc.returncode))


def wait_until (predicate, timeout=None, interval=0.02):
    """Poll predicate() until it returns something truthy; the last result.
    timeout (s) is a safety net, scaled by patience(); a watched process
    that exits ends the wait with ProcessDied."""
    deadline = time.monotonic () + patience (SAFETY_NET if timeout is None else timeout)
    while True:
        result = predicate ()
        if result:
            return result
        check_watched ()
        if time.monotonic () >= deadline:
            return result
        time.sleep (interval)


# --- processes -------------------------------------------------------------------

_PR_SET_CHILD_SUBREAPER = 36


def _become_subreaper ():
    try:
        libc = ctypes.CDLL (None, use_errno=True)
        libc.prctl (_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def tied (argv, sig='KILL'):
    """argv, run so that it gets sig when this process dies (even by SIGKILL)."""
    if shutil.which ('setpriv'):
        return ['setpriv', '--pdeathsig', sig, '--'] + list (argv)
    return list (argv)


def _children_map ():
    kids = {}
    for entry in os.listdir ('/proc'):
        if not entry.isdigit ():
            continue
        try:
            with open ('/proc/%s/stat' % entry) as f:
                stat = f.read ()
        except OSError:
            continue
        # "pid (comm) state ppid …": comm may hold spaces and parentheses.
        fields = stat[stat.rfind (')') + 2:].split ()
        if len (fields) > 1 and fields[0] != 'Z':
            kids.setdefault (int (fields[1]), []).append (int (entry))
    return kids


def descendants (pid=None):
    """Every live process below pid (default: this one)."""
    kids = _children_map ()
    out, todo = [], [os.getpid () if pid is None else pid]
    while todo:
        for child in kids.get (todo.pop (), []):
            out.append (child)
            todo.append (child)
    return out


def _reap ():
    """Collect exited children, including orphans handed to us as subreaper."""
    while True:
        try:
            pid, _ = os.waitpid (-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def kill_descendants (grace=3.0):
    """SIGTERM everything below this process, then SIGKILL what is left."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        pids = descendants ()
        if not pids:
            return
        for pid in pids:
            try:
                os.kill (pid, sig)
            except ProcessLookupError:
                pass
        deadline = time.monotonic () + grace
        while time.monotonic () < deadline:
            _reap ()
            if not descendants ():
                return
            time.sleep (0.05)
    _reap ()


class Session:
    def __init__ (self, a11y=True, screen='1920x1080', window_manager=False):
        """screen: the private X server's size (WIDTHxHEIGHT);
        window_manager: run openbox on it, as a lecturer's desktop has one
        (it places, maximises and fullscreens windows)."""
        self.a11y = a11y
        self.screen = screen
        self.window_manager = window_manager
        self.procs = []
        self.runtime_dir = None
        self.closed = False
        self._old_handlers = {}

    # --- what is missing ----------------------------------------------------

    @staticmethod
    def private_display ():
        return not (os.environ.get ('ELAB_WINTEST_DISPLAY') == 'inherit' and
                    os.environ.get ('DISPLAY'))

    @staticmethod
    def missing_tools (a11y=True, window_manager=False):
        tools = ['dbus-daemon']
        if a11y:
            tools += ['xdotool', 'import', 'gdbus']
        if window_manager:
            tools += ['openbox', 'xprop']
        if Session.private_display ():
            tools.append ('Xvfb')
        return [t for t in tools if shutil.which (t) is None]

    # --- start ----------------------------------------------------------------

    def _on_signal (self, signum, frame):
        # Unwind through every finally; close() runs on the way out.
        raise SystemExit (128 + signum)

    def _spawn (self, argv, sig='KILL', **kwargs):
        proc = subprocess.Popen (tied (argv, sig), stdin=subprocess.DEVNULL, **kwargs)
        self.procs.append (proc)
        return proc

    def _spawn_with_fd (self, argv, what):
        """Start argv, which writes one line to the fd given as {fd}; return it."""
        r, w = os.pipe ()
        argv = [a.replace ('{fd}', str (w)) for a in argv]
        proc = self._spawn (argv, pass_fds=(w,), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
        os.close (w)
        # The line comes once the server accepts connections; EOF if it died.
        with os.fdopen (r) as f:
            line = f.readline ().strip ()
        if not line:
            raise SessionError ('%s did not start (status %r)' % (what, proc.poll ()))
        return line

    def start (self):
        _become_subreaper ()
        atexit.register (self.close)
        for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            self._old_handlers[sig] = signal.signal (sig, self._on_signal)
        if self.private_display ():
            num = self._spawn_with_fd (['Xvfb', '-displayfd', '{fd}', '-screen', '0',
                                        self.screen + 'x24', '-nolisten', 'tcp', '-noreset'], 'Xvfb')
            os.environ['DISPLAY'] = ':' + num
            os.environ.pop ('XAUTHORITY', None)
        os.environ.pop ('WAYLAND_DISPLAY', None)
        # The accessibility bus's socket goes in $XDG_RUNTIME_DIR/at-spi/
        # (~/.cache/at-spi/ without one): one path for every launcher of
        # the user, so a launcher that stops takes the socket of another
        # session's bus with it. Ours is in a directory of its own.
        self.runtime_dir = tempfile.mkdtemp (prefix='elab-session-')
        os.environ['XDG_RUNTIME_DIR'] = self.runtime_dir
        addr = self._spawn_with_fd (['dbus-daemon', '--session', '--nofork', '--nopidfile',
                                     '--print-address={fd}'], 'dbus-daemon')
        os.environ['DBUS_SESSION_BUS_ADDRESS'] = addr
        os.environ.pop ('AT_SPI_BUS_ADDRESS', None)
        if self.window_manager:
            self._start_window_manager ()
        if self.a11y:
            # AT-SPI is the point of these tests: make sure nothing turns it off.
            for var in ('GTK_A11Y', 'NO_AT_BRIDGE'):
                os.environ.pop (var, None)
            self._start_a11y_bus ()

    def _start_window_manager (self):
        wm = self._spawn (['openbox'], sig='TERM', stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL)
        watch (wm, 'openbox')

        def managing ():
            # openbox owns the screen once the root names its check window.
            out = subprocess.run (['xprop', '-root', '_NET_SUPPORTING_WM_CHECK'],
                                  capture_output=True, text=True, timeout=patience (30))
            return out.returncode == 0 and 'window id' in out.stdout

        try:
            if not wait_until (managing, 30, 0.05):
                raise SessionError ('openbox did not take the screen')
        finally:
            unwatch (wm)

    def _gdbus_call (self, argv):
        try:
            out = subprocess.run (['gdbus', 'call', '--timeout', str (int (patience (30)))] + argv,
                                  capture_output=True, text=True, timeout=patience (60))
        except subprocess.TimeoutExpired:
            return None
        return out.stdout if out.returncode == 0 else None

    def _name_has_owner (self, name, address=None):
        out = self._gdbus_call ((['--address', address] if address else ['--session']) +
                                ['--dest', 'org.freedesktop.DBus',
                                 '--object-path', '/org/freedesktop/DBus',
                                 '--method', 'org.freedesktop.DBus.NameHasOwner', name])
        return out is not None and 'true' in out

    def a11y_address (self):
        out = self._gdbus_call (['--session', '--dest', 'org.a11y.Bus',
                                 '--object-path', '/org/a11y/bus',
                                 '--method', 'org.a11y.Bus.GetAddress'])
        if out is None:
            return None
        # "('unix:path=/tmp/dbus-XXXX,guid=…',)"
        return out.strip ().strip ("(),'") or None

    def _start_a11y_bus (self):
        self._spawn (['/usr/libexec/at-spi-bus-launcher', '--launch-immediately'], sig='TERM',
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        launcher = self.procs[-1]
        watch (launcher, 'at-spi-bus-launcher')
        try:
            if not wait_until (lambda: self._name_has_owner ('org.a11y.Bus'), 30, 0.05):
                raise SessionError ('at-spi-bus-launcher did not take org.a11y.Bus')
            address = wait_until (self.a11y_address, 30, 0.05)
        finally:
            unwatch (launcher)
        if not address:
            raise SessionError ('no accessibility bus address')
        # The registry is activated on the accessibility bus by its first
        # client; asking for it here has it running before the app starts.
        def registry_up ():
            if self._name_has_owner ('org.a11y.atspi.Registry', address):
                return True
            self._gdbus_call (['--address', address, '--dest', 'org.freedesktop.DBus',
                               '--object-path', '/org/freedesktop/DBus',
                               '--method', 'org.freedesktop.DBus.StartServiceByName',
                               'org.a11y.atspi.Registry', '0'])
            return False

        if not wait_until (registry_up, 30, 0.05):
            raise SessionError ('the AT-SPI registry did not start')
        # Our display's root window does not name the bus: tell the app and
        # libatspi directly.
        os.environ['AT_SPI_BUS_ADDRESS'] = address

    # --- stop -------------------------------------------------------------------

    def close (self):
        if self.closed:
            return
        self.closed = True
        # A second Ctrl+C or SIGTERM must not cut the cleaning short.
        for sig in self._old_handlers:
            signal.signal (sig, signal.SIG_IGN)
        for proc in reversed (self.procs):
            unwatch (proc)
            if proc.poll () is None:
                proc.terminate ()
                try:
                    proc.wait (5)
                except subprocess.TimeoutExpired:
                    proc.kill ()
                    proc.wait ()
        self.procs = []
        # Whatever the test or the buses started (the app, xdotool, the
        # registry, the accessibility bus's own dbus-daemon).
        kill_descendants ()
        if self.runtime_dir is not None:
            shutil.rmtree (self.runtime_dir, ignore_errors=True)
            self.runtime_dir = None
        for sig, handler in self._old_handlers.items ():
            signal.signal (sig, handler if handler is not None else signal.SIG_DFL)
        self._old_handlers = {}


def main (argv):
    a11y = False
    while argv and argv[0].startswith ('--'):
        opt = argv.pop (0)
        if opt == '--':
            break
        if opt == '--a11y':
            a11y = True
        else:
            print ('session.py: unknown option %s' % opt, file=sys.stderr)
            return 2
    if not argv:
        print ('usage: session.py [--a11y] [--] COMMAND ARGS...', file=sys.stderr)
        return 2
    missing = Session.missing_tools (a11y=False)
    if missing:
        # A TAP skip: the wrapped tests all speak TAP.
        print ('1..0 # SKIP not installed: %s' % ', '.join (missing), flush=True)
        return 0
    session = Session (a11y=a11y)
    child = None
    try:
        session.start ()
        child = subprocess.Popen (tied (argv, 'TERM'))
        status = child.wait ()
        return 128 - status if status < 0 else status
    except SessionError as e:
        print ('session.py: %s' % e, file=sys.stderr)
        return 1
    finally:
        # The test first, so that it does not see its display go away.
        if child is not None and child.poll () is None:
            child.terminate ()
            try:
                child.wait (5)
            except subprocess.TimeoutExpired:
                child.kill ()
                child.wait ()
        session.close ()


if __name__ == '__main__':
    sys.exit (main (sys.argv[1:]))
