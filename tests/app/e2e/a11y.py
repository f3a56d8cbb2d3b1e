# tests/app/e2e/a11y.py
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The application as the accessibility tree shows it: find it by pid,
# index its widgets by role and name, and turn widget extents into screen
# rectangles for xdotool and the pixel grabber.
#
# GTK 4.8 reports extents relative to the window only (asking for screen
# coordinates prints a warning on the app's stderr), so the window's
# origin and its client-side-decoration margin are added here.

import os
import sys
import time

import gi

gi.require_version ('Atspi', '2.0')
from gi.repository import Atspi, Gio, GLib  # noqa: E402

from session import patience, wait_until  # noqa: E402
import xscreen  # noqa: E402

Role = Atspi.Role
State = Atspi.StateType


def _quiet_dbind (domain, level, message, *user_data):
    # GTK 4.8 has no org.a11y.atspi.Cache object; libatspi warns about it
    # for each new app.  Everything else from libatspi is still shown.
    if 'GetItems' not in (message or ''):
        print ('(test) %s: %s' % (domain, message), file=sys.stderr)


GLib.log_set_handler ('dbind', GLib.LogLevelFlags.LEVEL_WARNING | GLib.LogLevelFlags.FLAG_FATAL,
                      _quiet_dbind)

# Calls are answered by the app's main loop, which on a busy machine may
# not run for seconds; a timeout here is only a safety net against a hang
# (a call to an app that is gone fails at once).
Atspi.set_timeout (int (patience () * 1000), int (patience () * 1000))

_bus = None


def _a11y_bus ():
    global _bus
    if _bus is None:
        _bus = Gio.DBusConnection.new_for_address_sync (
            os.environ['AT_SPI_BUS_ADDRESS'],
            Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT |
            Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION, None, None)
    return _bus


def safe (fn, *args, default=None):
    """Call an AT-SPI getter; default if the object went away meanwhile."""
    try:
        return fn (*args)
    except Exception:  # GLib.Error from D-Bus: the widget was destroyed
        return default


class Node:
    __slots__ = ('obj', 'role', 'name')

    def __init__ (self, obj, role, name):
        self.obj, self.role, self.name = obj, role, name

    def __repr__ (self):
        return '<%s %r>' % (Atspi.role_get_name (self.role), self.name)


