/* sh-evidence.h — the printed certification evidence dossier, and its check.
 *
 * A dossier (hồ sơ đề nghị chứng nhận áp dụng SXSH, DOMAIN.md §1.4 and §5.2
 * item 22) is the paper a DoIT officer reads: the facility, the criteria
 * checklist with a verdict and the reason for each, the CP team, the options
 * implemented, specific consumption before and after, the flow diagram and
 * the savings chart, the evidence attachments with their SHA-256, and the
 * signature and stamp blocks.
 *
 * It is tied to one XML dossier file (sh_report_export_dossier()): every
 * page carries that file's document UUID (MaTaiLieu) and the SHA-256 of its
 * bytes, and the cover carries both as a QR code. Whoever holds the paper
 * and a file can then check, with sh_evidence_verify(), that the file is
 * the one the paper was printed from: one changed byte changes the hash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sh-evidence-lang.h"
#include "sh-evidence-pages.h"
#include "sh-store.h"
#include "sh-units.h"

G_BEGIN_DECLS

#define SH_EVIDENCE_ERROR (sh_evidence_error_quark ())

typedef enum
{
  SH_EVIDENCE_ERROR_NOT_DOSSIER,   /* the XML is not a dossier, or not of this assessment */
  SH_EVIDENCE_ERROR_FINGERPRINT,   /* the fingerprint given is not 64 hex digits */
  SH_EVIDENCE_ERROR_FAILED,
} ShEvidenceError;

/* The certification criteria (DOMAIN.md §5.2 item 22), in print order. */
typedef enum
{
  SH_EVIDENCE_CRITERION_ASSESSMENT,    /* the CP assessment is finalized and signed */
  SH_EVIDENCE_CRITERION_CP_UNIT,       /* a CP unit by decision, with a leader */
  SH_EVIDENCE_CRITERION_OPTIONS,       /* ≥ 1 option implemented */
  SH_EVIDENCE_CRITERION_SAVING,        /* a specific-consumption saving reaches the band */
  SH_EVIDENCE_CRITERION_ANNUAL_REPORT, /* an annual CP report submitted to the DoIT */
  SH_EVIDENCE_CRITERION_ENVIRONMENT,   /* the environmental compliance status is recorded */
  SH_EVIDENCE_N_CRITERIA
} ShEvidenceCriterionId;

typedef struct
{
  ShEvidenceCriterionId  id;
  gboolean               met;
  char                  *title;   /* in the dossier's language */
  char                  *reason;  /* why, in the dossier's language */
} ShEvidenceCriterion;

/* What identifies an exported XML file. */
typedef struct
{
  char *path;
  char *sha256;          /* of the file's bytes, lower-case hex */
  char *document_uuid;   /* ThongTinTaiLieu/MaTaiLieu */
  char *subject_uuid;    /* ThongTinTaiLieu/MaDoiTuong: the assessment */
  char *revision;        /* ThongTinTaiLieu/LanBanHanh */
  char *created;         /* ThongTinTaiLieu/ThoiDiemTao */
  char *root;            /* the root element's name */
} ShEvidenceXmlInfo;

typedef struct
{
  gboolean  matches;            /* the file's SHA-256 is the one given */
  gboolean  uuid_checked;       /* the fingerprint text named a document UUID */
  gboolean  uuid_matches;
  char     *file_sha256;
  char     *file_document_uuid; /* NULL when the file is not a report */
} ShEvidenceVerifyResult;

typedef struct _ShEvidenceDossier ShEvidenceDossier;

GQuark              sh_evidence_error_quark        (void);

/* Reads @path: its SHA-256, and its document header when it is one of our
 * XML reports (parsed with the safe flags; a file that does not parse
 * still gets its hash, with the header fields NULL). */
ShEvidenceXmlInfo  *sh_evidence_xml_info_read      (const char          *path,
                                                    GError             **error);
void                sh_evidence_xml_info_free      (ShEvidenceXmlInfo   *info);

/* Loads the dossier of @assessment_id, tied to @xml_path, which must be a
 * dossier (HoSoDanhGiaSXSH) of that assessment. @language: "vi" or "en". */
ShEvidenceDossier  *sh_evidence_dossier_new        (ShStore             *store,
                                                    ShUnits             *units,
                                                    gint64               assessment_id,
                                                    const char          *xml_path,
                                                    const char          *language,
                                                    GError             **error);
void                sh_evidence_dossier_free       (ShEvidenceDossier   *self);

const ShEvidenceXmlInfo   *sh_evidence_dossier_get_xml_info  (ShEvidenceDossier *self);
const ShEvidenceCriterion *sh_evidence_dossier_get_criterion (ShEvidenceDossier     *self,
                                                              ShEvidenceCriterionId  id);
/* "HS-<tax code>-<year>-<revision>": the number in every page's header. */
const char         *sh_evidence_dossier_get_number (ShEvidenceDossier   *self);
/* The text of the cover's QR code:
 * "SACHHON-HOSO;uuid=<document UUID>;sha256=<hex>". */
char               *sh_evidence_dossier_get_qr_text (ShEvidenceDossier  *self);

/* Lays the dossier out on A4 pages. */
ShEvidencePages    *sh_evidence_dossier_build_pages (ShEvidenceDossier  *self);

/* Exports the XML dossier to @xml_path (sh_report_export_dossier()), then
 * prints the dossier tied to it to @pdf_path. @out_problems receives the
 * export's problems when it refuses. */
gboolean            sh_evidence_export             (ShStore             *store,
                                                    ShUnits             *units,
                                                    gint64               assessment_id,
                                                    const char          *xml_path,
                                                    const char          *pdf_path,
                                                    const char          *language,
                                                    guint               *out_n_pages,
                                                    GPtrArray          **out_problems,
                                                    GError             **error);

/* A fingerprint as printed: 16 groups of 4 upper-case hex digits. */
char               *sh_evidence_format_fingerprint (const char          *sha256);

/* Checks whether the file at @xml_path is the one printed with
 * @fingerprint: 64 hex digits, spaces, colons and dashes ignored, any case;
 * or the text of the cover's QR code, whose document UUID is then checked
 * too. Returns FALSE (with @error) only when the file cannot be read or
 * the fingerprint is malformed; a mismatch is a result, not an error. */
gboolean            sh_evidence_verify             (const char          *xml_path,
                                                    const char          *fingerprint,
                                                    ShEvidenceVerifyResult *result,
                                                    GError             **error);
void                sh_evidence_verify_result_clear (ShEvidenceVerifyResult *result);

/* Draws @text as a QR code (error correction M) in the square (@x, @y,
 * @size), with its quiet zone. FALSE if the text does not fit a QR code. */
gboolean            sh_evidence_draw_qr            (cairo_t             *cr,
                                                    const char          *text,
                                                    double               x,
                                                    double               y,
                                                    double               size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShEvidenceXmlInfo, sh_evidence_xml_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShEvidenceDossier, sh_evidence_dossier_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ShEvidenceVerifyResult, sh_evidence_verify_result_clear)

G_END_DECLS
