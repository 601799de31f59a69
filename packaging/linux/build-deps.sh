#!/usr/bin/env bash
# What building and installing the Linux bundle needs from Debian/Ubuntu, only what is missing:
# Qt's runtime libraries (scripts/system-deps.sh), binutils (PyInstaller strips with it),
# icu-devtools and gcc (ICU's data is cut down to Spanish and English, bundle_common.py),
# and the XDG tools that install.sh runs (update-mime-database, update-desktop-database).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bash "$here/../../scripts/system-deps.sh" window
if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-query >/dev/null 2>&1; then
  exit 0
fi
missing=()
for package in binutils shared-mime-info desktop-file-utils icu-devtools gcc; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "Installing system packages: ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
