#!/usr/bin/env bash
# Renders the ProChat logo (src-assets/logo.svg) into the icons the app and the installers use:
#   icons/png/prochat-<size>.png  16 24 32 48 64 128 256 512  (window icon, Linux .deb, app-image)
#   icons/prochat.ico             16..256 in one file         (Windows .msi, launcher .exe)
#   icons/prochat.icns            16..512                     (macOS .dmg, .app bundle)
# Usage: src-assets/render-icons.sh        (from anywhere; the renditions are committed, so run
# it again only after changing logo.svg). Needs Debian's librsvg2-bin, imagemagick and icnsutils;
# as root it installs the missing ones with apt-get, otherwise it says what to install.
# The output is reproducible: the same SVG gives byte-identical files.
set -euo pipefail
cd "$(dirname "$0")"

svg=logo.svg
out=icons
sizes=(16 24 32 48 64 128 256 512)
ico_sizes=(16 24 32 48 64 128 256)
icns_sizes=(16 32 48 128 256 512)

need=()
command -v rsvg-convert >/dev/null || need+=(librsvg2-bin)
command -v png2icns >/dev/null || need+=(icnsutils)
# /usr/bin/convert, not a stand-in earlier on the PATH; ImageMagick 7 names it magick.
if command -v magick >/dev/null; then
  convert=(magick)
elif [[ -x /usr/bin/convert ]]; then
  convert=(/usr/bin/convert)
else
  need+=(imagemagick)
  convert=(/usr/bin/convert)
fi
if ((${#need[@]})); then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
  else
    echo "render-icons: missing tools; install them with: sudo apt-get install ${need[*]}" >&2
    exit 1
  fi
fi

mkdir -p "$out/png"
for size in "${sizes[@]}"; do
  rsvg-convert --width "$size" --height "$size" --format png "$svg" --output "$out/png/prochat-$size.png"
done

ico_inputs=()
for size in "${ico_sizes[@]}"; do ico_inputs+=("$out/png/prochat-$size.png"); done
# No timestamps or other variable metadata in the output.
"${convert[@]}" "${ico_inputs[@]}" -define png:exclude-chunks=date,time +set date:create +set date:modify "$out/prochat.ico"

icns_inputs=()
for size in "${icns_sizes[@]}"; do icns_inputs+=("$out/png/prochat-$size.png"); done
png2icns "$out/prochat.icns" "${icns_inputs[@]}" >/dev/null

echo "render-icons: wrote $out/png/prochat-{$(IFS=,; echo "${sizes[*]}")}.png, $out/prochat.ico, $out/prochat.icns"
