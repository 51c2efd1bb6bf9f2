#!/bin/sh
# Starts the EnMS command line (`run` by default, `simulator run` for the simulator) in the image.
# A node's cluster address and MQTT client id must be its own: replicas of one compose service
# (`docker compose up --scale enms=3`) share their environment, so unless set, the address is the
# container's IP and the client id is derived from its hostname (the container id, stable across
# restarts of the container, so its persistent MQTT session is found again). A replaced container
# gets a new id: the sessions of the old one are adopted and drained by a surviving node.
set -eu

if [ -z "${ENMS_CLUSTER_HOST:-}" ]; then
  ENMS_CLUSTER_HOST="$(hostname -i | awk '{print $1}')"
  export ENMS_CLUSTER_HOST
fi
if [ -z "${ENMS_MQTT_CLIENT_ID:-}" ]; then
  ENMS_MQTT_CLIENT_ID="enms-$(hostname)"
  export ENMS_MQTT_CLIENT_ID
fi

# Parallel GC as in ./enms (docs/benchmarks.md); the heap follows the container's memory limit.
# shellcheck disable=SC2086 # ENMS_JAVA_OPTS is a list of options
exec java ${ENMS_JAVA_OPTS:--XX:+UseParallelGC -XX:MaxRAMPercentage=75} \
  -cp "/app/enms-node.jar:/app/lib/*" org.enms.node.EnmsCommand "$@"
