/* sh-sankey-render.c — draws a laid-out flow diagram with Cairo and Pango.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "sh-sankey-render.h"

#define LABEL_GAP      4.0   /* between a node or stub and its label */
#define LABEL_SPACING  5.0   /* between two labels of one column side */
#define GRID_CELL     48.0   /* cell of the index that finds overlapping labels */

typedef struct
{
  double r;
  double g;
  double b;
} Rgb;

#define RGB(hex) \
  { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

/* Hues tell the kinds apart on screen; the lightness steps (grey values
 * about 47, 74, 106, 131, 165, 189, 208 before transparency) tell them apart
 * on a black-and-white printout, darkest for what matters most. */
static const struct
{
  Rgb         colour;
  const char *name;
} kinds[SH_SANKEY_N_LINK_KINDS] = {
  [SH_SANKEY_LINK_MATERIAL]   = { RGB (0xB07A3A), "Nguyên liệu / material" },
  [SH_SANKEY_LINK_WATER]      = { RGB (0x2B7BBA), "Nước / water" },
  [SH_SANKEY_LINK_ENERGY]     = { RGB (0xFFD24A), "Năng lượng / energy" },
  [SH_SANKEY_LINK_PRODUCT]    = { RGB (0x123F27), "Sản phẩm / product" },
  [SH_SANKEY_LINK_BY_PRODUCT] = { RGB (0xA6D96A), "Phụ phẩm / by-product" },
  [SH_SANKEY_LINK_WASTE]      = { RGB (0xB01E1E), "Chất thải / waste" },
  [SH_SANKEY_LINK_EMISSION]   = { RGB (0xA89CC8), "Phát thải / emission" },
};

static const Rgb ink = RGB (0x1A1A1A);
static const Rgb ink_soft = RGB (0x4D4D4D);
static const Rgb flag_colour = RGB (0xB01E1E);
static const Rgb step_colour = RGB (0x263238);
static const Rgb source_colour = RGB (0x546E7A);
static const Rgb sink_colour = RGB (0x78909C);
static const Rgb stub_fill = RGB (0xE6E6E6);
static const Rgb stub_line = RGB (0x7A7A7A);
static const Rgb leader_colour = RGB (0x9E9E9E);

#define MEASURED_ALPHA   0.72
#define ESTIMATED_ALPHA  0.32

#define UNACCOUNTED_TEXT "không xác định / unaccounted"
#define ESTIMATED_TEXT   "ước tính / estimated"

typedef struct
{
  cairo_t              *cr;
  ShSankeyStyle         style;
  PangoContext         *context;
  PangoFontDescription *body;
  PangoFontDescription *small;
  PangoFontDescription *title;
  PangoLayout          *text;       /* scratch layout for measuring */
} Painter;

typedef struct
{
  PangoLayout *text;
  double       width;
  double       height;
  double       offset_x;    /* logical rect offset inside the layout */
  double       x;           /* left edge once placed */
  double       y;           /* top edge once placed */
  double       want_y;      /* centre it would like */
  double       lead_x;      /* where a leader line to it starts */
  guint        group;       /* column × 2 + side: labels that may collide */
  gboolean     boxed;       /* stands over bands: gets a white card */
  double       priority;    /* who keeps a label when a column has no room */
  gboolean     hidden;
} Label;

typedef struct
{
  double       margin;
  double       title_y;
  double       caption_y;
  ShSankeyRect plot;        /* the diagram and the labels beside it */
  double       footer_y;
  double       legend_height;
  double       notes_y;
} Frame;

typedef enum
{
  ENTRY_KIND,
  ENTRY_ESTIMATED,
  ENTRY_UNACCOUNTED,
  ENTRY_FLAGGED,
  ENTRY_SCALE,
} EntryType;

/* A coarse grid over the page, so that placing a label checks only the
 * labels near it instead of all of them. */
typedef struct
{
  double  x0;
  double  y0;
  guint   cols;
  guint   rows;
  GArray *rects;    /* ShSankeyRect */
  GArray **cells;   /* indices into rects */
} RectGrid;

/* --------------------------------------------------------------- numbers */

/* Vietnamese style: dot between thousands, comma before decimals. */
static char *
format_number (double value,
               int    decimals)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  const char *dot;
  gsize int_len;
  gboolean negative;
  GString *out;

  switch (decimals)
    {
    case 0:
      g_ascii_formatd (buf, sizeof buf, "%.0f", fabs (value));
      break;
    case 1:
      g_ascii_formatd (buf, sizeof buf, "%.1f", fabs (value));
      break;
    case 2:
      g_ascii_formatd (buf, sizeof buf, "%.2f", fabs (value));
      break;
    default:
      g_ascii_formatd (buf, sizeof buf, "%.3f", fabs (value));
      break;
    }

  /* A value that rounds to zero is shown without a sign. */
  negative = value < 0 && strspn (buf, "0.") != strlen (buf);
  dot = strchr (buf, '.');
  int_len = dot != NULL ? (gsize) (dot - buf) : strlen (buf);

  out = g_string_new (negative ? "−" : NULL);
  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0)
        g_string_append_c (out, '.');
      g_string_append_c (out, buf[i]);
    }
  if (dot != NULL)
    {
      g_string_append_c (out, ',');
      g_string_append (out, dot + 1);
    }

  return g_string_free (out, FALSE);
}

static char *
format_value (const ShSankeyStyle *style,
              double               value)
{
  if (style->format != NULL)
    return style->format (value, style->format_data);

  if (value == 0)
    return g_strdup ("0");

  /* Quantities of a unit or more read best with one decimal; smaller ones
   * would show as 0,0, so they get three. */
  return format_number (value, fabs (value) >= 1 ? 1 : 3);
}

static char *
format_amount (const ShSankeyStyle *style,
               const char          *unit,
               double               value)
{
  g_autofree char *number = format_value (style, value);

  if (unit == NULL || *unit == '\0')
    return g_steal_pointer (&number);
  /* A no-break space, so that a wrapped label never strands its unit. */
  return g_strdup_printf ("%s\u00a0%s", number, unit);
}

static char *
format_percent (double value)
{
  g_autofree char *number = format_number (value, 1);

  return g_strdup_printf ("%s\u00a0%%", number);
}

/* --------------------------------------------------------------- painter */

static PangoFontDescription *
make_font (const ShSankeyStyle *style,
           double               size,
           PangoWeight          weight)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, style->font_family);
  pango_font_description_set_weight (font, weight);
  /* Absolute sizes are in user units, so a page has the same proportions
   * on an image surface (pixels) and a PDF surface (points). */
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);

  return font;
}

