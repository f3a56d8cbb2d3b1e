/* elab-export-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Format, size, scale and look, then a file chooser, then the very
 * elab_export_figure() call `entropy-lab export` makes: same state, same
 * style, same pixels.
 */
#define G_LOG_DOMAIN "elab-export-dialog"

#include "elab-config.h"

#include "elab-export-dialog.h"
#include "elab-file-chooser.h"
#include "elab-window.h"

typedef struct
{
  int width;
  int height;
} Size;

static const Size size_presets[] = {
  { 1920, 1080 },
  { 1280, 720 },
  { 1024, 768 },
};

struct _ElabExportDialog
{
  AdwWindow          parent_instance;

  /* Template widgets */
  AdwComboRow       *figure_row;
  AdwComboRow       *format_row;
  AdwComboRow       *size_row;
  AdwActionRow      *custom_size_row;
  GtkSpinButton     *custom_width_spin;
  GtkSpinButton     *custom_height_spin;
  AdwActionRow      *scale_row;
  GtkSpinButton     *scale_spin;
  AdwComboRow       *theme_row;
  GtkSwitch         *colorblind_switch;
  GtkSwitch         *transparent_switch;
  GtkStringList     *size_model;
  GtkWidget         *export_button;

  /* Owned */
  ElabDocument      *document;
  ElabTrainingRun   *run;       /* the training figures': its trainer at the time of export */
  GCancellable      *choosing;  /* the file chooser's, while it is open */

  ElabFigureKind     kind;
  Size               window_size;
};

G_DEFINE_FINAL_TYPE (ElabExportDialog, elab_export_dialog, ADW_TYPE_WINDOW)

static const char *extensions[] = { "png", "svg", "pdf" };

/* The Training page's figures, in the order of the figure row's items. */
static const ElabFigureKind training_figures[] = {
  ELAB_FIGURE_TRAINING,
  ELAB_FIGURE_LANDSCAPE,
  ELAB_FIGURE_TRAINING_BOTH,
};

static ElabFigureKind
selected_kind (ElabExportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->figure_row);

  if (!elab_figure_kind_is_training (self->kind) || i >= G_N_ELEMENTS (training_figures))
    return self->kind;
  return training_figures[i];
}

static ElabExportFormat
selected_format (ElabExportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->format_row);

  return i <= ELAB_EXPORT_PDF ? (ElabExportFormat) i : ELAB_EXPORT_PNG;
}

/* The size list: the presets, the window's plot, then "Custom size". */
#define WINDOW_ITEM G_N_ELEMENTS (size_presets)
#define CUSTOM_ITEM (WINDOW_ITEM + 1)

static Size
selected_size (ElabExportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->size_row);
  Size custom;

  if (i < G_N_ELEMENTS (size_presets))
    return size_presets[i];
  if (i == CUSTOM_ITEM)
    {
      custom.width = CLAMP (gtk_spin_button_get_value_as_int (self->custom_width_spin), 64, ELAB_EXPORT_MAX_PX);
      custom.height = CLAMP (gtk_spin_button_get_value_as_int (self->custom_height_spin), 64, ELAB_EXPORT_MAX_PX);
      return custom;
    }
  return self->window_size;
}

static void
size_changed_cb (ElabExportDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->custom_size_row),
                          adw_combo_row_get_selected (self->size_row) == CUSTOM_ITEM);
}

char *
elab_export_dialog_suggest_name (ElabExportDialog *self)
{
  g_return_val_if_fail (ELAB_IS_EXPORT_DIALOG (self), NULL);

  return g_strdup_printf ("%s.%s", elab_figure_kind_to_string (selected_kind (self)),
                          extensions[selected_format (self)]);
}

/* The folder the last export went to in this run of the app. */
static char *last_folder;

char *
elab_export_dialog_dup_folder (void)
{
  const char *pictures;

  if (last_folder != NULL && g_file_test (last_folder, G_FILE_TEST_IS_DIR))
    return g_strdup (last_folder);
  pictures = g_get_user_special_dir (G_USER_DIRECTORY_PICTURES);
  if (pictures != NULL && g_file_test (pictures, G_FILE_TEST_IS_DIR))
    return g_strdup (pictures);
  return NULL;
}

