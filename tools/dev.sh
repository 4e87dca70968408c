#!/usr/bin/env bash
# dev.sh — the two commands of the README.
#
#   bash tools/dev.sh run [--db FILE] [ARGS...]   build and start Sạch Hơn
#   bash tools/dev.sh test                        build and run every test
#
# Both first install the Debian 12 packages that are missing (nothing, and no
# network, when all are there). "test" prints a last line
# "N passed, N failed, N skipped" and exits non-zero if anything failed.
# DEV_BUILD_DIR and DEV_ASAN_BUILD_DIR choose other build directories than
# build/ and build-asan/.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
build=$(realpath -m "${DEV_BUILD_DIR:-build}")
asan_build=$(realpath -m "${DEV_ASAN_BUILD_DIR:-build-asan}")

# What a fresh Debian 12 needs to build, test and run (see HEADLESS.md);
# gcc and libc6-dev because --no-install-recommends does not bring them.
packages=(
  gcc libc6-dev pkg-config meson ninja-build gettext
  libgtk-4-dev libxml2-dev libxml2-utils libsqlite3-dev libqrencode-dev
  desktop-file-utils appstream-util
  xvfb xauth fonts-dejavu-core librsvg2-common dbus at-spi2-core python3-pyatspi
  poppler-utils libxlsxwriter-dev
)

say () {
  printf '== %s\n' "$*"
}

ensure_packages () {
  local missing=() status p sudo=()

  if ! command -v dpkg-query > /dev/null; then
    say "not a Debian system: make sure these are installed: ${packages[*]}"
    return
  fi

  for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2> /dev/null || true)
    [[ $status == ii* ]] || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return

  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo > /dev/null; then
      echo "dev.sh: missing packages (${missing[*]}), and neither root nor sudo to install them" >&2
      exit 1
    fi
    sudo=(sudo)
  fi

  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update
  "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}" < /dev/null
}

# setup_build DIR OPTION... — configures DIR with exactly these options.
setup_build () {
  local dir=$1
  shift
  if [ -f "$dir/build.ninja" ]; then
    meson configure "$dir" "$@"
  else
    meson setup "$dir" "$@"
  fi
}

cmd_run () {
  ensure_packages
  [ -f "$build/build.ninja" ] || meson setup "$build"
  ninja -C "$build"

  # The uninstalled program finds its compiled settings schema and its
  # translations in the build directory.
  export GSETTINGS_SCHEMA_DIR="$build/data"
  export SACHHON_LOCALEDIR="$build/po"
  say "database: ${SACHHON_DB:-${XDG_DATA_HOME:-$HOME/.local/share}/sachhon/sachhon.db} (unless --db FILE)"
  exec "$build/src/app/sachhon" "$@"
}

cmd_test () {
  local failed_steps=()

  ensure_packages

  # 1. Everything (suites unit and ui), warnings as errors, under one Xvfb.
  say "build $build (-Dwerror=true)"
  rm -f "$build/meson-logs/testlog.json"
  if setup_build "$build" -Dwerror=true && ninja -C "$build"; then
    say "meson test in $build, under Xvfb"
    xvfb-run -a -s '-screen 0 1280x1024x24' \
      meson test -C "$build" --no-rebuild --print-errorlogs || true
  else
    failed_steps+=(--failed-step "build $build")
  fi

  # 2. The unit suite again under AddressSanitizer and UBSan: the core must
  #    be free of leaks and undefined behaviour, with no suppressions.
  say "build $asan_build (-Db_sanitize=address,undefined)"
  rm -f "$asan_build/meson-logs/testlog.json"
  if setup_build "$asan_build" -Db_sanitize=address,undefined -Db_lundef=false -Dwerror=true \
      && ninja -C "$asan_build"; then
    say "meson test --suite unit in $asan_build"
    ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:abort_on_error=1:print_summary=1 \
    UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1:print_summary=1 \
      meson test -C "$asan_build" --no-rebuild --suite unit --print-errorlogs \
        --timeout-multiplier 3 || true
  else
    failed_steps+=(--failed-step "build $asan_build")
  fi

  # 3. One line from both logs: meson's own exit status is not to be trusted.
  exec /usr/bin/python3 "$root/tools/test-summary.py" "${failed_steps[@]}" \
    "$build/meson-logs/testlog.json" "$asan_build/meson-logs/testlog.json"
}

case "${1:-}" in
  run)
    shift
    cmd_run "$@"
    ;;
  test)
    shift
    cmd_test "$@"
    ;;
  *)
    echo "usage: bash tools/dev.sh run [--db FILE] [ARGS...]" >&2
    echo "       bash tools/dev.sh test" >&2
    exit 2
    ;;
esac
