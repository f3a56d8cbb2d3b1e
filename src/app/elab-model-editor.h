/* elab-model-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "elab-binding.h"

G_BEGIN_DECLS

#define ELAB_TYPE_MODEL_EDITOR (elab_model_editor_get_type ())

/* The parameters a model editor edits, by their names in the table
 * ("model-a-theta"). Without @enabled the model cannot be switched off
 * and the switch is hidden; without @output the output choice is. */
typedef struct
{
  const char *theta;
  const char *bias;
  const char *enabled;
  const char *output;
} ElabModelParams;

G_DECLARE_FINAL_TYPE (ElabModelEditor, elab_model_editor, ELAB, MODEL_EDITOR, GtkWidget)

/* @name is the model's letter ("A", "p"): it titles the card and names the
 * controls for screen readers ("Model A θ", "Model A bias"). */
void elab_model_editor_set_name      (ElabModelEditor       *self,
                                      const char            *name);
/* Binds the controls in @group (a page's): they follow its document. The
 * controls are template children: theta_adjustment, bias_adjustment and
 * enabled_switch. */
void elab_model_editor_bind          (ElabModelEditor       *self,
                                      ElabBindingGroup      *group,
                                      const ElabModelParams *params);
void elab_model_editor_set_color     (ElabModelEditor       *self,
                                      const GdkRGBA         *color);
void elab_model_editor_set_subtitle  (ElabModelEditor       *self,
                                      const char            *subtitle);
void elab_model_editor_set_mean_text (ElabModelEditor       *self,
                                      const char            *text);

G_END_DECLS
