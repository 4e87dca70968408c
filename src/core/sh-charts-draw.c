/* sh-charts-draw.c — bars, lines and axes for the charts other than the Sankey.
 *
 * The same page layout as the flow diagram: a title and caption on top, the
 * plot, then a legend and notes. Text is DejaVu Sans through PangoCairo with
 * unhinted metrics, so the screen, a PNG and a PDF measure alike. Every
 * series differs from the others in lightness and in pattern, not only in
 * hue, so the charts stay readable printed in grey.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "sh-charts-private.h"
#include "sh-format.h"

typedef struct
{
  double r;
  double g;
  double b;
} Rgb;

#define RGB(hex) \
  { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

/* Grey values (0–255) in the comments: what a black-and-white printer makes
 * of them. Neighbours differ by at least 50, or by a pattern. */
static const Rgb ink = RGB (0x1A1A1A);
static const Rgb ink_soft = RGB (0x555555);
static const Rgb grid_colour = RGB (0xDDDDDD);
static const Rgb white = RGB (0xFFFFFF);
static const Rgb baseline_colour = RGB (0x37474F);    /* 68 */
static const Rgb after_colour = RGB (0x6FB3A8);       /* 161 */
static const Rgb benchmark_colour = RGB (0xE3DCCB);   /* 220, hatched */
static const Rgb part_colours[SH_CHART_WASTE_N_PARTS] = {
  RGB (0x7F2704),   /* material lost: 61 */
  RGB (0xD9661F),   /* energy lost: 128 */
  RGB (0xF5B97A),   /* treatment: 192 */
  RGB (0xFBE8D3),   /* fees: 234, hatched */
};
static const Rgb below_colour = RGB (0xF2C4C4);       /* 207, hatched */
static const Rgb within_colour = RGB (0x4E9A5B);      /* 131 */
static const Rgb above_colour = RGB (0x1E5631);       /* 65 */
static const Rgb band_colour = RGB (0xE8E8E8);
static const Rgb series_colour = RGB (0x1F4E79);
static const Rgb target_colour = RGB (0x2E7D32);

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} Rect;

typedef struct
{
  cairo_t              *cr;
  PangoContext         *context;
  PangoLayout          *text;
  PangoFontDescription *body;
  PangoFontDescription *bold;
  PangoFontDescription *small;
  PangoFontDescription *title;
  double                size;
} Painter;

typedef enum
{
  SWATCH_BAR,       /* a filled box, maybe hatched or outlined */
  SWATCH_LINE,      /* a line, maybe dashed, maybe with a marker */
  SWATCH_BAND,      /* a shaded band between dashed edges */
  SWATCH_WHISKER,   /* a benchmark's range */
  SWATCH_RULE,      /* a thin vertical line */
} SwatchType;

typedef enum
{
  MARKER_NONE,
  MARKER_OPEN,
  MARKER_FILLED,
} Marker;

typedef struct
{
  SwatchType   type;
  const Rgb   *colour;
  gboolean     hatched;
  gboolean     outlined;
  const double *dash;
  guint        n_dash;
  Marker       marker;
  const char  *label;
} Entry;

#define MAX_ENTRIES 8

static const double dashed[] = { 5, 3 };
static const double dotted[] = { 1.2, 2.4 };

/* --------------------------------------------------------------- painter */

static PangoFontDescription *
make_font (double      size,
           PangoWeight weight)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, "DejaVu Sans");
  pango_font_description_set_weight (font, weight);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);

  return font;
}

