#!/usr/bin/env bash
# update-po.sh — after strings changed in the sources: regenerates the
# template with meson's own target, merges it into every po/*.po, and lists
# what still needs a translator. Exits 1 while anything is untranslated or
# fuzzy (tests/test-po.sh fails in that state too).
#
#   bash tools/update-po.sh          (DEV_BUILD_DIR chooses the build dir)
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
build=${DEV_BUILD_DIR:-build}

[ -f "$build/build.ninja" ] || meson setup "$build"
ninja -C "$build" sachhon-pot

incomplete=0
for lang in $(grep -v '^#' po/LINGUAS); do
  po="po/$lang.po"
  msgmerge --quiet --update --backup=none "$po" po/sachhon.pot
  # Messages no source uses any more are dropped, not kept as #~ comments.
  msgattrib --no-obsolete -o "$po" "$po"

  echo "$po: $(msgfmt --check --statistics -o /dev/null "$po" 2>&1 | tail -n 1)"
  if [ -n "$(msgattrib --untranslated "$po")$(msgattrib --only-fuzzy "$po")" ]; then
    incomplete=1
    echo "-- untranslated in $po:"
    msgattrib --untranslated --no-wrap --no-location "$po" | grep -E '^msg(ctxt|id) ' | grep -v '^msgid ""$' || true
    echo "-- fuzzy in $po (check, then remove the '#, fuzzy' line):"
    msgattrib --only-fuzzy --no-wrap --no-location "$po" | grep -E '^msg(ctxt|id) ' | grep -v '^msgid ""$' || true
  fi
done

# The template is a by-product; the .po files are what we keep.
rm -f po/sachhon.pot
exit "$incomplete"
