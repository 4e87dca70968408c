/* sh-evidence-pages.c — a paginated A4 document drawn with Cairo and Pango.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "sh-evidence-pages.h"

#define CELL_PADDING      3.0
#define HEADER_FONT       "DejaVu Sans 7.5"
#define FOOTER_FONT       "DejaVu Sans Mono 6.5"
#define PAGE_LABEL_FONT   "DejaVu Serif 9"
#define CELL_FONT         "DejaVu Sans 8.5"

typedef enum
{
  ITEM_TEXT,
  ITEM_SPACE,
  ITEM_BREAK,
  ITEM_DRAWING,
  ITEM_ROW,
} ItemKind;

typedef struct _Item Item;

typedef struct
{
  guint             n_columns;
  double           *widths;   /* points */
  ShEvidenceAlign  *aligns;
  Item             *header;
} Table;

struct _Item
{
  ItemKind            kind;
  double              height;         /* without the space around */
  double              space_before;
  double              space_after;
  gboolean            keep_with_next;
  PangoLayout        *layout;         /* ITEM_TEXT */
  PangoLayout       **cells;          /* ITEM_ROW: table->n_columns layouts */
  Table              *table;
  gboolean            is_header;
  ShEvidenceDrawFunc  draw;           /* ITEM_DRAWING */
  gpointer            draw_data;
  GDestroyNotify      draw_destroy;
};

typedef struct
{
  Item   *item;
  double  y;      /* top of the item's box, space before excluded */
} Placed;

struct _ShEvidencePages
{
  PangoContext *context;
  GPtrArray    *items;   /* Item */
  GPtrArray    *tables;  /* Table */
  Table        *open_table;
  GPtrArray    *pages;   /* GArray of Placed; NULL until paginated */
  char         *header_left;
  char         *header_right;
  char         *footer;
  char         *page_word;
  char         *title;
};

static double
content_top (void)
{
  return SH_EVIDENCE_MARGIN_TOP + 6;
}

static double
content_bottom (void)
{
  return SH_EVIDENCE_PAGE_HEIGHT - SH_EVIDENCE_MARGIN_BOTTOM;
}

static void
item_free (gpointer data)
{
  Item *item = data;

  g_clear_object (&item->layout);
  if (item->cells != NULL)
    {
      for (guint i = 0; i < item->table->n_columns; i++)
        g_clear_object (&item->cells[i]);
      g_free (item->cells);
    }
  if (item->draw_destroy != NULL)
    item->draw_destroy (item->draw_data);
  g_free (item);
}

static void
table_free (gpointer data)
{
  Table *table = data;

  g_free (table->widths);
  g_free (table->aligns);
  g_free (table);
}

ShEvidencePages *
sh_evidence_pages_new (void)
{
  ShEvidencePages *self = g_new0 (ShEvidencePages, 1);
  cairo_font_options_t *options;

  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  /* 72 dpi: one Pango point is one unit of the page. Unhinted metrics and
   * unrounded glyph positions measure the same on every surface. */
  pango_cairo_context_set_resolution (self->context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);

  self->items = g_ptr_array_new_with_free_func (item_free);
  self->tables = g_ptr_array_new_with_free_func (table_free);
  self->page_word = g_strdup ("");

  return self;
}

void
sh_evidence_pages_free (ShEvidencePages *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_free (self->header_left);
  g_free (self->header_right);
  g_free (self->footer);
  g_free (self->page_word);
  g_free (self->title);
  g_free (self);
}

void
sh_evidence_pages_set_header (ShEvidencePages *self,
                              const char      *left,
                              const char      *right)
{
  g_return_if_fail (self != NULL);

  g_free (self->header_left);
  g_free (self->header_right);
  self->header_left = g_strdup (left);
  self->header_right = g_strdup (right);
}

void
sh_evidence_pages_set_footer (ShEvidencePages *self,
                              const char      *footer)
{
  g_return_if_fail (self != NULL);

  g_free (self->footer);
  self->footer = g_strdup (footer);
}

void
sh_evidence_pages_set_page_word (ShEvidencePages *self,
                                 const char      *word)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (word != NULL);

  g_free (self->page_word);
  self->page_word = g_strdup (word);
}

void
sh_evidence_pages_set_title (ShEvidencePages *self,
                             const char      *title)
{
  g_return_if_fail (self != NULL);

  g_free (self->title);
  self->title = g_strdup (title);
}

double
sh_evidence_pages_get_text_width (ShEvidencePages *self)
{
  return SH_EVIDENCE_PAGE_WIDTH - SH_EVIDENCE_MARGIN_LEFT - SH_EVIDENCE_MARGIN_RIGHT;
}

