/* elab-data-chooser.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Training page's data: a built-in data set or a CSV file, the CSV's
 * x and y columns and which label value is class 1, and a line on what
 * is loaded. A view of an ElabTrainingRun: a choice goes to the document
 * (a built-in) or to the run (a file, its columns), and the chooser
 * shows what the run loaded.
 */
#define G_LOG_DOMAIN "elab-data-chooser"

#include "elab-config.h"

#include <string.h>
#include <adwaita.h>

#include "elab-data-chooser.h"
#include "elab-file-chooser.h"

struct _ElabDataChooser
{
  GtkWidget        parent_instance;

  /* Template widgets */
  GtkWidget       *box;
  GtkDropDown     *dataset_dropdown;
  GtkStringList   *dataset_model;
  GtkWidget       *columns_grid;
  GtkDropDown     *x_dropdown;
  GtkDropDown     *y_dropdown;
  GtkStringList   *columns_model;
  GtkDropDown     *positive_dropdown;
  GtkStringList   *positive_model;
  GtkLabel        *dataset_label;

  /* Owned */
  ElabTrainingRun *run;
  char            *ask_path;      /* opened from Open CSV…: ask for class 1 once read */
  GtkWidget       *question;      /* that question, while it is asked */
  GCancellable    *choosing;      /* Open CSV…'s file chooser, while it is open */

  guint            n_builtins;
};

G_DEFINE_FINAL_TYPE (ElabDataChooser, elab_data_chooser, GTK_TYPE_WIDGET)

static void dataset_selected_cb (ElabDataChooser *self);
static void column_selected_cb (ElabDataChooser *self);
static void positive_selected_cb (ElabDataChooser *self);

static ElabDocument *
document_of (ElabDataChooser *self)
{
  return self->run != NULL ? elab_training_run_get_document (self->run) : NULL;
}

static gboolean
is_builtin (const char *name)
{
  return name != NULL && elab_dataset_find_builtin (name) != NULL;
}

static void
update_dataset_label (ElabDataChooser *self)
{
  const ElabTrainer *trainer = elab_training_run_get_trainer (self->run);
  const ElabDataset *d;
  g_autoptr(GString) text = NULL;

  if (trainer == NULL)
    {
      gtk_label_set_text (self->dataset_label, "");
      return;
    }

  d = elab_trainer_get_dataset (trainer);
  text = g_string_new (NULL);
  g_string_append_printf (text, "%" G_GSIZE_FORMAT " rows · x: %s · y: %s",
                          d->n_rows, d->x_name, d->y_name);
  /* Text labels: say which value is class 1, and why when it was picked. */
  if (d->labels[0] != NULL && d->labels[1] != NULL &&
      (d->positive_guessed || g_strcmp0 (d->labels[1], "1") != 0))
    g_string_append_printf (text, "\nClass 1: %s, class 0: %s%s", d->labels[1], d->labels[0],
                            d->positive_guessed ? " (picked: the later alphabetically)" : "");
  if (d->source != NULL && *d->source)
    g_string_append_printf (text, "\nSource: %s", d->source);
  if (d->caveat != NULL && *d->caveat)
    g_string_append_printf (text, "\nCaveat: %s", d->caveat);
  gtk_label_set_text (self->dataset_label, text->str);
}

static void
set_string_list (GtkStringList      *list,
                 const char * const *items)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  gtk_string_list_splice (list, 0, n, items);
}

/* The label column's two values in alphabetical order, as the class 1
 * chooser and the question list them: by their case-folded text, then
 * byte by byte. */
static void
labels_in_order (const ElabDataset  *d,
                 const char        **first,
                 const char        **second)
{
  g_autofree char *a = g_utf8_casefold (d->labels[0], -1);
  g_autofree char *b = g_utf8_casefold (d->labels[1], -1);
  int order = strcmp (a, b);
  gboolean first_is_0 = order < 0 || (order == 0 && strcmp (d->labels[0], d->labels[1]) < 0);

  *first = first_is_0 ? d->labels[0] : d->labels[1];
  *second = first_is_0 ? d->labels[1] : d->labels[0];
}

/* The class 1 chooser: the label column's two values in alphabetical
 * order (so the list does not reorder as the choice changes), the one
 * that is class 1 selected; shown for a CSV whose label has two values. */
