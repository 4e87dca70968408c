/* sh-choices.h — the fixed choices of the schema's CHECK constraints.
 *
 * Each table lists the codes a column may hold, with the words shown for
 * them (marked N_(), translated when shown), in the order they are offered.
 * The app's drop-downs, the Excel workbooks and the printed forms use the
 * same tables, so a code reads the same everywhere.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One choice of a static table. Labels are marked with N_() (or NC_() with
 * a context in @label_context) and translated when shown. */
typedef struct
{
  const char *code;
  const char *label;
  const char *label_context;
} ShChoice;

/* The fixed choices of the schema's CHECK constraints, with their labels. */
extern const ShChoice sh_choices_role[3];
extern const ShChoice sh_choices_funding[5];
extern const ShChoice sh_choices_size[4];
extern const ShChoice sh_choices_phase[2];
extern const ShChoice sh_choices_category[6];
extern const ShChoice sh_choices_resource[15];
extern const ShChoice sh_choices_data_source[4];
extern const ShChoice sh_choices_flow_kind[7];
extern const ShChoice sh_choices_flow_period[5];
extern const ShChoice sh_choices_provenance[3];
extern const ShChoice sh_choices_severity[3];
extern const ShChoice sh_choices_verdict[3];
extern const ShChoice sh_choices_option_status[5];
extern const ShChoice sh_choices_action_status[4];
extern const ShChoice sh_choices_env_indicator[7];
extern const ShChoice sh_choices_investment[6];
extern const ShChoice sh_choices_capacity_unit[9];
extern const ShChoice sh_choices_indicator_unit[16];
/* A walk-through checklist answer. */
extern const ShChoice sh_choices_answer[3];

/* The translated words for @code in @choices, or @code itself when it is
 * not among them. */
const char  *sh_choice_label   (const ShChoice *choices,
                                gsize           n_choices,
                                const char     *code);

#define SH_CHOICE_LABEL(table, code) sh_choice_label ((table), G_N_ELEMENTS (table), (code))

G_END_DECLS