static void
init_painter (Painter             *p,
              cairo_t             *cr,
              const ShSankeyStyle *style)
{
  cairo_font_options_t *options;
  double size;

  memset (p, 0, sizeof *p);
  p->cr = cr;
  if (style != NULL)
    p->style = *style;
  else
    sh_sankey_style_init (&p->style);
  if (p->style.font_family == NULL)
    p->style.font_family = "DejaVu Sans";
  if (p->style.font_size <= 0)
    p->style.font_size = 10;
  size = p->style.font_size;

  p->context = pango_cairo_create_context (cr);
  /* Unhinted metrics and unrounded positions make text measure the same on
   * every surface, so labels placed for the screen also fit in the PDF. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (p->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (p->context, FALSE);

  p->body = make_font (&p->style, size, PANGO_WEIGHT_NORMAL);
  p->small = make_font (&p->style, size * 0.85, PANGO_WEIGHT_NORMAL);
  p->title = make_font (&p->style, size * 1.45, PANGO_WEIGHT_BOLD);
  p->text = pango_layout_new (p->context);
}

static void
clear_painter (Painter *p)
{
  g_clear_object (&p->text);
  g_clear_object (&p->context);
  g_clear_pointer (&p->body, pango_font_description_free);
  g_clear_pointer (&p->small, pango_font_description_free);
  g_clear_pointer (&p->title, pango_font_description_free);
}

static void
set_text (PangoLayout                *text,
          const PangoFontDescription *font,
          const char                 *markup,
          double                      wrap,
          PangoAlignment              align)
{
  pango_layout_set_font_description (text, font);
  pango_layout_set_width (text, wrap > 0 ? (int) (wrap * PANGO_SCALE) : -1);
  pango_layout_set_wrap (text, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (text, align);
  pango_layout_set_markup (text, markup, -1);
}

static void
get_text_size (PangoLayout *text,
               double      *width,
               double      *height,
               double      *offset_x)
{
  PangoRectangle logical;

  pango_layout_get_extents (text, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
  if (offset_x != NULL)
    *offset_x = (double) logical.x / PANGO_SCALE;
}

static double
measure (Painter                    *p,
         const PangoFontDescription *font,
         const char                 *markup,
         double                      wrap,
         double                     *width)
{
  double height;

  set_text (p->text, font, markup, wrap, PANGO_ALIGN_LEFT);
  get_text_size (p->text, width, &height, NULL);
  return height;
}

static void
set_rgb (cairo_t   *cr,
         const Rgb *c,
         double     alpha)
{
  cairo_set_source_rgba (cr, c->r, c->g, c->b, alpha);
}

/* Draws @text with its top-left at (@x, @y). Text stays text (never a
 * path), so a PDF of the diagram can be searched and copied from. */
static void
show_text (Painter     *p,
           PangoLayout *text,
           double       x,
           double       y)
{
  cairo_move_to (p->cr, x, y);
  set_rgb (p->cr, &ink, 1);
  pango_cairo_show_layout (p->cr, text);
}

/* ----------------------------------------------------------------- style */

void
sh_sankey_style_init (ShSankeyStyle *style)
{
  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);
  style->font_family = "DejaVu Sans";
  style->font_size = 10;
  style->show_legend = TRUE;
  style->show_link_labels = TRUE;
}

/* ---------------------------------------------------------------- legend */

static gboolean
has_entry (const ShSankeyLayout *layout,
           const ShSankeyGraph  *graph,
           EntryType             type,
           ShSankeyLinkKind      kind)
{
  const ShSankeyNode *nodes;
  const ShSankeyLink *links;
  guint n_nodes, n_links;

  if (layout == NULL)
    {
      /* Before the first layout only the kinds are known; assume the rest
       * present, which errs toward a legend too tall rather than one that
       * does not fit. */
      return type != ENTRY_KIND || sh_sankey_graph_get_n_links (graph) > 0;
    }

  nodes = sh_sankey_layout_get_nodes (layout, &n_nodes);
  links = sh_sankey_layout_get_links (layout, &n_links);

  switch (type)
    {
    case ENTRY_KIND:
      for (guint i = 0; i < n_links; i++)
        if (links[i].kind == kind)
          return TRUE;
      return FALSE;
    case ENTRY_ESTIMATED:
      for (guint i = 0; i < n_links; i++)
        if (links[i].estimated)
          return TRUE;
      return FALSE;
    case ENTRY_UNACCOUNTED:
      for (guint i = 0; i < n_nodes; i++)
        if (nodes[i].stub_side != SH_SANKEY_SIDE_NONE
            || nodes[i].kind == SH_SANKEY_NODE_UNACCOUNTED)
          return TRUE;
      return FALSE;
    case ENTRY_FLAGGED:
      for (guint i = 0; i < n_nodes; i++)
        if (nodes[i].flagged)
          return TRUE;
      return FALSE;
    case ENTRY_SCALE:
      return sh_sankey_layout_get_scale (layout) > 0 && n_links > 0;
    default:
      g_assert_not_reached ();
    }
}

/* A round amount (1, 2 or 5 × 10ⁿ) that draws at most @room high. */
static double
round_amount (double scale,
              double room)
{
  double raw = room / scale;
  double power = pow (10, floor (log10 (raw)));

  if (5 * power <= raw)
    return 5 * power;
  if (2 * power <= raw)
    return 2 * power;
  return power;
}

static void
fill_hatched (Painter *p,
              double   x0,
              double   y0,
              double   x1,
              double   y1)
{
  cairo_t *cr = p->cr;
  double h = y1 - y0;

  cairo_save (cr);
  cairo_rectangle (cr, x0, y0, x1 - x0, h);
  set_rgb (cr, &stub_fill, 1);
  cairo_fill_preserve (cr);
  cairo_clip (cr);
  /* Lines rather than a repeating tile: a tiled pattern shows seams in
   * some PDF viewers, and these blocks are few. */
  for (double d = -h; d < x1 - x0; d += 4)
    {
      cairo_move_to (cr, x0 + d, y1);
      cairo_line_to (cr, x0 + d + h, y0);
    }
  set_rgb (cr, &stub_line, 1);
  cairo_set_line_width (cr, 0.7);
  cairo_stroke (cr);
  cairo_restore (cr);

  cairo_rectangle (cr, x0, y0, x1 - x0, h);
  set_rgb (cr, &stub_line, 1);
  cairo_set_line_width (cr, 0.6);
  cairo_stroke (cr);
}

