#!/bin/sh
# Container healthcheck: readiness probe on the local port.
wget -q -O /dev/null "http://127.0.0.1:${BIJOU_PORT:-8096}/v1/health?probe=ready" || exit 1
