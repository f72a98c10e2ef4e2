#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers on 127.0.0.1:5432, starting the installed cluster if it is down.
set -euo pipefail
ready() { pg_isready -q -h 127.0.0.1 -p 5432; }
ready && exit 0
if command -v pg_lsclusters >/dev/null; then
  version=$(pg_lsclusters --no-header | awk '$2=="main"{print $1; exit}')
  [ -n "$version" ] && pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
fi
for _ in $(seq 1 30); do ready && exit 0; sleep 1; done
echo "PostgreSQL is not running on 127.0.0.1:5432 and could not be started." >&2
exit 1
