/* sh-xml-safe.c — reading XML that comes from outside, safely.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/globals.h>

#include "sh-xml-safe.h"

/* libxml2 2.12 made the error handed to structured handlers const. */
#if LIBXML_VERSION >= 21200
typedef const xmlError XmlErrorArg;
#else
typedef xmlError XmlErrorArg;
#endif

G_DEFINE_QUARK (sh-xml-safe-error-quark, sh_xml_safe_error)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlParserCtxt, xmlFreeParserCtxt)

void
sh_xml_safe_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      xmlInitParser ();
      /* The loader is process-wide: nothing external is ever loaded. */
      xmlSetExternalEntityLoader (xmlNoNetExternalEntityLoader);
      g_once_init_leave (&done, 1);
    }
}

GBytes *
sh_xml_safe_read_file (const char  *path,
                       gsize        max_size,
                       GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  goffset size;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = g_file_new_for_path (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, SH_XML_SAFE_ERROR, SH_XML_SAFE_ERROR_IO,
                   _("Cannot read “%s”: %s"), path, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, SH_XML_SAFE_ERROR, SH_XML_SAFE_ERROR_IO,
                   _("“%s” is not a regular file."), path);
      return NULL;
    }

  size = g_file_info_get_size (info);
  if (size < 0 || (guint64) size > max_size)
    {
      g_set_error (error, SH_XML_SAFE_ERROR, SH_XML_SAFE_ERROR_TOO_LARGE,
                   _("“%s” is too large (%" PRId64 " bytes; the limit is %zu bytes)."),
                   path, (gint64) size, max_size);
      return NULL;
    }

  stream = g_file_read (file, NULL, &local_error);
  if (stream != NULL)
    /* One byte more than the limit tells a file that grew since. */
    bytes = g_input_stream_read_bytes (G_INPUT_STREAM (stream), max_size + 1, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, SH_XML_SAFE_ERROR, SH_XML_SAFE_ERROR_IO,
                   _("Cannot read “%s”: %s"), path, local_error->message);
      return NULL;
    }
  if (g_bytes_get_size (bytes) > max_size)
    {
      g_set_error (error, SH_XML_SAFE_ERROR, SH_XML_SAFE_ERROR_TOO_LARGE,
                   _("“%s” is too large (the limit is %zu bytes)."), path, max_size);
      return NULL;
    }

  return g_steal_pointer (&bytes);
}

/* The SAX callback for <!DOCTYPE …>. It runs before the internal subset is
 * parsed, so stopping here means no entity is ever declared. */
static void
doctype_seen_cb (void          *user_data,
                 const xmlChar *name,
                 const xmlChar *external_id,
                 const xmlChar *system_id)
{
  xmlParserCtxt *ctxt = user_data;

  *(gboolean *) ctxt->_private = TRUE;
  xmlStopParser (ctxt);
}

/* The encoding named by the XML declaration at the start of @data, if any
 * ("UTF-8", "ISO-8859-1"…), as a new string. */
static char *
declared_encoding (const char *data,
                   gsize       size)
{
  g_autofree char *head = NULL;
  const char *end;
  const char *at;
  char quote;

  /* A UTF-8 byte order mark may come first. */
  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      size -= 3;
    }
  if (size < 5 || memcmp (data, "<?xml", 5) != 0)
    return NULL;

  head = g_strndup (data, MIN (size, 256));
  if ((end = strstr (head, "?>")) == NULL || (at = strstr (head, "encoding")) == NULL || at > end)
    return NULL;

  at += strlen ("encoding");
  while (*at == ' ' || *at == '\t' || *at == '\r' || *at == '\n' || *at == '=')
    at++;
  quote = *at;
  if (quote != '"' && quote != '\'')
    return NULL;
  end = strchr (at + 1, quote);

  return end != NULL ? g_strndup (at + 1, end - at - 1) : NULL;
}

/* libxml2 reports some problems (encodings, I/O) through its per-thread
 * error channel, which prints to stderr; errors that matter reach us
 * through the parser context. */
static void
ignore_error_cb (void        *user_data,
                 XmlErrorArg *error)
{
}

static int
line_of_offset (const char *data,
                gsize       offset)
{
  int line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;

  return line;
}

