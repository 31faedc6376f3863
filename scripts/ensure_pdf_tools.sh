#!/usr/bin/env bash
# Make sure what the PDF reports need is installed: Pango (WeasyPrint lays out text with it), a
# local font (reports never fetch fonts), and Poppler's pdftoppm/pdftotext (the report tests
# render the PDF to images and text). Debian's packages; idempotent. Prints "ok" as the last line.
set -euo pipefail

say() { echo "ensure_pdf_tools: $*" >&2; }
die() { echo "ensure_pdf_tools: ERROR: $*" >&2; exit 1; }

have_pango() { ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so.0'; }
have_font() { [[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]]; }
have_poppler() { command -v pdftoppm >/dev/null && command -v pdftotext >/dev/null; }

if ! (have_pango && have_font && have_poppler); then
    [[ $EUID -eq 0 ]] || die "Pango, DejaVu fonts or poppler-utils missing and we are not root (as root: apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core poppler-utils)"
    say "installing Pango, DejaVu fonts and poppler-utils"
    for i in 1 2 3; do
        apt-get -o DPkg::Lock::Timeout=600 -o Acquire::Retries=3 update -qq >&2 && break
        say "apt-get update failed (try $i); retrying"
        sleep 10
    done
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -o Acquire::Retries=3 \
        install -y -qq --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 \
        fonts-dejavu-core poppler-utils >&2 || die "apt-get install failed"
    have_pango && have_font && have_poppler || die "installed, but still missing a piece"
fi
echo ok
