#!/usr/bin/env bash
# The cluster and fault tests start a throwaway redis-server (tests/server/redisServer.ts). Install
# Debian's when it is missing; nothing else is downloaded.
set -euo pipefail
if [ ! -x /usr/bin/redis-server ]; then
  echo "ensureRedis: installing redis-server" >&2
  SUDO=''
  [ "$(id -u)" -eq 0 ] || SUDO='sudo'
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends redis-server
fi
