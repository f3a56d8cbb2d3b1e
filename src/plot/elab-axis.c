/* elab-axis.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "elab-figure.h"
