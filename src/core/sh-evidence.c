/* sh-evidence.c — the printed certification evidence dossier, and its check.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n-lib.h>
#include <libxml/tree.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include "sh-evidence.h"
#include "sh-flows.h"
#include "sh-format.h"
#include "sh-refdata.h"
#include "sh-report-common.h"
#include "sh-report-export.h"
#include "sh-sankey-assessment.h"
#include "sh-sankey-render.h"
#include "sh-summary.h"
#include "sh-tasks.h"
#include "sh-xml-safe.h"

G_DEFINE_QUARK (sh-evidence-error-quark, sh_evidence_error)

#define QR_PREFIX "SACHHON-HOSO"
#define THUMB_SIZE 150.0

/* Translates into the dossier's language, not the program's. */
#define T(msgid) sh_evidence_lang_gettext (self->lang, msgid)

typedef enum
{
  FILE_MATCHES,     /* the file is there and its SHA-256 is the recorded one */
  FILE_DIFFERS,     /* the file is there but has changed */
  FILE_MISSING,     /* neither stored nor found at its path */
} FileCheck;

typedef struct
{
  ShRecord         *row;
  FileCheck         check;
  cairo_surface_t  *thumbnail;   /* photos that could be decoded, else NULL */
  char             *number;      /* "E01" */
} Evidence;

typedef struct
{
  ShSankeyGraph *graph;
  char          *title;
  char          *caption;
  char         **notes;    /* flows left out of the graph, and why */
} Diagram;

struct _ShEvidenceDossier
{
  ShEvidenceLang      *lang;
  ShEvidenceXmlInfo   *xml;
  ShRecord            *assessment;
  ShRecord            *facility;
  ShRecord            *sector;         /* may be NULL */
  ShRecord            *province;       /* may be NULL */
  ShRecord            *annual_report;  /* the latest one, may be NULL */
  GPtrArray           *consultants;    /* ShRecord consultant; lead first */
  GPtrArray           *team;           /* ShRecord team_member */
  GPtrArray           *training;       /* ShRecord training_event */
  GPtrArray           *options;        /* ShRecord cp_option: implemented or in progress */
  GPtrArray           *monitoring;     /* ShRecord monitoring_record */
  GPtrArray           *evidence;       /* Evidence */
  GPtrArray           *diagrams;       /* Diagram */
  ShSummary           *summary;
  char                *number;
  ShEvidenceCriterion  criteria[SH_EVIDENCE_N_CRITERIA];
};

/* ------------------------------------------------------------------------
 * The XML a dossier is tied to, and its check
 * ------------------------------------------------------------------------ */

void
sh_evidence_xml_info_free (ShEvidenceXmlInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->path);
  g_free (info->sha256);
  g_free (info->document_uuid);
  g_free (info->subject_uuid);
  g_free (info->revision);
  g_free (info->created);
  g_free (info->root);
  g_free (info);
}

static xmlNode *
first_child (xmlNode    *parent,
             const char *name)
{
  for (xmlNode *n = parent != NULL ? parent->children : NULL; n != NULL; n = n->next)
    if (n->type == XML_ELEMENT_NODE && g_str_equal ((const char *) n->name, name))
      return n;
  return NULL;
}

static char *
child_text (xmlNode    *parent,
            const char *name)
{
  xmlNode *node = first_child (parent, name);
  xmlChar *content;
  char *text;

  if (node == NULL)
    return NULL;
  content = xmlNodeGetContent (node);
  text = g_strstrip (g_strdup ((const char *) content));
  xmlFree (content);
  return text;
}

ShEvidenceXmlInfo *
sh_evidence_xml_info_read (const char  *path,
                           GError     **error)
{
  g_autoptr(ShEvidenceXmlInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  xmlNode *root;
  xmlNode *header;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(bytes = sh_xml_safe_read_file (path, SH_REPORT_MAX_FILE_SIZE, error)))
    return NULL;

  info = g_new0 (ShEvidenceXmlInfo, 1);
  info->path = g_strdup (path);
  info->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  /* Only the header is wanted: a file that does not parse still has a
   * hash, which is all a verification needs. */
  doc = sh_xml_safe_parse (bytes, path, SH_REPORT_MAX_FILE_SIZE, NULL, NULL);
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root != NULL)
    {
      info->root = g_strdup ((const char *) root->name);
      header = first_child (root, "ThongTinTaiLieu");
      info->document_uuid = child_text (header, "MaTaiLieu");
      info->subject_uuid = child_text (header, "MaDoiTuong");
      info->revision = child_text (header, "LanBanHanh");
      info->created = child_text (header, "ThoiDiemTao");
    }

  return g_steal_pointer (&info);
}

char *
sh_evidence_format_fingerprint (const char *sha256)
{
  GString *text;

  g_return_val_if_fail (sha256 != NULL, NULL);

  text = g_string_new (NULL);
  for (const char *p = sha256; *p != '\0'; p++)
    {
      gsize n = p - sha256;

      if (n > 0 && n % 4 == 0)
        g_string_append_c (text, ' ');
      g_string_append_c (text, g_ascii_toupper (*p));
    }
  return g_string_free (text, FALSE);
}

/* 64 lower-case hex digits from what a person typed or a scanner read. */
static char *
normalize_fingerprint (const char  *text,
                       char       **out_uuid,
                       GError     **error)
{
  g_autoptr(GString) hex = g_string_new (NULL);
  g_autofree char *uuid = NULL;
  const char *digits = text;

  if (g_str_has_prefix (text, QR_PREFIX ";"))
    {
      g_auto (GStrv) fields = g_strsplit (text + strlen (QR_PREFIX ";"), ";", -1);

      digits = NULL;
      for (guint i = 0; fields[i] != NULL; i++)
        {
          if (g_str_has_prefix (fields[i], "uuid="))
            {
              g_free (uuid);
              uuid = g_strstrip (g_strdup (fields[i] + strlen ("uuid=")));
            }
          else if (g_str_has_prefix (fields[i], "sha256="))
            digits = text + (strstr (text, fields[i]) - text) + strlen ("sha256=");
        }
      if (digits == NULL)
        digits = "";
    }

  for (const char *p = digits; *p != '\0' && *p != ';'; p++)
    {
      if (g_ascii_isxdigit (*p))
        g_string_append_c (hex, g_ascii_tolower (*p));
      else if (!(g_ascii_isspace (*p) || *p == ':' || *p == '-'))
        break;
    }

  if (hex->len != 64)
    {
      g_set_error (error, SH_EVIDENCE_ERROR, SH_EVIDENCE_ERROR_FINGERPRINT,
                   _("A fingerprint is 64 hexadecimal digits (0–9, A–F); “%s” is not one."), text);
      return NULL;
    }
  if (out_uuid != NULL)
    *out_uuid = g_steal_pointer (&uuid);
  return g_string_free (g_steal_pointer (&hex), FALSE);
}

gboolean
sh_evidence_verify (const char              *xml_path,
                    const char              *fingerprint,
                    ShEvidenceVerifyResult  *result,
                    GError                 **error)
{
  g_autoptr(ShEvidenceXmlInfo) info = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *uuid = NULL;

  g_return_val_if_fail (xml_path != NULL, FALSE);
  g_return_val_if_fail (fingerprint != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (result, 0, sizeof *result);
  if (!(expected = normalize_fingerprint (fingerprint, &uuid, error)))
    return FALSE;
  if (!(info = sh_evidence_xml_info_read (xml_path, error)))
    return FALSE;

  result->file_sha256 = g_strdup (info->sha256);
  result->file_document_uuid = g_strdup (info->document_uuid);
  result->matches = g_str_equal (expected, info->sha256);
  if (uuid != NULL)
    {
      result->uuid_checked = TRUE;
      result->uuid_matches = info->document_uuid != NULL &&
                             g_ascii_strcasecmp (uuid, info->document_uuid) == 0;
    }
  return TRUE;
}

void
sh_evidence_verify_result_clear (ShEvidenceVerifyResult *result)
{
  g_clear_pointer (&result->file_sha256, g_free);
  g_clear_pointer (&result->file_document_uuid, g_free);
}

gboolean
sh_evidence_draw_qr (cairo_t    *cr,
                     const char *text,
                     double      x,
                     double      y,
                     double      size)
{
  QRcode *code;
  double module;
  int quiet = 4;

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  code = QRcode_encodeString8bit (text, 0, QR_ECLEVEL_M);
  if (code == NULL)
    return FALSE;

  module = size / (code->width + 2 * quiet);
  cairo_save (cr);
  cairo_rectangle (cr, x, y, size, size);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (int row = 0; row < code->width; row++)
    for (int col = 0; col < code->width; col++)
      if (code->data[row * code->width + col] & 1)
        cairo_rectangle (cr, x + (col + quiet) * module, y + (row + quiet) * module, module, module);
  /* One fill: adjacent modules join without hairline seams. */
  cairo_fill (cr);
  cairo_restore (cr);
  QRcode_free (code);

  return TRUE;
}

/* ------------------------------------------------------------------------
 * Loading
 * ------------------------------------------------------------------------ */

static void
evidence_free (gpointer data)
{
  Evidence *e = data;

  sh_record_unref (e->row);
  g_clear_pointer (&e->thumbnail, cairo_surface_destroy);
  g_free (e->number);
  g_free (e);
}

static void
diagram_free (gpointer data)
{
  Diagram *d = data;

  sh_sankey_graph_unref (d->graph);
  g_free (d->title);
  g_free (d->caption);
  g_strfreev (d->notes);
  g_free (d);
}

void
sh_evidence_dossier_free (ShEvidenceDossier *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->lang, sh_evidence_lang_free);
  g_clear_pointer (&self->xml, sh_evidence_xml_info_free);
  g_clear_pointer (&self->assessment, sh_record_unref);
  g_clear_pointer (&self->facility, sh_record_unref);
  g_clear_pointer (&self->sector, sh_record_unref);
  g_clear_pointer (&self->province, sh_record_unref);
  g_clear_pointer (&self->annual_report, sh_record_unref);
  g_clear_pointer (&self->consultants, g_ptr_array_unref);
  g_clear_pointer (&self->team, g_ptr_array_unref);
  g_clear_pointer (&self->training, g_ptr_array_unref);
  g_clear_pointer (&self->options, g_ptr_array_unref);
  g_clear_pointer (&self->monitoring, g_ptr_array_unref);
  g_clear_pointer (&self->evidence, g_ptr_array_unref);
  g_clear_pointer (&self->diagrams, g_ptr_array_unref);
  g_clear_pointer (&self->summary, sh_summary_free);
  g_free (self->number);
  for (guint i = 0; i < SH_EVIDENCE_N_CRITERIA; i++)
    {
      g_free (self->criteria[i].title);
      g_free (self->criteria[i].reason);
    }
  g_free (self);
}