static char *
make_entry_markup (const ShSankeyLayout *layout,
                   const ShSankeyStyle  *style,
                   EntryType             type,
                   ShSankeyLinkKind      kind,
                   double               *amount)
{
  g_autofree char *text = NULL;
  const char *unit = sh_sankey_graph_get_unit (sh_sankey_layout_get_graph (layout));

  switch (type)
    {
    case ENTRY_KIND:
      return g_markup_escape_text (kinds[kind].name, -1);
    case ENTRY_ESTIMATED:
      return g_strdup (ESTIMATED_TEXT);
    case ENTRY_UNACCOUNTED:
      return g_strdup (UNACCOUNTED_TEXT);
    case ENTRY_FLAGGED:
      {
        const ShSankeyOptions *options = sh_sankey_layout_get_options (layout);
        g_autofree char *tolerance = format_percent (options->tolerance);

        return g_markup_printf_escaped ("⚠ lệch cân bằng &gt; %s / closure error over %s",
                                        tolerance, tolerance);
      }
    case ENTRY_SCALE:
      *amount = round_amount (sh_sankey_layout_get_scale (layout), 3 * style->font_size);
      /* A round amount needs no decimals (unless it is below one). */
      if (style->format == NULL && *amount >= 1)
        {
          g_autofree char *number = format_number (*amount, 0);

          text = g_strdup_printf ("%s\u00a0%s", number, unit);
        }
      else
        text = format_amount (style, unit, *amount);
      return g_markup_printf_escaped ("= %s (thang đo / scale)", text);
    default:
      g_assert_not_reached ();
    }
}

static void
draw_swatch (Painter              *p,
             const ShSankeyLayout *layout,
             EntryType             type,
             ShSankeyLinkKind      kind,
             double                amount,
             double                x,
             double                y,
             double                w,
             double                h)
{
  cairo_t *cr = p->cr;

  switch (type)
    {
    case ENTRY_KIND:
      cairo_rectangle (cr, x, y, w, h);
      set_rgb (cr, &kinds[kind].colour, MEASURED_ALPHA);
      cairo_fill (cr);
      break;
    case ENTRY_ESTIMATED:
      {
        static const double dash[] = { 3, 2 };

        cairo_rectangle (cr, x, y, w, h);
        set_rgb (cr, &ink_soft, ESTIMATED_ALPHA);
        cairo_fill_preserve (cr);
        cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
        cairo_set_line_width (cr, 0.8);
        set_rgb (cr, &ink_soft, 1);
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);
      }
      break;
    case ENTRY_UNACCOUNTED:
      fill_hatched (p, x, y, x + w, y + h);
      break;
    case ENTRY_FLAGGED:
      cairo_rectangle (cr, x + w / 2 - 3, y - 1, 6, h + 2);
      set_rgb (cr, &step_colour, 1);
      cairo_fill_preserve (cr);
      set_rgb (cr, &flag_colour, 1);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      break;
    case ENTRY_SCALE:
      /* A bar as tall as the amount it names, at the diagram's scale. */
      cairo_rectangle (cr, x + w / 2 - 3, y, 6, h);
      set_rgb (cr, &step_colour, 1);
      cairo_fill (cr);
      break;
    default:
      g_assert_not_reached ();
    }
}

typedef struct
{
  EntryType         type;
  ShSankeyLinkKind  kind;
  char             *markup;
  double            amount;
  double            text_width;
  double            text_height;
  double            swatch_height;
  double            x;
  guint             row;
} Entry;

/* Lays the legend out in rows across @width, each entry centred on its
 * row; draws it when @draw. Returns its height. */
static double
run_legend (Painter              *p,
            const ShSankeyLayout *layout,
            const ShSankeyGraph  *graph,
            double                x0,
            double                y0,
            double                width,
            gboolean              draw)
{
  double size = p->style.font_size;
  double swatch_w = 2 * size, swatch_h = 0.9 * size;
  Entry entries[SH_SANKEY_N_LINK_KINDS + ENTRY_SCALE];
  double row_height[G_N_ELEMENTS (entries)] = { 0, };
  guint n = 0, rows = 0;
  double x = x0, y, total = 0;

  if (!p->style.show_legend)
    return 0;

  for (guint e = 0; e < G_N_ELEMENTS (entries); e++)
    {
      Entry *entry = &entries[n];
      double entry_w;

      entry->type = e < SH_SANKEY_N_LINK_KINDS ? ENTRY_KIND : e - SH_SANKEY_N_LINK_KINDS + 1;
      entry->kind = e < SH_SANKEY_N_LINK_KINDS ? e : 0;
      entry->amount = 0;
      if (!has_entry (layout, graph, entry->type, entry->kind))
        continue;

      if (layout != NULL)
        entry->markup = make_entry_markup (layout, &p->style, entry->type, entry->kind,
                                           &entry->amount);
      else
        entry->markup = g_strdup (entry->type == ENTRY_KIND ? kinds[entry->kind].name
                                  : "⚠ lệch cân bằng &gt; 5,0 % / closure error over 5,0 %");
      entry->text_height = measure (p, p->small, entry->markup, -1, &entry->text_width);
      entry->swatch_height = swatch_h;
      if (entry->type == ENTRY_SCALE)
        entry->swatch_height = layout != NULL ? entry->amount * sh_sankey_layout_get_scale (layout)
                                              : 3 * size;

      entry_w = swatch_w + 0.4 * size + entry->text_width;
      if (n > 0 && x + entry_w > x0 + width)
        {
          x = x0;
          rows++;
        }
      entry->x = x;
      entry->row = rows;
      row_height[rows] = MAX (row_height[rows], MAX (entry->text_height, entry->swatch_height));
      x += entry_w + 1.4 * size;
      n++;
    }

  if (n == 0)
    return 0;
  rows++;

  for (guint r = 0; r < rows; r++)
    total += row_height[r] + (r > 0 ? 0.4 * size : 0);

  for (guint k = 0; k < n; k++)
    {
      Entry *entry = &entries[k];

      if (draw)
        {
          y = y0;
          for (guint r = 0; r < entry->row; r++)
            y += row_height[r] + 0.4 * size;
          y += row_height[entry->row] / 2;

          draw_swatch (p, layout, entry->type, entry->kind, entry->amount,
                       entry->x, y - entry->swatch_height / 2, swatch_w, entry->swatch_height);
          set_text (p->text, p->small, entry->markup, -1, PANGO_ALIGN_LEFT);
          show_text (p, p->text, entry->x + swatch_w + 0.4 * size, y - entry->text_height / 2);
        }
      g_free (entry->markup);
    }

  return total;
}

static char *
make_notes_markup (const ShSankeyStyle *style,
                   const char          *unit)
{
  GString *out;

  if (style->notes == NULL || style->notes[0] == NULL)
    return NULL;

  out = g_string_new (NULL);
  g_string_append_printf (out, "<b>Dòng chưa quy đổi được sang %s, không có trong sơ đồ / "
                               "flows not converted to %s, left out:</b>", unit, unit);
  for (guint i = 0; style->notes[i] != NULL; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (style->notes[i], -1);

      g_string_append_printf (out, "\n• %s", escaped);
    }

  return g_string_free (out, FALSE);
}

/* ----------------------------------------------------------------- frame */

