#!/usr/bin/env bash
# What `make bench` needs besides Python: nginx (the site in deploy/), Chromium (page weight
# as a browser counts it), wrk and curl (the peers harness). Installed once, from Debian.
set -euo pipefail
need=()
command -v nginx >/dev/null || need+=(nginx)
command -v chromium >/dev/null || need+=(chromium fonts-dejavu-core fonts-noto-color-emoji)
command -v wrk >/dev/null || need+=(wrk)
command -v curl >/dev/null || need+=(curl)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "make bench needs: ${need[*]} (sudo apt-get install ${need[*]})" >&2
  exit 1
fi
echo "== installing ${need[*]}"
apt-get update -qq
# RUNLEVEL=1: the package must not start a system-wide nginx on port 80.
RUNLEVEL=1 DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
