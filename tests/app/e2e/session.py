# tests/app/e2e/session.py
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The desktop a window test needs: an X display, a D-Bus session bus and
# the accessibility bus with its registry.  The session bus and the
# accessibility bus are reused when there (make check runs under
# dbus-run-session); what is missing is started here and stopped, by pid,
# at close().
#
# The X display is our own Xvfb whenever Xvfb is installed, even under
# xvfb-run: other tests of the suite open windows on the shared display in
# parallel, and a window mapped over ours would eat the pointer drags and
# spoil the pixel comparisons.  ELAB_WINTEST_DISPLAY=inherit uses $DISPLAY.

import os
import shutil
import subprocess
import time


class SessionError (Exception):
    pass


def wait_until (predicate, timeout, interval=0.02):
    """Poll predicate() until it returns something truthy or timeout (s) passes."""
    deadline = time.monotonic () + timeout
    while True:
        result = predicate ()
        if result:
            return result
        if time.monotonic () >= deadline:
            return result
        time.sleep (interval)


class Session:
    def __init__ (self):
        self.procs = []

    # --- what is missing ------------------------------------------------

    @staticmethod
    def private_display ():
        if os.environ.get ('ELAB_WINTEST_DISPLAY') == 'inherit' and os.environ.get ('DISPLAY'):
            return False
        return shutil.which ('Xvfb') is not None or not os.environ.get ('DISPLAY')

    @staticmethod
    def missing_tools ():
        tools = ['xdotool', 'import', 'gdbus']
        if Session.private_display ():
            tools.append ('Xvfb')
        if not os.environ.get ('DBUS_SESSION_BUS_ADDRESS'):
            tools.append ('dbus-daemon')
        return [t for t in tools if shutil.which (t) is None]

    # --- start ------------------------------------------------------------

    def _spawn_with_fd (self, argv, what):
        """Start argv, which writes one line to the fd given as {fd}; return it."""
        r, w = os.pipe ()
        argv = [a.replace ('{fd}', str (w)) for a in argv]
        proc = subprocess.Popen (argv, pass_fds=(w,), stdin=subprocess.DEVNULL,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                 start_new_session=True)
        os.close (w)
        self.procs.append (proc)
        with os.fdopen (r) as f:
            line = f.readline ().strip ()
        if not line:
            raise SessionError ('%s did not start' % what)
        return line

    def start (self):
        if self.private_display ():
            num = self._spawn_with_fd (['Xvfb', '-displayfd', '{fd}', '-screen', '0',
                                        '1920x1080x24', '-nolisten', 'tcp'], 'Xvfb')
            os.environ['DISPLAY'] = ':' + num
        if not os.environ.get ('DBUS_SESSION_BUS_ADDRESS'):
            addr = self._spawn_with_fd (['dbus-daemon', '--session', '--nofork',
                                         '--print-address={fd}'], 'dbus-daemon')
            os.environ['DBUS_SESSION_BUS_ADDRESS'] = addr
        # AT-SPI is the point of these tests: make sure nothing turns it off.
        for var in ('GTK_A11Y', 'NO_AT_BRIDGE', 'AT_SPI_BUS_ADDRESS'):
            os.environ.pop (var, None)
        self._start_a11y_bus ()

    def _name_has_owner (self, name, address=None):
        argv = ['gdbus', 'call', '--timeout', '5']
        argv += ['--address', address] if address else ['--session']
        argv += ['--dest', 'org.freedesktop.DBus', '--object-path', '/org/freedesktop/DBus',
                 '--method', 'org.freedesktop.DBus.NameHasOwner', name]
        out = subprocess.run (argv, capture_output=True, text=True)
        return out.returncode == 0 and 'true' in out.stdout

    def a11y_address (self):
        out = subprocess.run (['gdbus', 'call', '--timeout', '5', '--session',
                               '--dest', 'org.a11y.Bus', '--object-path', '/org/a11y/bus',
                               '--method', 'org.a11y.Bus.GetAddress'],
                              capture_output=True, text=True)
        if out.returncode != 0:
            return None
        # "('unix:path=/tmp/dbus-XXXX,guid=…',)"
        return out.stdout.strip ().strip ("(),'") or None

    def _start_a11y_bus (self):
        if not self._name_has_owner ('org.a11y.Bus'):
            self.procs.append (subprocess.Popen (
                ['/usr/libexec/at-spi-bus-launcher', '--launch-immediately'],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL, start_new_session=True))
            if not wait_until (lambda: self._name_has_owner ('org.a11y.Bus'), 10):
                raise SessionError ('at-spi-bus-launcher did not take org.a11y.Bus')
        address = wait_until (self.a11y_address, 10, 0.1)
        if not address:
            raise SessionError ('no accessibility bus address')
        if not self._name_has_owner ('org.a11y.atspi.Registry', address):
            # Normally activated on the a11y bus; start it by hand otherwise.
            self.procs.append (subprocess.Popen (
                ['/usr/libexec/at-spi2-registryd', '--use-gnome-session'],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL, start_new_session=True))
            wait_until (lambda: self._name_has_owner ('org.a11y.atspi.Registry', address), 10)
        # Our display's root window does not name the bus (the launcher may
        # serve another display): tell the app and libatspi directly.
        os.environ['AT_SPI_BUS_ADDRESS'] = address

    # --- stop -------------------------------------------------------------

    def close (self):
        for proc in reversed (self.procs):
            if proc.poll () is None:
                proc.terminate ()
                try:
                    proc.wait (5)
                except subprocess.TimeoutExpired:
                    proc.kill ()
                    proc.wait ()
        self.procs = []
