#!/usr/bin/env bash
# run-fuzz.sh — fuzzes the XML report importer with libFuzzer for a bounded time.
#
# Usage: tests/fuzz/run-fuzz.sh [SECONDS] [BUILD_DIR]   (default 300 s, /tmp/build-fuzz)
#
# Builds the core with clang, coverage instrumentation (-fsanitize=fuzzer-no-link)
# and AddressSanitizer + UndefinedBehaviorSanitizer in BUILD_DIR, links
# fuzz-report-import.c with libFuzzer, and runs it on a working corpus seeded
# from tests/fuzz/corpus, the hostile fixtures of tests/data/reports and the
# examples of docs/examples, with a dictionary of the schema's element names.
# Crashes are written to BUILD_DIR/fuzz-artifacts/; copy a fixed one into
# tests/fuzz/corpus so the unit tests replay it for ever. Not part of the
# ordinary test run (it takes minutes and needs clang and libclang-rt).
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

seconds=${1:-300}
build=${2:-/tmp/build-fuzz}
src=$(cd "$(dirname "$0")/../.." && pwd)

command -v clang > /dev/null || { echo "run-fuzz.sh: clang is needed" >&2; exit 77; }

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" "$src" \
    -Dbuildtype=debugoptimized \
    -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args=-fsanitize=fuzzer-no-link > "$build.setup.log" 2>&1 \
    || { cat "$build.setup.log"; exit 1; }
fi
ninja -C "$build" src/core/libsh-core.a

# shellcheck disable=SC2046 # word splitting of pkg-config output is intended
clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -I"$build" -I"$build/src/core" -I"$src/src/core" \
  "$src/tests/fuzz/fuzz-report-import.c" "$build/src/core/libsh-core.a" \
  $(pkg-config --cflags --libs gio-2.0 gobject-2.0 glib-2.0 sqlite3 libxml-2.0 pangocairo cairo) -lm \
  -o "$build/fuzz-report-import"

corpus="$build/fuzz-corpus"
artifacts="$build/fuzz-artifacts"
mkdir -p "$corpus" "$artifacts"
cp -n "$src"/tests/fuzz/corpus/* "$src"/tests/data/reports/*.xml "$src"/docs/examples/*.xml "$corpus"/

# Every element name of the schema, as libFuzzer dictionary entries.
dict="$build/report.dict"
{
  grep -o 'name="[A-Za-z0-9]*"' "$src/data/schema/report-1.0.xsd" | sort -u |
    sed 's/name="\(.*\)"/"<\1>"\n"<\/\1>"/'
  printf '%s\n' '"urn:sachhon:report:1"' '"uuid=\""' '"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"' \
    '"<!DOCTYPE"' '"<!ENTITY"' '"&#"' '"]]>"' '"<![CDATA["'
} > "$dict"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
"$build/fuzz-report-import" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=131072 \
  -dict="$dict" -artifact_prefix="$artifacts/" -print_final_stats=1 \
  "$corpus"

echo "run-fuzz.sh: no crash in $seconds s; corpus of $(ls "$corpus" | wc -l) inputs in $corpus"
