/* sh-sankey-render.h — draws a laid-out flow diagram on any cairo_t.
 *
 * One drawing serves the screen, PNG, PDF, SVG and print: a white page with
 * a title and caption on top, the diagram, then a legend and a note on the
 * flows the caller could not convert. Text is DejaVu Sans through PangoCairo
 * with unhinted metrics, so a PNG and a PDF of the same page agree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "sh-sankey.h"

G_BEGIN_DECLS

/* Returns a newly allocated text for @value, without the unit. */
typedef char *(*ShSankeyFormatFunc) (double   value,
                                     gpointer user_data);

typedef struct
{
  const char         *title;            /* facility and assessment; may be NULL */
  const char         *caption;          /* layer, period, scale; may hold newlines */
  const char * const *notes;            /* NULL-terminated flows not converted; may be NULL */
  const char         *font_family;      /* default "DejaVu Sans" */
  double              font_size;        /* body text in user units; default 10 */
  gboolean            show_legend;      /* default TRUE */
  gboolean            show_link_labels; /* default TRUE */
  ShSankeyFormatFunc  format;           /* NULL: Vietnamese, 1.234,5 */
  gpointer            format_data;
} ShSankeyStyle;

void             sh_sankey_style_init       (ShSankeyStyle         *style);

/* Measures the title, caption, legend, notes and the labels that stand
 * beside the first and last columns on a @width × @height page, and lays
 * @graph out in the room left. @cr only supplies font metrics. */
ShSankeyLayout  *sh_sankey_render_layout    (cairo_t               *cr,
                                             ShSankeyGraph         *graph,
                                             const ShSankeyOptions *options,
                                             const ShSankeyStyle   *style,
                                             double                 width,
                                             double                 height,
                                             GError               **error);

/* Draws the page for @layout, which should come from
 * sh_sankey_render_layout() with the same @style and size. */
void             sh_sankey_render           (cairo_t               *cr,
                                             const ShSankeyLayout  *layout,
                                             const ShSankeyStyle   *style,
                                             double                 width,
                                             double                 height);

/* What a tooltip says about @hit: a flow's ends, value, kind and
 * provenance, or a node's inflow, outflow and closure error. */
char            *sh_sankey_render_describe  (const ShSankeyLayout  *layout,
                                             const ShSankeyStyle   *style,
                                             const ShSankeyHit     *hit);

G_END_DECLS
