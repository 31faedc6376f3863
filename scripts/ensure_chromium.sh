#!/usr/bin/env bash
# Make sure Debian's Chromium is installed for the browser tests (Playwright drives it through
# executable_path; `playwright install` cannot download browsers here). Idempotent.
# Environment: CHROMIUM_PATH (default /usr/bin/chromium). Prints the path as the last line.
set -euo pipefail

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"

say() { echo "ensure_chromium: $*" >&2; }
die() { echo "ensure_chromium: ERROR: $*" >&2; exit 1; }

if ! [[ -x "$CHROMIUM" ]]; then
    [[ "$CHROMIUM" == /usr/bin/chromium ]] || die "CHROMIUM_PATH=$CHROMIUM is not an executable"
    [[ $EUID -eq 0 ]] || die "$CHROMIUM is missing and we are not root, so it can't be installed (as root: apt-get install chromium)"
    say "installing Debian's chromium"
    # DPkg::Lock::Timeout waits for an apt/dpkg that is already running rather than failing.
    for i in 1 2 3; do
        apt-get -o DPkg::Lock::Timeout=600 -o Acquire::Retries=3 update -qq >&2 && break
        say "apt-get update failed (try $i); retrying"
        sleep 10
    done
    # Fonts for text rendering come with chromium's dependencies (fontconfig -> fonts-dejavu-core).
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -o Acquire::Retries=3 \
        install -y -qq --no-install-recommends chromium >&2 || die "apt-get install chromium failed"
    [[ -x "$CHROMIUM" ]] || die "chromium installed but $CHROMIUM is missing"
fi

version=$("$CHROMIUM" --version 2>/dev/null) || die "$CHROMIUM --version failed"
say "$version"
echo "$CHROMIUM"