void
elab_export_dialog_remember_folder (const char *folder)
{
  g_return_if_fail (folder != NULL);

  g_free (last_folder);
  last_folder = g_strdup (folder);
}

gboolean
elab_export_dialog_export_to (ElabExportDialog  *self,
                              const char        *path,
                              GError           **error)
{
  g_autoptr(ElabFigure) figure = NULL;
  ElabFigureStyle style = ELAB_FIGURE_STYLE_INIT;
  ElabState state;
  ElabExportRequest req;
  Size size;

  g_return_val_if_fail (ELAB_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  state = *elab_document_get_state (self->document);
  style.theme = adw_combo_row_get_selected (self->theme_row) == 1 ? ELAB_THEME_DARK : ELAB_THEME_LIGHT;
  style.palette = gtk_switch_get_active (self->colorblind_switch) ? ELAB_PALETTE_COLORBLIND
                                                                  : ELAB_PALETTE_DEFAULT;
  style.transparent = gtk_switch_get_active (self->transparent_switch);
  /* The run as the window shows it. */
  style.paused = self->run != NULL && !elab_training_run_get_playing (self->run);
  /* The state carries the look too, so a scenario saved later matches. */
  state.theme = style.theme;
  state.palette = style.palette;

  size = selected_size (self);
  req = (ElabExportRequest) {
    &state, &style, size.width, size.height, gtk_spin_button_get_value (self->scale_spin),
  };
  figure = elab_figure_new (selected_kind (self));
  return elab_export_figure (figure, &req, self->run != NULL ? elab_training_run_get_trainer (self->run) : NULL,
                             selected_format (self), path, error);
}

static void
finish_export (ElabExportDialog *self,
               GFile            *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (path == NULL)
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           "Only local files can be written");
    }
  else if (elab_export_dialog_export_to (self, path, &error))
    {
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *message = g_strdup_printf ("Exported %s", base);
      g_autofree char *folder = g_path_get_dirname (path);

      elab_export_dialog_remember_folder (folder);

      if (ELAB_IS_WINDOW (parent))
        elab_window_show_toast (ELAB_WINDOW (parent), message);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  {
    AdwMessageDialog *dialog;

    dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                         "Could Not Export the Figure",
                                                         error->message));
    adw_message_dialog_add_response (dialog, "close", "_Close");
    gtk_window_present (GTK_WINDOW (dialog));
  }
}

/* NULL too when dispose cancelled the chooser, so the dialog is
 * touched only while it lives. */
static void
file_chosen_cb (GFile    *file,
                gpointer  data)
{
  ElabExportDialog *self = data;

  if (file != NULL)
    finish_export (self, file);
}

static void
export_clicked_cb (ElabExportDialog *self)
{
  g_autofree char *name = elab_export_dialog_suggest_name (self);
  /* The folder of the last export, else Pictures, not wherever the app
   * was started from. */
  g_autofree char *folder = elab_export_dialog_dup_folder ();
  ElabFileChooserRequest request = { ELAB_FILE_CHOOSER_SAVE, "Export Figure", "_Export", folder, name, NULL };

  g_cancellable_cancel (self->choosing);
  g_clear_object (&self->choosing);
  self->choosing = g_cancellable_new ();
  elab_file_chooser_ask (GTK_WINDOW (self), &request, self->choosing, file_chosen_cb, self);
}

