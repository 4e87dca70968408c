/* sh-cli.h — what the sachhon-cli commands share.
 *
 * Each group of commands lives in its own sh-cli-*.c file and is listed in
 * the table in sachhon-cli.c. Exit status: 0 success, 1 the command failed
 * (EXIT_FAILURE), 2 it was called wrongly (SH_CLI_EXIT_USAGE).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sh-store.h"

G_BEGIN_DECLS

#define SH_CLI_EXIT_USAGE 2

typedef struct
{
  char    *db_path;   /* --db, or NULL for the default */
  ShStore *store;     /* opened on demand by sh_cli_open_store() */
} ShCli;

/* Prints the error and returns EXIT_FAILURE. */
int          sh_cli_fail                (GError        *error);
/* Prints a usage problem and returns SH_CLI_EXIT_USAGE. */
int          sh_cli_usage_error         (const char    *command,
                                         const char    *message);
gboolean     sh_cli_open_store          (ShCli         *cli,
                                         GError       **error);
/* Parses a command's options; on a usage problem prints it, sets *status
 * and returns FALSE. */
gboolean     sh_cli_parse_options       (const char    *command,
                                         const char    *parameter,
                                         GOptionEntry  *entries,
                                         int           *argc,
                                         char        ***argv,
                                         int           *status);
/* Parses a record number; same contract. */
gboolean     sh_cli_parse_id            (const char    *command,
                                         const char    *text,
                                         gint64        *out_id,
                                         int           *status);

/* Table cells aligned by characters, not bytes. */
void         sh_cli_print_cell          (GString       *line,
                                         const char    *text,
                                         int            width);
void         sh_cli_print_cell_right    (GString       *line,
                                         const char    *text,
                                         int            width);
void         sh_cli_print_line          (GString       *line);

const char  *sh_cli_kind_label          (const char    *kind);
const char  *sh_cli_status_label        (const char    *status);
const char  *sh_cli_option_status_label (const char    *status);

/* Commands: (cli, argc, argv) with argv[0] the command's name. */
int          sh_cli_command_demo        (ShCli         *cli,
                                         int            argc,
                                         char         **argv);
int          sh_cli_command_facilities  (ShCli         *cli,
                                         int            argc,
                                         char         **argv);
int          sh_cli_command_assessments (ShCli         *cli,
                                         int            argc,
                                         char         **argv);
int          sh_cli_command_show        (ShCli         *cli,
                                         int            argc,
                                         char         **argv);

int          sh_cli_command_generate    (ShCli         *cli,
                                         int            argc,
                                         char         **argv);

/* sh-cli-xml.c: XML reports. */
int          sh_cli_command_export      (ShCli         *cli,
                                         int            argc,
                                         char         **argv);
int          sh_cli_command_validate    (ShCli         *cli,
                                         int            argc,
                                         char         **argv);
int          sh_cli_command_import      (ShCli         *cli,
                                         int            argc,
                                         char         **argv);
int          sh_cli_command_rollup      (ShCli         *cli,
                                         int            argc,
                                         char         **argv);

int          sh_cli_command_chart       (ShCli         *cli,
                                         int            argc,
                                         char         **argv);

/* sh-cli-evidence.c: the printed dossier, the paper form, verification. */
int          sh_cli_command_evidence    (ShCli         *cli,
                                         int            argc,
                                         char         **argv);
int          sh_cli_command_form        (ShCli         *cli,
                                         int            argc,
                                         char         **argv);
int          sh_cli_command_verify      (ShCli         *cli,
                                         int            argc,
                                         char         **argv);

/* sh-cli-paper.c: "form enter", else the "form" above. */
int          sh_cli_command_form_any    (ShCli         *cli,
                                         int            argc,
                                         char         **argv);

/* sh-cli-refdata.c: reference data (version, import, list). */
int          sh_cli_command_refdata     (ShCli         *cli,
                                         int            argc,
                                         char         **argv);

G_END_DECLS
