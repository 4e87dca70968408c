#!/usr/bin/env bash
# test-po.sh — checks the translations: every .po compiles with msgfmt --check,
# has no untranslated or fuzzy message, and knows every string that the
# current sources mark for translation. Usage: test-po.sh SOURCE_ROOT
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -uo pipefail

root=${1:?usage: test-po.sh SOURCE_ROOT}
cd "$root" || exit 1

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0

fail () {
  echo "FAIL: $*"
  failed=1
}

# 1. POTFILES.in lists exactly the files that have translatable strings.
listed=$(grep -v '^#' po/POTFILES.in | grep -v '^[[:space:]]*$')
if [ "$listed" != "$(printf '%s\n' "$listed" | LC_ALL=C sort)" ]; then
  fail "po/POTFILES.in is not sorted (LC_ALL=C sort)"
fi
for f in $listed; do
  [ -f "$f" ] || fail "po/POTFILES.in lists $f, which does not exist"
done
marked=$( (grep -rlE '\b(N?_|C_|NC_|g_dngettext|ngettext) *\(' --include='*.c' src 2>/dev/null;
           grep -rl 'translatable="yes"' --include='*.ui' ui 2>/dev/null) | LC_ALL=C sort -u)
for f in $marked; do
  grep -qx "$f" po/POTFILES.in || fail "$f has translatable strings but is not in po/POTFILES.in"
done

# 2. The template from the current sources, made as meson's "glib" preset
#    makes it (po/meson.build), into a scratch file.
if ! xgettext --package-name=sachhon -f po/POTFILES.in -D "$root" -o "$tmp/sachhon.pot" \
       -k_ --from-code=UTF-8 --add-comments \
       --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
       --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
       --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
       --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
       --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
       --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
       --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
       --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
       --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format \
       2> "$tmp/xgettext.log"; then
  cat "$tmp/xgettext.log"
  fail "xgettext could not extract the strings"
fi

for lang in $(grep -v '^#' po/LINGUAS); do
  po="po/$lang.po"
  if [ ! -f "$po" ]; then
    fail "$po is listed in po/LINGUAS but missing"
    continue
  fi

  # 3. It compiles cleanly and is complete.
  if ! msgfmt --check --statistics -o /dev/null "$po" > "$tmp/stats" 2>&1; then
    cat "$tmp/stats"
    fail "msgfmt --check rejects $po"
  fi
  echo "$po: $(tail -n 1 "$tmp/stats")"
  if grep -qE 'untranslated|fuzzy' "$tmp/stats"; then
    fail "$po has untranslated or fuzzy messages (run tools/update-po.sh)"
  fi

  # 4. It translates every string of the current sources.
  if [ -s "$tmp/sachhon.pot" ] && ! msgcmp "$po" "$tmp/sachhon.pot" > "$tmp/cmp" 2>&1; then
    grep -v '^msgcmp: found' "$tmp/cmp" | head -n 40
    fail "$po lacks translations of current strings (run tools/update-po.sh)"
  fi
done

if [ "$failed" -ne 0 ]; then
  exit 1
fi
echo "translations complete"
