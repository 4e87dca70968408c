#!/usr/bin/env bash
# Kill-during-edits soak: hundreds of SIGKILL trials against the store, then
# (with APP_TRIALS > 0) trials against the real window under Xvfb.
# Usage: tests/crash-soak.sh [BUILD_DIR] [TRIALS] [APP_TRIALS]
set -euo pipefail
build=${1:-build}
trials=${2:-500}
app_trials=${3:-0}
here=$(cd "$(dirname "$0")/.." && pwd)
SACHHON_SOURCE_DIR="$here" SACHHON_CRASH_TRIALS="$trials" \
  "$build/tests/test-crash" -p /store/crash/kill-during-edits

if [ "$app_trials" -gt 0 ]; then
  SACHHON_SOURCE_DIR="$here" SACHHON_BUILD_DIR="$build" SACHHON_APP_CRASH_TRIALS="$app_trials" \
  G_TEST_BUILDDIR="$build/tests" GTK_A11Y=none GDK_DEBUG=gl-disable GSETTINGS_BACKEND=memory \
  GSETTINGS_SCHEMA_DIR="$build/data" SACHHON_LOCALEDIR="$build/po" \
    xvfb-run -a -s '-screen 0 1280x1024x24' "$build/tests/test-app-crash"
fi
