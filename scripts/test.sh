#!/usr/bin/env bash
# The test suite, as `make test` runs it (after install, assets and lint):
#   1. every test on SQLite, browser tests included (Debian's Chromium through Playwright);
#   2. every test but the browser ones on PostgreSQL (a private cluster: scripts/ensure_postgres.sh).
#      SAFEGUARD_PG_BROWSER=1 runs the browser tests there too.
# The two passes run side by side, each with its own log, printed whole when it ends.
# Extra arguments go to both pytest runs: `bash scripts/test.sh -k sign_in -x`.
#
# With CI set, Chromium and PostgreSQL are installed and started if need be, and any failure to
# do so fails the run. Without CI, what can't be had is skipped with the reason. A run that
# collects no test (pytest's exit 5) fails.
set -uo pipefail

cd "$(dirname "$0")/.."
PYTHON=.venv/bin/python
[[ -x "$PYTHON" ]] || { echo "test.sh: no $PYTHON: run 'make install' first" >&2; exit 1; }

LOGS=$(mktemp -d "${TMPDIR:-/tmp}/safeguard-test.XXXXXX")
trap 'rm -rf "$LOGS"' EXIT

status=0
labels=()
results=()
totals=(0 0 0)  # passed, failed (failures + errors), skipped

ci() { [[ -n "${CI:-}" ]]; }

# Records a line for the summary; `fail` also makes the whole run fail.
note() { labels+=("$1"); results+=("$2"); }
fail() { note "$1" "$2"; status=1; }

# Runs `bash SCRIPT`; prints its stdout's last line on success; on failure prints its last error
# line and returns 1.
ensure() {
    local script=$1 out
    if out=$(bash "$script" 2>"$LOGS/ensure.err"); then
        cat "$LOGS/ensure.err" >&2
        tail -1 <<<"$out"
    else
        cat "$LOGS/ensure.err" >&2
        grep -v '^\s*$' "$LOGS/ensure.err" | tail -1
        return 1
    fi
}

# start_pytest LABEL [env assignments...] -- [pytest args...]: runs pytest in the background with
# its output in a log of its own; finish_pytest collects them in the order they were started.
pids=()
logs=()
started=()
start_pytest() {
    local label=$1 log="$LOGS/run-${#started[@]}.log" envs=()
    shift
    while [[ $1 != -- ]]; do envs+=("$1"); shift; done
    shift
    echo "test.sh: started $label: pytest${*:+ ${*@Q}}"
    env "${envs[@]}" "$PYTHON" -m pytest -ra --durations=10 "$@" "${extra[@]}" >"$log" 2>&1 &
    pids+=($!)
    logs+=("$log")
    started+=("$label")
}

finish_pytest() {
    local i=$1 label=${started[$1]} log=${logs[$1]} rc summary n word
    wait "${pids[$i]}"
    rc=$?
    echo
    echo "======== $label ========"
    cat "$log"
    summary=$(grep -E '^=+ .* in [0-9.]+s( \([0-9:.]+\))? =+$' "$log" | tail -1 | sed -E 's/^=+ //; s/ =+$//')
    [[ -n $summary ]] || summary="no pytest summary line"
    while read -r n word; do
        case $word in
            passed) totals[0]=$((totals[0] + n)) ;;
            failed | error | errors) totals[1]=$((totals[1] + n)) ;;
            skipped) totals[2]=$((totals[2] + n)) ;;
        esac
    done < <(grep -oE '[0-9]+ (passed|failed|errors?|skipped)' <<<"$summary")
    case $rc in
        0) note "$label" "$summary" ;;
        5) fail "$label" "FAILED: no tests collected (pytest exit 5): $summary" ;;
        *) fail "$label" "FAILED (pytest exit $rc): $summary" ;;
    esac
}

extra=("$@")

# --- Chromium --------------------------------------------------------------------------------------
if chromium=$(ensure scripts/ensure_chromium.sh); then
    export CHROMIUM_PATH="$chromium"
elif ci; then
    fail "Chromium" "FAILED: could not be had: $chromium"
else
    note "Chromium" "SKIPPED browser tests: $chromium"
    echo "test.sh: SKIPPED browser tests: $chromium" >&2
fi

# --- PDF tools (WeasyPrint's Pango, a local font, Poppler for the report tests) ------------------
if ! pdf_tools=$(ensure scripts/ensure_pdf_tools.sh); then
    if ci; then
        fail "PDF tools" "FAILED: could not be had: $pdf_tools"
    else
        note "PDF tools" "MISSING (the report tests will fail): $pdf_tools"
    fi
fi

# --- The two passes, side by side (each is one Python process; the machine has two cores) ------
# 1. SQLite, browser tests included; 2. PostgreSQL, all but the browser tests.
start_pytest "SQLite (all tests)" -u DATABASE_URL --

if [[ ${SAFEGUARD_PG_BROWSER:-} == 1 ]]; then
    pg_label="PostgreSQL (all tests)"
    pg_args=()
else
    pg_label="PostgreSQL (all but browser tests)"
    pg_args=(-m "not browser")
fi
if database_url=$(ensure scripts/ensure_postgres.sh); then
    start_pytest "$pg_label" "DATABASE_URL=$database_url" -- "${pg_args[@]}"
elif ci; then
    fail "PostgreSQL" "FAILED: could not be started: $database_url"
else
    note "PostgreSQL" "SKIPPED PostgreSQL run: $database_url"
    echo "test.sh: SKIPPED PostgreSQL run: $database_url" >&2
fi

for i in "${!started[@]}"; do
    finish_pytest "$i"
done

# --- Summary -----------------------------------------------------------------------------------
echo
echo "======== test summary ========"
for i in "${!labels[@]}"; do
    echo "${labels[$i]}: ${results[$i]}"
done
echo "tests: ${totals[0]} passed, ${totals[1]} failed, ${totals[2]} skipped"
exit $status