static PangoLayout *
make_layout (ShEvidencePages *self,
             const char      *font,
             const char      *markup,
             double           width,
             PangoAlignment   align,
             gboolean         justify)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_justify (layout, justify);
  pango_layout_set_markup (layout, markup != NULL ? markup : "", -1);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static Item *
add_item (ShEvidencePages *self,
          ItemKind         kind)
{
  Item *item = g_new0 (Item, 1);

  g_return_val_if_fail (self->pages == NULL, item);

  item->kind = kind;
  g_ptr_array_add (self->items, item);
  return item;
}

void
sh_evidence_pages_add_text (ShEvidencePages     *self,
                            ShEvidenceTextStyle  style,
                            const char          *markup)
{
  static const struct
  {
    const char     *font;
    PangoAlignment  align;
    gboolean        justify;
    double          before;
    double          after;
    gboolean        keep;
  } styles[] = {
    [SH_EVIDENCE_TEXT_TITLE] = { "DejaVu Serif Bold 15", PANGO_ALIGN_CENTER, FALSE, 8, 6, TRUE },
    [SH_EVIDENCE_TEXT_SUBTITLE] = { "DejaVu Serif Bold 11.5", PANGO_ALIGN_CENTER, FALSE, 4, 4, TRUE },
    [SH_EVIDENCE_TEXT_CENTER] = { "DejaVu Serif 10", PANGO_ALIGN_CENTER, FALSE, 0, 3, FALSE },
    [SH_EVIDENCE_TEXT_HEADING] = { "DejaVu Serif Bold 12", PANGO_ALIGN_LEFT, FALSE, 12, 6, TRUE },
    [SH_EVIDENCE_TEXT_SUBHEADING] = { "DejaVu Serif Bold 10", PANGO_ALIGN_LEFT, FALSE, 7, 3, TRUE },
    [SH_EVIDENCE_TEXT_BODY] = { "DejaVu Serif 10", PANGO_ALIGN_LEFT, TRUE, 0, 4, FALSE },
    [SH_EVIDENCE_TEXT_SMALL] = { "DejaVu Sans 7.5", PANGO_ALIGN_LEFT, FALSE, 1, 3, FALSE },
    [SH_EVIDENCE_TEXT_MONO] = { "DejaVu Sans Mono 8", PANGO_ALIGN_LEFT, FALSE, 0, 3, FALSE },
  };
  Item *item;

  g_return_if_fail (self != NULL);
  g_return_if_fail ((guint) style < G_N_ELEMENTS (styles));
  g_return_if_fail (self->open_table == NULL);

  item = add_item (self, ITEM_TEXT);
  item->layout = make_layout (self, styles[style].font, markup, sh_evidence_pages_get_text_width (self),
                              styles[style].align, styles[style].justify);
  item->height = layout_height (item->layout);
  item->space_before = styles[style].before;
  item->space_after = styles[style].after;
  item->keep_with_next = styles[style].keep;
}

void
sh_evidence_pages_add_space (ShEvidencePages *self,
                             double           points)
{
  Item *item;

  g_return_if_fail (self != NULL);
  g_return_if_fail (points >= 0);

  item = add_item (self, ITEM_SPACE);
  item->height = points;
}

void
sh_evidence_pages_add_page_break (ShEvidencePages *self)
{
  g_return_if_fail (self != NULL);

  add_item (self, ITEM_BREAK);
}

void
sh_evidence_pages_add_drawing (ShEvidencePages    *self,
                               double              height,
                               ShEvidenceDrawFunc  draw,
                               gpointer            user_data,
                               GDestroyNotify      destroy)
{
  Item *item;

  g_return_if_fail (self != NULL);
  g_return_if_fail (draw != NULL);
  g_return_if_fail (height > 0 && height <= content_bottom () - content_top ());

  item = add_item (self, ITEM_DRAWING);
  item->height = height;
  item->space_after = 4;
  item->draw = draw;
  item->draw_data = user_data;
  item->draw_destroy = destroy;
}

static Item *
make_row (ShEvidencePages    *self,
          Table              *table,
          const char * const *cells,
          gboolean            is_header,
          double              min_height)
{
  Item *item = add_item (self, ITEM_ROW);
  double height = min_height;

  item->table = table;
  item->is_header = is_header;
  item->keep_with_next = is_header;
  item->cells = g_new0 (PangoLayout *, table->n_columns);
  for (guint i = 0; i < table->n_columns; i++)
    {
      static const PangoAlignment aligns[] = { PANGO_ALIGN_LEFT, PANGO_ALIGN_CENTER, PANGO_ALIGN_RIGHT };

      item->cells[i] = make_layout (self, is_header ? CELL_FONT " Bold" : CELL_FONT,
                                    cells[i], table->widths[i] - 2 * CELL_PADDING,
                                    is_header ? PANGO_ALIGN_CENTER : aligns[table->aligns[i]], FALSE);
      height = MAX (height, layout_height (item->cells[i]) + 2 * CELL_PADDING);
    }
  item->height = height;

  return item;
}