static gboolean
has_text (ShRecord   *row,
          const char *column)
{
  const char *text = row != NULL ? sh_record_get_string (row, column) : NULL;

  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*text))
    text++;
  return *text != '\0';
}

static const char *
text_or (ShRecord   *row,
         const char *column,
         const char *fallback)
{
  return has_text (row, column) ? sh_record_get_string (row, column) : fallback;
}

/* A date as people read it, or @fallback. */
static char *
date_or (ShRecord   *row,
         const char *column,
         const char *fallback)
{
  char *date = has_text (row, column) ? sh_format_date (sh_record_get_string (row, column)) : NULL;

  return date != NULL ? date : g_strdup (fallback);
}

/* Converts a GdkPixbuf to a Cairo image: premultiplied native-endian ARGB. */
static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int src_stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guint8 *src = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  int stride = cairo_image_surface_get_stride (surface);
  guint8 *dst;

  cairo_surface_flush (surface);
  dst = cairo_image_surface_get_data (surface);
  for (int y = 0; y < height; y++)
    {
      const guint8 *s = src + y * src_stride;
      guint32 *d = (guint32 *) (dst + y * stride);

      for (int x = 0; x < width; x++, s += channels)
        {
          guint a = channels == 4 ? s[3] : 255;
          guint r = s[0] * a / 255, g = s[1] * a / 255, b = s[2] * a / 255;

          d[x] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }
  cairo_surface_mark_dirty (surface);
  return surface;
}

static cairo_surface_t *
make_thumbnail (GBytes *bytes)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkPixbuf) oriented = NULL;

  /* Twice the printed size keeps the thumbnail sharp on paper. */
  pixbuf = gdk_pixbuf_new_from_stream_at_scale (stream, (int) THUMB_SIZE * 2, (int) THUMB_SIZE * 2,
                                                TRUE, NULL, NULL);
  if (pixbuf == NULL)
    return NULL;
  oriented = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  return surface_from_pixbuf (oriented != NULL ? oriented : pixbuf);
}

/* Reads the attachment (stored, or at its path: absolute, or relative to
 * the database's folder) and checks it against its recorded SHA-256. */
static void
check_evidence (ShStore  *store,
                Evidence *e)
{
  g_autoptr(GBytes) bytes = NULL;
  const GValue *content = sh_record_get_value (e->row, "content");
  const char *path = sh_record_get_string (e->row, "file_path");
  const char *media_type = sh_record_get_string (e->row, "media_type");
  g_autofree char *sha256 = NULL;

  if (content != NULL && G_VALUE_HOLDS (content, G_TYPE_BYTES) && g_value_get_boxed (content) != NULL)
    bytes = g_bytes_ref (g_value_get_boxed (content));
  else if (path != NULL && *path != '\0')
    {
      g_autofree char *dir = g_path_get_dirname (sh_store_get_path (store));
      g_autofree char *full = g_path_is_absolute (path) ? g_strdup (path) : g_build_filename (dir, path, NULL);
      g_autoptr(GMappedFile) file = g_mapped_file_new (full, FALSE, NULL);

      if (file != NULL)
        bytes = g_mapped_file_get_bytes (file);
    }

  if (bytes == NULL)
    {
      e->check = FILE_MISSING;
      return;
    }

  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  e->check = g_ascii_strcasecmp (sha256, sh_record_get_string (e->row, "sha256")) == 0 ? FILE_MATCHES : FILE_DIFFERS;
  if (g_strcmp0 (sh_record_get_string (e->row, "kind"), "photo") == 0 ||
      (media_type != NULL && g_str_has_prefix (media_type, "image/")))
    e->thumbnail = make_thumbnail (bytes);
}

static gboolean
load_evidence (ShEvidenceDossier  *self,
               ShStore            *store,
               GError            **error)
{
  g_autoptr(GPtrArray) own = NULL;
  g_autoptr(GPtrArray) facility_rows = NULL;
  gint64 id = sh_record_get_id (self->assessment);

  if (!(own = sh_store_list (store, "evidence", "assessment_id", id, error)) ||
      !(facility_rows = sh_store_list (store, "evidence", "facility_id", sh_record_get_id (self->facility), error)))
    return FALSE;

  self->evidence = g_ptr_array_new_with_free_func (evidence_free);
  /* The assessment's own attachments, then the facility's general ones
   * (decisions, certificates) that belong to no assessment. */
  for (guint pass = 0; pass < 2; pass++)
    {
      GPtrArray *rows = pass == 0 ? own : facility_rows;

      for (guint i = 0; i < rows->len; i++)
        {
          ShRecord *row = rows->pdata[i];
          Evidence *e;

          if (pass == 1 && !sh_record_is_null (row, "assessment_id"))
            continue;
          e = g_new0 (Evidence, 1);
          e->row = sh_record_ref (row);
          e->number = g_strdup_printf ("E%02u", self->evidence->len + 1);
          check_evidence (store, e);
          g_ptr_array_add (self->evidence, e);
        }
    }
  return TRUE;
}

static gboolean
load_consultants (ShEvidenceDossier  *self,
                  ShStore            *store,
                  GError            **error)
{
  g_autoptr(GPtrArray) links = NULL;

  if (!(links = sh_store_list (store, "assessment_consultant", "assessment_id",
                               sh_record_get_id (self->assessment), error)))
    return FALSE;

  self->consultants = g_ptr_array_new_with_free_func ((GDestroyNotify) sh_record_unref);
  for (guint i = 0; i < links->len; i++)
    {
      ShRecord *consultant = sh_store_get (store, "consultant",
                                           sh_record_get_int (links->pdata[i], "consultant_id", 0), error);

      if (consultant == NULL)
        return FALSE;
      if (g_strcmp0 (sh_record_get_string (links->pdata[i], "role"), "lead") == 0)
        g_ptr_array_insert (self->consultants, 0, consultant);
      else
        g_ptr_array_add (self->consultants, consultant);
    }
  return TRUE;
}

static gboolean
load_options (ShEvidenceDossier  *self,
              ShStore            *store,
              GError            **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  if (!(rows = sh_store_list (store, "cp_option", "assessment_id", sh_record_get_id (self->assessment), error)) ||
      !(self->monitoring = sh_store_list (store, "monitoring_record", "assessment_id",
                                          sh_record_get_id (self->assessment), error)))
    return FALSE;

  self->options = g_ptr_array_new_with_free_func ((GDestroyNotify) sh_record_unref);
  /* Implemented first, then those under way. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < rows->len; i++)
      if (g_strcmp0 (sh_record_get_string (rows->pdata[i], "status"), pass == 0 ? "implemented" : "in_progress") == 0)
        g_ptr_array_add (self->options, sh_record_ref (rows->pdata[i]));
  return TRUE;
}

/* The latest annual report of the facility, submitted ones first. */
static gboolean
load_annual_report (ShEvidenceDossier  *self,
                    ShStore            *store,
                    GError            **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  ShRecord *best = NULL;

  if (!(rows = sh_store_list (store, "annual_report", "facility_id", sh_record_get_id (self->facility), error)))
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      ShRecord *row = rows->pdata[i];
      gboolean sent = !has_text (row, "status") || !g_str_equal (sh_record_get_string (row, "status"), "draft");
      gboolean best_sent = best != NULL && !g_str_equal (text_or (best, "status", "draft"), "draft");

      if (best == NULL || (sent && !best_sent) ||
          (sent == best_sent && sh_record_get_int (row, "year", 0) > sh_record_get_int (best, "year", 0)))
        best = row;
    }
  if (best != NULL)
    self->annual_report = sh_record_ref (best);
  return TRUE;
}

static const char *
layer_title (ShEvidenceDossier *self,
             ShFlowLayer        layer)
{
  switch (layer)
    {
    case SH_FLOW_LAYER_MASS:
      return T (N_("Material balance"));
    case SH_FLOW_LAYER_WATER:
      return T (N_("Water balance"));
    case SH_FLOW_LAYER_ENERGY:
    case SH_FLOW_N_LAYERS:
    default:
      return T (N_("Energy balance"));
    }
}

/* The baseline flow diagram of each layer that has flows, through the
 * charts' adapter (sh-sankey-assessment.h), so the paper shows the graph
 * the app shows. */
static gboolean
load_diagrams (ShEvidenceDossier  *self,
               ShStore            *store,
               ShUnits            *units,
               GError            **error)
{
  gint64 id = sh_record_get_id (self->assessment);

  self->diagrams = g_ptr_array_new_with_free_func (diagram_free);
  for (ShFlowLayer layer = 0; layer < SH_FLOW_N_LAYERS; layer++)
    {
      g_autoptr(ShSankeyDiagram) diagram = sh_sankey_diagram_load (store, units, id, "baseline", layer, error);
      ShSankeyGraph *graph;
      Diagram *d;

      if (diagram == NULL)
        return FALSE;
      graph = sh_sankey_diagram_get_graph (diagram);
      if (sh_sankey_graph_get_n_links (graph) == 0)
        continue;

      d = g_new0 (Diagram, 1);
      d->graph = sh_sankey_graph_ref (graph);
      d->title = g_strdup (layer_title (self, layer));
      d->caption = g_strdup_printf (T (N_("Baseline period, per year, in %s")), sh_sankey_graph_get_unit (graph));
      d->notes = g_strdupv ((char **) sh_sankey_diagram_get_notes (diagram));
      g_ptr_array_add (self->diagrams, d);
    }
  return TRUE;
}

/* ------------------------------------------------------------------------
 * Labels
 * ------------------------------------------------------------------------ */

static const char *
kind_label (ShEvidenceDossier *self,
            const char        *kind)
{
  if (g_strcmp0 (kind, "quick") == 0)
    return T (N_("Quick CP assessment"));
  if (g_strcmp0 (kind, "follow_up") == 0)
    return T (N_("Follow-up CP assessment"));
  return T (N_("Detailed CP assessment"));
}

static const char *
evidence_kind_label (ShEvidenceDossier *self,
                     const char        *kind)
{
  static const struct { const char *code; const char *label; } kinds[] = {
    { "photo", N_("Photo") },
    { "invoice", N_("Invoice") },
    { "meter_log", N_("Meter log") },
    { "lab_test", N_("Laboratory test") },
    { "decision", N_("Decision") },
    { "training_certificate", N_("Training certificate") },
    { "signed_report", N_("Signed report") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kind, kinds[i].code) == 0)
      return T (kinds[i].label);
  return T (N_("Other document"));
}

