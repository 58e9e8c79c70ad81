#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (never a downloaded browser); their screenshots and the
# printed signs (npm run signs) need CJK fonts in every face the signs use: Noto Sans CJK SC
# regular and bold, Noto Serif CJK SC bold (the street's brand), Noto Sans Mono CJK SC (the grid
# code). Installs from apt whatever is missing; a face Chromium cannot find would silently fall
# back to another font, or to empty boxes.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v fc-list >/dev/null || missing+=(fontconfig)
has_face() { fc-list "$1" family 2>/dev/null | grep -q .; }
for face in 'Noto Sans CJK SC:style=Regular' 'Noto Sans CJK SC:style=Bold' 'Noto Serif CJK SC:style=Bold' 'Noto Sans Mono CJK SC'; do
  has_face "$face" || { missing+=(fonts-noto-cjk); break; }
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing ${missing[*]} from apt"
sudo=''
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "need root or sudo to apt-get install ${missing[*]}" >&2; exit 1; }
  sudo=sudo
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
