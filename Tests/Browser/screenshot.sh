#!/usr/bin/env bash
# Writes the reports of each PATH with the built psephos and screenshots report.html in
# headless Chromium: .build/browser/<name>/report.html and .build/browser/<name>.png.
# Usage: Tests/Browser/screenshot.sh [PATH...]   (default: Corpus/articles Tests/Browser/hostile)
set -euo pipefail
cd "$(dirname "$0")/../.."
chromium=${PSEPHOS_CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
if [ -z "$chromium" ]; then
  echo "error: chromium is not installed (apt-get install -y chromium)" >&2
  exit 2
fi
swift build --product psephos >/dev/null
paths=("$@")
[ ${#paths[@]} -gt 0 ] || paths=(Corpus/articles Tests/Browser/hostile)
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
for path in "${paths[@]}"; do
  name=$(basename "$path")
  out=".build/browser/$name"
  rm -rf "$out"
  .build/debug/psephos analyse "$path" --out "$out" --quiet >/dev/null || [ $? -eq 3 ]
  "$chromium" --headless=new --no-sandbox --disable-gpu --hide-scrollbars \
    --user-data-dir="$profile" --force-device-scale-factor=1 --virtual-time-budget=3000 \
    --window-size=1280,2400 --screenshot="$PWD/.build/browser/$name.png" \
    "file://$PWD/$out/report.html" >/dev/null 2>&1
  echo ".build/browser/$name.png"
done