void
sh_evidence_pages_begin_table (ShEvidencePages       *self,
                               guint                  n_columns,
                               const double          *widths,
                               const char * const    *headers,
                               const ShEvidenceAlign *aligns)
{
  Table *table;
  double total = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (n_columns > 0);
  g_return_if_fail (widths != NULL && headers != NULL);
  g_return_if_fail (self->open_table == NULL);

  for (guint i = 0; i < n_columns; i++)
    total += widths[i];
  g_return_if_fail (total > 0);

  table = g_new0 (Table, 1);
  table->n_columns = n_columns;
  table->widths = g_new (double, n_columns);
  table->aligns = g_new0 (ShEvidenceAlign, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      table->widths[i] = widths[i] / total * sh_evidence_pages_get_text_width (self);
      if (aligns != NULL)
        table->aligns[i] = aligns[i];
    }
  g_ptr_array_add (self->tables, table);
  self->open_table = table;

  table->header = make_row (self, table, headers, TRUE, 0);
  table->header->space_before = 2;
}

void
sh_evidence_pages_add_row_sized (ShEvidencePages    *self,
                                 const char * const *cells,
                                 double              min_height)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cells != NULL);
  g_return_if_fail (self->open_table != NULL);

  make_row (self, self->open_table, cells, FALSE, min_height);
}

void
sh_evidence_pages_add_row (ShEvidencePages    *self,
                           const char * const *cells)
{
  sh_evidence_pages_add_row_sized (self, cells, 0);
}

void
sh_evidence_pages_end_table (ShEvidencePages *self)
{
  Item *last;

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->open_table != NULL);

  last = g_ptr_array_index (self->items, self->items->len - 1);
  last->space_after = 6;
  self->open_table = NULL;
}

/* ------------------------------------------------------------------------
 * Pagination
 * ------------------------------------------------------------------------ */

static GArray *
new_page (ShEvidencePages *self)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (Placed));

  g_ptr_array_add (self->pages, page);
  return page;
}

static void
paginate (ShEvidencePages *self)
{
  double top = content_top ();
  double bottom = content_bottom ();
  GArray *page;
  double y = top;

  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  page = new_page (self);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      double before = y > top ? item->space_before : 0;
      double need = before + item->height;
      Placed placed;

      switch (item->kind)
        {
        case ITEM_BREAK:
          if (page->len > 0)
            {
              page = new_page (self);
              y = top;
            }
          continue;

        case ITEM_SPACE:
          if (y > top)
            y = MIN (y + item->height, bottom);
          continue;

        case ITEM_TEXT:
        case ITEM_DRAWING:
        case ITEM_ROW:
        default:
          break;
        }

      /* A heading, or a table's header, goes with what follows it. */
      for (guint j = i + 1; item->keep_with_next && j < self->items->len; j++)
        {
          Item *next = g_ptr_array_index (self->items, j);

          if (next->kind == ITEM_SPACE)
            continue;
          if (next->kind != ITEM_BREAK)
            need += next->space_before + next->height;
          if (!next->keep_with_next)
            break;
        }

      if (y + need > bottom && y > top)
        {
          page = new_page (self);
          y = top;
          before = 0;
          if (item->kind == ITEM_ROW && !item->is_header)
            {
              placed.item = item->table->header;
              placed.y = y;
              g_array_append_val (page, placed);
              y += item->table->header->height;
            }
        }

      placed.item = item;
      placed.y = y + before;
      g_array_append_val (page, placed);
      y = placed.y + item->height + item->space_after;
    }

  /* A trailing page break leaves an empty page: drop it. */
  if (self->pages->len > 1 && page->len == 0)
    g_ptr_array_remove_index (self->pages, self->pages->len - 1);
}

guint
sh_evidence_pages_get_n_pages (ShEvidencePages *self)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (self->open_table == NULL, 0);

  if (self->pages == NULL)
    paginate (self);
  return self->pages->len;
}

/* ------------------------------------------------------------------------
 * Drawing
 * ------------------------------------------------------------------------ */

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
}

static void
draw_row (cairo_t *cr,
          Item    *item,
          double   y)
{
  double x = SH_EVIDENCE_MARGIN_LEFT;

  for (guint i = 0; i < item->table->n_columns; i++)
    {
      double w = item->table->widths[i];

      if (item->is_header)
        {
          cairo_rectangle (cr, x, y, w, item->height);
          cairo_set_source_rgb (cr, 0.88, 0.90, 0.92);
          cairo_fill (cr);
        }
      cairo_set_source_rgb (cr, 0, 0, 0);
      show_layout (cr, item->cells[i], x + CELL_PADDING, y + CELL_PADDING);
      cairo_rectangle (cr, x, y, w, item->height);
      cairo_set_line_width (cr, 0.5);
      cairo_stroke (cr);
      x += w;
    }
}