static const char *
role_label (ShEvidenceDossier *self,
            const char        *role)
{
  if (g_strcmp0 (role, "leader") == 0)
    return T (N_("Team leader"));
  if (g_strcmp0 (role, "consultant") == 0)
    return T (N_("Consultant"));
  return T (N_("Member"));
}

static const char *
option_status_label (ShEvidenceDossier *self,
                     const char        *status)
{
  if (g_strcmp0 (status, "implemented") == 0)
    return T (N_("Implemented"));
  return T (N_("In progress"));
}

static const char *
verdict_label (ShEvidenceDossier *self,
               gboolean           met)
{
  return met ? T (N_("Met")) : T (N_("Not met"));
}

static char *
format_number (double value,
               int    decimals)
{
  return sh_format_number (value, decimals, SH_NUMBER_STYLE_VI);
}

/* Specific consumption with three significant digits or more. */
static char *
format_sc (double value)
{
  return format_number (value, value >= 100 ? 0 : value >= 10 ? 1 : 2);
}

/* ------------------------------------------------------------------------
 * The criteria
 * ------------------------------------------------------------------------ */

static void
set_criterion (ShEvidenceDossier     *self,
               ShEvidenceCriterionId  id,
               const char            *title,
               gboolean               met,
               char                  *reason)
{
  self->criteria[id].id = id;
  self->criteria[id].title = g_strdup (title);
  self->criteria[id].met = met;
  self->criteria[id].reason = reason;
}

static gboolean
judge_assessment (ShEvidenceDossier  *self,
                  ShStore            *store,
                  GError            **error)
{
  ShRecord *a = self->assessment;
  const char *status = text_or (a, "status", "draft");
  gboolean finalized = g_str_equal (status, "finalized") || g_str_equal (status, "submitted");
  gboolean signed_both = has_text (a, "consultant_signature_name") && has_text (a, "facility_signature_name");
  g_autofree char *from = date_or (a, "start_date", "…");
  g_autofree char *to = date_or (a, "end_date", "…");
  GString *reason = g_string_new (NULL);

  g_string_append_printf (reason, T (N_("%s from %s to %s.")), kind_label (self, sh_record_get_string (a, "kind")),
                          from, to);
  if (finalized)
    {
      g_autofree char *at = date_or (a, "finalized_at", "…");

      g_string_append_printf (reason, " %s", T (N_("Completed and finalized")));
      if (has_text (a, "finalized_at"))
        g_string_append_printf (reason, " %s", at);
      g_string_append (reason, ".");
    }
  else
    {
      g_autoptr(GPtrArray) missing = NULL;

      g_string_append_printf (reason, " %s", T (N_("The assessment is still a draft: it has not been finalized.")));
      if (!sh_tasks_check_finalize (store, sh_record_get_id (a), &missing, error) && error != NULL && *error != NULL)
        {
          g_string_free (reason, TRUE);
          return FALSE;
        }
      if (missing != NULL && missing->len > 0)
        g_string_append_printf (reason, " %s %u.", T (N_("Items still missing:")), missing->len);
    }
  if (signed_both)
    {
      g_autofree char *cdate = date_or (a, "consultant_signature_date", "…");
      g_autofree char *fdate = date_or (a, "facility_signature_date", "…");

      g_string_append_printf (reason, " %s %s (%s), %s (%s).", T (N_("Signed by")),
                              sh_record_get_string (a, "consultant_signature_name"), cdate,
                              sh_record_get_string (a, "facility_signature_name"), fdate);
    }
  else
    g_string_append_printf (reason, " %s", T (N_("The report is not signed by both the consultant and the facility.")));

  set_criterion (self, SH_EVIDENCE_CRITERION_ASSESSMENT, T (N_("CP assessment carried out and signed")),
                 finalized && signed_both, g_string_free (reason, FALSE));
  return TRUE;
}

static void
judge_cp_unit (ShEvidenceDossier *self)
{
  ShRecord *f = self->facility;
  ShRecord *leader = NULL;
  gboolean decided = has_text (f, "cp_unit_decision_no");
  guint members = 0;
  GString *reason = g_string_new (NULL);

  for (guint i = 0; i < self->team->len; i++)
    {
      const char *role = sh_record_get_string (self->team->pdata[i], "role");

      if (g_strcmp0 (role, "consultant") == 0)
        continue;
      members++;
      if (leader == NULL && g_strcmp0 (role, "leader") == 0)
        leader = self->team->pdata[i];
    }

  if (decided)
    {
      g_autofree char *date = date_or (f, "cp_unit_decision_date", "…");

      g_string_append_printf (reason, T (N_("Decision no. %s of %s.")), sh_record_get_string (f, "cp_unit_decision_no"),
                              date);
    }
  else
    g_string_append (reason, T (N_("No decision establishing the CP unit is recorded.")));
  if (leader != NULL)
    g_string_append_printf (reason, " %s %s.", T (N_("Leader:")), sh_record_get_string (leader, "name"));
  else
    g_string_append_printf (reason, " %s", T (N_("The team has no leader.")));
  g_string_append_printf (reason, " %s %u.", T (N_("Members from the facility:")), members);

  set_criterion (self, SH_EVIDENCE_CRITERION_CP_UNIT, T (N_("CP unit (team) established")),
                 decided && leader != NULL, g_string_free (reason, FALSE));
}

static void
judge_options (ShEvidenceDossier *self)
{
  guint implemented = 0, under_way = 0;
  gint64 investment = 0;
  GString *reason = g_string_new (NULL);

  for (guint i = 0; i < self->options->len; i++)
    {
      ShRecord *o = self->options->pdata[i];

      if (g_strcmp0 (sh_record_get_string (o, "status"), "implemented") != 0)
        {
          under_way++;
          continue;
        }
      implemented++;
      for (guint j = 0; j < self->summary->options->len; j++)
        {
          ShSummaryOption *so = self->summary->options->pdata[j];

          if (so->option_id == sh_record_get_id (o))
            investment += so->investment_vnd;
        }
    }

  if (implemented > 0)
    {
      g_autofree char *money = sh_format_vnd (investment);

      g_string_append_printf (reason, T (N_("%u options implemented, with an investment of %s.")), implemented, money);
    }
  else
    g_string_append (reason, T (N_("No option has been implemented yet.")));
  if (under_way > 0)
    g_string_append_printf (reason, " %s %u.", T (N_("In progress:")), under_way);

  set_criterion (self, SH_EVIDENCE_CRITERION_OPTIONS, T (N_("At least one CP option implemented")),
                 implemented > 0, g_string_free (reason, FALSE));
}

static void
judge_saving (ShEvidenceDossier *self)
{
  ShSummary *s = self->summary;
  g_autofree char *band_min = format_number (s->target_min_percent, 0);
  g_autofree char *band_max = format_number (s->target_max_percent, 0);
  GString *list = g_string_new (NULL);
  guint n = 0, reached = 0;
  char *reason;

  for (guint i = 0; i < s->resources->len; i++)
    {
      ShSummaryResource *r = s->resources->pdata[i];
      g_autofree char *percent = NULL;

      if (!r->has_saving)
        continue;
      percent = sh_format_percent (r->saving_percent, 1, SH_NUMBER_STYLE_VI);
      g_string_append_printf (list, "%s%s %s", n > 0 ? "; " : "", r->resource_name ? r->resource_name : r->resource_code,
                              percent);
      n++;
      if (sh_calc_target_met (r->target))
        reached++;
    }

  if (n == 0)
    reason = g_strdup_printf (T (N_("No specific consumption has both a baseline and an after-CP value; the target band is %s–%s%%.")),
                              band_min, band_max);
  else
    reason = g_strdup_printf (T (N_("Saving of specific consumption: %s. %u of %u resources reach the target band of %s–%s%%.")),
                              list->str, reached, n, band_min, band_max);
  g_string_free (list, TRUE);

  set_criterion (self, SH_EVIDENCE_CRITERION_SAVING, T (N_("Saving of specific consumption reaches the target")),
                 reached > 0, reason);
}

static void
judge_annual_report (ShEvidenceDossier *self)
{
  ShRecord *r = self->annual_report;
  const char *status = text_or (r, "status", "draft");
  gboolean sent = r != NULL && !g_str_equal (status, "draft");
  char *reason;

  if (r == NULL)
    reason = g_strdup (T (N_("No annual CP report of the facility is recorded.")));
  else if (sent)
    {
      g_autofree char *on = date_or (r, "submitted_on", "…");

      reason = g_strdup_printf (T (N_("The report for %d was submitted on %s.")),
                                (int) sh_record_get_int (r, "year", 0), on);
    }
  else
    {
      g_autofree char *deadline = date_or (r, "deadline", "…");

      reason = g_strdup_printf (T (N_("The report for %d is a draft and has not been submitted (deadline %s).")),
                                (int) sh_record_get_int (r, "year", 0), deadline);
    }

  set_criterion (self, SH_EVIDENCE_CRITERION_ANNUAL_REPORT,
                 T (N_("Annual CP effectiveness report submitted to the DoIT")), sent, reason);
}

static void
judge_environment (ShEvidenceDossier *self)
{
  ShRecord *a = self->assessment;
  gboolean noted = has_text (a, "environmental_status");
  GString *reason = g_string_new (NULL);
  guint tests = 0;

  if (noted)
    g_string_append_printf (reason, "%s %s.", T (N_("Recorded status:")), sh_record_get_string (a, "environmental_status"));
  else
    g_string_append (reason, T (N_("The environmental compliance status (QCVN) is not recorded.")));
  if (has_text (self->facility, "env_permit"))
    g_string_append_printf (reason, " %s %s.", T (N_("Permit:")), sh_record_get_string (self->facility, "env_permit"));
  for (guint i = 0; i < self->evidence->len; i++)
    if (g_strcmp0 (sh_record_get_string (((Evidence *) self->evidence->pdata[i])->row, "kind"), "lab_test") == 0)
      tests++;
  g_string_append_printf (reason, " %s %u.", T (N_("Laboratory tests attached:")), tests);

  set_criterion (self, SH_EVIDENCE_CRITERION_ENVIRONMENT, T (N_("Environmental compliance noted")),
                 noted, g_string_free (reason, FALSE));
}

/* ------------------------------------------------------------------------
 * The dossier
 * ------------------------------------------------------------------------ */

