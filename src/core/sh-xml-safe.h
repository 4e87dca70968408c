/* sh-xml-safe.h — reading XML that comes from outside, safely.
 *
 * Files exchanged by USB stick and e-mail are untrusted. They are read with
 * a size limit (a larger file is refused before it is read), must be UTF-8,
 * and are parsed with XML_PARSE_NONET only: no DOCTYPE is accepted (the
 * parser stops as soon as it sees one, before any entity is declared), so no
 * entity is ever expanded and nothing is fetched from disk or the network.
 * See ../shared/HEADLESS.md, "libxml2 2.9.14 safety".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

#define SH_XML_SAFE_ERROR (sh_xml_safe_error_quark ())

typedef enum
{
  SH_XML_SAFE_ERROR_IO,         /* the file cannot be read */
  SH_XML_SAFE_ERROR_TOO_LARGE,  /* larger than the limit */
  SH_XML_SAFE_ERROR_ENCODING,   /* not UTF-8 */
  SH_XML_SAFE_ERROR_DOCTYPE,    /* has a DOCTYPE (entities, external DTDs) */
  SH_XML_SAFE_ERROR_MALFORMED,  /* not well-formed XML, or empty */
} ShXmlSafeError;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

GQuark       sh_xml_safe_error_quark     (void);

/* Sets up libxml2 once per process: initialises the parser and makes the
 * external entity loader refuse everything. Thread-safe; called by the
 * functions below. */
void         sh_xml_safe_init            (void);

/* The contents of @path if it holds at most @max_size bytes. A larger file
 * (or anything that is not a regular file) is refused without reading it. */
GBytes      *sh_xml_safe_read_file       (const char  *path,
                                          gsize        max_size,
                                          GError     **error);

/* Parses @bytes (named @name in messages). On failure returns NULL and, when
 * @out_line is not NULL, the line of the problem (0 if unknown). */
xmlDoc      *sh_xml_safe_parse           (GBytes      *bytes,
                                          const char  *name,
                                          gsize        max_size,
                                          int         *out_line,
                                          GError     **error);

G_END_DECLS
