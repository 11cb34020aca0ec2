#!/usr/bin/env bash
# Remakes docs/report.png: the top of report.html for the sample shop's second night (2026-11-22 against
# 2026-11-21), as headless Chromium shows it. Needs /usr/bin/chromium (apt-get install chromium), a CJK font
# (fonts-wqy-microhei) for the Chinese labels, and optionally pngquant to make the file small.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

chromium=${CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] || { echo "no Chromium at $chromium (apt-get install chromium, or set CHROMIUM)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for d in 2026-11-21 2026-11-22; do
  scripts/rfm-nightly.sh --input sample-data --output "$work/out" --as-of "$d" --job sample-data/sample-shop.yml \
    --db "$work/db" >"$work/run-$d.log" 2>&1 || { cat "$work/run-$d.log" >&2; exit 1; }
done
"$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --hide-scrollbars --host-resolver-rules='MAP * ~NOTFOUND' \
  --user-data-dir="$work/profile" --window-size=1240,1150 --screenshot="$work/report.png" \
  "file://$work/out/2026-11-22/report.html" >"$work/chromium.log" 2>&1
if command -v pngquant >/dev/null 2>&1; then
  pngquant --quality 60-85 --speed 1 --force --output docs/report.png "$work/report.png"
else
  cp "$work/report.png" docs/report.png
fi
echo "wrote docs/report.png ($(stat -c %s docs/report.png) bytes)"
