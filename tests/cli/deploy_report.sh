#!/usr/bin/env bash
# deploy's report.html opens in headless Chromium without console errors and shows its
# plots (inline SVG: across boards + four per board); a screenshot is kept under
# <build>/test-artifacts/. Chromium comes from scripts/bootstrap.sh (no network here).
source "$(dirname "$0")/lib.bash" "$1"
ART="${MCUSIM_ARTIFACTS:-$(cd "$(dirname "$MCUSIM")" && pwd)/test-artifacts}"
mkdir -p "$ART"
CHROME="$(command -v chromium || command -v chromium-browser || true)"
[ -n "$CHROME" ] || { fail "chromium not installed (scripts/bootstrap.sh installs it)"; finish; }

expect_exit 0 deploy -- "$MCUSIM" deploy --model zoo:mobilenet_v2_0.35_128 \
  --board nucleo-f767zi --board nucleo-f091rc --inferences-per-hour 60 --battery-mah 2000 \
  --battery-volts 3.7 --out "$TMP/d"
HTML="$TMP/d/report.html"
[ -s "$HTML" ] || { fail "no report.html"; finish; }
grep -qE '<(script|img|link rel="stylesheet")[^>]*(src|href)="(http|//)' "$HTML" && fail "report.html references external resources"

chrome() {
  timeout 120 "$CHROME" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --disable-dev-shm-usage --user-data-dir="$(mktemp -d "$TMP/profile.XXXX")" \
    --enable-logging=stderr --v=0 "$@"
}
chrome --dump-dom "file://$HTML" >"$TMP/dom.html" 2>"$TMP/chrome.log" || fail "chromium --dump-dom failed: $(tail -3 "$TMP/chrome.log")"
grep -E "Uncaught|ERROR:CONSOLE|Failed to load resource" "$TMP/chrome.log" && fail "console errors loading report.html"
python3 - "$TMP/dom.html" <<'PY' || fail "DOM does not show the plots"
import re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
svgs = re.findall(r"<svg\b", dom)
# boards-latency, boards-energy + (ws, cum, lat, energy) x 2 boards
assert len(svgs) == 10, len(svgs)
for name in ["boards-latency.svg", "ws-nucleo-f767zi.svg", "cum-nucleo-f091rc.svg",
             "lat-nucleo-f091rc.svg", "energy-nucleo-f767zi.svg"]:
    assert 'data-plot="%s"' % name in dom, name
assert dom.count("<rect") > 200, dom.count("<rect")   # bars were rendered into the DOM
assert "SRAM 512.0 KiB" in dom and "SRAM 32.0 KiB" in dom  # the Fig. 3 SRAM lines
assert "nucleo-f091rc" in dom and "fits-with-offload" in dom
assert "days" in dom
PY
SHOT="$ART/deploy_report.png"
rm -f "$SHOT"
chrome --screenshot="$SHOT" --window-size=1200,2400 --hide-scrollbars "file://$HTML" >/dev/null 2>"$TMP/shot.log" \
  || fail "chromium --screenshot failed: $(tail -3 "$TMP/shot.log")"
grep -E "Uncaught|ERROR:CONSOLE" "$TMP/shot.log" && fail "console errors while taking the screenshot"
python3 - "$SHOT" <<'PY' || fail "screenshot is not a non-blank PNG"
import sys
b = open(sys.argv[1], "rb").read()
assert b[:8] == b"\x89PNG\r\n\x1a\n" and len(b) > 20000, len(b)
PY
cp "$HTML" "$ART/deploy_report.html"
finish