ShEvidenceDossier *
sh_evidence_dossier_new (ShStore     *store,
                         ShUnits     *units,
                         gint64       assessment_id,
                         const char  *xml_path,
                         const char  *language,
                         GError     **error)
{
  g_autoptr(ShEvidenceDossier) self = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *province_code;
  const char *sector_code;
  g_autofree char *today = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *year = NULL;

  g_return_val_if_fail (SH_IS_STORE (store), NULL);
  g_return_val_if_fail (units != NULL, NULL);
  g_return_val_if_fail (xml_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (ShEvidenceDossier, 1);
  if (!(self->lang = sh_evidence_lang_new (language != NULL ? language : "vi", error)) ||
      !(self->assessment = sh_store_get (store, "assessment", assessment_id, error)) ||
      !(self->facility = sh_store_get (store, "facility", sh_record_get_int (self->assessment, "facility_id", 0), error)) ||
      !(self->xml = sh_evidence_xml_info_read (xml_path, error)))
    return NULL;

  if (g_strcmp0 (self->xml->root, sh_report_kind_get_root (SH_REPORT_KIND_DOSSIER)) != 0 ||
      g_strcmp0 (self->xml->subject_uuid, sh_record_get_uuid (self->assessment)) != 0 ||
      self->xml->document_uuid == NULL)
    {
      g_set_error (error, SH_EVIDENCE_ERROR, SH_EVIDENCE_ERROR_NOT_DOSSIER,
                   _("“%s” is not the XML dossier of the assessment “%s”."), xml_path,
                   text_or (self->assessment, "title", sh_record_get_uuid (self->assessment)));
      return NULL;
    }

  /* Reference data helps the cover; a missing entry only leaves a name out. */
  sector_code = sh_record_get_string (self->facility, "sector_code");
  if (sector_code != NULL)
    self->sector = sh_refdata_get_sector (store, sector_code, NULL);
  province_code = sh_record_get_string (self->facility, "province_code");
  now = g_date_time_new_now_local ();
  today = g_date_time_format (now, "%Y-%m-%d");
  if (province_code != NULL)
    self->province = sh_refdata_resolve_province (store, province_code, today, NULL);

  if (!(self->summary = sh_summary_compute (store, units, assessment_id, error)) ||
      !(self->team = sh_store_list (store, "team_member", "facility_id", sh_record_get_id (self->facility), error)) ||
      !(self->training = sh_store_list (store, "training_event", "facility_id", sh_record_get_id (self->facility), error)) ||
      !load_consultants (self, store, error) ||
      !load_options (self, store, error) ||
      !load_annual_report (self, store, error) ||
      !load_evidence (self, store, error) ||
      !load_diagrams (self, store, units, error))
    return NULL;

  if (!judge_assessment (self, store, error))
    return NULL;
  judge_cp_unit (self);
  judge_options (self);
  judge_saving (self);
  judge_annual_report (self);
  judge_environment (self);

  year = self->xml->created != NULL && strlen (self->xml->created) >= 4
    ? g_strndup (self->xml->created, 4) : g_date_time_format (now, "%Y");
  self->number = g_strdup_printf ("HS-%s-%s-%02d",
                                  text_or (self->facility, "tax_code", sh_record_get_uuid (self->facility)),
                                  year, self->xml->revision != NULL ? atoi (self->xml->revision) : 1);

  return g_steal_pointer (&self);
}

const ShEvidenceXmlInfo *
sh_evidence_dossier_get_xml_info (ShEvidenceDossier *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->xml;
}

const ShEvidenceCriterion *
sh_evidence_dossier_get_criterion (ShEvidenceDossier     *self,
                                   ShEvidenceCriterionId  id)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail ((guint) id < SH_EVIDENCE_N_CRITERIA, NULL);

  return &self->criteria[id];
}

const char *
sh_evidence_dossier_get_number (ShEvidenceDossier *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->number;
}

char *
sh_evidence_dossier_get_qr_text (ShEvidenceDossier *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_strdup_printf (QR_PREFIX ";uuid=%s;sha256=%s", self->xml->document_uuid, self->xml->sha256);
}

/* ------------------------------------------------------------------------
 * Drawings
 * ------------------------------------------------------------------------ */

/* A layout measured like the page's own text (72 dpi, unhinted). */
static PangoLayout *
text_layout_new (cairo_t        *cr,
                 const char     *font,
                 const char     *markup,
                 double          width,
                 PangoAlignment  align)
{
  PangoContext *context = pango_cairo_create_context (cr);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);
  cairo_font_options_t *options = cairo_font_options_create ();
  PangoLayout *layout;

  pango_cairo_context_set_resolution (context, 72.0);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  layout = pango_layout_new (context);
  pango_layout_set_font_description (layout, desc);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_markup (layout, markup, -1);
  g_object_unref (context);
  return layout;
}

/* Draws @markup at (@x, @y) and returns its height. */
static double
draw_text (cairo_t        *cr,
           const char     *font,
           const char     *markup,
           double          x,
           double          y,
           double          width,
           PangoAlignment  align)
{
  g_autoptr(PangoLayout) layout = text_layout_new (cr, font, markup, width, align);
  PangoRectangle logical;

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

/* Drawings hold copies of what they show: a page may be drawn again after
 * the dossier is gone (a print preview outlives nothing, but it is cheap). */
typedef struct
{
  char *left_markup;
  char *right_markup;
} Motto;

static void
motto_free (gpointer data)
{
  Motto *m = data;

  g_free (m->left_markup);
  g_free (m->right_markup);
  g_free (m);
}

static void
draw_motto (cairo_t *cr,
            double   x,
            double   y,
            double   width,
            double   height,
            gpointer data)
{
  Motto *m = data;
  double left_w = width * 0.42;
  double right_x = x + width * 0.42;
  double right_w = width * 0.58;
  double h;

  draw_text (cr, "DejaVu Serif 9", m->left_markup, x, y, left_w, PANGO_ALIGN_CENTER);
  h = draw_text (cr, "DejaVu Serif 9", m->right_markup, right_x, y, right_w, PANGO_ALIGN_CENTER);
  /* The short rule under the motto, as on every Vietnamese official paper. */
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, right_x + right_w * 0.28, y + h + 2);
  cairo_line_to (cr, right_x + right_w * 0.72, y + h + 2);
  cairo_stroke (cr);
}

typedef struct
{
  char *qr_text;
  char *markup;
} QrBlock;

static void
qr_block_free (gpointer data)
{
  QrBlock *q = data;

  g_free (q->qr_text);
  g_free (q->markup);
  g_free (q);
}

static void
draw_qr_block (cairo_t *cr,
               double   x,
               double   y,
               double   width,
               double   height,
               gpointer data)
{
  QrBlock *q = data;
  double size = height - 12;

  cairo_set_line_width (cr, 0.8);
  cairo_rectangle (cr, x, y, width, height);
  cairo_stroke (cr);
  sh_evidence_draw_qr (cr, q->qr_text, x + 6, y + 6, size);
  draw_text (cr, "DejaVu Sans 8", q->markup, x + size + 16, y + 8, width - size - 24, PANGO_ALIGN_LEFT);
}

typedef struct
{
  char   *label;
  char   *detail;
  double  after_index;   /* after as % of before */
  double  saving;
  gboolean met;
} Bar;

typedef struct
{
  GArray *bars;          /* Bar */
  double  band_min;
  double  band_max;
  char   *before_label;
  char   *after_label;
  char   *band_label;
} SavingsChart;

static void
savings_chart_free (gpointer data)
{
  SavingsChart *s = data;

  for (guint i = 0; i < s->bars->len; i++)
    {
      g_free (g_array_index (s->bars, Bar, i).label);
      g_free (g_array_index (s->bars, Bar, i).detail);
    }
  g_array_unref (s->bars);
  g_free (s->before_label);
  g_free (s->after_label);
  g_free (s->band_label);
  g_free (s);
}

/* Specific consumption after CP as a share of the baseline (= 100), one
 * pair of bars per resource, with the target band shaded: a bar that ends
 * left of the band reached the target. */
static void
draw_savings_chart (cairo_t *cr,
                    double   x,
                    double   y,
                    double   width,
                    double   height,
                    gpointer data)
{
  SavingsChart *s = data;
  double label_w = 120;
  double x0 = x + label_w;
  double plot_w = width - label_w - 70;
  double row_h = 34;
  double top = y + 4;
  double scale = plot_w / 110.0;   /* 0–110 % of the baseline */
  double band_x0 = x0 + (100 - s->band_max) * scale;
  double band_x1 = x0 + (100 - s->band_min) * scale;
  double bottom = top + s->bars->len * row_h;

  cairo_set_source_rgb (cr, 0.87, 0.94, 0.86);
  cairo_rectangle (cr, band_x0, top, band_x1 - band_x0, bottom - top);
  cairo_fill (cr);

  for (guint i = 0; i < s->bars->len; i++)
    {
      Bar *b = &g_array_index (s->bars, Bar, i);
      double ry = top + i * row_h;
      g_autofree char *name = g_markup_escape_text (b->label, -1);
      g_autofree char *detail = g_markup_escape_text (b->detail, -1);

      cairo_set_source_rgb (cr, 0, 0, 0);
      draw_text (cr, "DejaVu Sans 8", name, x, ry + 4, label_w - 6, PANGO_ALIGN_LEFT);
      cairo_set_source_rgb (cr, 0.62, 0.64, 0.68);
      cairo_rectangle (cr, x0, ry + 5, 100 * scale, 10);
      cairo_fill (cr);
      if (b->met)
        cairo_set_source_rgb (cr, 0.18, 0.55, 0.28);
      else
        cairo_set_source_rgb (cr, 0.85, 0.52, 0.13);
      cairo_rectangle (cr, x0, ry + 16, MIN (b->after_index, 110) * scale, 10);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      draw_text (cr, "DejaVu Sans 7.5", detail, x0 + MIN (b->after_index, 110) * scale + 4, ry + 14,
                 width - label_w - MIN (b->after_index, 110) * scale - 4, PANGO_ALIGN_LEFT);
    }

  /* Axis: 0, 50, 100 % of the baseline. */
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, x0, top);
  cairo_line_to (cr, x0, bottom);
  cairo_line_to (cr, x0 + 110 * scale, bottom);
  cairo_stroke (cr);
  for (int v = 0; v <= 100; v += 25)
    {
      g_autofree char *tick = g_strdup_printf ("%d", v);

      cairo_move_to (cr, x0 + v * scale, bottom);
      cairo_line_to (cr, x0 + v * scale, bottom + 3);
      cairo_stroke (cr);
      draw_text (cr, "DejaVu Sans 7", tick, x0 + v * scale - 10, bottom + 4, 20, PANGO_ALIGN_CENTER);
    }

  /* Legend. */
  {
    double ly = bottom + 18;
    double lx = x0;
    g_autofree char *before = g_markup_escape_text (s->before_label, -1);
    g_autofree char *after = g_markup_escape_text (s->after_label, -1);
    g_autofree char *band = g_markup_escape_text (s->band_label, -1);

    cairo_set_source_rgb (cr, 0.62, 0.64, 0.68);
    cairo_rectangle (cr, lx, ly + 2, 10, 7);
    cairo_fill (cr);
    cairo_set_source_rgb (cr, 0, 0, 0);
    draw_text (cr, "DejaVu Sans 7.5", before, lx + 14, ly, 110, PANGO_ALIGN_LEFT);
    lx += 125;
    cairo_set_source_rgb (cr, 0.18, 0.55, 0.28);
    cairo_rectangle (cr, lx, ly + 2, 10, 7);
    cairo_fill (cr);
    cairo_set_source_rgb (cr, 0, 0, 0);
    draw_text (cr, "DejaVu Sans 7.5", after, lx + 14, ly, 110, PANGO_ALIGN_LEFT);
    lx += 125;
    cairo_set_source_rgb (cr, 0.87, 0.94, 0.86);
    cairo_rectangle (cr, lx, ly + 2, 10, 7);
    cairo_fill (cr);
    cairo_set_source_rgb (cr, 0, 0, 0);
    draw_text (cr, "DejaVu Sans 7.5", band, lx + 14, ly, width - (lx - x) - 14, PANGO_ALIGN_LEFT);
  }
}