static void
sync_positive_chooser (ElabDataChooser  *self,
                       gboolean          csv)
{
  const ElabTrainer *trainer = elab_training_run_get_trainer (self->run);
  const ElabDataset *d = trainer != NULL ? elab_trainer_get_dataset (trainer) : NULL;
  gboolean two = csv && d != NULL && d->labels[0] != NULL && d->labels[1] != NULL;
  const char *items[3] = { NULL };

  gtk_widget_set_visible (GTK_WIDGET (self->positive_dropdown), two);
  if (!two)
    return;

  labels_in_order (d, &items[0], &items[1]);
  g_signal_handlers_block_by_func (self->positive_dropdown, positive_selected_cb, self);
  set_string_list (self->positive_model, items);
  gtk_drop_down_set_selected (self->positive_dropdown, items[1] == d->labels[1] ? 1 : 0);
  g_signal_handlers_unblock_by_func (self->positive_dropdown, positive_selected_cb, self);
}

static void
sync_dataset_chooser (ElabDataChooser *self)
{
  const ElabState *state = elab_document_get_state (document_of (self));
  const ElabTrainer *trainer = elab_training_run_get_trainer (self->run);
  const char * const *columns = elab_training_run_get_csv_columns (self->run);
  const char *data_name = elab_training_run_get_data_name (self->run);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->dataset_model));
  g_autofree char *name = g_strdup (data_name != NULL ? data_name : state->dataset);
  guint selected = GTK_INVALID_LIST_POSITION;
  guint n_builtins = 0;
  const ElabDatasetInfo *builtins = elab_dataset_get_builtins (&n_builtins);
  gboolean csv = name != NULL && *name && !is_builtin (name);

  /* One extra entry for a CSV file, after the built-ins. Dropping it
   * moves the selection to the last built-in, which is nobody's choice:
   * the handler waits until the list shows what the state holds. */
  g_signal_handlers_block_by_func (self->dataset_dropdown, dataset_selected_cb, self);
  if (csv)
    {
      g_autofree char *base = g_path_get_basename (name);
      const char *items[] = { base, NULL };

      gtk_string_list_splice (self->dataset_model, self->n_builtins, n - self->n_builtins, items);
      selected = self->n_builtins;
    }
  else
    {
      gtk_string_list_splice (self->dataset_model, self->n_builtins, n - self->n_builtins, NULL);
      for (guint i = 0; i < n_builtins; i++)
        if (g_strcmp0 (builtins[i].name, name) == 0)
          selected = i;
    }
  gtk_drop_down_set_selected (self->dataset_dropdown, selected);
  g_signal_handlers_unblock_by_func (self->dataset_dropdown, dataset_selected_cb, self);

  gtk_widget_set_visible (self->columns_grid, csv && columns != NULL);
  if (csv && columns != NULL && trainer != NULL)
    {
      const ElabDataset *d = elab_trainer_get_dataset (trainer);
      guint x_sel = 0, y_sel = 0;

      /* Refilling a list moves its selection, which is nobody's choice
       * of column: the handler waits until both show the loaded ones. */
      g_signal_handlers_block_by_func (self->x_dropdown, column_selected_cb, self);
      g_signal_handlers_block_by_func (self->y_dropdown, column_selected_cb, self);
      set_string_list (self->columns_model, columns);
      for (guint i = 0; columns[i] != NULL; i++)
        {
          if (g_strcmp0 (columns[i], d->x_name) == 0)
            x_sel = i;
          if (g_strcmp0 (columns[i], d->y_name) == 0)
            y_sel = i;
        }
      gtk_drop_down_set_selected (self->x_dropdown, x_sel);
      gtk_drop_down_set_selected (self->y_dropdown, y_sel);
      g_signal_handlers_unblock_by_func (self->x_dropdown, column_selected_cb, self);
      g_signal_handlers_unblock_by_func (self->y_dropdown, column_selected_cb, self);
    }
  sync_positive_chooser (self, csv);
}

static void
dataset_selected_cb (ElabDataChooser *self)
{
  guint selected = gtk_drop_down_get_selected (self->dataset_dropdown);
  guint n_builtins = 0;
  const ElabDatasetInfo *builtins = elab_dataset_get_builtins (&n_builtins);
  ElabState *state;

  if (document_of (self) == NULL || selected >= n_builtins)
    return;

  state = elab_document_edit (document_of (self));
  if (g_strcmp0 (state->dataset, builtins[selected].name) == 0)
    return;
  g_strlcpy (state->dataset, builtins[selected].name, sizeof state->dataset);
  state->x_column[0] = '\0';
  state->y_column[0] = '\0';
  state->positive[0] = '\0';
  elab_training_run_set_playing (self->run, FALSE);
  /* The page has the run follow the state. */
  elab_document_changed (document_of (self), ELAB_CHANGE_TRAINING);
}

