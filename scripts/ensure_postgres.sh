#!/usr/bin/env bash
# Start (or find already running) a throwaway PostgreSQL cluster for the test suite.
#
#   DATABASE_URL=$(bash scripts/ensure_postgres.sh | tail -1)
#
# Idempotent. Installs Debian's `postgresql` when no server binary is present (needs root), then
# runs a private cluster -- never the system one -- with its data under /tmp, trust auth on
# 127.0.0.1 only, and durability switched off for speed (the data is disposable). It is left
# running so later runs reuse it; stop it with:
#   runuser -u postgres -- /usr/lib/postgresql/*/bin/pg_ctl -D /tmp/safeguard-pg-54329/data stop
#
# Progress goes to stderr; stdout carries only the DATABASE_URL, as its last line.
# Environment: PGPORT (default 54329), SAFEGUARD_PG_DIR (default /tmp/safeguard-pg-$PGPORT).
set -euo pipefail

PORT="${PGPORT:-54329}"
BASE="${SAFEGUARD_PG_DIR:-/tmp/safeguard-pg-${PORT}}"
DATA="$BASE/data"
LOG="$BASE/server.log"
ROLE=safeguard
DB=safeguard
URL="postgres://${ROLE}@127.0.0.1:${PORT}/${DB}"

say() { echo "ensure_postgres: $*" >&2; }
die() { echo "ensure_postgres: ERROR: $*" >&2; exit 1; }

find_bindir() {
    local postgres
    postgres=$(ls -d /usr/lib/postgresql/*/bin/postgres 2>/dev/null | sort -V | tail -1 || true)
    [[ -n "$postgres" ]] && dirname "$postgres"
}

apt_install() {
    # Waits for another apt/dpkg (e.g. an install already running) instead of failing on its lock.
    local i
    for i in 1 2 3; do
        apt-get -o DPkg::Lock::Timeout=600 -o Acquire::Retries=3 update -qq >&2 && break
        say "apt-get update failed (try $i); retrying"
        sleep 10
    done
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -o Acquire::Retries=3 \
        install -y -qq --no-install-recommends "$@" >&2
}

BINDIR=$(find_bindir || true)
if [[ -z "$BINDIR" ]]; then
    [[ $EUID -eq 0 ]] || die "no PostgreSQL server in /usr/lib/postgresql/*/bin and not root, so it can't be installed (as root: apt-get install postgresql)"
    say "installing Debian's postgresql"
    apt_install postgresql || die "apt-get install postgresql failed"
    BINDIR=$(find_bindir || true)
    [[ -n "$BINDIR" ]] || die "postgresql installed but no /usr/lib/postgresql/*/bin/postgres found"
fi

# Run the server as the `postgres` OS user when we are root (PostgreSQL refuses to run as root);
# otherwise as ourselves.
if [[ $EUID -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "no 'postgres' OS user (is Debian's postgresql-common installed?)"
    as_owner() { runuser -u postgres -- "$@"; }
else
    as_owner() { "$@"; }
fi

psql_q() { "$BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" "$@"; }

ready() {
    "$BINDIR/pg_isready" -q -h 127.0.0.1 -p "$PORT" -t 2 >/dev/null 2>&1 \
        && psql_q -U "$ROLE" -d "$DB" -tAc 'select 1' >/dev/null 2>&1
}

if ready; then
    say "already running on 127.0.0.1:$PORT"
    echo "$URL"
    exit 0
fi

if "$BINDIR/pg_isready" -q -h 127.0.0.1 -p "$PORT" -t 2 >/dev/null 2>&1 \
    && ! [[ -f "$DATA/postmaster.pid" ]]; then
    die "something else is listening on 127.0.0.1:$PORT; set PGPORT to a free port"
fi

# A half-made or foreign data directory (e.g. an interrupted initdb, another major version) is
# disposable: start over.
if [[ -d "$DATA" ]] && { ! [[ -f "$DATA/PG_VERSION" ]] \
        || [[ "$(cat "$DATA/PG_VERSION")" != "$(basename "$(dirname "$BINDIR")")" ]]; }; then
    say "discarding unusable data directory $DATA"
    rm -rf "$DATA"
fi

mkdir -p "$BASE"
[[ $EUID -eq 0 ]] && chown postgres:postgres "$BASE"
chmod 700 "$BASE"

if ! [[ -f "$DATA/PG_VERSION" ]]; then
    say "initdb $DATA ($BINDIR)"
    as_owner "$BINDIR/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
        --no-instructions >"$BASE/initdb.log" 2>&1 \
        || { cat "$BASE/initdb.log" >&2; die "initdb failed"; }
    cat >>"$DATA/postgresql.conf" <<CONF

# --- safeguard test cluster (scripts/ensure_postgres.sh): disposable data, speed over safety ---
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$BASE'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 50
shared_buffers = 128MB
log_min_messages = warning
CONF
    cat >"$DATA/pg_hba.conf" <<'HBA'
# safeguard test cluster: trust, local socket and 127.0.0.1 only.
local   all  all                 trust
host    all  all  127.0.0.1/32   trust
HBA
fi

# A server killed without a shutdown leaves postmaster.pid behind; postgres itself handles that
# unless the pid has since been reused by an unrelated process.
if [[ -f "$DATA/postmaster.pid" ]]; then
    pid=$(head -1 "$DATA/postmaster.pid")
    if ! [[ -r "/proc/$pid/comm" ]] || [[ "$(cat "/proc/$pid/comm")" != postgres* ]]; then
        say "removing stale $DATA/postmaster.pid (pid $pid is not a running postgres)"
        rm -f "$DATA/postmaster.pid"
    fi
fi

if ! as_owner "$BINDIR/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    say "starting PostgreSQL on 127.0.0.1:$PORT (log: $LOG)"
    as_owner "$BINDIR/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 -o "-p $PORT" start >&2 \
        || { tail -20 "$LOG" >&2 || true; die "pg_ctl start failed"; }
fi

psql_q -U postgres -d postgres <<SQL >&2 || die "could not create role/database $ROLE (log: $LOG)"
SELECT 'CREATE ROLE $ROLE LOGIN SUPERUSER'
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') \gexec
SELECT 'CREATE DATABASE $DB OWNER $ROLE'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DB') \gexec
SQL

ready || die "server started but 'select 1' as $ROLE on 127.0.0.1:$PORT failed (log: $LOG)"
say "ready on 127.0.0.1:$PORT"
echo "$URL"
