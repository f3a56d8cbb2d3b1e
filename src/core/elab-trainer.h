/* elab-trainer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fits p(x) = σ(w·x + b) to a data set by minimising the mean
 * cross-entropy L(w, b) = −(1/N)·Σ [y·log ŷ + (1−y)·log(1−ŷ)], or the mean
 * squared error L(w, b) = (1/N)·Σ (ŷ − y)², one step at a time so the
 * window can animate it. Cross-entropies are in nats (multiply by
 * elab_trainer_loss_factor() for bits); a squared error has no unit. w and
 * b are always on the data's own scale, whatever the optimizer works in.
 * Every number a getter returns is finite.
 */
#pragma once

#include <glib.h>

#include "elab-dataset.h"
#include "elab-state.h"

G_BEGIN_DECLS

typedef struct _ElabTrainer ElabTrainer;

typedef enum
{
  ELAB_TRAIN_STATUS_RUNNING,            /* more steps to take */
  ELAB_TRAIN_STATUS_CONVERGED,          /* gradient norm below the tolerance (Newton: a negligible step) */
  ELAB_TRAIN_STATUS_MAX_STEPS,          /* not converged within max_steps */
  ELAB_TRAIN_STATUS_DIVERGED,           /* the loss blew up: learning rate too large */
  ELAB_TRAIN_STATUS_NO_FINITE_OPTIMUM,  /* separable data: w or b runs off to ∞ */
} ElabTrainStatus;

typedef struct
{
  ElabOptimizer optimizer;
  double        learning_rate;  /* > 0; Newton ignores it */
  double        momentum;       /* [0, 1), momentum only */
  guint         max_steps;      /* 0: no limit (an animation that runs on) */
  gboolean      standardize;    /* gd/momentum work on (x − mean)/sd */
  gboolean      use_bias;
  double        init_w;         /* on the data's scale */
  double        init_b;
  double        tolerance;      /* on the gradient norm, nats per unit; Newton stops
                                 * instead when its step is a billionth of the
                                 * standardised parameters, whatever x's scale */
  ElabLoss      loss;           /* what is minimised; Newton steps only where
                                 * its Hessian is positive definite */
} ElabTrainerSettings;

#define ELAB_TRAINER_SETTINGS_INIT \
  ((ElabTrainerSettings) { ELAB_OPTIMIZER_GD, 0.1, 0.9, 1000, FALSE, TRUE, 0.0, 0.0, 1e-8, \
                           ELAB_LOSS_CROSS_ENTROPY })

/* Most history points kept; beyond it the history is thinned by half
 * (keeping the first and the latest point), so an hour-long animation
 * stores a bounded number of points. */
#define ELAB_TRAINER_HISTORY_CAP 4096

/* Rows at or above which a data set counts as large: a step over it
 * takes long enough that the window builds such a trainer off its main
 * loop. */
#define ELAB_TRAINER_PARALLEL_ROWS 65536

typedef struct
{
  guint64 step;
  double  loss;       /* nats */
  double  w;
  double  b;
  double  grad_norm;
} ElabTrainPoint;

const char      *elab_train_status_to_string    (ElabTrainStatus status);

/* A trainer at the settings' initial point (step 0), holding a reference
 * to @dataset (which must have at least one row). Computes the Newton
 * optimum up front, a few passes over the data. */
ElabTrainer     *elab_trainer_new               (ElabDataset                *dataset,
                                                 const ElabTrainerSettings  *settings);
void             elab_trainer_free              (ElabTrainer                *self);

/* The trainer settings an ElabState's Training page describes. */
void             elab_trainer_settings_from_state (const ElabState         *state,
                                                   ElabTrainerSettings     *res);
/* Loads the state's data set (built-in name or CSV path, with its x and y
 * columns) and returns a trainer at step 0, or NULL with @error set
 * (G_FILE_ERROR, or the CSV reader's FILE:LINE errors). */
ElabTrainer     *elab_trainer_new_for_state     (const ElabState            *state,
                                                 GError                    **error);

/* Back to step 0; replaces the settings when @settings is not NULL. */
void             elab_trainer_reset             (ElabTrainer                *self,
                                                 const ElabTrainerSettings  *settings);

/* Takes up to @n_steps steps, one pass over the data each (Newton's line
 * search may add passes). Stops early when training ends. Returns the
 * number of steps taken. */
guint            elab_trainer_step              (ElabTrainer                *self,
                                                 guint                       n_steps);

/* Kept for callers of earlier versions: a pass runs on the caller's
 * thread whatever @n_threads. */
void             elab_trainer_set_threads       (ElabTrainer                *self,
                                                 guint                       n_threads);

/* Every trainer's passes use the build of the pass for @lanes doubles
 * per vector: 4 (AVX2 with FMA), 2 (any CPU), or 0 for the widest this
 * CPU runs, the default. Results agree to rounding (the
 * order of the sums, FMA or not). For tests and benchmarks; call it
 * between steps. Returns the width now in use, or 0 (nothing changed)
 * when this CPU cannot run @lanes. */
guint            elab_trainer_set_vector_width  (guint                       lanes);

