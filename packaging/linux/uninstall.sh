#!/bin/sh
# Remove Cobranza Desktop for this user: ~/.local/opt/cobranza-desktop/uninstall.sh
# Removes exactly the files install.sh recorded, and the program's folder. Never your books:
# they live in the data directory (~/.local/share/cobranza-desktop) and stay there.
set -eu
opt="$HOME/.local/opt/cobranza-desktop"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
manifest="$opt/installed-files"

if [ -f "$manifest" ]; then
  while IFS= read -r path; do
    # Only files install.sh put there, and never anything under a data directory of books.
    case "$path" in
      */cobranza-desktop/*.sqlite* | */cobranza-desktop/*.cobranza*) continue ;;
    esac
    [ -f "$path" ] || [ -L "$path" ] || continue
    rm -f "$path"
  done < "$manifest"
fi
case "$opt" in
  */.local/opt/cobranza-desktop) rm -rf "$opt" ;;
esac

if command -v update-mime-database >/dev/null 2>&1 && [ -d "$data/mime" ]; then
  update-mime-database "$data/mime" >/dev/null 2>&1 || true
fi
if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$data/applications" ]; then
  update-desktop-database "$data/applications" >/dev/null 2>&1 || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -d "$data/icons/hicolor" ]; then
  gtk-update-icon-cache -q -t -f "$data/icons/hicolor" >/dev/null 2>&1 || true
fi
echo "Cobranza Desktop desinstalado; sus libros siguen en su lugar. / Uninstalled; your books are kept."
