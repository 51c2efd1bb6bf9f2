#!/bin/sh
# Starts Mosquitto with authentication on: the project's broker settings (docker/mosquitto.conf),
# a listener on every interface, anonymous clients refused, and a password file made here at every
# start from MQTT_USERNAME and MQTT_PASSWORD (never committed, never in the image).
#
# Paths and port can be moved for a test run outside the container:
#   MOSQUITTO_BASE_CONF (/enms/mosquitto.conf), MOSQUITTO_RUN_DIR (/mosquitto/run),
#   MOSQUITTO_DATA_DIR (/mosquitto/data), MQTT_PORT (1883), MQTT_BIND_ADDRESS (0.0.0.0).
set -eu
: "${MQTT_USERNAME:?set MQTT_USERNAME}"
: "${MQTT_PASSWORD:?set MQTT_PASSWORD}"
base="${MOSQUITTO_BASE_CONF:-/enms/mosquitto.conf}"
run="${MOSQUITTO_RUN_DIR:-/mosquitto/run}"
data="${MOSQUITTO_DATA_DIR:-/mosquitto/data}"

mkdir -p "$run" "$data"
rm -f "$run/passwd"
(umask 077 && : > "$run/passwd")
mosquitto_passwd -b "$run/passwd" "$MQTT_USERNAME" "$MQTT_PASSWORD"

{
  grep -v '^[[:space:]]*allow_anonymous' "$base"
  echo
  echo "# Added by mosquitto-start.sh"
  echo "listener ${MQTT_PORT:-1883} ${MQTT_BIND_ADDRESS:-0.0.0.0}"
  echo "allow_anonymous false"
  echo "password_file $run/passwd"
  echo "persistence_location $data/"
} > "$run/mosquitto.conf"

# Started as root, Mosquitto drops to its own user, which reads the password file and writes the
# persistence file.
if id mosquitto >/dev/null 2>&1; then
  chown -R mosquitto:mosquitto "$run" "$data"
fi
exec mosquitto -c "$run/mosquitto.conf"
