#!/usr/bin/env bash
# Regenerate the pictures in docs/ from the samples (needs poppler's pdftoppm and chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
for sample in landskrona-2018 laxa-2018 stockholm-norrmalm-2019; do
  make-report all "samples/$sample" --format pdf --out "$out" > /dev/null
done
page() {  # page FILE PAGE NAME
  pdftoppm -png -r 45 -f "$2" -l "$2" -singlefile "$out/$1" "docs/images/$3"
}
page medborgarlofte-landskrona-2018.pdf 1 landskrona-lofte-1
page uppfoljning-landskrona-2018-T3.pdf 1 landskrona-t3-1
page arssammanfattning-landskrona-2018.pdf 3 landskrona-arssammanfattning-3
page medborgarlofte-laxa-2018.pdf 1 laxa-lofte-1
page medborgarlofte-stockholm-norrmalm-2019.pdf 1 norrmalm-lofte-1
rm -r "$out"
# The web pages (docs/html-<sample>.png), in headless Chromium:
python -m tests.browser > /dev/null
