#!/usr/bin/env bash
# The mentor chat benchmark, one command from the repository root:
#   mentor-service/bench/chat-bench.sh [open-socket-target] [phases: ttfc,throughput,sockets,shutdown]
# Builds the emulator and mentor-service, starts both (mentor-service in a 512 MB heap, embedded
# H2, in-memory limits, no Redis), then runs ChatBench: time to first chunk and chunks per second
# straight to the emulator and through mentor-service, open sockets, and a shutdown check.
set -euo pipefail
cd "$(dirname "$0")/../.."
# The same JDK the build selects (21+).
. .mvn/select-jdk.sh
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JCMD="${JAVA_HOME:+$JAVA_HOME/bin/}jcmd"
TARGET="${1:-5000}"
PHASES="${2:-ttfc,throughput,sockets,shutdown}"
# One descriptor per client socket in the client and in mentor-service, plus mentor-service's
# upstream sockets (running answers and at most mentor.chat.max-idle-upstream-sockets idle ones).
ulimit -n 65536 2>/dev/null || echo "could not raise ulimit -n (now $(ulimit -n)): large socket targets may fail"
EMU_PORT=18090
MENTOR_PORT=18084
./mvnw -B -q -o -pl mentor-service -am package -DskipTests
DATA="$(mktemp -d)"
"$JAVA" ${EMULATOR_JAVA_OPTS:-} -jar platform-emulator/target/platform-emulator.jar --port "$EMU_PORT" > "$DATA/emulator.log" 2>&1 &
EMU_PID=$!
QUARKUS_PROFILE=bench MENTOR_PORT=$MENTOR_PORT SUITE_DATA_DIR="$DATA" \
  OIDC_ISSUER="http://localhost:$EMU_PORT/lms/oauth2" MANAGER_URL="http://localhost:$EMU_PORT/manager" \
  ASGI_BASE_URL="http://localhost:$EMU_PORT/asgi" MENTOR_CHAT_REDIS=false \
  MENTOR_CHAT_MAX_ANSWERS_PER_USER=1000000 MENTOR_CHAT_PROMPTS_PER_MINUTE=100000000 MENTOR_CHAT_SHUTDOWN_GRACE=10S \
  QUARKUS_LOG_LEVEL=WARN \
  "$JAVA" --add-opens java.base/java.lang=ALL-UNNAMED -Xmx512m -Xms512m ${MENTOR_JAVA_OPTS:-} -jar mentor-service/target/quarkus-app/quarkus-run.jar > "$DATA/mentor.log" 2>&1 &
MENTOR_PID=$!
trap 'kill $EMU_PID $MENTOR_PID 2>/dev/null || true' EXIT
for i in $(seq 1 120); do
  curl -sf "http://localhost:$MENTOR_PORT/q/health/ready" > /dev/null && curl -sf "http://localhost:$EMU_PORT/_emulator/health" > /dev/null && break
  sleep 1
done
CP="mentor-service/target/test-classes:$(ls platform-emulator/target/lib/*.jar | tr '\n' ':')"
"$JAVA" ${BENCH_JAVA_OPTS:-} -cp "$CP" ai.ibl.suite.mentor.bench.ChatBench "http://localhost:$EMU_PORT" "http://localhost:$MENTOR_PORT" \
  "$MENTOR_PID" "$TARGET" "$PHASES" | while IFS= read -r line; do
    if [ "$line" = "OPEN_SOCKETS_READY" ]; then
      "$JCMD" "$MENTOR_PID" GC.run > /dev/null 2>&1 || true
      echo "  mentor-service heap after GC (-Xmx512m): $("$JCMD" "$MENTOR_PID" GC.heap_info 2>/dev/null | grep -Eo 'used [0-9]+K' | head -1)"
      echo "  mentor-service RSS: $(ps -o rss= -p "$MENTOR_PID" | awk '{printf "%.0f MB", $1/1024}')"
      echo "  mentor-service open file descriptors: $(ls /proc/"$MENTOR_PID"/fd | wc -l)"
      echo "  mentor-service chat readiness: $(curl -s "http://localhost:$MENTOR_PORT/q/health/ready" | tr -d ' \n' | grep -Eo '"running_answers":[0-9]+,"open_sockets":[0-9]+,"idle_upstream_sockets":[0-9]+')"
    else
      echo "$line"
    fi
  done
# The shutdown phase stops mentor-service itself; otherwise stop it here.
kill "$MENTOR_PID" 2>/dev/null || true
wait $MENTOR_PID 2>/dev/null || true
echo "mentor-service log tail:"; tail -5 "$DATA/mentor.log"
echo "logs: $DATA"
