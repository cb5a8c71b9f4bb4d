#!/bin/sh
# Starts the standalone Connect worker of docker-compose.yml with the repository's four JDBC sinks (connect/*.json,
# mounted at /etc/relay/connect). Those files name a database on localhost and the schema ids shipped with Relay, so
# each is copied with its database and registry taken from the environment; the password stays a ${env:...}
# reference that the worker's config provider resolves, so it is never written to a file.
set -eu
: "${SINK_DB_URL:?}" "${SINK_DB_USER:?}" "${SINK_DB_PASSWORD:?}" "${SCHEMA_REGISTRY_URL:?}"

connectors=/tmp/relay-connectors
mkdir -p "$connectors"
for source in /etc/relay/connect/jdbc-sink-*.json; do
  target="$connectors/$(basename "$source")"
  sed -e "s#\"connection\\.url\": \"[^\"]*\"#\"connection.url\": \"$SINK_DB_URL\"#" \
      -e "s#\"connection\\.username\": \"[^\"]*\"#\"connection.username\": \"$SINK_DB_USER\"#" \
      -e 's#"connection\.password": "[^"]*"#"connection.password": "${env:SINK_DB_PASSWORD}"#' \
      -e "s#\"value\\.converter\\.schema\\.registry\\.url\": \"[^\"]*\"#\"value.converter.schema.registry.url\": \"$SCHEMA_REGISTRY_URL\"#" \
      "$source" > "$target"
  # A connector file whose layout changed would otherwise start against localhost without a word.
  for expected in "\"connection.url\": \"$SINK_DB_URL\"" "\"connection.username\": \"$SINK_DB_USER\"" \
                  '"connection.password": "${env:SINK_DB_PASSWORD}"' \
                  "\"value.converter.schema.registry.url\": \"$SCHEMA_REGISTRY_URL\""; do
    if ! grep -qF "$expected" "$target"; then
      echo "start-connect.sh: $source has no line to set $expected" >&2
      exit 1
    fi
  done
done

exec /opt/kafka/bin/connect-standalone.sh /etc/relay/connect-worker.properties "$connectors"/jdbc-sink-*.json
