# badcsv.py
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every malformed CSV the reader must reject, with the line the error must
# name. Shared by the CLI test and the sanitizer test.

import os

MIB = 1024 * 1024

# (name, content, expected line, word expected in the message)
CASES = [
    ("empty", b"", 1, "empty"),
    ("blank-only", b"\n\n  \r\n", 1, "empty"),
    ("header-only", b"x,y\n", 1, "no data rows"),
    ("non-number", b"x,y\n1,0\nabc,1\n", 3, "not a number"),
    ("hex-number", b"x,y\n1,0\n2,1\n0x10,1\n", 4, "not a number"),
    ("empty-field", b"x,y\n1,0\n,1\n", 3, "empty"),
    ("ragged-short", b"x,y,z\n1,2,0\n1,2\n", 3, "fields"),
    ("ragged-long", b"x,y\n1,0\n1,0\n1,0,5\n", 4, "fields"),
    ("nan", b"x,y\n1,0\nNaN,1\n", 3, "finite"),
    ("inf", b"x,y\n-inf,1\n", 2, "finite"),
    ("label-2", b"x,y\n1,0\n2,1\n3,2\n", 4, "more than two values ('0', '1', '2')"),
    ("label-three-words", b"x,diagnosis\n1,malignant\n2,benign\n3,unknown\n", 4,
     "column 'diagnosis' has more than two values ('malignant', 'benign', 'unknown'); a label needs exactly two"),
    ("label-one-word", b"x,y\n1,yes\n2,yes\n", 2, "only one value ('yes')"),
    ("label-number-among-words", b"x,y\n1,yes\n2,no\n3,1\n", 4, "text ('yes')"),
    ("label-half", b"x,y\n1,0.5\n", 2, "0 or 1"),
    ("nul-byte", b"x,y\n1,0\n2\x00,1\n", 3, "NUL"),
    ("binary", b"x,y\n1,0\n\x7fELF\x02\x01\x01\x00\x00,1\n", 3, "binary"),
    ("not-utf8", b"x,y\n1,0\n\xe9t\xe9,1\n", 3, "UTF-8"),
    ("unterminated-quote", b"x,y\n1,0\n\"2,1\n3,0\n", 3, "unterminated"),
    ("text-after-quote", b"x,y\n\"1\"x,0\n", 2, "quote"),
    ("overflow", b"x,y\n1,0\n1e400,1\n", 3, "overflows"),
    ("overflow-digits", b"x,y\n1,0\n" + b"9" * 400 + b",1\n", 3, "overflows"),
    ("megabyte-line", b"x,y\n1,0\n" + b"7" * (3 * MIB) + b",1\n", 3, "longer than"),
    ("crlf-lines", b"x,y\r\n1,0\r\n\r\n2,zz\r\n", 4, "not a number"),
    ("bom-then-bad", b"\xef\xbb\xbfx,y\noops,1\n", 2, "not a number"),
]

# Good files: (name, content, rows)
GOOD = [
    ("bom-crlf", b"\xef\xbb\xbf\"temp (F)\",y\r\n66,0\r\n\r\n70,1", 2),
    ("quoted", b"\"a, b\",\"c\"\"d\",y\n\"1\",x,0\n2,\"line\nbreak\",1\n", 2),
    ("text-labels", b"radius,diagnosis\n17.99,M\n13.54,B\n\"20.57\",\"M\"\n", 3),
]


def write_cases(directory, cases=CASES):
    """Writes each case to DIRECTORY/NAME.csv; returns [(path, line, word)]."""
    out = []
    for name, content, line, word in cases:
        path = os.path.join(directory, name + ".csv")
        with open(path, "wb") as f:
            f.write(content)
        out.append((path, line, word))
    return out
