#!/bin/bash
# Runs once, when the database volume is first initialised (the image's /docker-entrypoint-initdb.d):
# the read-only login Grafana's data source uses. pg_read_all_data covers the tables and roll-ups
# the node creates later; calculate_all_kpis is executable by everyone.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v reader="$GRAFANA_DB_USER" -v password="$GRAFANA_DB_PASSWORD" <<'SQL'
CREATE ROLE :"reader" LOGIN PASSWORD :'password';
GRANT pg_read_all_data TO :"reader";
ALTER ROLE :"reader" SET default_transaction_read_only = on;
SQL
