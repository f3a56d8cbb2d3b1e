# tests/app/e2e/xscreen.py
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Pixels and input on the X display: xdotool for the pointer and keys,
# ImageMagick's import for the screenshots that are kept, and XGetImage
# (through ctypes) for the quick pixel probes a poll loop needs; import
# takes ~0.4 s a shot here, XGetImage a few milliseconds.

import ctypes
import ctypes.util
import os
import subprocess
import time

from session import SAFETY_NET, check_watched, patience


class XError (Exception):
    pass


def xdotool (*args, timeout=None):
    out = subprocess.run (['xdotool'] + [str (a) for a in args],
                          capture_output=True, text=True, timeout=patience (timeout or 60.0))
    if out.returncode != 0:
        raise XError ('xdotool %s: %s' % (' '.join (map (str, args)), out.stderr.strip ()))
    return out.stdout


def search_window (name_regex, pid=None, timeout=None, alive=None):
    """The X window id of a visible window whose title matches, or None
    once timeout (a safety net) has passed or the process died (alive()
    false)."""
    argv = ['xdotool', 'search', '--onlyvisible']
    if pid is not None:
        argv += ['--pid', str (pid)]
    argv += ['--name', name_regex]
    deadline = time.monotonic () + patience (timeout or SAFETY_NET)
    while time.monotonic () < deadline:
        out = subprocess.run (argv, capture_output=True, text=True, timeout=patience (60.0))
        ids = out.stdout.split ()
        if ids:
            return int (ids[0])
        if alive is not None and not alive ():
            return None
        time.sleep (0.05)
    return None


def window_geometry (wid):
    """(x, y, width, height) of an X window on the screen."""
    values = {}
    for line in xdotool ('getwindowgeometry', '--shell', wid).splitlines ():
        key, _, value = line.partition ('=')
        values[key] = int (value)
    return values['X'], values['Y'], values['WIDTH'], values['HEIGHT']


def screenshot_png (path, wid=None):
    """Keep a screenshot as a PNG (of one window, or the whole screen)."""
    target = str (wid) if wid is not None else 'root'
    subprocess.run (['import', '-silent', '-window', target, path],
                    check=True, timeout=patience (60.0), stdout=subprocess.DEVNULL)


class _XImage (ctypes.Structure):
    _fields_ = [('width', ctypes.c_int), ('height', ctypes.c_int),
                ('xoffset', ctypes.c_int), ('format', ctypes.c_int),
                ('data', ctypes.POINTER (ctypes.c_char)),
                ('byte_order', ctypes.c_int), ('bitmap_unit', ctypes.c_int),
                ('bitmap_bit_order', ctypes.c_int), ('bitmap_pad', ctypes.c_int),
                ('depth', ctypes.c_int), ('bytes_per_line', ctypes.c_int),
                ('bits_per_pixel', ctypes.c_int)]


class Grabber:
    """Reads rectangles of the root window as raw bytes."""

    ZPIXMAP = 2

    def __init__ (self):
        name = ctypes.util.find_library ('X11') or 'libX11.so.6'
        self.x = ctypes.CDLL (name)
        self.x.XOpenDisplay.restype = ctypes.c_void_p
        self.x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self.x.XDefaultRootWindow.restype = ctypes.c_ulong
        self.x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        self.x.XGetImage.restype = ctypes.POINTER (_XImage)
        self.x.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int,
                                     ctypes.c_int, ctypes.c_uint, ctypes.c_uint,
                                     ctypes.c_ulong, ctypes.c_int]
        self.x.XDestroyImage = None  # a macro; free through the image's own vtable
        self.x.XFree.argtypes = [ctypes.c_void_p]
        self.x.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self.dpy = self.x.XOpenDisplay (os.environ['DISPLAY'].encode ())
        if not self.dpy:
            raise XError ('cannot open display %s' % os.environ['DISPLAY'])
        self.root = self.x.XDefaultRootWindow (self.dpy)

    def grab (self, x, y, width, height):
        """Bytes of the rectangle (clipped by the caller to the screen)."""
        if width <= 0 or height <= 0:
            raise XError ('empty rectangle %r' % ((x, y, width, height),))
        img = self.x.XGetImage (self.dpy, self.root, x, y, width, height,
                                ctypes.c_ulong (-1).value, self.ZPIXMAP)
        if not img:
            raise XError ('XGetImage failed for %r' % ((x, y, width, height),))
        try:
            size = img.contents.bytes_per_line * img.contents.height
            data = ctypes.string_at (img.contents.data, size)
        finally:
            # XDestroyImage is a macro over the image's destroy hook; the
            # data and the struct are both Xlib allocations.
            self.x.XFree (ctypes.cast (img.contents.data, ctypes.c_void_p))
            img.contents.data = None
            self.x.XFree (ctypes.cast (img, ctypes.c_void_p))
        return data

    def close (self):
        if self.dpy:
            self.x.XCloseDisplay (self.dpy)
            self.dpy = None


def differing_bytes (a, b):
    """How many bytes of two equally sized grabs differ."""
    if len (a) != len (b):
        return max (len (a), len (b))
    if a == b:
        return 0
    try:
        import numpy
    except ImportError:
        return sum (1 for p, q in zip (a, b) if p != q)
    return int (numpy.count_nonzero (numpy.frombuffer (a, numpy.uint8)
                                     != numpy.frombuffer (b, numpy.uint8)))


def wait_for_change (grab, before, timeout=None, interval=0.03):
    """Poll grab() until it differs from before; (changed bytes, last grab).
    The timeout is a safety net (see session.patience)."""
    deadline = time.monotonic () + patience (timeout or SAFETY_NET)
    while True:
        now = grab ()
        if now != before:
            return differing_bytes (before, now), now
        check_watched ()
        if time.monotonic () >= deadline:
            return 0, now
        time.sleep (interval)


def wait_for_stable (grab, settle=0.1, timeout=None, interval=0.03):
    """Poll grab() until it stays the same for settle seconds (longer on a
    busy machine, where a frame may come late); the last grab.  timeout
    bounds the wait where the picture may never settle (a blinking caret)."""
    settle = patience (settle)
    deadline = time.monotonic () + patience (timeout or SAFETY_NET)
    last = grab ()
    since = time.monotonic ()
    while time.monotonic () < deadline:
        time.sleep (interval)
        now = grab ()
        if now != last:
            last, since = now, time.monotonic ()
        elif time.monotonic () - since >= settle:
            break
    return last
