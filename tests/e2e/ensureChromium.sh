#!/usr/bin/env bash
# The e2e tests drive Debian's Chromium (never a browser Playwright downloads). Install it, and fonts
# for Chinese text and emoji so screenshots are readable, when they are missing.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
fonts=$(fc-list 2>/dev/null || true)
grep -qi 'wenquanyi\|noto sans cjk' <<<"$fonts" || need+=(fonts-wqy-microhei)
grep -qi 'noto color emoji' <<<"$fonts" || need+=(fonts-noto-color-emoji)
if [ ${#need[@]} -gt 0 ]; then
  echo "ensureChromium: installing ${need[*]}" >&2
  SUDO=''
  [ "$(id -u)" -eq 0 ] || SUDO='sudo'
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y "${need[@]}"
fi
