#!/bin/sh
# Container entrypoint: data in /data, migrations applied, then the server in the foreground.
set -e
export BIJOU_DATA_DIR="${BIJOU_DATA_DIR:-/data}"
bun core/src/cli.ts migrate >/dev/null
exec bun core/src/main.ts