static void
draw_header_footer (ShEvidencePages *self,
                    cairo_t         *cr,
                    guint            page)
{
  double left = SH_EVIDENCE_MARGIN_LEFT;
  double width = sh_evidence_pages_get_text_width (self);
  double rule_top = SH_EVIDENCE_MARGIN_TOP - 6;
  double rule_bottom = content_bottom () + 6;
  g_autofree char *label = NULL;
  g_autofree char *escaped = NULL;
  g_autoptr(PangoLayout) page_label = NULL;
  double label_width;
  PangoRectangle logical;

  cairo_set_source_rgb (cr, 0, 0, 0);
  if (self->header_left != NULL)
    {
      g_autofree char *markup = g_markup_escape_text (self->header_left, -1);
      g_autoptr(PangoLayout) layout = make_layout (self, HEADER_FONT, markup, width * 0.62,
                                                   PANGO_ALIGN_LEFT, FALSE);

      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      show_layout (cr, layout, left, rule_top - 2 - layout_height (layout));
    }
  if (self->header_right != NULL)
    {
      g_autofree char *markup = g_markup_escape_text (self->header_right, -1);
      g_autoptr(PangoLayout) layout = make_layout (self, HEADER_FONT, markup, width * 0.36,
                                                   PANGO_ALIGN_RIGHT, FALSE);

      show_layout (cr, layout, left + width * 0.64, rule_top - 2 - layout_height (layout));
    }
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, left, rule_top);
  cairo_line_to (cr, left + width, rule_top);
  cairo_move_to (cr, left, rule_bottom);
  cairo_line_to (cr, left + width, rule_bottom);
  cairo_stroke (cr);

  label = g_strdup_printf ("%s %u/%u", self->page_word, page + 1, self->pages->len);
  escaped = g_markup_escape_text (label, -1);
  page_label = make_layout (self, PAGE_LABEL_FONT, escaped, -1, PANGO_ALIGN_RIGHT, FALSE);
  pango_layout_get_extents (page_label, NULL, &logical);
  label_width = (double) logical.width / PANGO_SCALE;
  show_layout (cr, page_label, left + width - label_width, rule_bottom + 3);

  if (self->footer != NULL)
    {
      g_autofree char *markup = g_markup_escape_text (self->footer, -1);
      g_autoptr(PangoLayout) layout = make_layout (self, FOOTER_FONT, markup, width - label_width - 8,
                                                   PANGO_ALIGN_LEFT, FALSE);

      show_layout (cr, layout, left, rule_bottom + 3);
    }
}

void
sh_evidence_pages_draw_page (ShEvidencePages *self,
                             cairo_t         *cr,
                             guint            page)
{
  GArray *placed;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < sh_evidence_pages_get_n_pages (self));

  placed = g_ptr_array_index (self->pages, page);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, SH_EVIDENCE_PAGE_WIDTH, SH_EVIDENCE_PAGE_HEIGHT);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);

  draw_header_footer (self, cr, page);

  for (guint i = 0; i < placed->len; i++)
    {
      Placed *p = &g_array_index (placed, Placed, i);
      Item *item = p->item;

      cairo_save (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      switch (item->kind)
        {
        case ITEM_TEXT:
          show_layout (cr, item->layout, SH_EVIDENCE_MARGIN_LEFT, p->y);
          break;
        case ITEM_ROW:
          draw_row (cr, item, p->y);
          break;
        case ITEM_DRAWING:
          item->draw (cr, SH_EVIDENCE_MARGIN_LEFT, p->y, sh_evidence_pages_get_text_width (self),
                      item->height, item->draw_data);
          break;
        case ITEM_SPACE:
        case ITEM_BREAK:
        default:
          g_assert_not_reached ();
        }
      cairo_restore (cr);
    }
  cairo_restore (cr);
}

gboolean
sh_evidence_pages_write_pdf (ShEvidencePages  *self,
                             const char       *path,
                             GError          **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  guint n_pages;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  n_pages = sh_evidence_pages_get_n_pages (self);
  surface = cairo_pdf_surface_create (path, SH_EVIDENCE_PAGE_WIDTH, SH_EVIDENCE_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Sạch Hơn " PACKAGE_VERSION);
  if (self->title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cr = cairo_create (surface);
  for (guint i = 0; i < n_pages; i++)
    {
      sh_evidence_pages_draw_page (self, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write the PDF file “%s”: %s"),
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