static void
column_selected_cb (ElabDataChooser *self)
{
  const char * const *columns = self->run != NULL ? elab_training_run_get_csv_columns (self->run) : NULL;
  guint x = gtk_drop_down_get_selected (self->x_dropdown);
  guint y = gtk_drop_down_get_selected (self->y_dropdown);

  if (columns != NULL && x < g_strv_length ((char **) columns) && y < g_strv_length ((char **) columns))
    elab_training_run_choose_columns (self->run, columns[x], columns[y]);
}

/* A person names the value that is class 1: the file is read again with it. */
static void
positive_selected_cb (ElabDataChooser *self)
{
  guint selected = gtk_drop_down_get_selected (self->positive_dropdown);

  if (self->run != NULL && selected != GTK_INVALID_LIST_POSITION)
    elab_training_run_choose_positive (self->run, gtk_string_list_get_string (self->positive_model, selected));
}

/* Opening a CSV whose label column holds two words (malignant, benign;
 * yes, no) asks which one is class 1, the outcome whose probability the
 * model gives: the reader's pick (the later alphabetically) is only a
 * guess. Asked once the file is read, with its two values as the
 * answers and the pick as the default; Escape keeps the pick. */
static void
question_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      ElabDataChooser  *self)
{
  /* The answers are labelled with the values themselves. */
  const char *value = NULL;

  if (g_str_equal (response, "first") || g_str_equal (response, "second"))
    value = adw_message_dialog_get_response_label (dialog, response);
  if (value != NULL && self->run != NULL)
    elab_training_run_choose_positive (self->run, value);
}

static void
question_destroyed_cb (ElabDataChooser *self)
{
  self->question = NULL;
}

static void
ask_positive (ElabDataChooser *self)
{
  const ElabTrainer *trainer;
  const ElabDataset *d;
  g_autofree char *path = NULL;
  g_autofree char *body = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *first, *second;
  AdwMessageDialog *dialog;

  if (self->ask_path == NULL || self->run == NULL || elab_training_run_is_loading (self->run))
    return;
  path = g_steal_pointer (&self->ask_path);
  trainer = elab_training_run_get_trainer (self->run);
  d = trainer != NULL ? elab_trainer_get_dataset (trainer) : NULL;
  /* Another file, a failed read, or numeric labels: nothing to ask. */
  if (d == NULL || g_strcmp0 (d->name, path) != 0 || !d->positive_guessed ||
      d->labels[0] == NULL || d->labels[1] == NULL)
    return;

  labels_in_order (d, &first, &second);
  body = g_markup_printf_escaped ("The label column <b>%s</b> holds two values, %s and %s. "
                                  "The model gives the probability of class 1.\n\n"
                                  "Until you choose, class 1 is <b>%s</b>, the later alphabetically.",
                                  d->y_name, first, second, d->labels[1]);

  if (self->question != NULL)
    gtk_window_destroy (GTK_WINDOW (self->question));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       "Which Value Is Class 1?", NULL));
  adw_message_dialog_set_body_use_markup (dialog, TRUE);
  adw_message_dialog_set_body (dialog, body);
  adw_message_dialog_add_responses (dialog, "first", first, "second", second, NULL);
  adw_message_dialog_set_default_response (dialog, first == d->labels[1] ? "first" : "second");
  adw_message_dialog_set_close_response (dialog, first == d->labels[1] ? "first" : "second");
  g_signal_connect_object (dialog, "response", G_CALLBACK (question_response_cb), self, 0);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (question_destroyed_cb), self, G_CONNECT_SWAPPED);
  self->question = GTK_WIDGET (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* NULL too when dispose cancelled the chooser. */
static void
file_chosen_cb (GFile    *file,
                gpointer  data)
{
  ElabDataChooser *self = data;
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  /* Read it, and if its label column holds two words, ask which is
   * class 1 once it is read. */
  if (path != NULL && self->run != NULL)
    {
      g_free (self->ask_path);
      self->ask_path = g_strdup (path);
      elab_training_run_open_csv (self->run, path, NULL, NULL, NULL);
    }
}

static void
open_clicked_cb (ElabDataChooser *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *parent = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  ElabFileChooserRequest request = { ELAB_FILE_CHOOSER_OPEN, "Open CSV", "_Open" };

  gtk_file_filter_set_name (csv, "CSV files");
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_set_name (all, "All files");
  gtk_file_filter_add_pattern (all, "*");
  g_list_store_append (filters, csv);
  g_list_store_append (filters, all);

  request.filters = G_LIST_MODEL (filters);
  g_cancellable_cancel (self->choosing);
  g_clear_object (&self->choosing);
  self->choosing = g_cancellable_new ();
  elab_file_chooser_ask (parent, &request, self->choosing, file_chosen_cb, self);
}

/* The chooser's button shows the title on one ellipsized line (the
 * titles are long); its list shows them whole, wrapped. */
static void
setup_item_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 10);
    }
  else
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 44);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_item_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      string != NULL ? gtk_string_object_get_string (string) : "");
}

