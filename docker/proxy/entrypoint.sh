#!/bin/bash
# neuronplane-proxy: checks the mounted certificate, writes the upstreams and the DNS
# resolver (the container's own, so replicas that come and go are found again) into
# /run/nginx/upstreams.conf, then runs Nginx in the foreground.
set -euo pipefail

die() { printf 'neuronplane-proxy: %s\n' "$*" >&2; exit 1; }

for f in tls.crt tls.key; do
  [ -r "/etc/neuronplane/tls/$f" ] || die "/etc/neuronplane/tls/$f is missing or unreadable: mount the TLS certificate (tls.crt) and key (tls.key) there"
done
upstream='^[A-Za-z0-9.-]+:[0-9]{1,5}$'
[[ "$NEURONPLANE_API_UPSTREAM" =~ $upstream ]] || die "NEURONPLANE_API_UPSTREAM=$NEURONPLANE_API_UPSTREAM is not host:port"
[[ "$NEURONPLANE_GLUE_UPSTREAM" =~ $upstream ]] || die "NEURONPLANE_GLUE_UPSTREAM=$NEURONPLANE_GLUE_UPSTREAM is not host:port"
resolver=${NEURONPLANE_RESOLVER:-$(awk '$1 == "nameserver" {print $2; exit}' /etc/resolv.conf)}
[ -n "$resolver" ] || die "no nameserver in /etc/resolv.conf: set NEURONPLANE_RESOLVER"
[[ "$resolver" == *:* && "$resolver" != \[* ]] && resolver="[$resolver]"

cat >/run/nginx/upstreams.conf <<CONF
# Written by neuronplane-proxy at start.
resolver $resolver valid=10s ipv6=off;
set \$np_api http://$NEURONPLANE_API_UPSTREAM;
set \$np_glue http://$NEURONPLANE_GLUE_UPSTREAM;
CONF
exec nginx -e stderr -g 'daemon off;'
