/* elab-binding.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "elab-document.h"

G_BEGIN_DECLS

#define ELAB_TYPE_BINDING_GROUP (elab_binding_group_get_type ())

G_DECLARE_FINAL_TYPE (ElabBindingGroup, elab_binding_group, ELAB, BINDING_GROUP, GObject)

typedef struct _ElabBinding ElabBinding;

/* A number from the parameter's value to the widget's, or back. */
typedef double (*ElabBindingTransform) (double   value,
                                        gpointer user_data);

/* Sets the parameter from a person's @value, in place of
 * elab_document_set_number(): for a rule between fields (an x-min moved
 * past x-max pushes it along). */
typedef gboolean (*ElabBindingApply) (ElabDocument  *document,
                                      double         value,
                                      gpointer       user_data,
                                      GError       **error);

ElabBindingGroup *elab_binding_group_new            (void);
/* Binds every binding of the group to @document (NULL: to none), and
 * sets each widget from it at once. */
void              elab_binding_group_set_document   (ElabBindingGroup     *self,
                                                     ElabDocument         *document);

/* A numeric property (double, int, uint, boolean) of @target follows the
 * parameter @name ("p-theta", "logit-3", "optimizer"), and a person
 * changing it sets the parameter. A value the document refuses (out of
 * range) puts the property back. The group holds @target weakly. */
ElabBinding      *elab_binding_group_bind           (ElabBindingGroup     *self,
                                                     const char           *name,
                                                     gpointer              target,
                                                     const char           *property);
/* "value"; a value beyond the adjustment's bounds widens them (to whole
 * numbers) rather than being shown clamped. */
ElabBinding      *elab_binding_group_bind_adjustment (ElabBindingGroup    *self,
                                                     const char           *name,
                                                     GtkAdjustment        *adjustment);
/* "active" of a GtkSwitch or a GtkCheckButton. */
ElabBinding      *elab_binding_group_bind_toggle    (ElabBindingGroup     *self,
                                                     const char           *name,
                                                     GtkWidget            *toggle);
/* "selected"; for a choice parameter without a model of its own the
 * drop-down gets the row's choices, in order. */
ElabBinding      *elab_binding_group_bind_drop_down (ElabBindingGroup     *self,
                                                     const char           *name,
                                                     GtkDropDown          *drop_down);
/* The label's text is @format with the value as a double ("T = %.2f"),
 * or the value as a scenario file writes it when @format is NULL. */
ElabBinding      *elab_binding_group_bind_label     (ElabBindingGroup     *self,
                                                     const char           *name,
                                                     GtkLabel             *label,
                                                     const char           *format);

/* @to_widget maps the parameter's value to the property's, @from_widget
 * back (a slider over log10 of the learning rate). */
void              elab_binding_set_transform        (ElabBinding          *binding,
                                                     ElabBindingTransform  to_widget,
                                                     ElabBindingTransform  from_widget,
                                                     gpointer              user_data);
void              elab_binding_set_apply            (ElabBinding          *binding,
                                                     ElabBindingApply      apply,
                                                     gpointer              user_data);
/* Changes to the property edit the document only while @widget is
 * sensitive; otherwise the property is put back (an assistive technology
 * can still move an insensitive slider). */
void              elab_binding_set_gate             (ElabBinding          *binding,
                                                     GtkWidget            *widget);

G_END_DECLS