xmlDoc *
sh_xml_safe_parse (GBytes      *bytes,
                   const char  *name,
                   gsize        max_size,
                   int         *out_line,
                   GError     **error)
{
  g_autoptr(xmlParserCtxt) ctxt = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *encoding = NULL;
  xmlStructuredErrorFunc saved_handler;
  void *saved_context;
  gboolean doctype = FALSE;
  const char *data;
  const char *end = NULL;
  gsize size = 0;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (out_line != NULL)
    *out_line = 0;

  sh_xml_safe_init ();

  data = g_bytes_get_data (bytes, &size);
  if (size > max_size || size > G_MAXINT)
    {
      g_set_error (error, SH_XML_SAFE_ERROR, SH_XML_SAFE_ERROR_TOO_LARGE,
                   _("%s is too large (%zu bytes; the limit is %zu bytes)."),
                   name, size, max_size);
      return NULL;
    }
  if (size == 0)
    {
      g_set_error (error, SH_XML_SAFE_ERROR, SH_XML_SAFE_ERROR_MALFORMED, _("%s is empty."), name);
      return NULL;
    }

  /* Checked on the bytes, before libxml2 converts anything: NUL bytes and
   * UTF-16 are refused here too. */
  if (!g_utf8_validate (data, (gssize) size, &end))
    {
      int line = line_of_offset (data, (gsize) (end - data));

      if (out_line != NULL)
        *out_line = line;
      g_set_error (error, SH_XML_SAFE_ERROR, SH_XML_SAFE_ERROR_ENCODING,
                   _("%s is not UTF-8 text (invalid byte 0x%02X on line %d)."),
                   name, (guint) (guchar) *end, line);
      return NULL;
    }

  /* The bytes are UTF-8; a declaration saying otherwise is refused before
   * libxml2 tries to convert them. */
  encoding = declared_encoding (data, size);
  if (encoding != NULL && g_ascii_strcasecmp (encoding, "UTF-8") != 0)
    {
      g_set_error (error, SH_XML_SAFE_ERROR, SH_XML_SAFE_ERROR_ENCODING,
                   _("%s declares the encoding “%s”; reports must be UTF-8."), name, encoding);
      if (out_line != NULL)
        *out_line = 1;
      return NULL;
    }

  ctxt = xmlCreateMemoryParserCtxt (data, (int) size);
  if (ctxt == NULL)
    g_error ("Out of memory creating an XML parser");

  /* NONET is the only flag that changes what is parsed: never NOENT (it
   * reads local files through entities even with NONET) nor HUGE. NOERROR
   * and NOWARNING only keep libxml2 from printing. */
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_IGNORE_ENC);
  ctxt->_private = &doctype;
  ctxt->sax->internalSubset = doctype_seen_cb;
  ctxt->sax->externalSubset = NULL;
  ctxt->sax->entityDecl = NULL;
  ctxt->sax->getEntity = NULL;
  ctxt->sax->resolveEntity = NULL;
  ctxt->loadsubset = 0;
  ctxt->replaceEntities = 0;

  saved_handler = xmlStructuredError;
  saved_context = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc (NULL, ignore_error_cb);
  xmlParseDocument (ctxt);
  xmlSetStructuredErrorFunc (saved_context, saved_handler);
  doc = g_steal_pointer (&ctxt->myDoc);

  if (doctype)
    {
      if (out_line != NULL)
        *out_line = xmlSAX2GetLineNumber (ctxt);
      g_set_error (error, SH_XML_SAFE_ERROR, SH_XML_SAFE_ERROR_DOCTYPE,
                   _("%s has a DOCTYPE declaration (line %d). Reports never have one: a DOCTYPE can "
                     "declare entities that read other files or expand without end, so the file "
                     "was not read further."),
                   name, xmlSAX2GetLineNumber (ctxt));
      return NULL;
    }

  if (doc == NULL || !ctxt->wellFormed || xmlDocGetRootElement (doc) == NULL)
    {
      const xmlError *xml_error = xmlCtxtGetLastError (ctxt);
      g_autofree char *message = g_strdup (xml_error != NULL && xml_error->message != NULL
                                           ? xml_error->message : _("no root element"));
      int line = xml_error != NULL ? xml_error->line : 0;

      g_strchomp (message);
      if (out_line != NULL)
        *out_line = line;
      g_set_error (error, SH_XML_SAFE_ERROR, SH_XML_SAFE_ERROR_MALFORMED,
                   _("%s is not well-formed XML (line %d: %s). The file may be cut short or damaged."),
                   name, line, message);
      return NULL;
    }

  return g_steal_pointer (&doc);
}