gboolean         elab_trainer_is_done           (const ElabTrainer          *self);
ElabTrainStatus  elab_trainer_get_status        (const ElabTrainer          *self);
gboolean         elab_trainer_get_converged     (const ElabTrainer          *self);
/* A sentence for the user explaining the status (e.g. suggesting a
 * smaller learning rate after a divergence). */
const char      *elab_trainer_get_message       (const ElabTrainer          *self);

guint64          elab_trainer_get_steps         (const ElabTrainer          *self);
double           elab_trainer_get_w             (const ElabTrainer          *self);
double           elab_trainer_get_b             (const ElabTrainer          *self);
double           elab_trainer_get_loss          (const ElabTrainer          *self);
/* ∂L/∂w = mean((ŷ−y)·x), ∂L/∂b = mean(ŷ−y) at the current w, b (the
 * squared error: mean(2(ŷ−y)·ŷ(1−ŷ)·x), mean(2(ŷ−y)·ŷ(1−ŷ))). */
void             elab_trainer_get_gradient      (const ElabTrainer          *self,
                                                 double                     *res_dw,
                                                 double                     *res_db);
double           elab_trainer_get_grad_norm     (const ElabTrainer          *self);

ElabDataset     *elab_trainer_get_dataset       (const ElabTrainer          *self);
const ElabTrainerSettings *
                 elab_trainer_get_settings      (const ElabTrainer          *self);
/* Changes whenever the data or the settings change (new, reset with
 * settings): with the trainer's address, a key for caches such as the
 * loss landscape. */
guint            elab_trainer_get_generation    (const ElabTrainer          *self);

/* The stored path, oldest first; its last point is always the current
 * step. At most ELAB_TRAINER_HISTORY_CAP points. */
const ElabTrainPoint *
                 elab_trainer_get_history       (const ElabTrainer          *self,
                                                 gsize                      *n_res);

/* The maximum-likelihood w, b and loss (nats) found by Newton's method
 * with a line search. FALSE, with NAN results, when there is no finite
 * optimum (separable data). */
gboolean         elab_trainer_get_optimum       (const ElabTrainer          *self,
                                                 double                     *res_w,
                                                 double                     *res_b,
                                                 double                     *res_loss);
/* TRUE when the labels are separable by a threshold on x (or by the sign
 * of x without a bias): the loss has no finite minimiser. */
gboolean         elab_trainer_is_separable      (const ElabTrainer          *self);

/* L(w, b) in nats (the squared error: unitless) at any point, computed in
 * logits: finite for any finite w, b. */
double           elab_trainer_loss_at           (const ElabTrainer          *self,
                                                 double                      w,
                                                 double                      b);

/* An evenly spaced grid over (w, b), ends included: @n_w values of w
 * from @w_min to @w_max, @n_b of b from @b_min to @b_max. */
typedef struct
{
  double w_min;
  double w_max;
  guint  n_w;
  double b_min;
  double b_max;
  guint  n_b;
} ElabLossGrid;

/* Fills @res (n_b rows of n_w values, row j at b_j) with @loss's
 * L(w_i, b_j) over @grid, whichever loss the trainer minimises (the
 * landscape draws both side by side): in nats, the squared error
 * unitless. Data sets over 8192 rows are evenly subsampled to 8192 rows,
 * so the grid costs at most n_w·n_b·8192 evaluations. */
void             elab_trainer_loss_grid_of      (const ElabTrainer          *self,
                                                 ElabLoss                    loss,
                                                 const ElabLossGrid         *grid,
                                                 double                     *res);

/* What multiplies a loss the trainer reports to show it in @unit: the
 * cross-entropy's nats become bits; a squared error has no unit (1). */
double           elab_trainer_loss_factor       (ElabLoss                    loss,
                                                 ElabUnit                    unit);
/* "cross-entropy" or "squared error", for read-outs and axis titles. */
const char      *elab_loss_describe             (ElabLoss                    loss);

/* One example's loss −[y·log σ(z) + (1−y)·log(1−σ(z))] in nats at
 * z = w·x + b; finite for finite inputs, small losses kept to full
 * relative precision. */
double           elab_trainer_example_loss       (double                     x,
                                                  double                     y,
                                                  double                     w,
                                                  double                     b);

/* One example's squared error (σ(z) − y)² at z = w·x + b, with its
 * derivative in z, 2(σ(z) − y)·σ′(z), in @res_dz (may be NULL). The
 * residual comes from e^(−|z|) on the side it is small, so both keep
 * their relative precision for any finite z. */
double           elab_trainer_example_squared_error (double                 x,
                                                     double                 y,
                                                     double                 w,
                                                     double                 b,
                                                     double                *res_dz);

/* Each example's loss (−[y·log ŷ + (1−y)·log(1−ŷ)] in nats, or (ŷ − y)²)
 * at the current w, b, for the first @n rows (n ≤ rows). */
void             elab_trainer_get_example_losses (const ElabTrainer         *self,
                                                  double                    *res,
                                                  gsize                      n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElabTrainer, elab_trainer_free)

G_END_DECLS
