#!/usr/bin/env bash
# run.sh — every benchmark, each next to its floor, as one table.
#
#   bash bench/run.sh            (builds build-bench/ in release mode)
#
# Needs the packages of tools/dev.sh (run `bash tools/dev.sh test` once on a
# fresh machine). The province-scale database (2,000 facilities, 5,000
# assessments, seed 1) is generated once into build-bench/ and reused.
# Results go to stdout; copy them into bench/RESULTS.md with the machine
# they ran on when they change materially.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
build=$(realpath -m "${BENCH_BUILD_DIR:-build-bench}")

if [ -f "$build/build.ninja" ]; then
  meson configure "$build" --buildtype=release > /dev/null
else
  meson setup "$build" --buildtype=release > /dev/null
fi
ninja -C "$build" > /dev/null

cli="$build/src/cli/sachhon-cli"
province="$build/province.db"
if [ ! -f "$province" ]; then
  echo "== generating the province-scale database (once)"
  "$cli" --db "$province" generate --facilities 2000 --assessments 5000 --seed 1 2> /dev/null
fi

echo "== machine"
echo "$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), \
$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
echo "commit $(git rev-parse --short HEAD 2> /dev/null || echo unknown), $(date -u +%Y-%m-%dT%H:%MZ)"
echo

echo "== 1. launch to first frame (province-scale database)"
GDK_DEBUG=gl-disable GSETTINGS_SCHEMA_DIR="$build/data" GSETTINGS_BACKEND=memory \
  xvfb-run -a -s '-screen 0 1280x1024x24' \
  "$build/bench/bench-launch" "$build/src/app/sachhon" "$province" 7
echo

echo "== 2. autosave latency of one field edit"
"$build/bench/bench-store" 1000 "$build"
echo

echo "== 4. Sankey layout and draw, 300 nodes / 1,000 links"
"$build/bench/bench-sankey" 21
echo

echo "== 7. The demo's charts: load, draw on screen, one drag frame, A4 PNG"
"$build/bench/bench-charts" 21
echo

echo "== 3, 5, 6. reports, evidence PDF, provincial roll-up"
SACHHON_LOCALEDIR="$build/po" "$build/bench/bench-reports" "$province" \
  "$(pwd)/data/schema/report-1.0.xsd" "$build/bench-reports" 1000
