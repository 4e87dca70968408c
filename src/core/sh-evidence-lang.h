/* sh-evidence-lang.h — the language a printed dossier or form is written in.
 *
 * A dossier prints in Vietnamese by default, whatever language the program
 * itself runs in, so its texts cannot go through the process's gettext. A
 * ShEvidenceLang reads the compiled catalogue (sachhon.mo) of one language
 * and answers lookups from it; it keeps no global state and may be used
 * from any thread. Strings are marked with N_() in the sources so that
 * xgettext finds them, and translated here when the page is built.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _ShEvidenceLang ShEvidenceLang;

/* The languages a printout can be made in: "vi" and "en". */
gboolean        sh_evidence_lang_is_supported  (const char      *language);

/* Loads the catalogue of @language from $SACHHON_LOCALEDIR, else from the
 * installed locale directory. English needs no catalogue. Fails when
 * @language is not supported or its catalogue cannot be read. */
ShEvidenceLang *sh_evidence_lang_new           (const char      *language,
                                                GError         **error);
/* Loads a catalogue from one .mo file (tests). */
ShEvidenceLang *sh_evidence_lang_new_from_file (const char      *language,
                                                const char      *mo_path,
                                                GError         **error);
void            sh_evidence_lang_free          (ShEvidenceLang  *self);

const char     *sh_evidence_lang_get_code      (ShEvidenceLang  *self);
/* The translation of @msgid, or @msgid itself when there is none. */
const char     *sh_evidence_lang_gettext       (ShEvidenceLang  *self,
                                                const char      *msgid) G_GNUC_FORMAT (2);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShEvidenceLang, sh_evidence_lang_free)

G_END_DECLS