static GtkListItemFactory *
label_factory_new (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item_cb), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item_cb), NULL);
  return factory;
}

static void
elab_data_chooser_dispose (GObject *object)
{
  ElabDataChooser *self = ELAB_DATA_CHOOSER (object);

  /* The chooser holds no reference: it closes with the widget. */
  g_cancellable_cancel (self->choosing);
  g_clear_object (&self->choosing);
  elab_data_chooser_set_run (self, NULL);
  g_clear_pointer (&self->ask_path, g_free);
  if (self->question != NULL)
    gtk_window_destroy (GTK_WINDOW (self->question));
  gtk_widget_dispose_template (GTK_WIDGET (object), ELAB_TYPE_DATA_CHOOSER);

  G_OBJECT_CLASS (elab_data_chooser_parent_class)->dispose (object);
}

static void
elab_data_chooser_class_init (ElabDataChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = elab_data_chooser_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/entropylab/EntropyLab/ui/elab-data-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, ElabDataChooser, box);
  gtk_widget_class_bind_template_child (widget_class, ElabDataChooser, dataset_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ElabDataChooser, dataset_model);
  gtk_widget_class_bind_template_child (widget_class, ElabDataChooser, columns_grid);
  gtk_widget_class_bind_template_child (widget_class, ElabDataChooser, x_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ElabDataChooser, y_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ElabDataChooser, columns_model);
  gtk_widget_class_bind_template_child (widget_class, ElabDataChooser, positive_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ElabDataChooser, positive_model);
  gtk_widget_class_bind_template_child (widget_class, ElabDataChooser, dataset_label);
  gtk_widget_class_bind_template_callback (widget_class, dataset_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, positive_selected_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
elab_data_chooser_init (ElabDataChooser *self)
{
  guint n_builtins = 0;
  const ElabDatasetInfo *builtins = elab_dataset_get_builtins (&n_builtins);
  g_autoptr(GtkListItemFactory) button = label_factory_new (TRUE);
  g_autoptr(GtkListItemFactory) list = label_factory_new (FALSE);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < n_builtins; i++)
    gtk_string_list_append (self->dataset_model, builtins[i].title);
  self->n_builtins = n_builtins;
  gtk_drop_down_set_factory (self->dataset_dropdown, button);
  gtk_drop_down_set_list_factory (self->dataset_dropdown, list);
}

void
elab_data_chooser_set_run (ElabDataChooser *self,
                           ElabTrainingRun *run)
{
  g_return_if_fail (ELAB_IS_DATA_CHOOSER (self));
  g_return_if_fail (run == NULL || ELAB_IS_TRAINING_RUN (run));

  if (self->run == run)
    return;

  if (self->run != NULL)
    g_signal_handlers_disconnect_by_data (self->run, self);
  g_set_object (&self->run, run);
  if (run != NULL)
    g_signal_connect_swapped (run, "data-changed", G_CALLBACK (elab_data_chooser_sync), self);
}

void
elab_data_chooser_sync (ElabDataChooser *self)
{
  g_return_if_fail (ELAB_IS_DATA_CHOOSER (self));

  if (document_of (self) == NULL)
    return;

  sync_dataset_chooser (self);
  update_dataset_label (self);
  ask_positive (self);
}
