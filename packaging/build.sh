#!/usr/bin/env bash
# Build the Linux desktop bundle from a clean clone, in its own build venv.
#
#   packaging/build.sh [OUT_DIR]        (default: dist/ at the repository root)
#
# Leaves in OUT_DIR:
#   dist/cobranza-desktop/                      the one-folder bundle (PyInstaller)
#   cobranza-desktop-VERSION-linux-ARCH.tar.gz  the bundle with install.sh and uninstall.sh
# and prints the tarball's path as its last line. PYTHON picks the interpreter (python3).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
out="$(mkdir -p "${1:-$root/dist}" && cd "${1:-$root/dist}" && pwd)"
python="${PYTHON:-python3}"

# Qt's runtime libraries must be present for PyInstaller to find the bundle's dependencies,
# plus binutils (strip, objdump) and the XDG tools install.sh runs.
bash "$here/linux/build-deps.sh"

venv="$out/build-venv"
rm -rf "$venv"
"$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip
# Editable: the bundle is made from this checkout; the install brings the dependencies.
"$venv/bin/python" -m pip install --quiet -e "$root[packaging]"

"$venv/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$out/dist" --workpath "$out/work" "$here/linux/cobranza-desktop.spec"

version="$("$venv/bin/python" -c 'import cobranza_desktop; print(cobranza_desktop.__version__)')"
name="cobranza-desktop-$version-linux-$(uname -m)"
stage="$out/stage/$name"
rm -rf "$out/stage"
mkdir -p "$stage/share"
cp -a "$out/dist/cobranza-desktop" "$stage/app"
cp "$here/linux/install.sh" "$here/linux/uninstall.sh" "$stage/"
chmod 755 "$stage/install.sh" "$stage/uninstall.sh"
cp "$here/linux/mx.cobranza.Desktop.desktop" "$here/linux/mx.cobranza.Desktop.metainfo.xml" \
   "$here/linux/mx.cobranza.Desktop.mime.xml" "$stage/share/"
cp "$root/resources/icons/cobranza.svg" "$root/resources/icons/cobranza-256.png" \
   "$root/resources/icons/cobranza-64.png" "$stage/share/"
tarball="$out/$name.tar.gz"
tar -C "$out/stage" -czf "$tarball" "$name"
# The build venv (about 700 MB) and PyInstaller's work folder are remade on every build.
rm -rf "$venv" "$out/work" "$out/stage"
echo "bundle: $(du -sm "$out/dist/cobranza-desktop" | cut -f1) MB unpacked, $(du -sm "$tarball" | cut -f1) MB packed" >&2
echo "$tarball"
