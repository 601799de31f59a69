#!/bin/sh
# Install Cobranza Desktop for this user, from the unpacked tarball:
#   ./install.sh
# Puts the program in ~/.local/opt/cobranza-desktop, the commands `cobranza` and
# `cobranza-desktop` in ~/.local/bin, and the menu entry, icons and the book's file type in
# $XDG_DATA_HOME (~/.local/share). Running it again upgrades in place. Your books, in the
# data directory (~/.local/share/cobranza-desktop), are never touched.
set -eu
src="$(cd "$(dirname "$0")" && pwd)"
opt="$HOME/.local/opt/cobranza-desktop"
bin="$HOME/.local/bin"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
app_id="mx.cobranza.Desktop"

[ -x "$src/app/cobranza-desktop" ] || { echo "install.sh: no app/ beside this script" >&2; exit 2; }

# The new copy goes in beside the old one and replaces it only when complete.
mkdir -p "$HOME/.local/opt"
rm -rf "$opt.new"
mkdir -p "$opt.new"
cp -a "$src/app" "$opt.new/app"
cp "$src/uninstall.sh" "$opt.new/uninstall.sh"
chmod 755 "$opt.new/uninstall.sh"
rm -rf "$opt.old"
[ -d "$opt" ] && mv "$opt" "$opt.old"
mv "$opt.new" "$opt"
rm -rf "$opt.old"

manifest="$opt/installed-files"
: > "$manifest"
put() {  # put SOURCE DEST [MODE]: copy a file and remember it for uninstall.sh
  mkdir -p "$(dirname "$2")"
  cp "$1" "$2"
  chmod "${3:-644}" "$2"
  echo "$2" >> "$manifest"
}

# Launchers: small scripts rather than symlinks, so the bundle always finds its own folder.
mkdir -p "$bin"
for name in cobranza cobranza-desktop; do
  printf '#!/bin/sh\nexec "%s/app/cobranza-desktop" "$@"\n' "$opt" > "$opt/$name.launcher"
  put "$opt/$name.launcher" "$bin/$name" 755
  rm -f "$opt/$name.launcher"
done

# The menu entry runs the launcher by its full path: ~/.local/bin may not be on the
# desktop session's PATH.
sed -e "s|^Exec=cobranza-desktop|Exec=\"$bin/cobranza-desktop\"|" \
    -e "s|^TryExec=.*||" \
    "$src/share/$app_id.desktop" > "$opt/$app_id.desktop"
echo "TryExec=$bin/cobranza-desktop" >> "$opt/$app_id.desktop"
put "$opt/$app_id.desktop" "$data/applications/$app_id.desktop"
rm -f "$opt/$app_id.desktop"
put "$src/share/$app_id.metainfo.xml" "$data/metainfo/$app_id.metainfo.xml"
put "$src/share/$app_id.mime.xml" "$data/mime/packages/$app_id.xml"
put "$src/share/cobranza.svg" "$data/icons/hicolor/scalable/apps/$app_id.svg"
put "$src/share/cobranza-256.png" "$data/icons/hicolor/256x256/apps/$app_id.png"
put "$src/share/cobranza-64.png" "$data/icons/hicolor/64x64/apps/$app_id.png"

# Refresh the desktop's caches when the tools are there (they are optional).
if command -v update-mime-database >/dev/null 2>&1; then
  update-mime-database "$data/mime" >/dev/null 2>&1 || true
fi
if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database "$data/applications" >/dev/null 2>&1 || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then
  gtk-update-icon-cache -q -t -f "$data/icons/hicolor" >/dev/null 2>&1 || true
fi

echo "Cobranza Desktop instalado en $opt / installed in $opt"
case ":$PATH:" in
  *":$bin:"*) ;;
  *) echo "Nota: agregue $bin a su PATH para usar 'cobranza' en la terminal." \
          "/ Add $bin to your PATH to run 'cobranza' from a terminal." ;;
esac
