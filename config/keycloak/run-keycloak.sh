#!/usr/bin/env bash
# Starts a local Keycloak for development with the incubator realm (development users and secrets only).
# Keycloak comes from Maven Central (org.keycloak:keycloak-quarkus-dist, zip) through the Maven wrapper:
# no Docker, no other download. It is unpacked once into a cache directory and reused; the first start
# builds (augments) the server, which takes up to 90 s on two cores; later starts take about 10 s.
#
#   config/keycloak/run-keycloak.sh            # http://localhost:8180, realm "incubator"
#   KEYCLOAK_PORT=8280 config/keycloak/run-keycloak.sh
#
# Then, in another terminal: ./mvnw spring-boot:run -Dspring-boot.run.profiles=keycloak
set -euo pipefail
cd "$(dirname "$0")/../.."

VERSION="${KEYCLOAK_VERSION:-26.7.3}"
PORT="${KEYCLOAK_PORT:-8180}"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/incubator"
HOME_DIR="$CACHE/keycloak-$VERSION"

if [ ! -x "$HOME_DIR/bin/kc.sh" ]; then
  mkdir -p "$CACHE"
  ./mvnw -B -q dependency:copy \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$VERSION:zip" \
    -DoutputDirectory="$CACHE" -Dmdep.overWriteIfNewer=true
  rm -rf "$HOME_DIR.tmp" && mkdir -p "$HOME_DIR.tmp"
  unzip -q "$CACHE/keycloak-quarkus-dist-$VERSION.zip" -d "$HOME_DIR.tmp"
  mv "$HOME_DIR.tmp/keycloak-$VERSION" "$HOME_DIR" && rm -rf "$HOME_DIR.tmp"
  rm -f "$CACHE/keycloak-quarkus-dist-$VERSION.zip"
fi

mkdir -p "$HOME_DIR/data/import"
cp config/keycloak/incubator-realm.json "$HOME_DIR/data/import/incubator-realm.json"

# Development bootstrap admin of the master realm (console at http://localhost:$PORT/admin), local only.
export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"
exec "$HOME_DIR/bin/kc.sh" start-dev --http-port="$PORT" --import-realm
