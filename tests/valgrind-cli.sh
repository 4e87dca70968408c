#!/usr/bin/env bash
# valgrind-cli.sh — every sachhon-cli command under Valgrind's memcheck.
#
# Usage: tests/valgrind-cli.sh BUILD_DIR
#
# Runs each command of sachhon-cli (demo, facilities, assessments, show,
# export, validate, import, rollup, chart, evidence, verify, form, generate)
# on a database in a temporary directory, under
# `valgrind --error-exitcode=99 --leak-check=full`. Invalid reads and
# writes, uses of uninitialised values and definite or possible leaks make
# it fail. tests/valgrind.supp silences only one-time allocations that
# libraries outside Sạch Hơn keep for the whole process (fontconfig, Pango,
# HarfBuzz, the GLib type system); none of our own code is suppressed.
# Registered in meson as the test `valgrind-cli` of the suite `valgrind`,
# which the default `meson test` leaves out (it takes minutes):
#   meson test -C BUILD_DIR --setup valgrind --suite valgrind
# Last line: "N passed, N failed, N skipped".
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -uo pipefail

build=$(realpath "${1:?usage: valgrind-cli.sh BUILD_DIR}")
src=$(cd "$(dirname "$0")/.." && pwd)
cli="$build/src/cli/sachhon-cli"

command -v valgrind > /dev/null || { echo "valgrind-cli.sh: valgrind is needed"; echo "0 passed, 0 failed, 1 skipped"; exit 77; }
[ -x "$cli" ] || { echo "valgrind-cli.sh: no $cli (build first)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/sh-valgrind-XXXXXX")
trap 'rm -rf "$work"' EXIT

export LANG=C.UTF-8 LC_ALL=C.UTF-8
export SACHHON_LOCALEDIR="$build/po"
export G_SLICE=always-malloc G_DEBUG=gc-friendly
# Our own code must be clean: no suppression of anything under src/.
# shellcheck disable=SC2054 # the commas belong to valgrind's options
valgrind=(valgrind --quiet --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,possible
          --errors-for-leak-kinds=definite,possible --num-callers=30 --track-origins=yes
          --suppressions="$src/tests/valgrind.supp" --gen-suppressions=all)

passed=0
failed=0
db="$work/cli.db"

# run NAME EXPECTED_STATUS ARGS…: one command under memcheck. A command that
# is meant to refuse its input (validate of a broken file) exits 1, which
# is still a pass as long as memcheck found nothing (it would exit 99).
run () {
  local name=$1 expected=$2 status
  shift 2
  echo "== $name: sachhon-cli $*"
  "${valgrind[@]}" --log-file="$work/$name.vg" "$cli" "$@" > "$work/$name.out" 2>&1
  status=$?
  if [ "$status" -eq "$expected" ] && ! grep -q 'ERROR SUMMARY: [1-9]' "$work/$name.vg"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL $name: exit $status (expected $expected)"
    cat "$work/$name.out" "$work/$name.vg"
  fi
}

run demo 0 --db "$db" demo
run facilities 0 --db "$db" facilities
run assessments 0 --db "$db" assessments
run show 0 --db "$db" show 2
run export-dossier 0 --db "$db" export 2 -o "$work/dossier.xml"
run export-annual 0 --db "$db" export --annual 1 --year 2024 -o "$work/annual.xml"
run validate 0 --db "$db" validate "$work/dossier.xml" "$work/annual.xml" "$src/docs/examples/"*.xml
printf '<?xml version="1.0"?>\n<BaoCaoSXSH xmlns="urn:sachhon:report:1"><Nam>x</Nam></BaoCaoSXSH>\n' > "$work/bad.xml"
run validate-bad 1 --db "$db" validate "$work/bad.xml"
run import 0 --db "$work/import.db" import "$work/dossier.xml" "$work/annual.xml"
run import-bad 1 --db "$work/import.db" import "$work/bad.xml"
run rollup 0 --db "$db" rollup --province 62 --year 2024 -o "$work/rollup.xml"
for kind in sankey consumption pareto savings monitoring; do
  run "chart-$kind" 0 --db "$db" chart 2 --kind "$kind" -o "$work/$kind.png"
done
run chart-pdf 0 --db "$db" chart 2 --kind sankey -o "$work/sankey.pdf"
run chart-svg 0 --db "$db" chart 2 --kind savings -o "$work/savings.svg"
run evidence 0 --db "$db" evidence 2 -o "$work/evidence.pdf" --xml "$work/evidence.xml" --language vi
fingerprint=$(sha256sum "$work/evidence.xml" | cut -c1-64)
run verify 0 --db "$db" verify "$work/evidence.xml" --fingerprint "$fingerprint"
run form-blank 0 --db "$db" form quick -o "$work/form-blank.pdf" --language en
run form-filled 0 --db "$db" form quick 1 -o "$work/form.pdf" --language vi
run generate 0 --db "$work/generated.db" generate --facilities 5 --assessments 8 --seed 3

echo "$passed passed, $failed failed, 0 skipped"
[ "$failed" -eq 0 ]
