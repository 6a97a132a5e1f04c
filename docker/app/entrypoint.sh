#!/bin/bash
# neuronplane-app: the glue (`glue`, the default) or an ingestion worker (`worker`), or any
# other neuronplane command. The database password is read from the mounted secret file into
# a 0600 libpq passfile in $NEURONPLANE_HOME/secrets (never the environment or argv).
#
#   WORKER_PASSWORD_FILE     the neuronplane_worker role's password (required)
#   POSTGRES_PASSWORD_FILE   the superuser's password: only for one-off administration
#                            containers (admin create-user, audit-verify), never the services
set -euo pipefail

die() { printf 'neuronplane-app: %s\n' "$*" >&2; exit 1; }

read_secret() {   # VAR -> the first line of the file it names, escaped for a passfile
  local path=${!1:-} value
  [ -n "$path" ] || die "$1 is not set: point it at a file (a mounted secret) holding $2"
  [ -r "$path" ] && [ -s "$path" ] || die "$1=$path is not a readable, non-empty file"
  value=$(head -n1 "$path")
  value=${value//\\/\\\\}
  printf '%s' "${value//:/\\:}"
}

umask 077
mkdir -p "$NEURONPLANE_HOME/secrets"
{
  printf '*:*:*:neuronplane_worker:%s\n' "$(read_secret WORKER_PASSWORD_FILE "the neuronplane_worker role's password")"
  if [ -n "${POSTGRES_PASSWORD_FILE:-}" ]; then
    printf '*:*:*:postgres:%s\n' "$(read_secret POSTGRES_PASSWORD_FILE "the superuser's password")"
  fi
} >"$NEURONPLANE_HOME/secrets/pgpass"
if [ -n "${POSTGRES_PASSWORD_FILE:-}" ]; then
  export NEURONPLANE_ADMIN_DSN="host=$NEURONPLANE_PG_HOST port=$NEURONPLANE_PG_PORT dbname=$NEURONPLANE_PG_DATABASE user=postgres passfile=$NEURONPLANE_HOME/secrets/pgpass"
fi
umask 022

case "${1:-glue}" in
  worker)
    shift
    echo worker >"$NEURONPLANE_HOME/role"
    exec neuronplane worker --ready-file "$NEURONPLANE_HOME/worker.ready" "$@" ;;
  glue)
    echo glue >"$NEURONPLANE_HOME/role"
    exec neuronplane glue ;;
  *)
    exec neuronplane "$@" ;;
esac
