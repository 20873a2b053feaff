#!/usr/bin/env bash
# Runs the suite on this machine: the platform emulator and every service that has been built,
# each on an embedded database kept in .data/ (a restart keeps the data), on fixed ports.
#
#   deploy/run-local.sh            build what is missing, start everything, wait for health, Ctrl-C stops
#   deploy/run-local.sh --smoke    the same, then one authenticated write and read, then stop (CI uses it)
#
# Environment (all optional):
#   EMULATOR_PORT=8090 CATALOG_PORT=8081 CREDENTIAL_PORT=8082 ENROLLMENT_PORT=8083 MENTOR_PORT=8084 BOT_PORT=8085
#   <SERVICE>_DB_URL=jdbc:postgresql://host:5432/db (+ <SERVICE>_DB_USER/_PASSWORD): PostgreSQL instead of H2
#   SUITE_DATA_DIR=.data   where the embedded databases and the logs live
#   MANAGER_URL, CMS_HOST, LMS_HOST, ASGI_BASE_URL, OIDC_ISSUER: real upstreams instead of the emulator
#   SUITE_SERVICES="catalog credential ..."   which services to start (default: every built one)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. .mvn/select-jdk.sh
java_bin="$JAVA_HOME/bin/java"
jvm_opts=(--add-opens java.base/java.lang=ALL-UNNAMED -Xmx384m)

smoke=false
[ "${1:-}" = "--smoke" ] && smoke=true

export SUITE_DATA_DIR=${SUITE_DATA_DIR:-$root/.data}
mkdir -p "$SUITE_DATA_DIR/logs"

emulator_port=${EMULATOR_PORT:-8090}
emulator="http://localhost:$emulator_port"
export MANAGER_URL=${MANAGER_URL:-$emulator/manager}
export CMS_HOST=${CMS_HOST:-$emulator/cms}
export LMS_HOST=${LMS_HOST:-$emulator/lms}
export ASGI_BASE_URL=${ASGI_BASE_URL:-$emulator/asgi}
export OIDC_ISSUER=${OIDC_ISSUER:-$LMS_HOST/oauth2}
export SUITE_UPSTREAM_ASGI_URL=${SUITE_UPSTREAM_ASGI_URL:-$ASGI_BASE_URL}

declare -A ports=([catalog]=${CATALOG_PORT:-8081} [credential]=${CREDENTIAL_PORT:-8082}
  [enrollment]=${ENROLLMENT_PORT:-8083} [mentor]=${MENTOR_PORT:-8084} [bot]=${BOT_PORT:-8085})
all_services=(catalog credential enrollment mentor bot)

# Build what is missing (a fresh clone has nothing built).
missing=false
[ -f platform-emulator/target/platform-emulator.jar ] || missing=true
for s in "${all_services[@]}"; do [ -f "$s-service/target/quarkus-app/quarkus-run.jar" ] || missing=true; done
if $missing; then
  echo "Building the suite (first run only)..."
  ./mvnw -B -q package -DskipTests
fi

pids=()
stop_all() {
  trap - INT TERM EXIT
  if [ ${#pids[@]} -gt 0 ]; then
    echo "Stopping..."
    kill "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
  fi
}
trap stop_all INT TERM EXIT

wait_for() { # url, name, seconds
  local deadline=$((SECONDS + $3))
  until curl -fsS -o /dev/null "$1" 2>/dev/null; do
    if [ $SECONDS -ge $deadline ]; then
      echo "$2 did not become ready in $3 s; see $SUITE_DATA_DIR/logs/$2.log" >&2
      tail -n 30 "$SUITE_DATA_DIR/logs/$2.log" >&2 || true
      return 1
    fi
    sleep 1
  done
}

"$java_bin" -Xmx256m -jar platform-emulator/target/platform-emulator.jar --port "$emulator_port" \
  >"$SUITE_DATA_DIR/logs/emulator.log" 2>&1 &
pids+=($!)
wait_for "$emulator/_emulator/health" emulator 60

services=(${SUITE_SERVICES:-${all_services[*]}})
started=()
for s in "${services[@]}"; do
  jar="$s-service/target/quarkus-app/quarkus-run.jar"
  [ -f "$jar" ] || { echo "skipping $s: not built"; continue; }
  # The packaged default profile is prod (everything from the environment); the local profile uses
  # the embedded defaults in application.properties.
  "$java_bin" "${jvm_opts[@]}" -Dquarkus.profile=local -jar "$jar" >"$SUITE_DATA_DIR/logs/$s.log" 2>&1 &
  pids+=($!)
  started+=("$s")
done
for s in "${started[@]}"; do
  wait_for "http://localhost:${ports[$s]}/q/health/ready" "$s" 120
done

echo
echo "The suite is up."
printf '  %-11s %s  (emulated Manager %s, CMS %s, LMS %s, ASGI %s)\n' emulator "$emulator" \
  "$MANAGER_URL" "$CMS_HOST" "$LMS_HOST" "$ASGI_BASE_URL"
for s in "${started[@]}"; do
  printf '  %-11s http://localhost:%s   API docs: http://localhost:%s/q/swagger-ui\n' "$s" "${ports[$s]}" "${ports[$s]}"
done
echo
echo "A token (users: ibl-admin, tenant-admin, learner, other-admin; password = username):"
echo "  TOKEN=\$(curl -s -d grant_type=password -d username=tenant-admin -d password=tenant-admin $OIDC_ISSUER/token | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')"
echo "  curl -H \"Authorization: Bearer \$TOKEN\" 'http://localhost:${ports[catalog]}/api/catalog/roles/?slug=role-slug'"
echo "Logs: $SUITE_DATA_DIR/logs/"

if $smoke; then
  token=$(curl -fsS -d grant_type=password -d username=tenant-admin -d password=tenant-admin "$OIDC_ISSUER/token" \
    | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
  slug="smoke-$(date +%s)"
  catalog="http://localhost:${ports[catalog]}"
  curl -fsS -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"name\": \"Smoke Role\", \"slug\": \"$slug\", \"data\": {\"additional\": \"data\"}}" \
    "$catalog/api/catalog/roles/" >/dev/null
  answer=$(curl -fsS -H "Authorization: Bearer $token" "$catalog/api/catalog/roles/?slug=$slug")
  case "$answer" in
    *"\"slug\":\"$slug\""*) echo "smoke: wrote and read back role $slug through catalog-service: OK" ;;
    *) echo "smoke: read back did not return the role: $answer" >&2; exit 1 ;;
  esac
  exit 0
fi

echo "Ctrl-C stops everything."
wait "${pids[@]}"
