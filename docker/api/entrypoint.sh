#!/bin/bash
# neuronplane-api: PostgREST with its database password in a 0600 passfile (never in the
# environment or on a command line), read from the mounted secret file.
#
#   AUTHENTICATOR_PASSWORD_FILE   the authenticator role's password (required)
#   NEURONPLANE_PG_HOST, NEURONPLANE_PG_PORT, NEURONPLANE_PG_DATABASE   the database
#   NEURONPLANE_ALLOWED_ORIGINS   origins allowed cross-origin with credentials (default none)
set -euo pipefail

die() { printf 'neuronplane-api: %s\n' "$*" >&2; exit 1; }

path=${AUTHENTICATOR_PASSWORD_FILE:-}
[ -n "$path" ] || die "AUTHENTICATOR_PASSWORD_FILE is not set: point it at a file (a mounted secret) holding the authenticator role's password"
[ -r "$path" ] && [ -s "$path" ] || die "AUTHENTICATOR_PASSWORD_FILE=$path is not a readable, non-empty file"
[[ "$NEURONPLANE_PG_DATABASE" =~ ^[A-Za-z0-9_]+$ ]] || die "NEURONPLANE_PG_DATABASE=$NEURONPLANE_PG_DATABASE: use letters, digits and underscores"

run=${NEURONPLANE_RUN_DIR:-/run/neuronplane}
umask 077
password=$(head -n1 "$path")
password=${password//\\/\\\\}
printf '*:*:*:authenticator:%s\n' "${password//:/\\:}" >"$run/pgpass"
unset password

export PGRST_DB_URI="postgresql://authenticator@${NEURONPLANE_PG_HOST}:${NEURONPLANE_PG_PORT}/${NEURONPLANE_PG_DATABASE}?passfile=$run/pgpass&application_name=postgrest"
# PostgREST answers every origin when the list is empty: an origin under .invalid, which no
# page can have, keeps it closed (as the launcher does).
origins=${NEURONPLANE_ALLOWED_ORIGINS:-}
export PGRST_SERVER_CORS_ALLOWED_ORIGINS="${origins:-https://no-cross-origin.invalid}"
exec postgrest