static void
measure_frame (Painter              *p,
               const ShSankeyLayout *layout,
               const ShSankeyGraph  *graph,
               double                width,
               double                height,
               Frame                *frame)
{
  double size = p->style.font_size;
  double margin = 2 * size;
  double inner = width - 2 * margin;
  double y = margin, footer = 0;
  g_autofree char *notes = make_notes_markup (&p->style, sh_sankey_graph_get_unit (graph));

  memset (frame, 0, sizeof *frame);
  frame->margin = margin;

  frame->title_y = y;
  if (p->style.title != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (p->style.title, -1);

      y += measure (p, p->title, escaped, inner, NULL) + 0.3 * size;
    }
  frame->caption_y = y;
  if (p->style.caption != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (p->style.caption, -1);

      y += measure (p, p->body, escaped, inner, NULL);
    }
  if (y > margin)
    y += 1.2 * size;

  frame->legend_height = run_legend (p, layout, graph, margin, 0, inner, FALSE);
  footer = frame->legend_height;
  if (notes != NULL)
    footer += (footer > 0 ? 0.8 * size : 0) + measure (p, p->small, notes, inner, NULL);

  frame->footer_y = height - margin - footer;
  frame->notes_y = frame->footer_y + frame->legend_height
                   + (frame->legend_height > 0 ? 0.8 * size : 0);
  frame->plot.x = margin;
  frame->plot.y = y;
  frame->plot.width = inner;
  frame->plot.height = frame->footer_y - (footer > 0 ? 1.2 * size : 0) - y;
}

/* ---------------------------------------------------------------- labels */

static gboolean
is_label_on_left (const ShSankeyLayout *layout,
                  const ShSankeyNode   *node)
{
  return node->column == 0 && sh_sankey_layout_get_n_columns (layout) > 1;
}

/* Labels beside the first and last columns stand outside the diagram and
 * may take this much; those between columns get the gap. */
static double
get_label_wrap (Painter              *p,
                const ShSankeyLayout *layout,
                const ShSankeyNode   *node)
{
  double wide = 16 * p->style.font_size;
  guint n_columns = sh_sankey_layout_get_n_columns (layout);
  const ShSankeyRect *area = sh_sankey_layout_get_area (layout);
  double node_width = sh_sankey_layout_get_options (layout)->node_width;
  double gap;

  if (n_columns < 2 || node->column == 0 || node->column == n_columns - 1)
    return wide;

  /* Only a node with a stub on its right has the stub in its labels' way. */
  gap = (area->width - node_width) / (n_columns - 1) - node_width - 2 * LABEL_GAP;
  if (node->stub_side == SH_SANKEY_SIDE_RIGHT)
    gap -= sh_sankey_layout_get_options (layout)->stub_length;
  return MIN (gap, wide);
}

static char *
make_node_markup (const ShSankeyLayout *layout,
                  const ShSankeyStyle  *style,
                  const ShSankeyNode   *node)
{
  const char *unit = sh_sankey_graph_get_unit (sh_sankey_layout_get_graph (layout));
  g_autofree char *amount = format_amount (style, unit, node->value);

  if (node->flagged)
    return g_markup_printf_escaped ("<b><span foreground=\"#B01E1E\">⚠</span> %s</b>\n%s",
                                    node->label, amount);
  if (node->kind == SH_SANKEY_NODE_STEP)
    return g_markup_printf_escaped ("<b>%s</b>\n%s", node->label, amount);
  return g_markup_printf_escaped ("%s\n%s", node->label, amount);
}

static char *
make_stub_markup (const ShSankeyLayout *layout,
                  const ShSankeyStyle  *style,
                  const ShSankeyNode   *node)
{
  const char *unit = sh_sankey_graph_get_unit (sh_sankey_layout_get_graph (layout));
  g_autofree char *amount = format_amount (style, unit, fabs (node->unaccounted));
  g_autofree char *percent = format_percent (node->closure_error);

  if (node->flagged)
    return g_markup_printf_escaped ("<b><span foreground=\"#B01E1E\">⚠</span> "
                                    UNACCOUNTED_TEXT " %s</b>\n%s", percent, amount);
  return g_markup_printf_escaped (UNACCOUNTED_TEXT " %s\n%s", percent, amount);
}

