#!/usr/bin/env bash
# Kill-during-edits soak: hundreds of SIGKILL trials against the store.
# Usage: tests/crash-soak.sh [BUILD_DIR] [TRIALS]
set -euo pipefail
build=${1:-build}
trials=${2:-500}
here=$(cd "$(dirname "$0")/.." && pwd)
SACHHON_SOURCE_DIR="$here" SACHHON_CRASH_TRIALS="$trials" \
  "$build/tests/test-crash" -p /store/crash/kill-during-edits
