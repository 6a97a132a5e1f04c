#!/bin/bash
# neuronplane-db: initialise the data folder on first start, write the managed settings,
# then run PostgreSQL in the foreground. The schema is deployed by the migrate image.
#
#   POSTGRES_PASSWORD_FILE        the superuser's password (required; used by initdb only)
#   NEURONPLANE_MASTER_KEY_FILE   the master key of stored secrets, 64 hex digits (required)
#   POSTGRES_DB                   the database to create (default neuronplane)
set -euo pipefail

die() { printf 'neuronplane-db: %s\n' "$*" >&2; exit 1; }

need_file() {
  local var=$1 path=${!1:-}
  [ -n "$path" ] || die "$var is not set: point it at a file (a mounted secret) holding $2"
  [ -r "$path" ] || die "$var=$path is not a readable file (mount it, readable by uid $(id -u))"
  [ -s "$path" ] || die "$var=$path is empty: it must hold $2"
}

need_file POSTGRES_PASSWORD_FILE "the superuser's password"
need_file NEURONPLANE_MASTER_KEY_FILE "the master key (64 hex digits: openssl rand -hex 32)"
grep -Eq '^[0-9a-f]{64}$' "$NEURONPLANE_MASTER_KEY_FILE" \
  || die "NEURONPLANE_MASTER_KEY_FILE=$NEURONPLANE_MASTER_KEY_FILE must hold 64 lowercase hex digits (openssl rand -hex 32)"
[[ "$POSTGRES_DB" =~ ^[a-z_][a-z0-9_]{0,62}$ ]] \
  || die "POSTGRES_DB=$POSTGRES_DB: use lowercase letters, digits and underscores"

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  echo "neuronplane-db: initialising $PGDATA"
  initdb -D "$PGDATA" -U postgres --pwfile="$POSTGRES_PASSWORD_FILE" --encoding=UTF8 \
    --locale=C.UTF-8 --auth-local=peer --auth-host=scram-sha-256 --data-checksums >/dev/null
  # Inside the container network every connection needs a SCRAM password; only the login
  # roles the migrate step gives one (and the superuser) can log in.
  cat >"$PGDATA/pg_hba.conf" <<'HBA'
# Managed by neuronplane-db.
# TYPE  DATABASE USER ADDRESS    METHOD
local   all      all             peer
host    all      all  0.0.0.0/0  scram-sha-256
host    all      all  ::/0       scram-sha-256
HBA
  printf "\ninclude_if_exists = 'neuronplane.conf'\n" >>"$PGDATA/postgresql.conf"
  echo "CREATE DATABASE \"$POSTGRES_DB\"" | postgres --single -D "$PGDATA" -j postgres >/dev/null
fi

# Rewritten at every start, like the launcher's neuronplane.conf.
cat >"$PGDATA/neuronplane.conf" <<CONF
# Managed by neuronplane-db: rewritten at every start.
listen_addresses = '*'
port = 5432
unix_socket_directories = '/run/postgresql'
password_encryption = 'scram-sha-256'
log_line_prefix = '%m [%p] %q%u@%d '
log_min_messages = warning
log_statement = 'none'
shared_preload_libraries = 'pg_cron'
cron.database_name = '$POSTGRES_DB'
cron.use_background_workers = on
cron.log_run = on
max_worker_processes = 16
neuronplane.key_file = '$NEURONPLANE_MASTER_KEY_FILE'
CONF

exec postgres -D "$PGDATA"