typedef struct
{
  ShSankeyGraph *graph;
  char          *title;
  char          *caption;
  char         **notes;
  char          *failure;
} SankeyBlock;

static void
sankey_block_free (gpointer data)
{
  SankeyBlock *b = data;

  sh_sankey_graph_unref (b->graph);
  g_free (b->title);
  g_free (b->caption);
  g_strfreev (b->notes);
  g_free (b->failure);
  g_free (b);
}

static void
draw_sankey_block (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   gpointer data)
{
  SankeyBlock *b = data;
  g_autoptr(ShSankeyLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  ShSankeyStyle style;

  sh_sankey_style_init (&style);
  style.title = b->title;
  style.caption = b->caption;
  style.notes = (const char * const *) b->notes;
  style.font_size = 7.5;

  cairo_save (cr);
  /* The diagram paints its own white page: keep it inside its box. */
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  cairo_translate (cr, x, y);
  layout = sh_sankey_render_layout (cr, b->graph, NULL, &style, width, height, &error);
  if (layout != NULL)
    sh_sankey_render (cr, layout, &style, width, height);
  else
    {
      g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>\n%s: %s", b->title, b->failure, error->message);

      draw_text (cr, "DejaVu Sans 8", markup, 0, 0, width, PANGO_ALIGN_LEFT);
    }
  cairo_restore (cr);
}

typedef struct
{
  cairo_surface_t *images[3];
  char            *captions[3];
} ThumbRow;

static void
thumb_row_free (gpointer data)
{
  ThumbRow *t = data;

  for (guint i = 0; i < G_N_ELEMENTS (t->images); i++)
    {
      g_clear_pointer (&t->images[i], cairo_surface_destroy);
      g_free (t->captions[i]);
    }
  g_free (t);
}

static void
draw_thumb_row (cairo_t *cr,
                double   x,
                double   y,
                double   width,
                double   height,
                gpointer data)
{
  ThumbRow *t = data;
  double cell = (width - 16) / 3;
  double box_h = height - 24;

  for (guint i = 0; i < G_N_ELEMENTS (t->images); i++)
    {
      double cx = x + i * (cell + 8);
      double iw, ih, scale;

      if (t->images[i] == NULL)
        continue;
      iw = cairo_image_surface_get_width (t->images[i]);
      ih = cairo_image_surface_get_height (t->images[i]);
      scale = MIN (cell / iw, box_h / ih);
      cairo_save (cr);
      cairo_translate (cr, cx + (cell - iw * scale) / 2, y + (box_h - ih * scale) / 2);
      cairo_scale (cr, scale, scale);
      cairo_set_source_surface (cr, t->images[i], 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
      cairo_set_line_width (cr, 0.5);
      cairo_rectangle (cr, cx, y, cell, box_h);
      cairo_stroke (cr);
      draw_text (cr, "DejaVu Sans 7", t->captions[i], cx, y + box_h + 3, cell, PANGO_ALIGN_CENTER);
    }
}

typedef struct
{
  char *columns[3];   /* who signs, and how (markup) */
  char *names[3];     /* printed under the signature (markup) */
  char *place_date;
} Signatures;

static void
signatures_free (gpointer data)
{
  Signatures *s = data;

  for (guint i = 0; i < G_N_ELEMENTS (s->columns); i++)
    {
      g_free (s->columns[i]);
      g_free (s->names[i]);
    }
  g_free (s->place_date);
  g_free (s);
}

static void
draw_signatures (cairo_t *cr,
                 double   x,
                 double   y,
                 double   width,
                 double   height,
                 gpointer data)
{
  Signatures *s = data;
  double col = width / 3;
  double top = y + draw_text (cr, "DejaVu Serif Italic 9.5", s->place_date, x + col, y, col * 2, PANGO_ALIGN_RIGHT) + 8;

  for (guint i = 0; i < G_N_ELEMENTS (s->columns); i++)
    {
      double cx = x + i * col;
      double h = draw_text (cr, "DejaVu Serif 9", s->columns[i], cx + 4, top, col - 8, PANGO_ALIGN_CENTER);
      double stamp_y = top + h + 10;
      double space = y + height - stamp_y - 18;

      /* Room to sign, and a dashed ring where the stamp goes. */
      cairo_save (cr);
      cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
      cairo_set_line_width (cr, 0.5);
      cairo_set_dash (cr, (const double[]) { 2, 2 }, 2, 0);
      cairo_new_path (cr);
      cairo_arc (cr, cx + col / 2, stamp_y + space / 2, MIN (space / 2, 34), 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_restore (cr);
      if (s->names[i] != NULL)
        draw_text (cr, "DejaVu Serif Bold 9.5", s->names[i], cx + 4, y + height - 14, col - 8, PANGO_ALIGN_CENTER);
    }
}

/* ------------------------------------------------------------------------
 * The pages
 * ------------------------------------------------------------------------ */

/* Table cells: markup strings, freed with the row. */
static GPtrArray *
row_new (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

static void
row_add (GPtrArray  *row,
         const char *text)
{
  g_ptr_array_add (row, g_markup_escape_text (text != NULL ? text : "", -1));
}

static void
row_take (GPtrArray *row,
          char      *text)
{
  row_add (row, text);
  g_free (text);
}

static void
row_add_markup (GPtrArray *row,
                char      *markup)
{
  g_ptr_array_add (row, markup);
}

static void
add_row (ShEvidencePages *pages,
         GPtrArray       *row)
{
  sh_evidence_pages_add_row (pages, (const char * const *) row->pdata);
  g_ptr_array_unref (row);
}

static void
add_plain (ShEvidencePages     *pages,
           ShEvidenceTextStyle  style,
           const char          *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  sh_evidence_pages_add_text (pages, style, markup);
}

static void
begin_table (ShEvidencePages       *pages,
             guint                  n,
             const double          *widths,
             const char * const    *headers,
             const ShEvidenceAlign *aligns)
{
  g_autoptr(GPtrArray) escaped = row_new ();

  for (guint i = 0; i < n; i++)
    row_add (escaped, headers[i]);
  sh_evidence_pages_begin_table (pages, n, widths, (const char * const *) escaped->pdata, aligns);
}

static char *
province_name (ShEvidenceDossier *self)
{
  if (self->province == NULL)
    return g_strdup (text_or (self->facility, "province_code", ""));
  return g_strdup (sh_record_get_string (self->province,
                                         g_str_equal (sh_evidence_lang_get_code (self->lang), "vi") ? "name_vi" : "name_en"));
}

static char *
doit_name (ShEvidenceDossier *self)
{
  const char *column = g_str_equal (sh_evidence_lang_get_code (self->lang), "vi") ? "doit_vi" : "doit_en";
  g_autofree char *province = province_name (self);

  if (has_text (self->province, column))
    return g_strdup (sh_record_get_string (self->province, column));
  return g_strdup_printf (T (N_("Department of Industry and Trade of %s")), province);
}

/* The cover's table of who and what the dossier is about. */
static void
add_facts (ShEvidenceDossier *self,
           ShEvidencePages   *pages,
           const char        *address,
           const char        *consultants,
           const char        *doit)
{
  ShRecord *a = self->assessment;
  ShRecord *f = self->facility;
  const char *headers[] = { T (N_("Item")), T (N_("Details")) };
  const double widths[] = { 0.3, 0.7 };
  const char *sector_name = NULL;
  g_autofree char *sector = NULL;
  g_autofree char *assessment = NULL;
  g_autofree char *period = NULL;
  g_autofree char *baseline = NULL;
  g_autofree char *from = date_or (a, "start_date", "…");
  g_autofree char *until = date_or (a, "end_date", "…");
  g_autofree char *base_from = date_or (a, "baseline_from", "…");
  g_autofree char *base_to = date_or (a, "baseline_to", "…");

  if (self->sector != NULL)
    sector_name = sh_record_get_string (self->sector, g_str_equal (sh_evidence_lang_get_code (self->lang), "vi")
                                        ? "name_vi" : "name_en");
  sector = g_strdup_printf ("%s (VSIC %s)", sector_name ? sector_name : text_or (f, "sector_code", "—"),
                            text_or (f, "vsic_code", "—"));
  assessment = g_strdup_printf ("%s: %s", kind_label (self, sh_record_get_string (a, "kind")),
                                text_or (a, "title", ""));
  period = g_strdup_printf (T (N_("%s to %s (%d days on site)")), from, until, (int) sh_record_get_int (a, "site_days", 0));
  baseline = g_strdup_printf (T (N_("%s to %s")), base_from, base_to);

  {
    const struct { const char *label; const char *value; } facts[] = {
      { T (N_("Facility")), sh_record_get_string (f, "name") },
      { T (N_("Tax code")), text_or (f, "tax_code", "—") },
      { T (N_("Address")), address },
      { T (N_("Sector")), sector },
      { T (N_("Legal representative")), text_or (f, "legal_representative", "—") },
      { T (N_("Assessment")), assessment },
      { T (N_("Assessment period")), period },
      { T (N_("Baseline period")), baseline },
      { T (N_("Consultants")), consultants },
      { T (N_("Recipient")), doit },
    };

    begin_table (pages, 2, widths, headers, NULL);
    for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
      {
        GPtrArray *row = row_new ();

        row_add_markup (row, g_markup_printf_escaped ("<b>%s</b>", facts[i].label));
        row_add (row, facts[i].value);
        add_row (pages, row);
      }
  }
}

static void
build_cover (ShEvidenceDossier *self,
             ShEvidencePages   *pages)
{
  ShRecord *f = self->facility;
  Motto *motto = g_new0 (Motto, 1);
  QrBlock *qr = g_new0 (QrBlock, 1);
  g_autofree char *doit = doit_name (self);
  g_autofree char *province = province_name (self);
  g_autofree char *upper_name = g_utf8_strup (sh_record_get_string (f, "name"), -1);
  g_autofree char *grouped = sh_evidence_format_fingerprint (self->xml->sha256);
  g_autofree char *file_name = g_path_get_basename (self->xml->path);
  g_autofree char *created = self->xml->created ? sh_format_date (self->xml->created) : NULL;
  g_autofree char *to = NULL;
  GString *address = g_string_new (text_or (f, "address", ""));
  GString *consultants = g_string_new (NULL);

  motto->left_markup = g_markup_printf_escaped ("<b>%s</b>\n%s %s", upper_name, T (N_("No.:")), self->number);
  motto->right_markup = g_markup_printf_escaped ("<b>%s</b>\n<b>%s</b>",
                                                 T (N_("SOCIALIST REPUBLIC OF VIET NAM")),
                                                 T (N_("Independence – Freedom – Happiness")));
  sh_evidence_pages_add_drawing (pages, 44, draw_motto, motto, motto_free);
  sh_evidence_pages_add_space (pages, 36);

  add_plain (pages, SH_EVIDENCE_TEXT_TITLE, T (N_("DOSSIER FOR THE CERTIFICATE OF APPLYING CLEANER PRODUCTION IN INDUSTRY")));
  to = g_strdup_printf (T (N_("To: %s")), doit);
  add_plain (pages, SH_EVIDENCE_TEXT_SUBTITLE, to);
  add_plain (pages, SH_EVIDENCE_TEXT_CENTER,
             T (N_("Under Decision 1419/QĐ-TTg and Circular 46/2012/TT-BCT, and the province's cleaner production plan")));
  sh_evidence_pages_add_space (pages, 16);

  if (has_text (f, "district"))
    g_string_append_printf (address, ", %s", sh_record_get_string (f, "district"));
  if (*province != '\0')
    g_string_append_printf (address, ", %s", province);
  for (guint i = 0; i < self->consultants->len; i++)
    {
      ShRecord *c = self->consultants->pdata[i];

      g_string_append_printf (consultants, "%s%s", i > 0 ? "\n" : "", sh_record_get_string (c, "name"));
      if (has_text (c, "organisation"))
        g_string_append_printf (consultants, " — %s", sh_record_get_string (c, "organisation"));
      if (has_text (c, "certificate_no"))
        g_string_append_printf (consultants, " (%s %s)", T (N_("CP certificate")), sh_record_get_string (c, "certificate_no"));
    }

  add_facts (self, pages, address->str, consultants->len > 0 ? consultants->str : "—", doit);
  sh_evidence_pages_end_table (pages);
  sh_evidence_pages_add_space (pages, 14);

  qr->qr_text = sh_evidence_dossier_get_qr_text (self);
  qr->markup = g_markup_printf_escaped ("<b>%s</b>\n%s\n<tt>%s</tt>\n%s <tt>%s</tt>\n%s\n<tt><b>%s</b></tt>\n%s %s · %s %s\n\n<small>%s</small>",
                                        T (N_("Tamper evidence")),
                                        T (N_("This printed dossier belongs to the XML file")),
                                        file_name,
                                        T (N_("Document UUID:")), self->xml->document_uuid,
                                        T (N_("SHA-256 fingerprint of the file:")),
                                        grouped,
                                        T (N_("Revision")), self->xml->revision ? self->xml->revision : "1",
                                        T (N_("created")), created ? created : "—",
                                        T (N_("To check a file: open “Verify a dossier” in Sạch Hơn, or run “sachhon-cli verify FILE.xml --fingerprint SHA-256”. One changed byte gives another fingerprint.")));
  sh_evidence_pages_add_drawing (pages, 150, draw_qr_block, qr, qr_block_free);
  sh_evidence_pages_add_page_break (pages);

  g_string_free (address, TRUE);
  g_string_free (consultants, TRUE);
}

/* The evidence numbers of the attachments of the given kinds. */
static char *
evidence_numbers (ShEvidenceDossier  *self,
                  const char * const *kinds)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < self->evidence->len; i++)
    {
      Evidence *e = self->evidence->pdata[i];

      if (g_strv_contains (kinds, sh_record_get_string (e->row, "kind")))
        g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", e->number);
    }
  return g_string_free (text, FALSE);
}

static void
build_checklist (ShEvidenceDossier *self,
                 ShEvidencePages   *pages)
{
  /* Which items of the evidence list (DOMAIN.md §1.4, (a)–(g)) and which
   * kinds of attachment back each criterion. */
  static const struct { const char *letter; const char *kinds[4]; } backing[SH_EVIDENCE_N_CRITERIA] = {
    [SH_EVIDENCE_CRITERION_ASSESSMENT] = { "(a)", { "signed_report", NULL } },
    [SH_EVIDENCE_CRITERION_CP_UNIT] = { "(b)", { "decision", "training_certificate", NULL } },
    [SH_EVIDENCE_CRITERION_OPTIONS] = { "(c)", { "invoice", "photo", NULL } },
    [SH_EVIDENCE_CRITERION_SAVING] = { "(d), (e)", { "meter_log", NULL } },
    [SH_EVIDENCE_CRITERION_ANNUAL_REPORT] = { "(g)", { "signed_report", NULL } },
    [SH_EVIDENCE_CRITERION_ENVIRONMENT] = { "(f)", { "lab_test", NULL } },
  };
  const char *headers[] = { T (N_("No.")), T (N_("Criterion")), T (N_("Result")), T (N_("Grounds")),
                            T (N_("Evidence")) };
  const double widths[] = { 0.07, 0.22, 0.14, 0.41, 0.16 };
  const ShEvidenceAlign aligns[] = { SH_EVIDENCE_ALIGN_CENTER, SH_EVIDENCE_ALIGN_LEFT, SH_EVIDENCE_ALIGN_CENTER,
                                     SH_EVIDENCE_ALIGN_LEFT, SH_EVIDENCE_ALIGN_LEFT };
  guint met = 0;
  g_autofree char *conclusion = NULL;

  add_plain (pages, SH_EVIDENCE_TEXT_HEADING, T (N_("I. Certification criteria")));
  add_plain (pages, SH_EVIDENCE_TEXT_BODY,
             T (N_("Each criterion is judged from the data of the assessment as exported in the XML file named on the cover. The evidence column refers to the list of documents in section VI.")));
  begin_table (pages, G_N_ELEMENTS (headers), widths, headers, aligns);
  for (guint i = 0; i < SH_EVIDENCE_N_CRITERIA; i++)
    {
      ShEvidenceCriterion *c = &self->criteria[i];
      g_autofree char *numbers = evidence_numbers (self, backing[i].kinds);
      GPtrArray *row = row_new ();

      met += c->met ? 1 : 0;
      row_take (row, g_strdup_printf ("%u", i + 1));
      row_add (row, c->title);
      row_add_markup (row, g_markup_printf_escaped (c->met ? "<b>✔ %s</b>" : "<b>✘ %s</b>", verdict_label (self, c->met)));
      row_add (row, c->reason);
      row_take (row, g_strdup_printf ("%s %s", backing[i].letter, *numbers != '\0' ? numbers : "—"));
      add_row (pages, row);
    }
  sh_evidence_pages_end_table (pages);

  conclusion = g_markup_printf_escaped ("<b>%s</b> %u/%u.", T (N_("Criteria met:")), met, (guint) SH_EVIDENCE_N_CRITERIA);
  sh_evidence_pages_add_text (pages, SH_EVIDENCE_TEXT_BODY, conclusion);
}

static void
build_team (ShEvidenceDossier *self,
            ShEvidencePages   *pages)
{
  ShRecord *f = self->facility;
  const char *headers[] = { T (N_("No.")), T (N_("Name")), T (N_("Position")), T (N_("Department")), T (N_("Role")),
                            T (N_("Responsibility")) };
  const double widths[] = { 0.07, 0.19, 0.18, 0.17, 0.13, 0.26 };
  const ShEvidenceAlign aligns[] = { SH_EVIDENCE_ALIGN_CENTER, 0, 0, 0, 0, 0 };
  guint n = 0;

  add_plain (pages, SH_EVIDENCE_TEXT_HEADING, T (N_("II. The CP team")));
  if (has_text (f, "cp_unit_decision_no"))
    {
      g_autofree char *date = date_or (f, "cp_unit_decision_date", "…");
      g_autofree char *text = g_strdup_printf (T (N_("The CP unit was established by decision no. %s of %s.")),
                                               sh_record_get_string (f, "cp_unit_decision_no"), date);

      add_plain (pages, SH_EVIDENCE_TEXT_BODY, text);
    }
  else
    add_plain (pages, SH_EVIDENCE_TEXT_BODY, T (N_("No decision establishing the CP unit is recorded.")));

  begin_table (pages, G_N_ELEMENTS (headers), widths, headers, aligns);
  for (guint i = 0; i < self->team->len; i++)
    {
      ShRecord *m = self->team->pdata[i];
      GPtrArray *row = row_new ();

      row_take (row, g_strdup_printf ("%u", ++n));
      row_add (row, sh_record_get_string (m, "name"));
      row_add (row, text_or (m, "position", ""));
      row_add (row, text_or (m, "department", ""));
      row_add (row, role_label (self, sh_record_get_string (m, "role")));
      row_add (row, text_or (m, "responsibility", ""));
      add_row (pages, row);
    }
  if (n == 0)
    {
      GPtrArray *row = row_new ();

      row_add (row, "");
      row_add (row, T (N_("No team member is recorded.")));
      for (guint i = 2; i < G_N_ELEMENTS (headers); i++)
        row_add (row, "");
      add_row (pages, row);
    }
  sh_evidence_pages_end_table (pages);

  if (self->training->len > 0)
    {
      const char *t_headers[] = { T (N_("Date")), T (N_("Training")), T (N_("Organiser")), T (N_("Participants")),
                                  T (N_("Certificate")) };
      const double t_widths[] = { 0.12, 0.3, 0.26, 0.14, 0.18 };
      const ShEvidenceAlign t_aligns[] = { 0, 0, 0, SH_EVIDENCE_ALIGN_RIGHT, 0 };

      add_plain (pages, SH_EVIDENCE_TEXT_SUBHEADING, T (N_("Training and awareness")));
      begin_table (pages, G_N_ELEMENTS (t_headers), t_widths, t_headers, t_aligns);
      for (guint i = 0; i < self->training->len; i++)
        {
          ShRecord *t = self->training->pdata[i];
          GPtrArray *row = row_new ();

          row_take (row, date_or (t, "date", ""));
          row_add (row, sh_record_get_string (t, "title"));
          row_add (row, text_or (t, "organiser", ""));
          row_take (row, sh_record_is_null (t, "participant_count") ? g_strdup ("")
                         : g_strdup_printf ("%d", (int) sh_record_get_int (t, "participant_count", 0)));
          row_add (row, text_or (t, "certificate", ""));
          add_row (pages, row);
        }
      sh_evidence_pages_end_table (pages);
    }
}

static const ShSummaryOption *
find_summary_option (ShEvidenceDossier *self,
                     gint64             option_id)
{
  for (guint i = 0; i < self->summary->options->len; i++)
    {
      ShSummaryOption *o = self->summary->options->pdata[i];

      if (o->option_id == option_id)
        return o;
    }
  return NULL;
}

/* Money in the tables is in millions of đồng, as Vietnamese reports give it. */
static char *
format_million (gint64 value)
{
  return format_number ((double) value / 1e6, 1);
}

static char *
bold_number (gint64 value)
{
  g_autofree char *text = format_million (value);

  return g_strdup_printf ("<b>%s</b>", text);
}

static void
build_options (ShEvidenceDossier *self,
               ShEvidencePages   *pages)
{
  const char *headers[] = { T (N_("Code")), T (N_("Option")), T (N_("Status")), T (N_("Implemented")),
                            T (N_("Investment (million ₫)")), T (N_("Net benefit (million ₫/year)")),
                            T (N_("Measured saving (million ₫/year)")), T (N_("Payback (years)")) };
  const double widths[] = { 0.07, 0.27, 0.11, 0.12, 0.11, 0.11, 0.11, 0.1 };
  const ShEvidenceAlign aligns[] = { 0, 0, 0, 0, SH_EVIDENCE_ALIGN_RIGHT, SH_EVIDENCE_ALIGN_RIGHT,
                                     SH_EVIDENCE_ALIGN_RIGHT, SH_EVIDENCE_ALIGN_RIGHT };
  gint64 total_investment = 0, total_benefit = 0, total_measured = 0;

  add_plain (pages, SH_EVIDENCE_TEXT_HEADING, T (N_("III. CP options implemented")));
  if (self->options->len == 0)
    {
      add_plain (pages, SH_EVIDENCE_TEXT_BODY, T (N_("No option has been implemented yet.")));
      return;
    }

  begin_table (pages, G_N_ELEMENTS (headers), widths, headers, aligns);
  for (guint i = 0; i < self->options->len; i++)
    {
      ShRecord *o = self->options->pdata[i];
      const ShSummaryOption *so = find_summary_option (self, sh_record_get_id (o));
      g_autofree char *start = date_or (o, "actual_start", "…");
      g_autofree char *end = date_or (o, "actual_end", "…");
      gint64 measured = 0;
      gboolean has_measured = FALSE;
      GPtrArray *row = row_new ();

      for (guint j = 0; j < self->monitoring->len; j++)
        {
          ShRecord *m = self->monitoring->pdata[j];

          if (sh_record_get_int (m, "option_id", 0) == sh_record_get_id (o) && !sh_record_is_null (m, "savings_vnd_year"))
            {
              measured += sh_record_get_int (m, "savings_vnd_year", 0);
              has_measured = TRUE;
            }
        }

      row_add (row, text_or (o, "code", ""));
      row_add (row, sh_record_get_string (o, "title"));
      row_add (row, option_status_label (self, sh_record_get_string (o, "status")));
      row_take (row, g_strdup_printf ("%s –\n%s", start, end));
      row_take (row, so != NULL ? format_million (so->investment_vnd) : g_strdup ("—"));
      row_take (row, so != NULL ? format_million (so->annual_benefit_vnd) : g_strdup ("—"));
      row_take (row, has_measured ? format_million (measured) : g_strdup ("—"));
      row_take (row, so != NULL && so->has_payback ? format_number (so->payback_years, 1) : g_strdup ("—"));
      add_row (pages, row);

      if (so != NULL)
        {
          total_investment += so->investment_vnd;
          total_benefit += so->annual_benefit_vnd;
        }
      total_measured += measured;
    }
  {
    GPtrArray *row = row_new ();

    row_add (row, "");
    row_add_markup (row, g_markup_printf_escaped ("<b>%s</b>", T (N_("Total"))));
    row_add (row, "");
    row_add (row, "");
    row_add_markup (row, bold_number (total_investment));
    row_add_markup (row, bold_number (total_benefit));
    row_add_markup (row, bold_number (total_measured));
    row_add (row, "");
    add_row (pages, row);
  }
  sh_evidence_pages_end_table (pages);
  add_plain (pages, SH_EVIDENCE_TEXT_SMALL,
             T (N_("Net benefit: the calculated annual saving less the change in operating costs (W13). Measured saving: from the monitoring records (W17).")));
}

static char *
value_with_unit (ShRecord   *row,
                 const char *column,
                 const char *unit)
{
  g_autofree char *value = NULL;

  if (sh_record_is_null (row, column))
    return g_strdup ("—");
  value = format_sc (sh_record_get_double (row, column, 0));
  return g_strdup_printf ("%s %s", value, unit);
}

static void
build_consumption (ShEvidenceDossier *self,
                   ShEvidencePages   *pages)
{
  ShSummary *s = self->summary;
  const char *headers[] = { T (N_("Resource")), T (N_("Unit")), T (N_("Before CP")), T (N_("After CP")),
                            T (N_("Saving")), T (N_("Against the target")) };
  const double widths[] = { 0.24, 0.12, 0.14, 0.14, 0.12, 0.24 };
  const ShEvidenceAlign aligns[] = { 0, 0, SH_EVIDENCE_ALIGN_RIGHT, SH_EVIDENCE_ALIGN_RIGHT,
                                     SH_EVIDENCE_ALIGN_RIGHT, 0 };
  g_autofree char *band_min = format_number (s->target_min_percent, 0);
  g_autofree char *band_max = format_number (s->target_max_percent, 0);
  g_autofree char *base_from = date_or (self->assessment, "baseline_from", "…");
  g_autofree char *base_to = date_or (self->assessment, "baseline_to", "…");
  g_autofree char *intro = NULL;

  add_plain (pages, SH_EVIDENCE_TEXT_HEADING, T (N_("IV. Specific consumption before and after CP")));
  intro = g_strdup_printf (T (N_("Consumption per unit of product over comparable periods. Baseline: %s to %s. Target band of the saving: %s–%s%%.")),
                           base_from, base_to, band_min, band_max);
  add_plain (pages, SH_EVIDENCE_TEXT_BODY, intro);

  begin_table (pages, G_N_ELEMENTS (headers), widths, headers, aligns);
  for (guint i = 0; i < s->resources->len; i++)
    {
      ShSummaryResource *r = s->resources->pdata[i];
      GPtrArray *row = row_new ();

      row_add (row, r->resource_name ? r->resource_name : r->resource_code);
      row_take (row, g_strdup_printf ("%s/%s", r->unit ? r->unit : "", r->output_unit ? r->output_unit : ""));
      row_take (row, r->has_baseline ? format_sc (r->baseline_sc) : g_strdup ("—"));
      row_take (row, r->has_after ? format_sc (r->after_sc) : g_strdup ("—"));
      row_take (row, r->has_saving ? sh_format_percent (r->saving_percent, 1, SH_NUMBER_STYLE_VI) : g_strdup ("—"));
      if (!r->has_saving)
        row_add (row, T (N_("No after-CP data")));
      else if (r->target == SH_CALC_TARGET_ABOVE)
        row_add (row, T (N_("Met, above the band")));
      else if (r->target == SH_CALC_TARGET_WITHIN)
        row_add (row, T (N_("Met, within the band")));
      else
        row_add (row, T (N_("Below the band")));
      add_row (pages, row);
    }
  sh_evidence_pages_end_table (pages);

  if (self->monitoring->len > 0)
    {
      const char *m_headers[] = { T (N_("Indicator")), T (N_("Baseline")), T (N_("Target")), T (N_("Measured")),
                                  T (N_("Measured on")), T (N_("Verified by")) };
      const double m_widths[] = { 0.26, 0.13, 0.12, 0.13, 0.14, 0.22 };
      const ShEvidenceAlign m_aligns[] = { 0, SH_EVIDENCE_ALIGN_RIGHT, SH_EVIDENCE_ALIGN_RIGHT,
                                           SH_EVIDENCE_ALIGN_RIGHT, 0, 0 };

      add_plain (pages, SH_EVIDENCE_TEXT_SUBHEADING, T (N_("Monitoring results")));
      begin_table (pages, G_N_ELEMENTS (m_headers), m_widths, m_headers, m_aligns);
      for (guint i = 0; i < self->monitoring->len; i++)
        {
          ShRecord *m = self->monitoring->pdata[i];
          const char *unit = text_or (m, "unit", "");
          GPtrArray *row = row_new ();

          row_add (row, sh_record_get_string (m, "indicator"));
          row_take (row, value_with_unit (m, "baseline_value", unit));
          row_take (row, value_with_unit (m, "target_value", unit));
          row_take (row, value_with_unit (m, "measured_value", unit));
          row_take (row, date_or (m, "measured_on", text_or (m, "measured_period", "—")));
          row_add (row, text_or (m, "verified_by", "—"));
          add_row (pages, row);
        }
      sh_evidence_pages_end_table (pages);
    }
}

static void
build_charts (ShEvidenceDossier *self,
              ShEvidencePages   *pages)
{
  ShSummary *s = self->summary;
  SavingsChart *chart = g_new0 (SavingsChart, 1);

  add_plain (pages, SH_EVIDENCE_TEXT_HEADING, T (N_("V. Savings chart and flow diagrams")));

  chart->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  chart->band_min = s->target_min_percent;
  chart->band_max = s->target_max_percent;
  chart->before_label = g_strdup (T (N_("Before CP (= 100)")));
  chart->after_label = g_strdup (T (N_("After CP")));
  chart->band_label = g_strdup (T (N_("Target band of the saving")));
  for (guint i = 0; i < s->resources->len; i++)
    {
      ShSummaryResource *r = s->resources->pdata[i];
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *percent = NULL;
      Bar bar = { 0 };

      if (!r->has_saving || r->baseline_sc <= 0)
        continue;
      before = format_sc (r->baseline_sc);
      after = format_sc (r->after_sc);
      percent = sh_format_percent (-r->saving_percent, 1, SH_NUMBER_STYLE_VI);
      bar.label = g_strdup (r->resource_name ? r->resource_name : r->resource_code);
      bar.detail = g_strdup_printf ("%s → %s %s/%s (%s)", before, after, r->unit ? r->unit : "",
                                    r->output_unit ? r->output_unit : "", percent);
      bar.after_index = r->after_sc / r->baseline_sc * 100;
      bar.saving = r->saving_percent;
      bar.met = sh_calc_target_met (r->target);
      g_array_append_val (chart->bars, bar);
    }

  if (chart->bars->len > 0)
    {
      add_plain (pages, SH_EVIDENCE_TEXT_SUBHEADING, T (N_("Specific consumption after CP, as a share of the baseline")));
      sh_evidence_pages_add_drawing (pages, 8 + chart->bars->len * 34 + 40, draw_savings_chart, chart, savings_chart_free);
    }
  else
    {
      add_plain (pages, SH_EVIDENCE_TEXT_BODY, T (N_("No resource has both a baseline and an after-CP value to chart.")));
      savings_chart_free (chart);
    }

  for (guint i = 0; i < self->diagrams->len; i++)
    {
      Diagram *d = self->diagrams->pdata[i];
      SankeyBlock *block = g_new0 (SankeyBlock, 1);

      block->graph = sh_sankey_graph_ref (d->graph);
      block->title = g_strdup (d->title);
      block->caption = g_strdup (d->caption);
      block->notes = g_strdupv (d->notes);
      block->failure = g_strdup (T (N_("The diagram cannot be drawn")));
      sh_evidence_pages_add_space (pages, 6);
      sh_evidence_pages_add_drawing (pages, 330, draw_sankey_block, block, sankey_block_free);
    }
  if (self->diagrams->len == 0)
    add_plain (pages, SH_EVIDENCE_TEXT_BODY, T (N_("No flows are recorded for the baseline period.")));
}

static char *
linked_entity (ShEvidenceDossier *self,
               ShRecord          *row)
{
  const char *table = sh_record_get_string (row, "entity_table");
  gint64 id = sh_record_get_int (row, "entity_id", 0);

  if (g_strcmp0 (table, "cp_option") == 0)
    {
      for (guint i = 0; i < self->options->len; i++)
        if (sh_record_get_id (self->options->pdata[i]) == id)
          return g_strdup_printf ("%s %s", T (N_("Option")), text_or (self->options->pdata[i], "code", ""));
      return g_strdup (T (N_("Option")));
    }
  if (g_strcmp0 (table, "monitoring_record") == 0)
    return g_strdup (T (N_("Monitoring")));
  if (g_strcmp0 (table, "facility") == 0 || table == NULL)
    return g_strdup (sh_record_is_null (row, "assessment_id") ? T (N_("Facility")) : T (N_("Assessment")));
  return g_strdup (T (N_("Assessment")));
}

static void
build_attachments (ShEvidenceDossier *self,
                   ShEvidencePages   *pages)
{
  const char *headers[] = { T (N_("No.")), T (N_("Kind")), T (N_("Description")), T (N_("Date")),
                            T (N_("File and SHA-256")), T (N_("Check")) };
  const double widths[] = { 0.07, 0.12, 0.2, 0.12, 0.31, 0.18 };
  const ShEvidenceAlign aligns[] = { SH_EVIDENCE_ALIGN_CENTER, 0, 0, 0, 0, 0 };
  ThumbRow *thumbs = NULL;
  guint n_thumbs = 0;

  add_plain (pages, SH_EVIDENCE_TEXT_HEADING, T (N_("VI. Evidence attachments")));
  if (self->evidence->len == 0)
    {
      add_plain (pages, SH_EVIDENCE_TEXT_BODY, T (N_("No document is attached.")));
      return;
    }
  add_plain (pages, SH_EVIDENCE_TEXT_BODY,
             T (N_("Each attachment is identified by the SHA-256 of its file. “Matches” means the file kept with the assessment was read when this dossier was printed and has that fingerprint.")));

  begin_table (pages, G_N_ELEMENTS (headers), widths, headers, aligns);
  for (guint i = 0; i < self->evidence->len; i++)
    {
      Evidence *e = self->evidence->pdata[i];
      const char *sha = sh_record_get_string (e->row, "sha256");
      g_autofree char *linked = linked_entity (self, e->row);
      GPtrArray *row = row_new ();

      row_add (row, e->number);
      row_add (row, evidence_kind_label (self, sh_record_get_string (e->row, "kind")));
      row_add_markup (row, g_markup_printf_escaped ("%s\n<i>(%s)</i>", text_or (e->row, "description", ""), linked));
      row_take (row, date_or (e->row, "taken_at", "—"));
      row_add_markup (row, g_markup_printf_escaped ("%s\n<span font=\"DejaVu Sans Mono 6.5\">%.32s\n%s</span>",
                                                    sh_record_get_string (e->row, "file_name"), sha,
                                                    strlen (sha) > 32 ? sha + 32 : ""));
      switch (e->check)
        {
        case FILE_MATCHES:
          row_add_markup (row, g_markup_printf_escaped ("<b>✔ %s</b>", T (N_("Matches"))));
          break;
        case FILE_DIFFERS:
          row_add_markup (row, g_markup_printf_escaped ("<b>✘ %s</b>", T (N_("Does NOT match"))));
          break;
        case FILE_MISSING:
        default:
          row_add (row, T (N_("File not available")));
          break;
        }
      add_row (pages, row);
    }
  sh_evidence_pages_end_table (pages);

  for (guint i = 0; i < self->evidence->len; i++)
    {
      Evidence *e = self->evidence->pdata[i];
      g_autofree char *date = NULL;

      if (e->thumbnail == NULL)
        continue;
      if (n_thumbs == 0)
        add_plain (pages, SH_EVIDENCE_TEXT_SUBHEADING, T (N_("Photographs")));
      if (thumbs == NULL)
        thumbs = g_new0 (ThumbRow, 1);
      date = date_or (e->row, "taken_at", "—");
      thumbs->images[n_thumbs % 3] = cairo_surface_reference (e->thumbnail);
      thumbs->captions[n_thumbs % 3] = g_markup_printf_escaped ("<b>%s</b> · %s\n%.16s…", e->number, date,
                                                                sh_record_get_string (e->row, "sha256"));
      if (++n_thumbs % 3 == 0)
        {
          sh_evidence_pages_add_drawing (pages, 140, draw_thumb_row, g_steal_pointer (&thumbs), thumb_row_free);
        }
    }
  if (thumbs != NULL)
    sh_evidence_pages_add_drawing (pages, 140, draw_thumb_row, g_steal_pointer (&thumbs), thumb_row_free);
}

static void
build_signatures (ShEvidenceDossier *self,
                  ShEvidencePages   *pages)
{
  Signatures *s = g_new0 (Signatures, 1);
  g_autofree char *province = province_name (self);
  g_autofree char *doit = doit_name (self);
  g_autofree char *place = g_strdup_printf (T (N_("%s, day …… month …… year 20……")), province);
  ShRecord *lead = self->consultants->len > 0 ? self->consultants->pdata[0] : NULL;
  g_autofree char *upper_doit = g_utf8_strup (doit, -1);

  add_plain (pages, SH_EVIDENCE_TEXT_HEADING, T (N_("VII. Confirmation")));
  add_plain (pages, SH_EVIDENCE_TEXT_BODY,
             T (N_("We confirm that the information in this dossier is true and matches the XML file named on the cover.")));

  s->place_date = g_markup_escape_text (place, -1);
  s->columns[0] = g_markup_printf_escaped ("<b>%s</b>\n<i>%s</i>", T (N_("FOR THE FACILITY")),
                                           T (N_("(signature, full name and stamp)")));
  s->columns[1] = g_markup_printf_escaped ("<b>%s</b>\n<i>%s</i>", T (N_("CP CONSULTANT")),
                                           T (N_("(signature and full name)")));
  s->columns[2] = g_markup_printf_escaped ("<b>%s</b>\n<i>%s</i>", upper_doit, T (N_("(signature, full name and stamp)")));
  s->names[0] = g_markup_escape_text (text_or (self->facility, "legal_representative", ""), -1);
  s->names[1] = g_markup_escape_text (lead != NULL ? sh_record_get_string (lead, "name") : "", -1);
  sh_evidence_pages_add_space (pages, 6);
  sh_evidence_pages_add_drawing (pages, 170, draw_signatures, s, signatures_free);

  add_plain (pages, SH_EVIDENCE_TEXT_SUBHEADING, T (N_("For the DoIT")));
  add_plain (pages, SH_EVIDENCE_TEXT_BODY,
             T (N_("Decision on the certificate no. ……………… of ……/……/………… · Certificate no. ……………… · Valid until ……/……/…………")));
}

ShEvidencePages *
sh_evidence_dossier_build_pages (ShEvidenceDossier *self)
{
  ShEvidencePages *pages;
  g_autofree char *number = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  pages = sh_evidence_pages_new ();
  number = g_strdup_printf ("%s %s", T (N_("Dossier no.")), self->number);
  sh_evidence_pages_set_header (pages, sh_record_get_string (self->facility, "name"), number);
  footer = g_strdup_printf ("%s %s\n%s %s", T (N_("Document UUID:")), self->xml->document_uuid,
                            T (N_("SHA-256 of the XML:")), self->xml->sha256);
  sh_evidence_pages_set_footer (pages, footer);
  sh_evidence_pages_set_page_word (pages, T (N_("Page")));
  title = g_strdup_printf ("%s — %s", T (N_("CP certification dossier")), sh_record_get_string (self->facility, "name"));
  sh_evidence_pages_set_title (pages, title);

  build_cover (self, pages);
  build_checklist (self, pages);
  build_team (self, pages);
  build_options (self, pages);
  build_consumption (self, pages);
  build_charts (self, pages);
  build_attachments (self, pages);
  build_signatures (self, pages);

  return pages;
}

gboolean
sh_evidence_export (ShStore     *store,
                    ShUnits     *units,
                    gint64       assessment_id,
                    const char  *xml_path,
                    const char  *pdf_path,
                    const char  *language,
                    guint       *out_n_pages,
                    GPtrArray  **out_problems,
                    GError     **error)
{
  g_autoptr(ShEvidenceDossier) dossier = NULL;
  g_autoptr(ShEvidencePages) pages = NULL;

  g_return_val_if_fail (SH_IS_STORE (store), FALSE);
  g_return_val_if_fail (units != NULL, FALSE);
  g_return_val_if_fail (xml_path != NULL && pdf_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sh_report_export_dossier (store, units, assessment_id, xml_path, out_problems, error))
    return FALSE;
  if (!(dossier = sh_evidence_dossier_new (store, units, assessment_id, xml_path, language, error)))
    return FALSE;
  pages = sh_evidence_dossier_build_pages (dossier);
  if (!sh_evidence_pages_write_pdf (pages, pdf_path, error))
    return FALSE;
  if (out_n_pages != NULL)
    *out_n_pages = sh_evidence_pages_get_n_pages (pages);
  return TRUE;
}
