#!/usr/bin/env bash
# Install the few system libraries Qt needs on Debian or Ubuntu, only those missing.
# Usage: scripts/system-deps.sh [window|test]
set -euo pipefail
mode="${1:-window}"

# Qt's offscreen platform (tests) and the fonts and GL it links against.
packages=(libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-dejavu-core)
if [ "$mode" = "window" ]; then
  # The X11 (xcb) platform of a real window.
  packages+=(libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
             libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1)
else
  # pdftotext and pdftoppm, to read printed documents back in tests; a PostgreSQL
  # server and its client (pg_dump) for the tests of a book on a server.
  packages+=(poppler-utils postgresql postgresql-client)
fi
if ! python3 -c "import ensurepip, venv" >/dev/null 2>&1; then
  packages+=(python3-venv)
fi

if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-query >/dev/null 2>&1; then
  echo "Not a Debian/Ubuntu system: make sure Qt 6's runtime libraries are installed." >&2
  exit 0
fi

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "Installing system packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