static void
format_changed_cb (ElabExportDialog *self)
{
  /* Vector formats have no pixels to multiply. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->scale_row), selected_format (self) == ELAB_EXPORT_PNG);
}

/* The focus starts on Export, the window's default: Enter exports, as in
 * GNOME's dialogs, where GTK gave the focus to Cancel, the first button,
 * which took the Enter for itself. */
static void
elab_export_dialog_show (GtkWidget *widget)
{
  ElabExportDialog *self = ELAB_EXPORT_DIALOG (widget);

  GTK_WIDGET_CLASS (elab_export_dialog_parent_class)->show (widget);
  gtk_widget_grab_focus (self->export_button);
}

static void
elab_export_dialog_dispose (GObject *object)
{
  ElabExportDialog *self = ELAB_EXPORT_DIALOG (object);

  /* The chooser holds no reference: it closes with the dialog. */
  g_cancellable_cancel (self->choosing);
  g_clear_object (&self->choosing);
  g_clear_object (&self->document);
  g_clear_object (&self->run);
  gtk_widget_dispose_template (GTK_WIDGET (object), ELAB_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (elab_export_dialog_parent_class)->dispose (object);
}

static void
elab_export_dialog_class_init (ElabExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = elab_export_dialog_dispose;

  widget_class->show = elab_export_dialog_show;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/entropylab/EntropyLab/ui/elab-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ElabExportDialog, figure_row);
  gtk_widget_class_bind_template_child (widget_class, ElabExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, ElabExportDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, ElabExportDialog, custom_size_row);
  gtk_widget_class_bind_template_child (widget_class, ElabExportDialog, custom_width_spin);
  gtk_widget_class_bind_template_child (widget_class, ElabExportDialog, custom_height_spin);
  gtk_widget_class_bind_template_child (widget_class, ElabExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, ElabExportDialog, scale_spin);
  gtk_widget_class_bind_template_child (widget_class, ElabExportDialog, theme_row);
  gtk_widget_class_bind_template_child (widget_class, ElabExportDialog, colorblind_switch);
  gtk_widget_class_bind_template_child (widget_class, ElabExportDialog, transparent_switch);
  gtk_widget_class_bind_template_child (widget_class, ElabExportDialog, size_model);
  gtk_widget_class_bind_template_child (widget_class, ElabExportDialog, export_button);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, size_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
elab_export_dialog_init (ElabExportDialog *self)
{
  GtkSpinButton *numbers[3];

  gtk_widget_init_template (GTK_WIDGET (self));
  numbers[0] = self->custom_width_spin;
  numbers[1] = self->custom_height_spin;
  numbers[2] = self->scale_spin;
  /* Enter in a number exports, as on the dialog's buttons: GTK 4.8's
   * spin button takes the number and keeps the Enter (its text updates
   * the value before it activates the default). */
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    gtk_text_set_activates_default (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (numbers[i]))), TRUE);
}

ElabExportDialog *
elab_export_dialog_new (GtkWindow         *parent,
                        ElabDocument      *document,
                        ElabFigureKind     kind,
                        ElabTrainingRun   *run,
                        int                window_width,
                        int                window_height)
{
  ElabExportDialog *self;
  g_autofree char *window_item = NULL;

  g_return_val_if_fail (ELAB_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (run == NULL || ELAB_IS_TRAINING_RUN (run), NULL);

  self = g_object_new (ELAB_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->document = g_object_ref (document);
  self->kind = kind;
  self->run = run != NULL ? g_object_ref (run) : NULL;
  /* A run has three figures to give: the one asked for comes first. */
  gtk_widget_set_visible (GTK_WIDGET (self->figure_row), elab_figure_kind_is_training (kind));
  for (guint i = 0; i < G_N_ELEMENTS (training_figures); i++)
    if (training_figures[i] == kind)
      adw_combo_row_set_selected (self->figure_row, i);
  self->window_size.width = CLAMP (window_width, 64, ELAB_EXPORT_MAX_PX);
  self->window_size.height = CLAMP (window_height, 64, ELAB_EXPORT_MAX_PX);

  for (guint i = 0; i < G_N_ELEMENTS (size_presets); i++)
    {
      g_autofree char *item = g_strdup_printf ("%d × %d", size_presets[i].width, size_presets[i].height);
      gtk_string_list_append (self->size_model, item);
    }
  window_item = g_strdup_printf ("The window's plot, %d × %d",
                                 self->window_size.width, self->window_size.height);
  gtk_string_list_append (self->size_model, window_item);
  gtk_string_list_append (self->size_model, "Custom size");

  gtk_switch_set_active (self->colorblind_switch,
                         elab_document_get_state (document)->palette == ELAB_PALETTE_COLORBLIND);

  return self;
}