class AppTree:
    def __init__ (self, pid, wid):
        self.pid = pid
        self.wid = wid
        self.app = None
        self.frame = None
        self._nodes = None

    # --- finding the application ------------------------------------------

    def connect (self, timeout=None):
        desktop = Atspi.get_desktop (0)

        def find_app ():
            for i in range (safe (desktop.get_child_count, default=0)):
                app = safe (desktop.get_child_at_index, i)
                if app is not None and safe (app.get_process_id) == self.pid:
                    return app
            return None

        self.app = wait_until (find_app, timeout, 0.05)
        if self.app is None:
            return False
        # No cache: every read asks the app, so nothing is stale between polls.
        self.app.set_cache_mask (Atspi.Cache.NONE)
        self.frame = wait_until (lambda: self.toplevel (lambda n: n == 'Entropy Lab'),
                                 timeout, 0.05)
        return self.frame is not None

    def toplevels (self):
        out = []
        for i in range (safe (self.app.get_child_count, default=0)):
            child = safe (self.app.get_child_at_index, i)
            if child is not None:
                out.append (Node (child, safe (child.get_role), safe (child.get_name, default='')))
        return out

    def toplevel (self, name_matches):
        for node in self.toplevels ():
            if node.name is not None and name_matches (node.name):
                return node.obj
        return None

    # --- the widget index ----------------------------------------------------

    def nodes (self, refresh=False):
        if self._nodes is None or refresh:
            out = []
            t0 = time.monotonic ()
            self._walk (self.frame, out)
            self._nodes = out
            if os.environ.get ('ELAB_WINTEST_TIMING', '0') not in ('', '0'):
                print ('# walked %d nodes in %.2f s' % (len (out), time.monotonic () - t0))
        return self._nodes

    # Nothing the tests look for lives inside these; skipping their
    # children halves the walk (each node is a few D-Bus round trips).
    LEAVES = {Role.LABEL, Role.PAGE_TAB, Role.SLIDER, Role.SPIN_BUTTON, Role.IMAGE,
              Role.PUSH_BUTTON, Role.TOGGLE_BUTTON, Role.CHECK_BOX, Role.COMBO_BOX,
              Role.SCROLL_BAR, Role.SEPARATOR, Role.LEVEL_BAR}

    def _walk (self, obj, out):
        role = safe (obj.get_role)
        name = safe (obj.get_name, default='')
        out.append (Node (obj, role, name))
        if role in self.LEAVES:
            return
        for i in range (safe (obj.get_child_count, default=0)):
            child = safe (obj.get_child_at_index, i)
            if child is not None:
                self._walk (child, out)

    def find_all (self, role=None, name=None, visible=True, refresh=False, root=None):
        nodes = self.nodes (refresh) if root is None else self._subtree (root)
        found = [n for n in nodes
                 if (role is None or n.role == role) and (name is None or n.name == name)]
        if visible:
            found = [n for n in found if self.is_visible (n.obj)]
        return found

    def find (self, role=None, name=None, visible=True, refresh=False, root=None):
        found = self.find_all (role, name, visible, refresh, root)
        return found[0].obj if found else None

    def _subtree (self, root):
        out = []
        self._walk (root, out)
        return out

    # --- geometry --------------------------------------------------------------

    def window_extents (self, obj):
        e = safe (Atspi.Component.get_extents, obj, Atspi.CoordType.WINDOW)
        return (e.x, e.y, e.width, e.height) if e is not None else None

    def is_visible (self, obj):
        """Mapped on the current page: GTK 4.8 never sets SHOWING, but a
        widget of a hidden stack page has an empty allocation."""
        e = self.window_extents (obj)
        return e is not None and e[2] > 0 and e[3] > 0

    def origin (self):
        """Screen position of the window's (0, 0): X origin plus the CSD margin."""
        x, y, w, h = xscreen.window_geometry (self.wid)
        fx, fy, fw, fh = self.window_extents (self.frame)
        return x + (w - fw) // 2, y + (h - fh) // 2

    def screen_rect (self, obj):
        e = self.window_extents (obj)
        if e is None:
            return None
        ox, oy = self.origin ()
        return (ox + e[0], oy + e[1], e[2], e[3])

    # --- state and values --------------------------------------------------------

    @staticmethod
    def has_state (obj, state):
        states = safe (obj.get_state_set)
        return states is not None and states.contains (state)

    @staticmethod
    def value (obj):
        return safe (Atspi.Value.get_current_value, obj)

    @staticmethod
    def value_range (obj):
        return (safe (Atspi.Value.get_minimum_value, obj),
                safe (Atspi.Value.get_maximum_value, obj))

    @staticmethod
    def set_value (obj, value):
        """Set the Value interface's CurrentValue; False if the call failed.
        Not through Atspi.Value.set_current_value: libatspi 2.46 unrefs the
        reply without checking it, and a call that fails or times out gives
        NULL, which libdbus turns into an abort of this process
        (dbus_message_unref: assertion "message != NULL" failed)."""
        try:
            _a11y_bus ().call_sync (obj.app.bus_name, obj.path, 'org.freedesktop.DBus.Properties',
                                    'Set', GLib.Variant ('(ssv)', ('org.a11y.atspi.Value',
                                                                   'CurrentValue',
                                                                   GLib.Variant ('d', float (value)))),
                                    None, Gio.DBusCallFlags.NONE, int (patience () * 1000), None)
        except (GLib.Error, AttributeError, TypeError):
            return False
        return True

    @staticmethod
    def click (obj):
        """The widget's first action (GTK names it "click" for buttons)."""
        return bool (safe (Atspi.Action.do_action, obj, 0, default=False))

    @staticmethod
    def wait_value (obj, predicate, timeout=None):
        """Poll the Value interface until predicate(value); the last value."""
        last = []

        def check ():
            v = AppTree.value (obj)
            last[:] = [v]
            return v is not None and predicate (v)

        wait_until (check, timeout)
        return last[0] if last else None
