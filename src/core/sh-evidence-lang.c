/* sh-evidence-lang.c — the language a printed dossier or form is written in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "sh-evidence-lang.h"

#define MO_MAGIC         0x950412deU
#define MO_MAGIC_SWAPPED 0xde120495U

struct _ShEvidenceLang
{
  char       *code;
  GBytes     *contents;  /* the .mo file; the table points into it */
  GHashTable *table;     /* msgid → msgstr, both inside @contents */
};

gboolean
sh_evidence_lang_is_supported (const char *language)
{
  return language != NULL && (g_str_equal (language, "vi") || g_str_equal (language, "en"));
}

static guint32
read_u32 (const guint8 *data,
          gsize         offset,
          gboolean      swapped)
{
  guint32 value;

  memcpy (&value, data + offset, sizeof value);
  return swapped ? GUINT32_SWAP_LE_BE (value) : value;
}

/* Reads the GNU .mo format: a header, then two tables of (length, offset)
 * pairs for the original and the translated strings. Every offset is
 * checked against the file's size, so a damaged file is refused rather than
 * read out of bounds. Plural forms are looked up by their singular. */
static gboolean
parse_mo (ShEvidenceLang  *self,
          const char      *name,
          GError         **error)
{
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (self->contents, &size);
  guint32 magic, n, orig, trans;
  gboolean swapped;

  if (size < 20)
    goto bad;
  memcpy (&magic, data, sizeof magic);
  if (magic != MO_MAGIC && magic != MO_MAGIC_SWAPPED)
    goto bad;
  swapped = magic == MO_MAGIC_SWAPPED;
  n = read_u32 (data, 8, swapped);
  orig = read_u32 (data, 12, swapped);
  trans = read_u32 (data, 16, swapped);
  if ((guint64) orig + (guint64) n * 8 > size || (guint64) trans + (guint64) n * 8 > size)
    goto bad;

  for (guint32 i = 0; i < n; i++)
    {
      guint32 olen = read_u32 (data, orig + i * 8, swapped);
      guint32 ooff = read_u32 (data, orig + i * 8 + 4, swapped);
      guint32 tlen = read_u32 (data, trans + i * 8, swapped);
      guint32 toff = read_u32 (data, trans + i * 8 + 4, swapped);

      /* Each string is followed by a NUL that the length does not count. */
      if ((guint64) ooff + olen >= size || (guint64) toff + tlen >= size ||
          data[ooff + olen] != '\0' || data[toff + tlen] != '\0')
        goto bad;
      if (olen == 0 || tlen == 0)
        continue;  /* the header entry, or an untranslated one */
      g_hash_table_insert (self->table, (gpointer) (data + ooff), (gpointer) (data + toff));
    }
  return TRUE;

bad:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("“%s” is not a valid translation catalogue."), name);
  return FALSE;
}

ShEvidenceLang *
sh_evidence_lang_new_from_file (const char  *language,
                                const char  *mo_path,
                                GError     **error)
{
  g_autoptr(ShEvidenceLang) self = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (sh_evidence_lang_is_supported (language), NULL);
  g_return_val_if_fail (mo_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (ShEvidenceLang, 1);
  self->code = g_strdup (language);
  self->table = g_hash_table_new (g_str_hash, g_str_equal);
  if (!g_file_get_contents (mo_path, &contents, &length, error))
    return NULL;
  self->contents = g_bytes_new_take (contents, length);
  if (!parse_mo (self, mo_path, error))
    return NULL;

  return g_steal_pointer (&self);
}

ShEvidenceLang *
sh_evidence_lang_new (const char  *language,
                      GError     **error)
{
  const char *dirs[] = { g_getenv ("SACHHON_LOCALEDIR"), LOCALEDIR };
  ShEvidenceLang *self;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!sh_evidence_lang_is_supported (language))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Printouts can be made in Vietnamese (vi) or English (en), not “%s”."),
                   language ? language : "");
      return NULL;
    }

  if (g_str_equal (language, "en"))
    {
      self = g_new0 (ShEvidenceLang, 1);
      self->code = g_strdup (language);
      self->table = g_hash_table_new (g_str_hash, g_str_equal);
      return self;
    }

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = NULL;

      if (dirs[i] == NULL || dirs[i][0] == '\0')
        continue;
      path = g_build_filename (dirs[i], language, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return sh_evidence_lang_new_from_file (language, path, error);
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               _("The translation “%s” is not installed (looked in $SACHHON_LOCALEDIR and %s)."),
               language, LOCALEDIR);
  return NULL;
}

void
sh_evidence_lang_free (ShEvidenceLang *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->table, g_hash_table_unref);
  g_clear_pointer (&self->contents, g_bytes_unref);
  g_free (self->code);
  g_free (self);
}

const char *
sh_evidence_lang_get_code (ShEvidenceLang *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->code;
}

const char *
sh_evidence_lang_gettext (ShEvidenceLang *self,
                          const char     *msgid)
{
  const char *msgstr;

  g_return_val_if_fail (self != NULL, msgid);
  g_return_val_if_fail (msgid != NULL, NULL);

  msgstr = g_hash_table_lookup (self->table, msgid);
  return msgstr != NULL ? msgstr : msgid;
}
