/* elab-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ELAB_TYPE_APPLICATION (elab_application_get_type ())

G_DECLARE_FINAL_TYPE (ElabApplication, elab_application, ELAB, APPLICATION, AdwApplication)

ElabApplication *elab_application_new (void);

G_END_DECLS
