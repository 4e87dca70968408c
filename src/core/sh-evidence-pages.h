/* sh-evidence-pages.h — a paginated A4 document drawn with Cairo and Pango.
 *
 * The printed dossier and the paper form are built as a flow of items
 * (paragraphs, tables, drawings) and cut into A4 pages once. Each page can
 * then be drawn on any cairo_t whose user space is the sheet in points with
 * the origin at its top-left corner: a PDF surface for the CLI, the print
 * context of a GtkPrintOperation for the app. Text is measured with a Pango
 * context of our own (unhinted metrics at 72 dpi), never the target's, so
 * the print preview, the printer and the PDF get the same pages.
 *
 * Every page has a running header (two texts over a rule), a footer line
 * (the tamper-evidence line of a dossier) and "page x/y".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* A4 in points, and margins fit for binding on the left (Decree 30/2020:
 * left 30–35 mm, right 15–20 mm, top and bottom 20–25 mm). */
#define SH_EVIDENCE_PAGE_WIDTH    595.2756
#define SH_EVIDENCE_PAGE_HEIGHT   841.8898
#define SH_EVIDENCE_MARGIN_LEFT   (30.0 * 72.0 / 25.4)
#define SH_EVIDENCE_MARGIN_RIGHT  (15.0 * 72.0 / 25.4)
#define SH_EVIDENCE_MARGIN_TOP    (20.0 * 72.0 / 25.4)
#define SH_EVIDENCE_MARGIN_BOTTOM (20.0 * 72.0 / 25.4)

typedef enum
{
  SH_EVIDENCE_TEXT_TITLE,       /* centred, large, bold */
  SH_EVIDENCE_TEXT_SUBTITLE,    /* centred, bold */
  SH_EVIDENCE_TEXT_CENTER,      /* centred body text */
  SH_EVIDENCE_TEXT_HEADING,     /* section heading; kept with what follows */
  SH_EVIDENCE_TEXT_SUBHEADING,  /* kept with what follows */
  SH_EVIDENCE_TEXT_BODY,        /* justified body text */
  SH_EVIDENCE_TEXT_SMALL,       /* notes and sources */
  SH_EVIDENCE_TEXT_MONO,        /* hashes and identifiers */
} ShEvidenceTextStyle;

typedef enum
{
  SH_EVIDENCE_ALIGN_LEFT,
  SH_EVIDENCE_ALIGN_CENTER,
  SH_EVIDENCE_ALIGN_RIGHT,
} ShEvidenceAlign;

/* Draws into the box (@x, @y, @width × @height), in points. */
typedef void (*ShEvidenceDrawFunc) (cairo_t *cr,
                                    double   x,
                                    double   y,
                                    double   width,
                                    double   height,
                                    gpointer user_data);

typedef struct _ShEvidencePages ShEvidencePages;

ShEvidencePages *sh_evidence_pages_new          (void);
void             sh_evidence_pages_free         (ShEvidencePages     *self);

/* The running header: @left (the facility) and @right (the dossier
 * number); plain text, either may be NULL. */
void             sh_evidence_pages_set_header   (ShEvidencePages     *self,
                                                 const char          *left,
                                                 const char          *right);
/* The footer line above "page x/y"; plain text, may hold a newline. */
void             sh_evidence_pages_set_footer   (ShEvidencePages     *self,
                                                 const char          *footer);
/* The word before "x/y" in the footer: "Trang" prints "Trang 3/12". */
void             sh_evidence_pages_set_page_word (ShEvidencePages    *self,
                                                 const char          *word);
/* The document title for the PDF metadata. */
void             sh_evidence_pages_set_title    (ShEvidencePages     *self,
                                                 const char          *title);

/* Content, in order. Text is Pango markup: escape data with
 * g_markup_escape_text() or g_markup_printf_escaped(). */
void             sh_evidence_pages_add_text     (ShEvidencePages     *self,
                                                 ShEvidenceTextStyle  style,
                                                 const char          *markup);
void             sh_evidence_pages_add_space    (ShEvidencePages     *self,
                                                 double               points);
void             sh_evidence_pages_add_page_break (ShEvidencePages   *self);
/* A drawing of a fixed @height across the text width. */
void             sh_evidence_pages_add_drawing  (ShEvidencePages     *self,
                                                 double               height,
                                                 ShEvidenceDrawFunc   draw,
                                                 gpointer             user_data,
                                                 GDestroyNotify       destroy);

/* A table: @n_columns columns whose @widths are fractions of the text
 * width, @headers (markup) repeated at the top of each page it runs onto,
 * and each column's alignment (NULL: all left). Rows that do not fit go to
 * the next page whole. */
void             sh_evidence_pages_begin_table  (ShEvidencePages     *self,
                                                 guint                n_columns,
                                                 const double        *widths,
                                                 const char * const  *headers,
                                                 const ShEvidenceAlign *aligns);
/* @cells: @n_columns markup strings (NULL for an empty cell). */
void             sh_evidence_pages_add_row      (ShEvidencePages     *self,
                                                 const char * const  *cells);
/* A row of a fixed minimum height, e.g. room to write by hand. */
void             sh_evidence_pages_add_row_sized (ShEvidencePages    *self,
                                                 const char * const  *cells,
                                                 double               min_height);
void             sh_evidence_pages_end_table    (ShEvidencePages     *self);

/* The width the content can use, in points. */
double           sh_evidence_pages_get_text_width (ShEvidencePages   *self);

/* Cuts the content into pages (once; later calls return the same count). */
guint            sh_evidence_pages_get_n_pages  (ShEvidencePages     *self);
/* Draws page @page (0-based) on @cr: white sheet, header, content, footer. */
void             sh_evidence_pages_draw_page    (ShEvidencePages     *self,
                                                 cairo_t             *cr,
                                                 guint                page);
/* Writes every page to a PDF file (fonts embedded by Cairo). */
gboolean         sh_evidence_pages_write_pdf    (ShEvidencePages     *self,
                                                 const char          *path,
                                                 GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShEvidencePages, sh_evidence_pages_free)

G_END_DECLS