static void
painter_init (Painter *p,
              cairo_t *cr)
{
  cairo_font_options_t *options;

  memset (p, 0, sizeof *p);
  p->cr = cr;
  p->size = 10;
  p->context = pango_cairo_create_context (cr);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (p->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (p->context, FALSE);

  p->body = make_font (p->size, PANGO_WEIGHT_NORMAL);
  p->bold = make_font (p->size, PANGO_WEIGHT_BOLD);
  p->small = make_font (p->size * 0.85, PANGO_WEIGHT_NORMAL);
  p->title = make_font (p->size * 1.45, PANGO_WEIGHT_BOLD);
  p->text = pango_layout_new (p->context);
}

static void
painter_clear (Painter *p)
{
  g_clear_object (&p->text);
  g_clear_object (&p->context);
  g_clear_pointer (&p->body, pango_font_description_free);
  g_clear_pointer (&p->bold, pango_font_description_free);
  g_clear_pointer (&p->small, pango_font_description_free);
  g_clear_pointer (&p->title, pango_font_description_free);
}

/* Sets plain @text (no markup) on the scratch layout; @wrap ≤ 0 does not
 * wrap; @lines > 0 cuts it to that many lines with an ellipsis. */
static void
set_text (Painter                    *p,
          const PangoFontDescription *font,
          const char                 *text,
          double                      wrap,
          int                         lines,
          PangoAlignment              align)
{
  pango_layout_set_font_description (p->text, font);
  pango_layout_set_width (p->text, wrap > 0 ? (int) (wrap * PANGO_SCALE) : -1);
  pango_layout_set_wrap (p->text, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (p->text, lines > 0 ? -lines : -1);
  pango_layout_set_ellipsize (p->text, lines > 0 && wrap > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  pango_layout_set_alignment (p->text, align);
  pango_layout_set_text (p->text, text, -1);
}

static void
get_extent (Painter *p,
            double  *width,
            double  *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (p->text, NULL, &logical);
  if (width != NULL)
    *width = (double) (logical.x + logical.width) / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

static double
measure (Painter                    *p,
         const PangoFontDescription *font,
         const char                 *text,
         double                      wrap,
         int                         lines,
         double                     *width)
{
  double height;

  set_text (p, font, text, wrap, lines, PANGO_ALIGN_LEFT);
  get_extent (p, width, &height);
  return height;
}

static void
set_rgb (cairo_t   *cr,
         const Rgb *c)
{
  cairo_set_source_rgb (cr, c->r, c->g, c->b);
}

/* Draws the text last set with its box anchored at (@x, @y): @ax and @ay
 * are 0 for the left/top edge, 0.5 the middle, 1 the right/bottom edge.
 * With a wrap width the box is that wide, so alignment works inside it. */
static void
show_at (Painter   *p,
         double     x,
         double     y,
         double     ax,
         double     ay,
         const Rgb *colour)
{
  double width, height;
  int wrap = pango_layout_get_width (p->text);

  get_extent (p, &width, &height);
  if (wrap > 0)
    width = (double) wrap / PANGO_SCALE;
  cairo_move_to (p->cr, x - ax * width, y - ay * height);
  set_rgb (p->cr, colour);
  pango_cairo_show_layout (p->cr, p->text);
}

/* As show_at(), on a white card that keeps the text readable over lines
 * and bars. */
static void
show_boxed_at (Painter   *p,
               double     x,
               double     y,
               double     ax,
               double     ay,
               const Rgb *colour)
{
  double width, height;

  get_extent (p, &width, &height);
  cairo_rectangle (p->cr, x - ax * width - 1.5, y - ay * height, width + 3, height);
  cairo_set_source_rgba (p->cr, 1, 1, 1, 0.85);
  cairo_fill (p->cr);
  show_at (p, x, y, ax, ay, colour);
}

static void
text_at (Painter                    *p,
         const PangoFontDescription *font,
         const char                 *text,
         double                      x,
         double                      y,
         double                      ax,
         double                      ay)
{
  set_text (p, font, text, -1, 0, PANGO_ALIGN_LEFT);
  show_at (p, x, y, ax, ay, &ink);
}

/* ------------------------------------------------------------- numbers */

/* A value on a bar or a point: three significant figures or so. */
static char *
format_value (double value)
{
  double size = fabs (value);
  int decimals = size >= 100 ? 0 : size >= 10 ? 1 : size >= 1 ? 2 : 3;

  if (value == 0)
    return g_strdup ("0");
  return sh_format_number (value, decimals, SH_NUMBER_STYLE_VI);
}

/* A tick label: as many decimals as the step has. */
static char *
format_tick (double value,
             double step)
{
  int decimals = step >= 1 ? 0 : (int) ceil (-log10 (step) - 1e-9);

  if (fabs (value) < step * 1e-6)
    value = 0;
  return sh_format_number (value, CLAMP (decimals, 0, 6), SH_NUMBER_STYLE_VI);
}

static char *
format_percent (double value)
{
  return sh_format_percent (value, fabs (value) >= 100 ? 0 : 1, SH_NUMBER_STYLE_VI);
}

/* ------------------------------------------------------------- patterns */

/* Fills a box with @fill and, when @hatched, diagonal lines of the ink. */
static void
fill_box (Painter   *p,
          double     x0,
          double     y0,
          double     x1,
          double     y1,
          const Rgb *fill,
          gboolean   hatched,
          gboolean   outlined)
{
  cairo_t *cr = p->cr;
  double left = MIN (x0, x1), right = MAX (x0, x1);
  double top = MIN (y0, y1), bottom = MAX (y0, y1);

  cairo_rectangle (cr, left, top, right - left, bottom - top);
  set_rgb (cr, fill);
  cairo_fill (cr);

  if (hatched)
    {
      double spacing = 4;

      cairo_save (cr);
      cairo_rectangle (cr, left, top, right - left, bottom - top);
      cairo_clip (cr);
      for (double d = -(bottom - top); d < right - left; d += spacing)
        {
          cairo_move_to (cr, left + d, bottom);
          cairo_line_to (cr, left + d + (bottom - top), top);
        }
      set_rgb (cr, &ink_soft);
      cairo_set_line_width (cr, 0.6);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  if (outlined || hatched)
    {
      cairo_rectangle (cr, left + 0.4, top + 0.4, right - left - 0.8, bottom - top - 0.8);
      set_rgb (cr, outlined ? &ink : &ink_soft);
      cairo_set_line_width (cr, outlined ? 1.4 : 0.6);
      cairo_stroke (cr);
    }
}

static void
draw_marker (Painter   *p,
             double     x,
             double     y,
             Marker     marker,
             const Rgb *colour)
{
  cairo_t *cr = p->cr;
  double r = 0.3 * p->size;

  if (marker == MARKER_NONE)
    return;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  set_rgb (cr, marker == MARKER_FILLED ? colour : &white);
  cairo_fill_preserve (cr);
  set_rgb (cr, colour);
  cairo_set_line_width (cr, 1.2);
  cairo_stroke (cr);
}

static void
stroke_line (Painter      *p,
             double        x0,
             double        y0,
             double        x1,
             double        y1,
             const Rgb    *colour,
             double        width,
             const double *dash,
             guint         n_dash)
{
  cairo_t *cr = p->cr;

  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  set_rgb (cr, colour);
  cairo_set_line_width (cr, width);
  cairo_set_dash (cr, dash, (int) n_dash, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/* A benchmark range: a cap at each end joined by a line. */
static void
draw_whisker (Painter *p,
              double   x,
              double   y_low,
              double   y_high,
              double   half)
{
  stroke_line (p, x, y_low, x, y_high, &ink, 1.2, NULL, 0);
  stroke_line (p, x - half, y_high, x + half, y_high, &ink, 1.2, NULL, 0);
  stroke_line (p, x - half, y_low, x + half, y_low, &ink, 1.2, NULL, 0);
}

/* ---------------------------------------------------------------- legend */

static void
draw_swatch (Painter     *p,
             const Entry *entry,
             double       x,
             double       y,
             double       w,
             double       h)
{
  switch (entry->type)
    {
    case SWATCH_BAR:
      fill_box (p, x, y, x + w, y + h, entry->colour, entry->hatched, entry->outlined);
      break;
    case SWATCH_LINE:
      stroke_line (p, x, y + h / 2, x + w, y + h / 2, entry->colour, 1.6, entry->dash, entry->n_dash);
      draw_marker (p, x + w / 2, y + h / 2, entry->marker, entry->colour);
      break;
    case SWATCH_BAND:
      fill_box (p, x, y, x + w, y + h, &band_colour, FALSE, FALSE);
      stroke_line (p, x, y, x + w, y, &ink_soft, 0.8, dashed, G_N_ELEMENTS (dashed));
      stroke_line (p, x, y + h, x + w, y + h, &ink_soft, 0.8, dashed, G_N_ELEMENTS (dashed));
      break;
    case SWATCH_WHISKER:
      fill_box (p, x, y + h / 2, x + w, y + h, entry->colour, TRUE, FALSE);
      draw_whisker (p, x + w / 2, y + h / 2, y, w / 4);
      break;
    case SWATCH_RULE:
      stroke_line (p, x + w / 2, y - 0.2 * h, x + w / 2, y + 1.2 * h, entry->colour, 0.8, NULL, 0);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Lays the legend out in rows across @width and draws it when @draw;
 * returns its height. */
static double
run_legend (Painter     *p,
            const Entry *entries,
            guint        n_entries,
            double       x0,
            double       y0,
            double       width,
            gboolean     draw)
{
  double swatch_w = 2 * p->size, swatch_h = 0.9 * p->size;
  double text_w[MAX_ENTRIES], text_h[MAX_ENTRIES], entry_x[MAX_ENTRIES];
  guint entry_row[MAX_ENTRIES];
  double row_height[MAX_ENTRIES] = { 0, };
  double x = x0, total = 0;
  guint rows = 0;

  g_assert (n_entries <= MAX_ENTRIES);
  if (n_entries == 0)
    return 0;

  for (guint k = 0; k < n_entries; k++)
    {
      double entry_w;

      text_h[k] = measure (p, p->small, entries[k].label, -1, 0, &text_w[k]);
      entry_w = swatch_w + 0.4 * p->size + text_w[k];
      if (k > 0 && x + entry_w > x0 + width)
        {
          x = x0;
          rows++;
        }
      entry_x[k] = x;
      entry_row[k] = rows;
      row_height[rows] = MAX (row_height[rows], MAX (text_h[k], swatch_h));
      x += entry_w + 1.4 * p->size;
    }
  rows++;

  for (guint r = 0; r < rows; r++)
    total += row_height[r] + (r > 0 ? 0.4 * p->size : 0);

  if (!draw)
    return total;

  for (guint k = 0; k < n_entries; k++)
    {
      double y = y0;

      for (guint r = 0; r < entry_row[k]; r++)
        y += row_height[r] + 0.4 * p->size;
      y += row_height[entry_row[k]] / 2;

      draw_swatch (p, &entries[k], entry_x[k], y - swatch_h / 2, swatch_w, swatch_h);
      set_text (p, p->small, entries[k].label, -1, 0, PANGO_ALIGN_LEFT);
      show_at (p, entry_x[k] + swatch_w + 0.4 * p->size, y, 0, 0.5, &ink);
    }

  return total;
}

/* ----------------------------------------------------------------- frame */

typedef struct
{
  double margin;
  double inner;
  double title_y;
  double caption_y;
  Rect   plot;
  double legend_y;
  double notes_y;
} Frame;

static char *
join_notes (ShChart *self)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < self->notes->len && self->notes->pdata[i] != NULL; i++)
    g_string_append_printf (out, "%s• %s", out->len > 0 ? "\n" : "", (const char *) self->notes->pdata[i]);

  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

static void
measure_frame (Painter     *p,
               ShChart     *self,
               const Entry *entries,
               guint        n_entries,
               double       width,
               double       height,
               Frame       *frame)
{
  g_autofree char *notes = join_notes (self);
  double size = p->size;
  double y, footer, legend;

  memset (frame, 0, sizeof *frame);
  frame->margin = 2 * size;
  frame->inner = width - 2 * frame->margin;

  y = frame->margin;
  frame->title_y = y;
  if (self->title != NULL)
    y += measure (p, p->title, self->title, frame->inner, 0, NULL) + 0.3 * size;
  frame->caption_y = y;
  if (self->caption != NULL)
    y += measure (p, p->body, self->caption, frame->inner, 0, NULL);
  y += 1.2 * size;

  legend = run_legend (p, entries, n_entries, frame->margin, 0, frame->inner, FALSE);
  footer = legend;
  if (notes != NULL)
    footer += (footer > 0 ? 0.8 * size : 0) + measure (p, p->small, notes, frame->inner, 0, NULL);

  frame->legend_y = height - frame->margin - footer;
  frame->notes_y = frame->legend_y + legend + (legend > 0 ? 0.8 * size : 0);
  frame->plot.x = frame->margin;
  frame->plot.y = y;
  frame->plot.width = frame->inner;
  frame->plot.height = frame->legend_y - (footer > 0 ? 1.2 * size : 0) - y;
}

static gboolean
begin_page (Painter      *p,
            ShChart      *self,
            const Entry  *entries,
            guint         n_entries,
            double        width,
            double        height,
            Frame        *frame,
            GError      **error)
{
  g_autofree char *notes = join_notes (self);

  measure_frame (p, self, entries, n_entries, width, height, frame);
  if (frame->plot.width < 12 * p->size || frame->plot.height < 8 * p->size)
    {
      g_set_error (error, SH_CHART_ERROR, SH_CHART_ERROR_SIZE,
                   _("The page is too small for the chart: %.0f × %.0f is left for the plot."),
                   frame->plot.width, frame->plot.height);
      return FALSE;
    }

  set_rgb (p->cr, &white);
  cairo_paint (p->cr);

  if (self->title != NULL)
    {
      set_text (p, p->title, self->title, frame->inner, 0, PANGO_ALIGN_LEFT);
      show_at (p, frame->margin, frame->title_y, 0, 0, &ink);
    }
  if (self->caption != NULL)
    {
      set_text (p, p->body, self->caption, frame->inner, 0, PANGO_ALIGN_LEFT);
      show_at (p, frame->margin, frame->caption_y, 0, 0, &ink);
    }

  run_legend (p, entries, n_entries, frame->margin, frame->legend_y, frame->inner, TRUE);
  if (notes != NULL)
    {
      set_text (p, p->small, notes, frame->inner, 0, PANGO_ALIGN_LEFT);
      show_at (p, frame->margin, frame->notes_y, 0, 0, &ink_soft);
    }

  return TRUE;
}

/* ------------------------------------------------------------------ axes */

typedef struct
{
  Rect   area;       /* where values are drawn */
  double min;
  double max;
  double first;
  double step;
  guint  n_ticks;
} Axis;

static double
axis_y (const Axis *axis,
        double      value)
{
  return axis->area.y + axis->area.height * (1 - (value - axis->min) / (axis->max - axis->min));
}

/* Chooses round ticks for @low…@high that fit @height with room between
 * their labels. */
static void
axis_init (Painter *p,
           Axis    *axis,
           double   low,
           double   high,
           double   height)
{
  guint max_ticks = (guint) CLAMP (height / (2.6 * p->size), 3, 10);

  axis->n_ticks = sh_chart_nice_ticks (low, high, max_ticks, &axis->first, &axis->step);
  axis->min = axis->first;
  axis->max = axis->first + (axis->n_ticks - 1) * axis->step;
}

/* The width the tick labels of @axis need. */
static double
axis_label_width (Painter    *p,
                  const Axis *axis,
                  gboolean    percent)
{
  double widest = 0;

  for (guint k = 0; k < axis->n_ticks; k++)
    {
      double value = axis->first + k * axis->step;
      g_autofree char *label = percent ? sh_format_percent (value, 0, SH_NUMBER_STYLE_VI)
                                       : format_tick (value, axis->step);
      double w;

      measure (p, p->small, label, -1, 0, &w);
      widest = MAX (widest, w);
    }

  return widest;
}

/* Grid lines across the area and tick labels on the left (or the right). */
static void
draw_axis (Painter    *p,
           const Axis *axis,
           gboolean    right,
           gboolean    grid,
           gboolean    percent)
{
  const Rect *a = &axis->area;

  for (guint k = 0; k < axis->n_ticks; k++)
    {
      double value = axis->first + k * axis->step;
      double y = axis_y (axis, value);
      g_autofree char *label = percent ? sh_format_percent (value, 0, SH_NUMBER_STYLE_VI)
                                       : format_tick (value, axis->step);

      if (grid)
        stroke_line (p, a->x, y, a->x + a->width, y,
                     fabs (value) < axis->step * 1e-6 ? &ink_soft : &grid_colour,
                     fabs (value) < axis->step * 1e-6 ? 1.0 : 0.6, NULL, 0);
      set_text (p, p->small, label, -1, 0, PANGO_ALIGN_LEFT);
      if (right)
        show_at (p, a->x + a->width + 0.4 * p->size, y, 0, 0.5, &ink_soft);
      else
        show_at (p, a->x - 0.4 * p->size, y, 1, 0.5, &ink_soft);
    }
}

/* Category labels under slots of @slot width, centred on each slot. */
static double
measure_categories (Painter     *p,
                    const char **labels,
                    guint        n,
                    double       slot,
                    int          lines)
{
  double tallest = 0;

  for (guint k = 0; k < n; k++)
    tallest = MAX (tallest, measure (p, p->small, labels[k], slot - 0.4 * p->size, lines, NULL));

  return tallest;
}

static void
draw_categories (Painter     *p,
                 const char **labels,
                 guint        n,
                 double       x0,
                 double       slot,
                 double       y,
                 int          lines)
{
  for (guint k = 0; k < n; k++)
    {
      set_text (p, p->small, labels[k], slot - 0.4 * p->size, lines, PANGO_ALIGN_CENTER);
      show_at (p, x0 + (k + 0.5) * slot, y, 0.5, 0, &ink);
    }
}

/* Splits @area into @n panels in the grid whose panels come closest to
 * @aspect (width over height). */
static void
grid_panels (const Rect *area,
             guint       n,
             double      gap_x,
             double      gap_y,
             double      aspect,
             Rect       *panels)
{
  guint best_cols = 1;
  double best = G_MAXDOUBLE;

  for (guint cols = 1; cols <= n; cols++)
    {
      guint rows = (n + cols - 1) / cols;
      double w = (area->width - (cols - 1) * gap_x) / cols;
      double h = (area->height - (rows - 1) * gap_y) / rows;
      double miss = fabs (log ((w / h) / aspect));

      if (w > 0 && h > 0 && miss < best)
        {
          best = miss;
          best_cols = cols;
        }
    }

  for (guint k = 0; k < n; k++)
    {
      guint rows = (n + best_cols - 1) / best_cols;
      double w = (area->width - (best_cols - 1) * gap_x) / best_cols;
      double h = (area->height - (rows - 1) * gap_y) / rows;

      panels[k].x = area->x + (k % best_cols) * (w + gap_x);
      panels[k].y = area->y + (k / best_cols) * (h + gap_y);
      panels[k].width = w;
      panels[k].height = h;
    }
}

/* A panel's title on top; returns the room left below it. */
static Rect
draw_panel_title (Painter    *p,
                  const Rect *panel,
                  const char *name,
                  const char *unit)
{
  g_autofree char *text = g_strdup_printf ("%s (%s)", name, unit);
  Rect rest = *panel;
  double h;

  h = measure (p, p->bold, text, panel->width, 2, NULL);
  set_text (p, p->bold, text, panel->width, 2, PANGO_ALIGN_LEFT);
  show_at (p, panel->x, panel->y, 0, 0, &ink);

  rest.y += h + 0.5 * p->size;
  rest.height -= h + 0.5 * p->size;
  return rest;
}

/* ------------------------------------------------------------ consumption */

typedef enum
{
  BAR_BASELINE,
  BAR_AFTER,
  BAR_BENCHMARK,
  BAR_NORM,
  N_BARS,
} BarType;

static const char *
bar_short_label (BarType type)
{
  switch (type)
    {
    case BAR_BASELINE:
      return _("Before CP");
    case BAR_AFTER:
      return _("After CP");
    case BAR_BENCHMARK:
      return _("Benchmarks");
    case BAR_NORM:
      return _("Norm");
    case N_BARS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
draw_consumption_panel (Painter                  *p,
                        const Rect               *panel,
                        const ShChartConsumption *c)
{
  const char *labels[N_BARS];
  BarType types[N_BARS];
  guint n = 0;
  double top = 0, label_h, slot, bar_w;
  Rect rest = draw_panel_title (p, panel, c->name, c->unit);
  Axis axis;

  if (c->has_baseline)
    types[n++] = BAR_BASELINE;
  if (c->has_after)
    types[n++] = BAR_AFTER;
  if (c->n_benchmarks > 0)
    types[n++] = BAR_BENCHMARK;
  if (c->has_norm)
    types[n++] = BAR_NORM;
  for (guint k = 0; k < n; k++)
    labels[k] = bar_short_label (types[k]);

  top = MAX (top, c->has_baseline ? c->baseline : 0);
  top = MAX (top, c->has_after ? c->after : 0);
  top = MAX (top, c->n_benchmarks > 0 ? c->benchmark_max : 0);
  top = MAX (top, c->has_norm ? c->norm : 0);

  /* Room for the value labels over the tallest bar. */
  axis_init (p, &axis, 0, top * 1.08, rest.height);
  axis.area = rest;
  axis.area.x += axis_label_width (p, &axis, FALSE) + 0.6 * p->size;
  axis.area.width = rest.x + rest.width - axis.area.x;
  slot = axis.area.width / MAX (n, 1);
  label_h = measure_categories (p, labels, n, slot, 2);
  axis.area.y += 1.4 * p->size;
  axis.area.height -= label_h + 0.4 * p->size + 1.4 * p->size;
  if (axis.area.height < 2 * p->size)
    return;

  draw_axis (p, &axis, FALSE, TRUE, FALSE);
  draw_categories (p, labels, n, axis.area.x, slot, axis.area.y + axis.area.height + 0.3 * p->size, 2);

  bar_w = MIN (slot * 0.62, 5 * p->size);
  for (guint k = 0; k < n; k++)
    {
      double cx = axis.area.x + (k + 0.5) * slot;
      double y0 = axis_y (&axis, 0);
      g_autofree char *label = NULL;
      double value = 0, label_y;

      switch (types[k])
        {
        case BAR_BASELINE:
          value = c->baseline;
          fill_box (p, cx - bar_w / 2, y0, cx + bar_w / 2, axis_y (&axis, value), &baseline_colour, FALSE, FALSE);
          break;
        case BAR_AFTER:
          value = c->after;
          fill_box (p, cx - bar_w / 2, y0, cx + bar_w / 2, axis_y (&axis, value), &after_colour, FALSE, FALSE);
          break;
        case BAR_BENCHMARK:
          value = c->benchmark_max;
          fill_box (p, cx - bar_w / 2, y0, cx + bar_w / 2, axis_y (&axis, c->benchmark_min),
                    &benchmark_colour, TRUE, FALSE);
          if (c->benchmark_max > c->benchmark_min)
            draw_whisker (p, cx, axis_y (&axis, c->benchmark_min), axis_y (&axis, c->benchmark_max),
                          bar_w / 4);
          break;
        case BAR_NORM:
          value = c->norm;
          fill_box (p, cx - bar_w / 2, y0, cx + bar_w / 2, axis_y (&axis, value), &white, FALSE, TRUE);
          break;
        case N_BARS:
        default:
          g_assert_not_reached ();
        }

      if (types[k] == BAR_BENCHMARK && c->benchmark_max > c->benchmark_min)
        {
          g_autofree char *low = format_value (c->benchmark_min);
          g_autofree char *high = format_value (c->benchmark_max);

          label = g_strdup_printf ("%s–%s", low, high);
        }
      else
        label = format_value (value);
      label_y = axis_y (&axis, value) - 0.2 * p->size;
      set_text (p, p->small, label, -1, 0, PANGO_ALIGN_CENTER);
      show_at (p, cx, label_y, 0.5, 1, &ink);
    }
}

static gboolean
draw_consumption (ShChart  *self,
                  Painter  *p,
                  double    width,
                  double    height,
                  GError  **error)
{
  Entry entries[N_BARS];
  gboolean present[N_BARS] = { FALSE, };
  g_autofree Rect *panels = g_new (Rect, self->items->len);
  guint n_entries = 0;
  Frame frame;

  for (guint i = 0; i < self->items->len; i++)
    {
      const ShChartConsumption *c = self->items->pdata[i];

      present[BAR_BASELINE] |= c->has_baseline;
      present[BAR_AFTER] |= c->has_after;
      present[BAR_BENCHMARK] |= c->n_benchmarks > 0;
      present[BAR_NORM] |= c->has_norm;
    }
  if (present[BAR_BASELINE])
    entries[n_entries++] = (Entry) { SWATCH_BAR, &baseline_colour, FALSE, FALSE, NULL, 0, MARKER_NONE,
                                     bar_short_label (BAR_BASELINE) };
  if (present[BAR_AFTER])
    entries[n_entries++] = (Entry) { SWATCH_BAR, &after_colour, FALSE, FALSE, NULL, 0, MARKER_NONE,
                                     bar_short_label (BAR_AFTER) };
  if (present[BAR_BENCHMARK])
    entries[n_entries++] = (Entry) { SWATCH_WHISKER, &benchmark_colour, TRUE, FALSE, NULL, 0, MARKER_NONE,
                                     _("Sector benchmarks (lowest to highest)") };
  if (present[BAR_NORM])
    entries[n_entries++] = (Entry) { SWATCH_BAR, &white, FALSE, TRUE, NULL, 0, MARKER_NONE,
                                     _("Legal norm (maximum)") };

  if (!begin_page (p, self, entries, n_entries, width, height, &frame, error))
    return FALSE;

  grid_panels (&frame.plot, self->items->len, 2.5 * p->size, 1.6 * p->size, 1.3, panels);
  for (guint i = 0; i < self->items->len; i++)
    draw_consumption_panel (p, &panels[i], self->items->pdata[i]);

  return TRUE;
}

/* ---------------------------------------------------------------- pareto */

static const char *
part_label (ShChartWastePart part)
{
  switch (part)
    {
    case SH_CHART_WASTE_MATERIAL:
      return _("Material lost");
    case SH_CHART_WASTE_ENERGY:
      return _("Energy lost");
    case SH_CHART_WASTE_TREATMENT:
      return _("Treatment");
    case SH_CHART_WASTE_FEES:
      return _("Fees");
    case SH_CHART_WASTE_N_PARTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The unit money is shown in on the axis: whole millions or billions of
 * đồng read better than ten-digit numbers. */
static double
money_divisor (gint64        largest,
               const char  **unit)
{
  if (largest >= G_GINT64_CONSTANT (1000000000))
    {
      *unit = _("billion VND per year");
      return 1e9;
    }
  if (largest >= 1000000)
    {
      *unit = _("million VND per year");
      return 1e6;
    }
  if (largest >= 1000)
    {
      *unit = _("thousand VND per year");
      return 1e3;
    }
  *unit = _("VND per year");
  return 1;
}

static gboolean
draw_pareto (ShChart  *self,
             Painter  *p,
             double    width,
             double    height,
             GError  **error)
{
  Entry entries[SH_CHART_WASTE_N_PARTS + 2];
  gboolean present[SH_CHART_WASTE_N_PARTS] = { FALSE, };
  guint n = self->items->len, n_entries = 0;
  g_autofree const char **labels = g_new (const char *, n);
  g_autofree double *cumulative = g_new (double, n);
  const ShChartWaste *largest = self->items->pdata[0];
  const char *money_unit;
  double divisor, grand = 0, running = 0, slot, bar_w, label_h, left_w, right_w;
  Axis axis, percent;
  Frame frame;

  for (guint i = 0; i < n; i++)
    {
      const ShChartWaste *w = self->items->pdata[i];

      labels[i] = w->name;
      grand += (double) w->total;
      for (guint part = 0; part < SH_CHART_WASTE_N_PARTS; part++)
        present[part] |= w->parts[part] > 0;
    }
  for (guint i = 0; i < n; i++)
    {
      running += (double) ((const ShChartWaste *) self->items->pdata[i])->total;
      cumulative[i] = running / grand * 100;
    }

  for (guint part = 0; part < SH_CHART_WASTE_N_PARTS; part++)
    if (present[part])
      entries[n_entries++] = (Entry) { SWATCH_BAR, &part_colours[part], part == SH_CHART_WASTE_FEES, FALSE,
                                       NULL, 0, MARKER_NONE, part_label (part) };
  entries[n_entries++] = (Entry) { SWATCH_LINE, &ink, FALSE, FALSE, NULL, 0, MARKER_FILLED,
                                   _("Cumulative share") };
  entries[n_entries++] = (Entry) { SWATCH_LINE, &ink_soft, FALSE, FALSE, dashed, G_N_ELEMENTS (dashed),
                                   /* xgettext:no-c-format */
                                   MARKER_NONE, _("80 % of the cost") };

  if (!begin_page (p, self, entries, n_entries, width, height, &frame, error))
    return FALSE;

  divisor = money_divisor (largest->total, &money_unit);
  axis_init (p, &axis, 0, (double) largest->total / divisor * 1.08, frame.plot.height);
  percent.n_ticks = 6;
  percent.first = 0;
  percent.step = 20;
  percent.min = 0;
  percent.max = 100;

  left_w = axis_label_width (p, &axis, FALSE) + 0.6 * p->size;
  right_w = axis_label_width (p, &percent, TRUE) + 0.6 * p->size;
  axis.area = frame.plot;
  axis.area.x += left_w;
  axis.area.width -= left_w + right_w;
  slot = axis.area.width / n;
  label_h = measure_categories (p, labels, n, slot, 3);
  /* Room on top for the unit over the axis and the labels over the bars. */
  axis.area.y += 2.6 * p->size;
  axis.area.height -= 2.6 * p->size + label_h + 0.4 * p->size;
  percent.area = axis.area;
  if (axis.area.height < 4 * p->size || slot < 2 * p->size)
    {
      g_set_error (error, SH_CHART_ERROR, SH_CHART_ERROR_SIZE,
                   _("The page is too small for the chart: %.0f × %.0f is left for the plot."),
                   axis.area.width, axis.area.height);
      return FALSE;
    }

  draw_axis (p, &axis, FALSE, TRUE, FALSE);
  draw_axis (p, &percent, TRUE, FALSE, TRUE);
  text_at (p, p->small, money_unit, frame.plot.x, axis.area.y - 1.3 * p->size, 0, 1);
  text_at (p, p->small, _("cumulative %"), frame.plot.x + frame.plot.width, axis.area.y - 1.3 * p->size, 1, 1);
  draw_categories (p, labels, n, axis.area.x, slot, axis.area.y + axis.area.height + 0.3 * p->size, 3);

  bar_w = MIN (slot * 0.62, 7 * p->size);
  for (guint i = 0; i < n; i++)
    {
      const ShChartWaste *w = self->items->pdata[i];
      double cx = axis.area.x + (i + 0.5) * slot;
      double base = 0;
      g_autofree char *label = format_value ((double) w->total / divisor);

      for (guint part = 0; part < SH_CHART_WASTE_N_PARTS; part++)
        {
          double top = base + (double) w->parts[part] / divisor;

          if (w->parts[part] > 0)
            fill_box (p, cx - bar_w / 2, axis_y (&axis, base), cx + bar_w / 2, axis_y (&axis, top),
                      &part_colours[part], part == SH_CHART_WASTE_FEES, FALSE);
          base = top;
        }
      set_text (p, p->small, label, -1, 0, PANGO_ALIGN_CENTER);
      show_at (p, cx, axis_y (&axis, base) - 0.2 * p->size, 0.5, 1, &ink);
    }

  /* The 80 % line, then the cumulative line over everything. */
  stroke_line (p, axis.area.x, axis_y (&percent, 80), axis.area.x + axis.area.width, axis_y (&percent, 80),
               &ink_soft, 0.9, dashed, G_N_ELEMENTS (dashed));
  cairo_new_path (p->cr);
  for (guint i = 0; i < n; i++)
    cairo_line_to (p->cr, axis.area.x + (i + 0.5) * slot, axis_y (&percent, cumulative[i]));
  set_rgb (p->cr, &ink);
  cairo_set_line_width (p->cr, 1.6);
  cairo_stroke (p->cr);
  for (guint i = 0; i < n; i++)
    {
      double x = axis.area.x + (i + 0.5) * slot;
      double y = axis_y (&percent, cumulative[i]);
      g_autofree char *label = format_percent (cumulative[i]);

      draw_marker (p, x, y, MARKER_FILLED, &ink);
      set_text (p, p->small, label, -1, 0, PANGO_ALIGN_LEFT);
      show_boxed_at (p, x + 0.5 * p->size, y - 0.3 * p->size, 0, 1, &ink);
    }

  return TRUE;
}

/* --------------------------------------------------------------- savings */

static const Rgb *
status_colour (ShCalcTargetStatus status,
               gboolean          *hatched)
{
  *hatched = status == SH_CALC_TARGET_BELOW;
  switch (status)
    {
    case SH_CALC_TARGET_BELOW:
      return &below_colour;
    case SH_CALC_TARGET_WITHIN:
      return &within_colour;
    case SH_CALC_TARGET_ABOVE:
    default:
      return &above_colour;
    }
}

static gboolean
draw_savings (ShChart  *self,
              Painter  *p,
              double    width,
              double    height,
              GError  **error)
{
  Entry entries[4];
  gboolean present[3] = { FALSE, };
  guint n = self->items->len, n_entries = 0;
  g_autofree const char **labels = g_new (const char *, n);
  double low = MIN (0, self->target_min), high = self->target_max;
  double slot, bar_w, label_h, left_w;
  g_autofree char *band_low = format_percent (self->target_min);
  g_autofree char *band_high = format_percent (self->target_max);
  g_autofree char *band_label = NULL;
  Axis axis;
  Frame frame;

  for (guint i = 0; i < n; i++)
    {
      const ShChartSaving *s = self->items->pdata[i];

      labels[i] = s->name;
      low = MIN (low, s->percent);
      high = MAX (high, s->percent);
      present[s->status] = TRUE;
    }

  /* TRANSLATORS: the target band of the saving, e.g. “Target 8,0 %–13,0 %”. */
  band_label = g_strdup_printf (_("Target %s–%s"), band_low, band_high);
  entries[n_entries++] = (Entry) { SWATCH_BAND, &band_colour, FALSE, FALSE, NULL, 0, MARKER_NONE, band_label };
  if (present[SH_CALC_TARGET_BELOW])
    entries[n_entries++] = (Entry) { SWATCH_BAR, &below_colour, TRUE, FALSE, NULL, 0, MARKER_NONE,
                                     _("Below the target") };
  if (present[SH_CALC_TARGET_WITHIN])
    entries[n_entries++] = (Entry) { SWATCH_BAR, &within_colour, FALSE, FALSE, NULL, 0, MARKER_NONE,
                                     _("Within the target") };
  if (present[SH_CALC_TARGET_ABOVE])
    entries[n_entries++] = (Entry) { SWATCH_BAR, &above_colour, FALSE, FALSE, NULL, 0, MARKER_NONE,
                                     _("Above the target") };

  if (!begin_page (p, self, entries, n_entries, width, height, &frame, error))
    return FALSE;

  /* Headroom for the labels over (or under) the bars. */
  axis_init (p, &axis, low < 0 ? low - 0.08 * (high - low) : low, high + 0.1 * (high - low), frame.plot.height);
  left_w = axis_label_width (p, &axis, TRUE) + 0.6 * p->size;
  axis.area = frame.plot;
  axis.area.x += left_w;
  axis.area.width -= left_w;
  slot = axis.area.width / n;
  label_h = measure_categories (p, labels, n, slot, 3);
  axis.area.y += 1.4 * p->size;
  axis.area.height -= 1.4 * p->size + label_h + 0.4 * p->size;
  if (axis.area.height < 4 * p->size || slot < 2 * p->size)
    {
      g_set_error (error, SH_CHART_ERROR, SH_CHART_ERROR_SIZE,
                   _("The page is too small for the chart: %.0f × %.0f is left for the plot."),
                   axis.area.width, axis.area.height);
      return FALSE;
    }

  /* The band first, so the bars stand in front of it. */
  fill_box (p, axis.area.x, axis_y (&axis, self->target_min), axis.area.x + axis.area.width,
            axis_y (&axis, self->target_max), &band_colour, FALSE, FALSE);
  draw_axis (p, &axis, FALSE, TRUE, TRUE);
  stroke_line (p, axis.area.x, axis_y (&axis, self->target_min), axis.area.x + axis.area.width,
               axis_y (&axis, self->target_min), &ink_soft, 0.9, dashed, G_N_ELEMENTS (dashed));
  stroke_line (p, axis.area.x, axis_y (&axis, self->target_max), axis.area.x + axis.area.width,
               axis_y (&axis, self->target_max), &ink_soft, 0.9, dashed, G_N_ELEMENTS (dashed));
  draw_categories (p, labels, n, axis.area.x, slot, axis.area.y + axis.area.height + 0.3 * p->size, 3);

  bar_w = MIN (slot * 0.55, 6 * p->size);
  for (guint i = 0; i < n; i++)
    {
      const ShChartSaving *s = self->items->pdata[i];
      double cx = axis.area.x + (i + 0.5) * slot;
      double y0 = axis_y (&axis, 0), y1 = axis_y (&axis, s->percent);
      g_autofree char *label = format_percent (s->percent);
      gboolean hatched;
      const Rgb *colour = status_colour (s->status, &hatched);

      fill_box (p, cx - bar_w / 2, y0, cx + bar_w / 2, y1, colour, hatched, FALSE);
      set_text (p, p->small, label, -1, 0, PANGO_ALIGN_CENTER);
      if (s->percent >= 0)
        show_at (p, cx, y1 - 0.2 * p->size, 0.5, 1, &ink);
      else
        show_at (p, cx, y1 + 0.2 * p->size, 0.5, 0, &ink);
    }

  /* The band's name at its top left, where the first bar leaves room. */
  set_text (p, p->small, band_label, -1, 0, PANGO_ALIGN_LEFT);
  show_boxed_at (p, axis.area.x + 0.3 * p->size, axis_y (&axis, self->target_max) + 0.2 * p->size,
                 0, 0, &ink_soft);

  return TRUE;
}

/* ------------------------------------------------------------ monitoring */

static void
draw_series_panel (Painter             *p,
                   const Rect          *panel,
                   const ShChartSeries *s)
{
  guint n = s->points->len;
  g_autofree const char **labels = g_new (const char *, n);
  double high = 0, slot, label_h, left_w;
  Rect rest = draw_panel_title (p, panel, s->name, s->unit);
  Axis axis;

  for (guint k = 0; k < n; k++)
    {
      const ShChartPoint *point = &g_array_index (s->points, ShChartPoint, k);

      labels[k] = point->label;
      high = MAX (high, point->value);
    }
  if (s->has_mean)
    high = MAX (high, s->mean);
  if (s->has_target)
    high = MAX (high, s->target);

  /* From zero: a fall of a few % should look like one. */
  axis_init (p, &axis, 0, high * 1.1, rest.height);
  left_w = axis_label_width (p, &axis, FALSE) + 0.6 * p->size;
  axis.area = rest;
  axis.area.x += left_w;
  axis.area.width -= left_w;
  slot = axis.area.width / n;
  label_h = measure_categories (p, labels, n, slot, 2);
  axis.area.y += 0.6 * p->size;
  axis.area.height -= 0.6 * p->size + label_h + 0.4 * p->size;
  if (axis.area.height < 2 * p->size)
    return;

  draw_axis (p, &axis, FALSE, TRUE, FALSE);
  draw_categories (p, labels, n, axis.area.x, slot, axis.area.y + axis.area.height + 0.3 * p->size, 2);

  /* Where the options began: between the last baseline period and the
   * first after. */
  for (guint k = 1; k < n; k++)
    {
      const ShChartPoint *a = &g_array_index (s->points, ShChartPoint, k - 1);
      const ShChartPoint *b = &g_array_index (s->points, ShChartPoint, k);

      if (!a->after && b->after)
        stroke_line (p, axis.area.x + k * slot, axis.area.y, axis.area.x + k * slot,
                     axis.area.y + axis.area.height, &ink_soft, 0.8, NULL, 0);
    }

  if (s->has_mean)
    stroke_line (p, axis.area.x, axis_y (&axis, s->mean), axis.area.x + axis.area.width,
                 axis_y (&axis, s->mean), &ink_soft, 1.2, dashed, G_N_ELEMENTS (dashed));
  if (s->has_target)
    stroke_line (p, axis.area.x, axis_y (&axis, s->target), axis.area.x + axis.area.width,
                 axis_y (&axis, s->target), &target_colour, 1.8, dotted, G_N_ELEMENTS (dotted));

  cairo_new_path (p->cr);
  for (guint k = 0; k < n; k++)
    cairo_line_to (p->cr, axis.area.x + (k + 0.5) * slot,
                   axis_y (&axis, g_array_index (s->points, ShChartPoint, k).value));
  set_rgb (p->cr, &series_colour);
  cairo_set_line_width (p->cr, 1.8);
  cairo_stroke (p->cr);

  for (guint k = 0; k < n; k++)
    {
      const ShChartPoint *point = &g_array_index (s->points, ShChartPoint, k);
      double x = axis.area.x + (k + 0.5) * slot, y = axis_y (&axis, point->value);
      g_autofree char *label = format_value (point->value);

      draw_marker (p, x, y, point->after ? MARKER_FILLED : MARKER_OPEN, &series_colour);
      set_text (p, p->small, label, -1, 0, PANGO_ALIGN_CENTER);
      show_boxed_at (p, x, y - 0.5 * p->size, 0.5, 1, &ink);
    }
}

static gboolean
draw_monitoring (ShChart  *self,
                 Painter  *p,
                 double    width,
                 double    height,
                 GError  **error)
{
  Entry entries[5];
  gboolean any_mean = FALSE, any_target = FALSE, any_change = FALSE;
  g_autofree Rect *panels = g_new (Rect, self->items->len);
  guint n_entries = 0;
  Frame frame;

  for (guint i = 0; i < self->items->len; i++)
    {
      const ShChartSeries *s = self->items->pdata[i];

      any_mean |= s->has_mean;
      any_target |= s->has_target;
      for (guint k = 1; k < s->points->len; k++)
        any_change |= !g_array_index (s->points, ShChartPoint, k - 1).after
                      && g_array_index (s->points, ShChartPoint, k).after;
    }

  entries[n_entries++] = (Entry) { SWATCH_LINE, &series_colour, FALSE, FALSE, NULL, 0, MARKER_OPEN,
                                   _("Baseline period") };
  entries[n_entries++] = (Entry) { SWATCH_LINE, &series_colour, FALSE, FALSE, NULL, 0, MARKER_FILLED,
                                   _("Period after the options") };
  if (any_mean)
    entries[n_entries++] = (Entry) { SWATCH_LINE, &ink_soft, FALSE, FALSE, dashed, G_N_ELEMENTS (dashed),
                                     MARKER_NONE, _("Baseline average") };
  if (any_target)
    entries[n_entries++] = (Entry) { SWATCH_LINE, &target_colour, FALSE, FALSE, dotted, G_N_ELEMENTS (dotted),
                                     MARKER_NONE, _("Monitoring target") };
  if (any_change)
    entries[n_entries++] = (Entry) { SWATCH_RULE, &ink_soft, FALSE, FALSE, NULL, 0, MARKER_NONE,
                                     _("Options in place") };

  if (!begin_page (p, self, entries, n_entries, width, height, &frame, error))
    return FALSE;

  grid_panels (&frame.plot, self->items->len, 2.5 * p->size, 1.6 * p->size, 1.6, panels);
  for (guint i = 0; i < self->items->len; i++)
    draw_series_panel (p, &panels[i], self->items->pdata[i]);

  return TRUE;
}

/* ------------------------------------------------------------------ page */

gboolean
sh_chart_draw_plot (ShChart  *self,
                    cairo_t  *cr,
                    double    width,
                    double    height,
                    GError  **error)
{
  Painter p;
  gboolean ok = FALSE;

  g_assert (self->items->len > 0);

  cairo_save (cr);
  painter_init (&p, cr);

  switch (self->kind)
    {
    case SH_CHART_CONSUMPTION:
      ok = draw_consumption (self, &p, width, height, error);
      break;
    case SH_CHART_PARETO:
      ok = draw_pareto (self, &p, width, height, error);
      break;
    case SH_CHART_SAVINGS:
      ok = draw_savings (self, &p, width, height, error);
      break;
    case SH_CHART_MONITORING:
      ok = draw_monitoring (self, &p, width, height, error);
      break;
    case SH_CHART_SANKEY:
    case SH_CHART_N_KINDS:
    default:
      g_assert_not_reached ();
    }

  painter_clear (&p);
  cairo_restore (cr);
  return ok;
}