static void
add_label (Painter  *p,
           GArray   *labels,
           char     *markup,
           double    wrap,
           gboolean  left,
           gboolean  boxed,
           double    anchor_x,
           double    want_y,
           guint     group,
           double    priority)
{
  Label label = { 0, };

  label.text = pango_layout_new (p->context);
  set_text (label.text, p->body, markup, wrap,
            left ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  get_text_size (label.text, &label.width, &label.height, &label.offset_x);
  label.x = left ? anchor_x - LABEL_GAP - label.width : anchor_x + LABEL_GAP;
  label.lead_x = anchor_x;
  label.want_y = want_y;
  label.y = want_y - label.height / 2;
  label.group = group;
  label.boxed = boxed;
  label.priority = priority;
  g_array_append_val (labels, label);
  g_free (markup);
}

static void
clear_label (gpointer data)
{
  Label *label = data;

  g_clear_object (&label->text);
}

static GArray *
make_node_labels (Painter              *p,
                  const ShSankeyLayout *layout)
{
  GArray *labels = g_array_new (FALSE, FALSE, sizeof (Label));
  const ShSankeyNode *nodes;
  guint n_nodes;

  g_array_set_clear_func (labels, clear_label);
  nodes = sh_sankey_layout_get_nodes (layout, &n_nodes);

  for (guint i = 0; i < n_nodes; i++)
    {
      const ShSankeyNode *node = &nodes[i];
      gboolean left = is_label_on_left (layout, node);
      double wrap = get_label_wrap (p, layout, node);
      /* Only the labels outside the first and last columns stand clear of
       * the bands; the others sit on them and need a card to be read. */
      gboolean boxed = node->column != 0
                       && node->column + 1 != sh_sankey_layout_get_n_columns (layout);
      /* An unbalanced step keeps its label whatever else has to go. */
      double priority = node->flagged ? G_MAXDOUBLE : node->value;

      /* Columns too close for a few words of text: only flagged steps are
       * labelled there; the tooltip tells the rest. */
      if (wrap < 4 * p->style.font_size)
        {
          if (!node->flagged)
            continue;
          wrap = 4 * p->style.font_size;
        }

      /* A word may wrap, an amount may not: "345.000 m" over "³" misleads. */
      {
        const char *unit = sh_sankey_graph_get_unit (sh_sankey_layout_get_graph (layout));
        g_autofree char *amount = format_amount (&p->style, unit, MAX (node->value, fabs (node->unaccounted)));
        g_autofree char *escaped = g_markup_escape_text (amount, -1);
        double amount_width;

        measure (p, p->body, escaped, -1, &amount_width);
        wrap = MAX (wrap, amount_width + 1);
      }

      add_label (p, labels, make_node_markup (layout, &p->style, node), wrap, left, boxed,
                 left ? node->x0 : node->x1, (node->y0 + node->y1) / 2,
                 node->column * 2 + !left, priority);

      if (node->stub_side != SH_SANKEY_SIDE_NONE)
        {
          gboolean stub_left = node->stub_side == SH_SANKEY_SIDE_LEFT;

          add_label (p, labels, make_stub_markup (layout, &p->style, node), wrap, stub_left, boxed,
                     stub_left ? node->stub_x0 : node->stub_x1,
                     (node->stub_y0 + node->stub_y1) / 2,
                     node->column * 2 + !stub_left,
                     node->flagged ? G_MAXDOUBLE : fabs (node->unaccounted));
        }
    }

  return labels;
}

static int
compare_labels (const void *a,
                const void *b)
{
  const Label *la = *(const Label * const *) a;
  const Label *lb = *(const Label * const *) b;

  if (la->group != lb->group)
    return la->group < lb->group ? -1 : 1;
  if (la->want_y != lb->want_y)
    return la->want_y < lb->want_y ? -1 : 1;
  return (la > lb) - (la < lb);
}

/* Labels of one column side that would overlap move apart, down from the
 * top and then back up from the bottom, as nodes do in the layout. */
static void
resolve_labels (GArray *labels,
                double  top,
                double  bottom)
{
  g_autofree Label **sorted = g_new (Label *, MAX (labels->len, 1));
  guint start = 0;

  for (guint i = 0; i < labels->len; i++)
    sorted[i] = &g_array_index (labels, Label, i);
  qsort (sorted, labels->len, sizeof (Label *), compare_labels);

  while (start < labels->len)
    {
      guint end = start;
      double y;

      double need = -LABEL_SPACING;

      while (end < labels->len && sorted[end]->group == sorted[start]->group)
        end++;

      /* When the labels cannot all stand in the column, the least
       * important go (never a flagged step's), and the rest move apart. */
      for (guint k = start; k < end; k++)
        need += sorted[k]->height + LABEL_SPACING;
      while (need > bottom - top)
        {
          Label *least = NULL;

          for (guint k = start; k < end; k++)
            if (!sorted[k]->hidden && sorted[k]->priority < G_MAXDOUBLE
                && (least == NULL || sorted[k]->priority < least->priority))
              least = sorted[k];
          if (least == NULL)
            break;
          least->hidden = TRUE;
          need -= least->height + LABEL_SPACING;
        }

      y = top;
      for (guint k = start; k < end; k++)
        {
          if (sorted[k]->hidden)
            continue;
          sorted[k]->y = MAX (sorted[k]->y, y);
          y = sorted[k]->y + sorted[k]->height + LABEL_SPACING;
        }
      y = bottom;
      for (guint k = end; k-- > start;)
        {
          if (sorted[k]->hidden)
            continue;
          if (sorted[k]->y + sorted[k]->height > y)
            sorted[k]->y = MAX (y - sorted[k]->height, top);
          y = sorted[k]->y - LABEL_SPACING;
        }

      start = end;
    }
}

/* A white, slightly see-through card with rounded corners behind a label. */
static void
draw_card (cairo_t *cr,
           double   x,
           double   y,
           double   w,
           double   h)
{
  double r = 3;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
  cairo_fill (cr);
}

static void
draw_labels (Painter *p,
             GArray  *labels)
{
  cairo_t *cr = p->cr;

  for (guint i = 0; i < labels->len; i++)
    {
      const Label *label = &g_array_index (labels, Label, i);
      double centre = label->y + label->height / 2;

      if (label->hidden)
        continue;

      /* A label pushed away from its node keeps a thin line to it. */
      if (fabs (centre - label->want_y) > label->height / 2)
        {
          gboolean left = label->x < label->lead_x;

          cairo_move_to (cr, label->lead_x + (left ? -1 : 1), label->want_y);
          cairo_line_to (cr, left ? label->x + label->width + 1 : label->x - 1, centre);
          set_rgb (cr, &leader_colour, 1);
          cairo_set_line_width (cr, 0.6);
          cairo_stroke (cr);
        }
      if (label->boxed)
        draw_card (cr, label->x - 2, label->y - 1, label->width + 4, label->height + 2);
      show_text (p, label->text, label->x - label->offset_x, label->y);
    }
}

/* ------------------------------------------------------------- rect grid */

static void
init_grid (RectGrid           *grid,
           const ShSankeyRect *bounds)
{
  grid->x0 = bounds->x;
  grid->y0 = bounds->y;
  grid->cols = MAX (1, (guint) ceil (bounds->width / GRID_CELL));
  grid->rows = MAX (1, (guint) ceil (bounds->height / GRID_CELL));
  grid->rects = g_array_new (FALSE, FALSE, sizeof (ShSankeyRect));
  grid->cells = g_new0 (GArray *, grid->cols * grid->rows);
}

static void
clear_grid (RectGrid *grid)
{
  for (guint i = 0; i < grid->cols * grid->rows; i++)
    if (grid->cells[i] != NULL)
      g_array_unref (grid->cells[i]);
  g_free (grid->cells);
  g_array_unref (grid->rects);
}

static void
get_grid_span (const RectGrid     *grid,
               const ShSankeyRect *r,
               guint              *c0,
               guint              *c1,
               guint              *r0,
               guint              *r1)
{
  double fx0 = floor ((r->x - grid->x0) / GRID_CELL);
  double fx1 = floor ((r->x + r->width - grid->x0) / GRID_CELL);
  double fy0 = floor ((r->y - grid->y0) / GRID_CELL);
  double fy1 = floor ((r->y + r->height - grid->y0) / GRID_CELL);

  *c0 = (guint) CLAMP (fx0, 0, grid->cols - 1);
  *c1 = (guint) CLAMP (fx1, 0, grid->cols - 1);
  *r0 = (guint) CLAMP (fy0, 0, grid->rows - 1);
  *r1 = (guint) CLAMP (fy1, 0, grid->rows - 1);
}

static void
add_to_grid (RectGrid           *grid,
             const ShSankeyRect *r)
{
  guint index = grid->rects->len;
  guint c0, c1, r0, r1;

  g_array_append_val (grid->rects, *r);
  get_grid_span (grid, r, &c0, &c1, &r0, &r1);
  for (guint row = r0; row <= r1; row++)
    for (guint col = c0; col <= c1; col++)
      {
        GArray **cell = &grid->cells[row * grid->cols + col];

        if (*cell == NULL)
          *cell = g_array_new (FALSE, FALSE, sizeof (guint));
        g_array_append_val (*cell, index);
      }
}

static gboolean
overlaps_grid (const RectGrid     *grid,
               const ShSankeyRect *r)
{
  guint c0, c1, r0, r1;

  get_grid_span (grid, r, &c0, &c1, &r0, &r1);
  for (guint row = r0; row <= r1; row++)
    for (guint col = c0; col <= c1; col++)
      {
        GArray *cell = grid->cells[row * grid->cols + col];

        for (guint k = 0; cell != NULL && k < cell->len; k++)
          {
            const ShSankeyRect *o = &g_array_index (grid->rects, ShSankeyRect,
                                                    g_array_index (cell, guint, k));

            if (r->x < o->x + o->width && o->x < r->x + r->width
                && r->y < o->y + o->height && o->y < r->y + r->height)
              return TRUE;
          }
      }

  return FALSE;
}

/* ----------------------------------------------------------------- links */

static int
compare_by_width_desc (const void *a,
                       const void *b,
                       gpointer    data)
{
  const ShSankeyLink *links = data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;

  if (links[ia].width != links[ib].width)
    return links[ia].width > links[ib].width ? -1 : 1;
  return (ia > ib) - (ia < ib);
}

/* Paint order: widest first, so that narrow flows stay visible on top; the
 * hit test picks the narrowest for the same reason. */
static guint *
sort_paint_order (const ShSankeyLink *links,
                  guint               n_links)
{
  guint *order = g_new (guint, MAX (n_links, 1));

  for (guint i = 0; i < n_links; i++)
    order[i] = i;
  g_qsort_with_data (order, n_links, sizeof (guint), compare_by_width_desc, (gpointer) links);

  return order;
}

static void
add_forward_edge (cairo_t            *cr,
                  const ShSankeyLink *link,
                  double              d,
                  gboolean            reverse)
{
  double xm = (link->x0 + link->x1) / 2;

  if (!reverse)
    cairo_curve_to (cr, xm, link->y0 + d, xm, link->y1 + d, link->x1, link->y1 + d);
  else
    cairo_curve_to (cr, xm, link->y1 + d, xm, link->y0 + d, link->x0, link->y0 + d);
}

static void
add_forward_band (cairo_t            *cr,
                  const ShSankeyLink *link)
{
  double h = link->width / 2;

  cairo_move_to (cr, link->x0, link->y0 - h);
  add_forward_edge (cr, link, -h, FALSE);
  cairo_line_to (cr, link->x1, link->y1 + h);
  add_forward_edge (cr, link, h, TRUE);
  cairo_close_path (cr);
}

/* One edge of a return arc: the centre polyline shifted by @d along its
 * left-hand normal, corners rounded about the same centres as the centre
 * line, so the band keeps its width all the way round. */
static void
add_return_edge (cairo_t             *cr,
                 const ShSankeyPoint *points,
                 guint                n,
                 double               radius,
                 double               d,
                 gboolean             start)
{
  ShSankeyPoint u = { 0, }, v;
  double len;

  for (guint i = 0; i + 1 < n; i++)
    {
      len = hypot (points[i + 1].x - points[i].x, points[i + 1].y - points[i].y);
      v.x = len > 0 ? (points[i + 1].x - points[i].x) / len : 1;
      v.y = len > 0 ? (points[i + 1].y - points[i].y) / len : 0;

      if (i == 0)
        {
          double x = points[0].x - v.y * d, y = points[0].y + v.x * d;

          if (start)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      else
        {
          const ShSankeyPoint *c = &points[i];
          double cross = u.x * v.y - u.y * v.x;
          double turn = v.x * -u.y + v.y * u.x;   /* v · n(u) */
          double r = radius - d * turn;

          if (radius <= 0 || r <= 0 || fabs (cross) < 1e-9)
            cairo_line_to (cr, c->x - u.y * d - v.y * d, c->y + u.x * d + v.x * d);
          else
            {
              double cx = c->x - u.x * radius + v.x * radius;
              double cy = c->y - u.y * radius + v.y * radius;
              double sx = c->x - u.x * radius - u.y * d, sy = c->y - u.y * radius + u.x * d;
              double ex = c->x + v.x * radius - v.y * d, ey = c->y + v.y * radius + v.x * d;
              double a0 = atan2 (sy - cy, sx - cx), a1 = atan2 (ey - cy, ex - cx);

              if (cross > 0)
                cairo_arc (cr, cx, cy, r, a0, a1);
              else
                cairo_arc_negative (cr, cx, cy, r, a0, a1);
            }
        }
      u = v;
    }

  cairo_line_to (cr, points[n - 1].x - u.y * d, points[n - 1].y + u.x * d);
}

static void
reverse_points (const ShSankeyLink *link,
                ShSankeyPoint      *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (link->path); i++)
    out[i] = link->path[G_N_ELEMENTS (link->path) - 1 - i];
}

static void
add_return_band (cairo_t            *cr,
                 const ShSankeyLink *link)
{
  ShSankeyPoint back[G_N_ELEMENTS (link->path)];
  double h = link->width / 2;

  reverse_points (link, back);
  add_return_edge (cr, link->path, G_N_ELEMENTS (link->path), link->radius, -h, TRUE);
  add_return_edge (cr, back, G_N_ELEMENTS (back), link->radius, -h, FALSE);
  cairo_close_path (cr);
}

static void
draw_link (Painter            *p,
           const ShSankeyLink *link)
{
  static const double dash[] = { 3, 2 };
  cairo_t *cr = p->cr;
  const Rgb *colour = &kinds[link->kind].colour;
  /* A hairline at the usual transparency would vanish in print. */
  double alpha = link->width < 2 ? 1 : link->estimated ? ESTIMATED_ALPHA : MEASURED_ALPHA;
  double h = link->width / 2;

  if (link->is_return)
    add_return_band (cr, link);
  else
    add_forward_band (cr, link);
  set_rgb (cr, colour, alpha);
  cairo_fill (cr);

  if (!link->estimated || link->width < 2)
    return;

  /* Estimated flows: a dashed outline along both long edges. */
  if (link->is_return)
    {
      ShSankeyPoint back[G_N_ELEMENTS (link->path)];

      reverse_points (link, back);
      add_return_edge (cr, link->path, G_N_ELEMENTS (link->path), link->radius, -h + 0.4, TRUE);
      add_return_edge (cr, back, G_N_ELEMENTS (back), link->radius, -h + 0.4, TRUE);
    }
  else
    {
      cairo_move_to (cr, link->x0, link->y0 - h + 0.4);
      add_forward_edge (cr, link, -h + 0.4, FALSE);
      cairo_move_to (cr, link->x1, link->y1 + h - 0.4);
      add_forward_edge (cr, link, h - 0.4, TRUE);
    }
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_set_line_width (cr, 0.8);
  set_rgb (cr, colour, 1);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/* Where along a link its value label may sit, best first. */
static gboolean
find_label_spot (const ShSankeyLink *link,
                 guint               attempt,
                 double             *x,
                 double             *y)
{
  static const double spots[] = { 0.5, 0.35, 0.65, 0.2, 0.8 };
  double t;

  if (attempt >= G_N_ELEMENTS (spots))
    return FALSE;
  t = spots[attempt];

  if (link->is_return)
    {
      *x = link->path[2].x + (link->path[3].x - link->path[2].x) * t;
      *y = link->path[2].y;
    }
  else
    {
      /* Same parametrisation as the band (see the hit test in sh-sankey.c). */
      *x = link->x0 + (link->x1 - link->x0) * (1.5 * t - 1.5 * t * t + t * t * t);
      *y = link->y0 + (link->y1 - link->y0) * (3 * t * t - 2 * t * t * t);
    }

  return TRUE;
}

static void
draw_link_labels (Painter              *p,
                  const ShSankeyLayout *layout,
                  const guint          *order,
                  GArray               *node_labels,
                  const ShSankeyRect   *bounds)
{
  const ShSankeyLink *links;
  const ShSankeyNode *nodes;
  const char *unit = sh_sankey_graph_get_unit (sh_sankey_layout_get_graph (layout));
  guint n_links, n_nodes;
  RectGrid grid;

  links = sh_sankey_layout_get_links (layout, &n_links);
  nodes = sh_sankey_layout_get_nodes (layout, &n_nodes);

  init_grid (&grid, bounds);
  for (guint i = 0; i < n_nodes; i++)
    {
      ShSankeyRect r = { nodes[i].x0 - 1, nodes[i].y0 - 1,
                         nodes[i].x1 - nodes[i].x0 + 2, nodes[i].y1 - nodes[i].y0 + 2 };

      add_to_grid (&grid, &r);
      if (nodes[i].stub_side != SH_SANKEY_SIDE_NONE)
        {
          r = (ShSankeyRect) { nodes[i].stub_x0, nodes[i].stub_y0,
                               nodes[i].stub_x1 - nodes[i].stub_x0,
                               nodes[i].stub_y1 - nodes[i].stub_y0 };
          add_to_grid (&grid, &r);
        }
    }
  for (guint i = 0; i < node_labels->len; i++)
    {
      const Label *label = &g_array_index (node_labels, Label, i);
      ShSankeyRect r = { label->x, label->y, label->width, label->height };

      if (!label->hidden)
        add_to_grid (&grid, &r);
    }

  /* Widest first, as painted: when space runs out it is the smaller flows
   * that lose their labels, never the ones the diagram is about. */
  for (guint k = 0; k < n_links; k++)
    {
      const ShSankeyLink *link = &links[order[k]];
      g_autofree char *amount = format_amount (&p->style, unit, link->value);
      g_autofree char *escaped = g_markup_escape_text (amount, -1);
      double tw, th, x, y;

      set_text (p->text, p->small, escaped, -1, PANGO_ALIGN_LEFT);
      get_text_size (p->text, &tw, &th, NULL);

      for (guint attempt = 0; find_label_spot (link, attempt, &x, &y); attempt++)
        {
          ShSankeyRect r = { x - tw / 2 - 1, y - th / 2, tw + 2, th };

          if (r.x < bounds->x || r.x + r.width > bounds->x + bounds->width
              || r.y < bounds->y || r.y + r.height > bounds->y + bounds->height
              || overlaps_grid (&grid, &r))
            continue;

          add_to_grid (&grid, &r);
          draw_card (p->cr, r.x, r.y, r.width, r.height);
          show_text (p, p->text, x - tw / 2, y - th / 2);
          break;
        }
    }

  clear_grid (&grid);
}

/* ----------------------------------------------------------------- nodes */

static void
draw_nodes (Painter              *p,
            const ShSankeyLayout *layout)
{
  cairo_t *cr = p->cr;
  const ShSankeyNode *nodes;
  guint n_nodes;

  nodes = sh_sankey_layout_get_nodes (layout, &n_nodes);

  for (guint i = 0; i < n_nodes; i++)
    {
      const ShSankeyNode *node = &nodes[i];

      if (node->stub_side != SH_SANKEY_SIDE_NONE)
        fill_hatched (p, node->stub_x0, node->stub_y0, node->stub_x1, node->stub_y1);
    }

  for (guint i = 0; i < n_nodes; i++)
    {
      const ShSankeyNode *node = &nodes[i];
      const Rgb *colour = node->kind == SH_SANKEY_NODE_STEP ? &step_colour
                          : node->kind == SH_SANKEY_NODE_SOURCE ? &source_colour
                          : &sink_colour;

      if (node->kind == SH_SANKEY_NODE_UNACCOUNTED)
        fill_hatched (p, node->x0, node->y0, node->x1, node->y1);
      else
        {
          cairo_rectangle (cr, node->x0, node->y0, node->x1 - node->x0, node->y1 - node->y0);
          set_rgb (cr, colour, 1);
          cairo_fill (cr);
        }

      /* A step whose balance fails the tolerance gets a red frame; the ⚠
       * in its label says the same in black and white. */
      if (node->flagged)
        {
          cairo_rectangle (cr, node->x0 - 1.5, node->y0 - 1.5,
                           node->x1 - node->x0 + 3, node->y1 - node->y0 + 3);
          set_rgb (cr, &flag_colour, 1);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
        }
    }
}

/* ------------------------------------------------------------------ page */

static void
measure_label_margins (Painter              *p,
                       const ShSankeyLayout *layout,
                       double               *left,
                       double               *right)
{
  const ShSankeyNode *nodes;
  guint n_nodes, last = sh_sankey_layout_get_n_columns (layout) - 1;

  *left = *right = 0;
  nodes = sh_sankey_layout_get_nodes (layout, &n_nodes);

  for (guint i = 0; i < n_nodes; i++)
    {
      const ShSankeyNode *node = &nodes[i];
      g_autofree char *markup = NULL;
      double w;

      if (node->column != 0 && node->column != last)
        continue;

      markup = make_node_markup (layout, &p->style, node);
      measure (p, p->body, markup, get_label_wrap (p, layout, node), &w);
      if (is_label_on_left (layout, node))
        *left = MAX (*left, w + LABEL_GAP);
      if (node->column == last && !is_label_on_left (layout, node))
        *right = MAX (*right, w + LABEL_GAP);

      if (node->stub_side != SH_SANKEY_SIDE_NONE)
        {
          g_free (markup);
          markup = make_stub_markup (layout, &p->style, node);
          measure (p, p->body, markup, get_label_wrap (p, layout, node), &w);
          if (node->stub_side == SH_SANKEY_SIDE_LEFT && node->column == 0)
            *left = MAX (*left, w + LABEL_GAP);
          if (node->stub_side == SH_SANKEY_SIDE_RIGHT && node->column == last)
            *right = MAX (*right, w + LABEL_GAP);
        }
    }
}

ShSankeyLayout *
sh_sankey_render_layout (cairo_t                *cr,
                         ShSankeyGraph          *graph,
                         const ShSankeyOptions  *options,
                         const ShSankeyStyle    *style,
                         double                  width,
                         double                  height,
                         GError                **error)
{
  g_autoptr(ShSankeyLayout) layout = NULL;
  g_autoptr(ShSankeyLayout) probe = NULL;
  double left, right;
  Painter p;
  Frame frame;

  g_return_val_if_fail (cr != NULL, NULL);
  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  init_painter (&p, cr, style);
  measure_frame (&p, NULL, graph, width, height, &frame);

  /* Columns do not depend on the area, so a first layout in the whole plot
   * tells which labels stand outside the first and last columns, and what
   * the legend will hold. */
  probe = sh_sankey_layout_new (graph, &frame.plot, options, error);
  if (probe == NULL)
    goto out;
  measure_label_margins (&p, probe, &left, &right);
  measure_frame (&p, probe, graph, width, height, &frame);

  /* The legend's scale key depends on the final scale; if its text wraps
   * the legend differently, the plot changes and the layout is redone. */
  for (guint round = 0; round < 3; round++)
    {
      ShSankeyRect area = frame.plot;
      Frame again;

      area.x += left;
      area.width -= left + right;

      g_clear_pointer (&layout, sh_sankey_layout_unref);
      layout = sh_sankey_layout_new (graph, &area, options, error);
      if (layout == NULL)
        goto out;

      measure_frame (&p, layout, graph, width, height, &again);
      if (again.plot.y == frame.plot.y && again.plot.height == frame.plot.height)
        break;
      frame = again;
    }

out:
  clear_painter (&p);
  return g_steal_pointer (&layout);
}

void
sh_sankey_render (cairo_t              *cr,
                  const ShSankeyLayout *layout,
                  const ShSankeyStyle  *style,
                  double                width,
                  double                height)
{
  ShSankeyGraph *graph;
  const ShSankeyLink *links;
  g_autofree guint *order = NULL;
  g_autoptr(GArray) labels = NULL;
  g_autofree char *notes = NULL;
  ShSankeyRect bounds;
  Painter p;
  Frame frame;
  guint n_links;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);

  graph = sh_sankey_layout_get_graph (layout);
  links = sh_sankey_layout_get_links (layout, &n_links);

  cairo_save (cr);
  init_painter (&p, cr, style);
  measure_frame (&p, layout, graph, width, height, &frame);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  if (p.style.title != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (p.style.title, -1);

      set_text (p.text, p.title, escaped, width - 2 * frame.margin, PANGO_ALIGN_LEFT);
      show_text (&p, p.text, frame.margin, frame.title_y);
    }
  if (p.style.caption != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (p.style.caption, -1);

      set_text (p.text, p.body, escaped, width - 2 * frame.margin, PANGO_ALIGN_LEFT);
      show_text (&p, p.text, frame.margin, frame.caption_y);
    }

  order = sort_paint_order (links, n_links);
  for (guint k = 0; k < n_links; k++)
    draw_link (&p, &links[order[k]]);
  draw_nodes (&p, layout);

  /* Labels may use the margins around the plot but not the title's or
   * the legend's room. */
  bounds = (ShSankeyRect) { frame.margin / 2, frame.plot.y,
                            width - frame.margin, frame.plot.height };
  labels = make_node_labels (&p, layout);
  resolve_labels (labels, bounds.y, bounds.y + bounds.height);
  if (p.style.show_link_labels)
    draw_link_labels (&p, layout, order, labels, &bounds);
  draw_labels (&p, labels);

  run_legend (&p, layout, graph, frame.margin, frame.footer_y, width - 2 * frame.margin, TRUE);
  notes = make_notes_markup (&p.style, sh_sankey_graph_get_unit (graph));
  if (notes != NULL)
    {
      set_text (p.text, p.small, notes, width - 2 * frame.margin, PANGO_ALIGN_LEFT);
      show_text (&p, p.text, frame.margin, frame.notes_y);
    }

  clear_painter (&p);
  cairo_restore (cr);
}

/* ------------------------------------------------------------- describing */

char *
sh_sankey_render_describe (const ShSankeyLayout *layout,
                           const ShSankeyStyle  *style,
                           const ShSankeyHit    *hit)
{
  ShSankeyStyle defaults;
  const ShSankeyNode *nodes;
  const ShSankeyLink *links;
  const char *unit;
  guint n_nodes, n_links;

  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (hit != NULL, NULL);

  if (style == NULL)
    {
      sh_sankey_style_init (&defaults);
      style = &defaults;
    }
  nodes = sh_sankey_layout_get_nodes (layout, &n_nodes);
  links = sh_sankey_layout_get_links (layout, &n_links);
  unit = sh_sankey_graph_get_unit (sh_sankey_layout_get_graph (layout));

  switch (hit->kind)
    {
    case SH_SANKEY_HIT_LINK:
      {
        const ShSankeyLink *link;
        g_autofree char *amount = NULL;

        g_return_val_if_fail (hit->index < n_links, NULL);
        link = &links[hit->index];
        amount = format_amount (style, unit, link->value);
        return g_strdup_printf ("%s → %s\n%s · %s%s%s",
                                nodes[link->source].label, nodes[link->target].label,
                                amount, kinds[link->kind].name,
                                link->estimated ? " · " ESTIMATED_TEXT : "",
                                link->is_return ? " · tuần hoàn / returned upstream" : "");
      }
    case SH_SANKEY_HIT_NODE:
    case SH_SANKEY_HIT_STUB:
      {
        const ShSankeyNode *node;
        g_autofree char *in = NULL;
        g_autofree char *out = NULL;
        g_autofree char *missing = NULL;
        g_autofree char *percent = NULL;

        g_return_val_if_fail (hit->index < n_nodes, NULL);
        node = &nodes[hit->index];
        in = format_amount (style, unit, node->value_in);
        out = format_amount (style, unit, node->value_out);
        if (node->stub_side == SH_SANKEY_SIDE_NONE)
          return g_strdup_printf ("%s\nvào / in: %s · ra / out: %s", node->label, in, out);

        missing = format_amount (style, unit, fabs (node->unaccounted));
        percent = format_percent (node->closure_error);
        return g_strdup_printf ("%s\nvào / in: %s · ra / out: %s\n%s%s: %s (%s)",
                                node->label, in, out, node->flagged ? "⚠ " : "",
                                UNACCOUNTED_TEXT, missing, percent);
      }
    case SH_SANKEY_HIT_NONE:
    default:
      return NULL;
    }
}
