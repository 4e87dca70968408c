/* sh-worksheet-util.h — the pieces every worksheet is built from.
 *
 * Worksheets (bảng biểu làm việc, DOMAIN.md §2.4) are columns of labelled
 * fields, record tables and computed values. These helpers give them one
 * look: a heading with a short explanation, a two-column form grid whose
 * labels name their inputs for screen readers, and "metric" boxes for the
 * numbers computed live. A worksheet that shows computed values refreshes
 * them through sh_worksheet_watch(), once per burst of edits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sh-edit-context.h"
#include "sh-field-check.h"
#include "sh-choices.h"
#include "sh-field-choice.h"
#include "sh-field-entry.h"
#include "sh-record-table.h"
#include "sh-tasks.h"

G_BEGIN_DECLS


/* A section: a heading, an optional explanation under it, then @child. */
GtkWidget   *sh_worksheet_section_new      (const char     *title,
                                            const char     *description,
                                            GtkWidget      *child);

/* A grid of "label  field" rows. */
GtkWidget   *sh_worksheet_form_new         (void);
/* Appends a row; the label names @field for assistive technologies. */
void         sh_worksheet_form_add         (GtkWidget      *form,
                                            const char     *label,
                                            GtkWidget      *field);

/* An ShFieldEntry with its accessible label set. */
GtkWidget   *sh_worksheet_entry_new        (ShEditContext  *ctx,
                                            const char     *table,
                                            gint64          id,
                                            const char     *column,
                                            ShFieldKind     kind,
                                            const char     *label);
/* An ShFieldChoice with its accessible label set, filled from a static
 * table of choices. */
GtkWidget   *sh_worksheet_choice_new       (ShEditContext  *ctx,
                                            const char     *table,
                                            gint64          id,
                                            const char     *column,
                                            const ShChoice *choices,
                                            gsize           n_choices,
                                            const char     *label);

/* An ShRecordTable that sh_worksheet_find_record_table() can find. */
GtkWidget   *sh_worksheet_record_table_new (ShEditContext      *ctx,
                                            const char         *table,
                                            const char         *parent_column,
                                            gint64              parent_id,
                                            const ShColumnSpec *columns,
                                            guint               n_columns);
/* The record table of @table under @root (the first one), or NULL. */
ShRecordTable *sh_worksheet_find_record_table (GtkWidget   *root,
                                               const char  *table);
/* The field (entry, choice or check made here or by a record table's
 * column) bound to @table.@column of row @id under @root, or NULL; @id 0
 * matches any row. */
GtkWidget   *sh_worksheet_find_field       (GtkWidget      *root,
                                            const char     *table,
                                            gint64          id,
                                            const char     *column);
/* An ShFieldCheck made findable. */
GtkWidget   *sh_worksheet_check_new        (ShEditContext  *ctx,
                                            const char     *table,
                                            gint64          id,
                                            const char     *column,
                                            const char     *label);

/* A drop-down of the assessment's options ("GP01 · title"), kept up to
 * date as options are added, renamed and deleted. */
GtkWidget   *sh_worksheet_option_picker_new (ShEditContext *ctx,
                                             const char    *label);
/* The option shown, or 0 when there is none. */
gint64       sh_worksheet_option_picker_get_option (GtkWidget *picker);
gboolean     sh_worksheet_option_picker_select     (GtkWidget *picker,
                                                    gint64     option_id);
/* "GP01 · title" of an option row. */
char        *sh_worksheet_option_label     (ShRecord       *option);

/* A caption above a large value; @out_value receives the value label. */
GtkWidget   *sh_worksheet_metric_new       (const char     *caption,
                                            GtkLabel      **out_value);
/* A row of metrics that wraps on narrow windows. */
GtkWidget   *sh_worksheet_metrics_new      (void);
void         sh_worksheet_metrics_add      (GtkWidget      *metrics,
                                            GtkWidget      *metric);

/* A dim, wrapping label for notes and explanations. */
GtkWidget   *sh_worksheet_note_new         (const char     *text);

/* Sets the CSS classes "good", "warning" or "bad" on @widget (none for
 * "neutral" or NULL). */
void         sh_worksheet_set_state_class  (GtkWidget      *widget,
                                            const char     *state);

/* Calls @refresh (with @owner) on the next idle after any change through
 * @ctx, however many changes came in between, and once now; while @owner
 * is not shown, when it is shown again. Stops when @owner is destroyed. */
typedef void (*ShWorksheetRefreshFunc) (GtkWidget *owner);
void         sh_worksheet_watch            (GtkWidget             *owner,
                                            ShEditContext         *ctx,
                                            ShWorksheetRefreshFunc refresh);

/* Whether the interface is in Vietnamese (reference data is bilingual). */
gboolean     sh_worksheet_prefers_vietnamese (void);
/* @vi or @en of a reference row, by the interface language. */
const char  *sh_worksheet_ref_text         (ShRecord       *row,
                                            const char     *vi_column,
                                            const char     *en_column);

/* A number for reading, grouped the Vietnamese way, with at most
 * @decimals places and no trailing zeros ("18", "7,8"). */
char        *sh_worksheet_format_decimal   (double          value,
                                            int             decimals);
/* A quantity: fewer decimals the larger it is. */
char        *sh_worksheet_format_quantity  (double          value);
/* A percentage with at most one decimal: "15%", "7,8%". */
char        *sh_worksheet_format_percent   (double          percent);

/* The symbolic icon and the words for a completeness state. */
const char  *sh_worksheet_completeness_icon  (ShCompleteness completeness);
const char  *sh_worksheet_completeness_label (ShCompleteness completeness);

G_END_DECLS
