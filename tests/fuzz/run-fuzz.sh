#!/usr/bin/env bash
# run-fuzz.sh — fuzzes the XML report importer and the parsers of typed
# numbers and dates with libFuzzer, each for a bounded time.
#
# Usage: tests/fuzz/run-fuzz.sh [SECONDS] [BUILD_DIR] [TARGET…]
#   SECONDS per target (default 300), BUILD_DIR default /tmp/build-fuzz,
#   TARGET one or more of report-import, parse-number, parse-date (default all).
#
# Builds the core with clang, coverage instrumentation (-fsanitize=fuzzer-no-link)
# and AddressSanitizer + UndefinedBehaviorSanitizer in BUILD_DIR, links each
# fuzz-TARGET.c with libFuzzer, and runs it on a working corpus seeded from its
# seed corpus (tests/fuzz/corpus for the importer, with the hostile fixtures of
# tests/data/reports and the examples of docs/examples and a dictionary of the
# schema's element names; tests/fuzz/corpus-number and corpus-date for the
# parsers). Crashes are written to BUILD_DIR/fuzz-artifacts/TARGET/; copy a
# fixed one into the target's seed corpus so the unit tests replay it for ever.
# Not part of the ordinary test run (it takes minutes and needs clang and
# libclang-rt). Exits non-zero if any target found a crash.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

seconds=${1:-300}
build=${2:-/tmp/build-fuzz}
shift $(( $# > 2 ? 2 : $# ))
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(report-import parse-number parse-date)
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

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
failed=()

for target in "${targets[@]}"; do
  case "$target" in
    report-import) seeds=("$src"/tests/fuzz/corpus/* "$src"/tests/data/reports/*.xml "$src"/docs/examples/*.xml) ;;
    parse-number) seeds=("$src"/tests/fuzz/corpus-number/*) ;;
    parse-date) seeds=("$src"/tests/fuzz/corpus-date/*) ;;
    *) echo "run-fuzz.sh: unknown target $target" >&2; exit 2 ;;
  esac

  # shellcheck disable=SC2046 # word splitting of pkg-config output is intended
  clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -I"$build" -I"$build/src/core" -I"$src/src/core" \
    "$src/tests/fuzz/fuzz-$target.c" "$build/src/core/libsh-core.a" \
    $(pkg-config --cflags --libs gio-2.0 gobject-2.0 glib-2.0 sqlite3 libxml-2.0 pangocairo cairo) -lm \
    -o "$build/fuzz-$target"

  corpus="$build/fuzz-corpus/$target"
  artifacts="$build/fuzz-artifacts/$target"
  mkdir -p "$corpus" "$artifacts"
  cp -n "${seeds[@]}" "$corpus"/

  options=(-max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048
           -artifact_prefix="$artifacts/" -print_final_stats=1)
  if [ "$target" = report-import ]; then
    # Every element name of the schema, as libFuzzer dictionary entries.
    dict="$build/report.dict"
    {
      grep -o 'name="[A-Za-z0-9]*"' "$src/data/schema/report-1.0.xsd" | sort -u |
        sed 's/name="\(.*\)"/"<\1>"\n"<\/\1>"/'
      printf '%s\n' '"urn:sachhon:report:1"' '"uuid=\""' '"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"' \
        '"<!DOCTYPE"' '"<!ENTITY"' '"&#"' '"]]>"' '"<![CDATA["'
    } > "$dict"
    options+=(-max_len=131072 -dict="$dict")
  else
    options+=(-max_len=64)
  fi

  echo "== fuzz-$target for $seconds s"
  if "$build/fuzz-$target" "${options[@]}" "$corpus"; then
    echo "run-fuzz.sh: fuzz-$target: no crash in $seconds s; corpus of $(find "$corpus" -type f | wc -l) inputs in $corpus"
  else
    echo "run-fuzz.sh: fuzz-$target found a crash: see $artifacts" >&2
    failed+=("$target")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "run-fuzz.sh: crashes in: ${failed[*]}" >&2
  exit 1
fi
