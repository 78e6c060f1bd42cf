#!/usr/bin/env bash
# Proves the camel-preservica feature in a real Apache Karaf: installs it next to camel-karaf's features, deploys a
# Blueprint route, fires events from the simulator and checks they arrive, then stops the route's bundle and checks
# the subscription is gone. Run by the Maven profile "karaf" (karaf/pom.xml), which sets the variables below.
#
# Everything listens on 127.0.0.1. Karaf downloads what it lacks from Maven Central only, into the local repository.
set -euo pipefail

: "${KARAF_HOME:?}" "${LOCAL_REPOSITORY:?}" "${CAMEL_KARAF_VERSION:?}" "${FEATURES_URL:?}" "${SIMULATOR_JAR:?}"
: "${ROUTE_TEMPLATE:?}" "${WORK_DIR:?}" "${CAMEL_VERSION:?}" "${JACKSON_VERSION:?}" "${PROJECT_VERSION:?}"
: "${ROUTE_XML_TEMPLATE:?}" "${HARNESS_POM:?}"
HARNESS_JAR="$(dirname "$HARNESS_POM")/target/camel-preservica-karaf-harness-$PROJECT_VERSION.jar"

mkdir -p "$WORK_DIR"
SUMMARY="$WORK_DIR/summary.txt"
: > "$SUMMARY"
KARAF_PID=""
SIMULATOR_PID=""

log() { echo "[karaf-test] $*" | tee -a "$SUMMARY"; }
fail() { log "FAILED: $*"; exit 1; }

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

cleanup() {
    local status=$?
    if [[ -n "$KARAF_PID" ]] && kill -0 "$KARAF_PID" 2>/dev/null; then
        "$KARAF_HOME/bin/stop" >/dev/null 2>&1 || true
        for _ in $(seq 1 30); do kill -0 "$KARAF_PID" 2>/dev/null || break; sleep 1; done
        kill "$KARAF_PID" 2>/dev/null || true
    fi
    if [[ -n "$SIMULATOR_PID" ]]; then
        kill "$SIMULATOR_PID" 2>/dev/null || true
    fi
    [[ -f "$KARAF_HOME/data/log/karaf.log" ]] && cp "$KARAF_HOME/data/log/karaf.log" "$WORK_DIR/karaf.log"
    log "exit status $status; Karaf log copied to $WORK_DIR/karaf.log"
}
trap cleanup EXIT

[[ -f "$SIMULATOR_JAR" ]] || fail "$SIMULATOR_JAR is missing: build the simulator first (mvn -B -ntp install -DskipTests)"

SSH_PORT=$(free_port)
RMI_REGISTRY_PORT=$(free_port)
RMI_SERVER_PORT=$(free_port)
HTTP_PORT=$(free_port)
SIMULATOR_PORT=$(free_port)

# a rerun starts from a fresh container: no cached feature state, no route left in deploy/
rm -rf "$KARAF_HOME/data" "$KARAF_HOME/deploy/preservica-route.xml"

# --- configure Karaf: loopback only, Maven Central only, the local repository shared with Maven
sed -i -e "s/^sshPort *=.*/sshPort = $SSH_PORT/" -e "s/^sshHost *=.*/sshHost = 127.0.0.1/" \
    "$KARAF_HOME/etc/org.apache.karaf.shell.cfg"
sed -i -e "s/^rmiRegistryPort *=.*/rmiRegistryPort = $RMI_REGISTRY_PORT/" \
    -e "s/^rmiServerPort *=.*/rmiServerPort = $RMI_SERVER_PORT/" "$KARAF_HOME/etc/org.apache.karaf.management.cfg"
# the shell user bin/client logs in with (Karaf ships it commented out); the shell only listens on 127.0.0.1
sed -i -e 's/^#karaf = karaf,_g_:admingroup/karaf = karaf,_g_:admingroup/' \
    -e 's/^#_g_\\:admingroup = /_g_\\:admingroup = /' "$KARAF_HOME/etc/users.properties"
cat > "$KARAF_HOME/etc/org.ops4j.pax.url.mvn.cfg" <<EOF
org.ops4j.pax.url.mvn.certificateCheck = true
org.ops4j.pax.url.mvn.useFallbackRepositories = false
org.ops4j.pax.url.mvn.localRepository = $LOCAL_REPOSITORY
org.ops4j.pax.url.mvn.defaultLocalRepoAsRemote = true
org.ops4j.pax.url.mvn.defaultRepositories = \\
    \${karaf.home.uri}\${karaf.default.repository}@id=system.repository@snapshots, \\
    file:$LOCAL_REPOSITORY@id=local@snapshots
org.ops4j.pax.url.mvn.repositories = https://repo1.maven.org/maven2@id=central
org.ops4j.pax.url.mvn.timeout = 30000
org.ops4j.pax.url.mvn.socket.readTimeout = 60000
EOF

# --- the simulated Preservica
java -jar "$SIMULATOR_JAR" --host 127.0.0.1 --port "$SIMULATOR_PORT" --username admin --password secret \
    --tenant TEST > "$WORK_DIR/simulator.log" 2>&1 &
SIMULATOR_PID=$!
SIMULATOR="http://127.0.0.1:$SIMULATOR_PORT"

# --- Karaf, in the background as a server (no console)
"$KARAF_HOME/bin/karaf" server > "$WORK_DIR/karaf-console.log" 2>&1 &
KARAF_PID=$!
log "Karaf $(basename "$KARAF_HOME") started (pid $KARAF_PID, ssh 127.0.0.1:$SSH_PORT), simulator on $SIMULATOR"

# one shell command; given on standard input (batch mode), as the command-line form closes at once in Karaf 4.4
karaf() {
    echo "$*" | "$KARAF_HOME/bin/client" -h 127.0.0.1 -a "$SSH_PORT" -u karaf -p karaf -r 60 -d 2 -b
}

karaf "bundle:list" > /dev/null || fail "Karaf's shell did not answer on 127.0.0.1:$SSH_PORT"
curl -sf "$SIMULATOR/simulator/subscriptions" > /dev/null || fail "the simulator did not start (see simulator.log)"

log "adding camel-karaf $CAMEL_KARAF_VERSION and camel-preservica feature repositories"
karaf "feature:repo-add mvn:org.apache.camel.karaf/apache-camel/$CAMEL_KARAF_VERSION/xml/features" | tee -a "$SUMMARY"
karaf "feature:repo-add $FEATURES_URL" | tee -a "$SUMMARY"

# Waits for the route's subscription, fires two events and finds them in Karaf's log, then stops the bundle that
# runs the route (named by the function given as $1) and checks the subscription is gone.
check_route() {
    subscriptions() { curl -sf "$SIMULATOR/simulator/subscriptions"; }
    subscribed=""
    for _ in $(seq 1 90); do
        if subscriptions | grep -q "127.0.0.1:$HTTP_PORT/preservica/karaf"; then subscribed=yes; break; fi
        sleep 2
    done
    if [[ -z "$subscribed" ]]; then
        karaf "bundle:list -s" | tail -5 | tee -a "$SUMMARY" || true
        grep -E 'ERROR|Exception|preservica' "$KARAF_HOME/data/log/karaf.log" | tail -40 | tee -a "$SUMMARY" || true
        fail "the route did not subscribe to the simulator"
    fi
    log "subscribed: $(subscriptions)"

    # --- fire two events and look for them in Karaf's log
    REFS=(7fdea7e0-1e72-4fb1-aadb-d7f9ee6ed8c2 0b5a2f4e-8c1d-4e2a-9f3b-6d7c8e9fa0b1)
    for ref in "${REFS[@]}"; do
        answer=$(curl -sf -X POST -H 'Content-Type: application/json' \
            -d "{\"trigger\":\"INDEXED\",\"events\":[{\"entityType\":\"IO\",\"entityRef\":\"$ref\"}]}" \
            "$SIMULATOR/simulator/events")
        log "fired INDEXED for $ref: $answer"
        [[ "$answer" == *'"status":200'* ]] || fail "the delivery of $ref was not answered 200"
    done
    for ref in "${REFS[@]}"; do
        found=""
        for _ in $(seq 1 15); do
            if grep -q "PRESERVICA-KARAF-EVENT .* IO $ref" "$KARAF_HOME/data/log/karaf.log"; then found=yes; break; fi
            sleep 1
        done
        [[ -n "$found" ]] || fail "the event for $ref did not reach the route"
        grep "PRESERVICA-KARAF-EVENT .* IO $ref" "$KARAF_HOME/data/log/karaf.log" | tail -1 | sed 's/^/    /' | tee -a "$SUMMARY"
    done
    log "both events reached the route"

    # --- stop the route's bundle: the consumer must remove its subscription
    ROUTE_BUNDLE=$("$1")
    [[ -n "$ROUTE_BUNDLE" ]] || fail "no bundle runs the route"
    karaf "bundle:stop $ROUTE_BUNDLE"
    removed=""
    for _ in $(seq 1 30); do
        if ! subscriptions | grep -q "127.0.0.1:$HTTP_PORT/preservica/karaf"; then removed=yes; break; fi
        sleep 1
    done
    [[ -n "$removed" ]] || fail "the subscription is still there after bundle:stop $ROUTE_BUNDLE: $(subscriptions)"
    log "bundle:stop $ROUTE_BUNDLE (the route's bundle) removed the subscription: $(subscriptions)"
}

# The bundle alone, when camel-karaf's features cannot be installed: the Camel jars of CAMEL_VERSION (the version
# the bundle is built for) wrapped into bundles by Karaf's wrap: handler, Jackson's own bundles, then ours. Shows
# that the manifest's imports resolve against real Camel packages and that the component's classes link and load
# in the container; it runs no route (that needs camel-karaf's OSGi integration).
check_bundle_alone() {
    log "checking the camel-preservica bundle alone against Camel $CAMEL_VERSION jars wrapped by Karaf"
    WRAPPED_IDS=()
    local ids=()
    for artifact in camel-api camel-util camel-support camel-management-api camel-health camel-platform-http; do
        ids+=("$(karaf "bundle:install 'wrap:mvn:org.apache.camel/$artifact/$CAMEL_VERSION\$Bundle-SymbolicName=wrapped.$artifact&Bundle-Version=$CAMEL_VERSION&Export-Package=org.apache.camel.*;version=$CAMEL_VERSION&Import-Package=*;resolution:=optional'" \
            | sed -n 's/^Bundle ID: //p')")
    done
    for artifact in jackson-annotations jackson-core jackson-databind; do
        ids+=("$(karaf "bundle:install mvn:com.fasterxml.jackson.core/$artifact/$JACKSON_VERSION" | sed -n 's/^Bundle ID: //p')")
    done
    karaf "bundle:start ${ids[*]}"
    WRAPPED_IDS=("${ids[@]:0:6}")
    ours=$(karaf "bundle:install mvn:io.github.camelpreservica/camel-preservica/$PROJECT_VERSION" | sed -n 's/^Bundle ID: //p')
    OUR_BUNDLE=$ours
    karaf "bundle:start $ours" | tee -a "$SUMMARY" || true
    karaf "bundle:list -s -t 0" | grep -E 'wrapped\.camel|jackson|camel-preservica' | tee -a "$SUMMARY"
    [[ "$(karaf "bundle:list -s -t 0" | grep 'io.github.camelpreservica.camel-preservica')" == *Active* ]] \
        || { karaf "bundle:diag $ours" | tee -a "$SUMMARY"; return 1; }
    # create the component from the bundle's class loader: its static initializer calls Camel's URISupport
    local created
    created=$(karaf "b = \$.context bundle $ours ; c = (\$b loadClass io.github.camelpreservica.component.webhook.PreservicaWebhookComponent) newInstance ; echo created \$c with (\$c getConfiguration) ; echo found (\$b getEntry META-INF/services/org/apache/camel/component/preservica-webhook)")
    echo "$created" | tee -a "$SUMMARY"
    [[ "$created" == *"created io.github.camelpreservica.component.webhook.PreservicaWebhookComponent"* ]] || return 1
    log "the bundle resolves, starts and creates its component against Camel $CAMEL_VERSION"
}

# The route without camel-karaf: karaf/harness is one bundle carrying Camel (core, XML DSL, platform-http on Vert.x)
# that exports Camel's packages to our bundle and runs an XML DSL route file while it is started. Replaces the wrapped
# jars of check_bundle_alone, so that our bundle wires to the harness's Camel.
harness_bundle() { echo "$HARNESS_ID"; }
run_route_on_harness() {
    log "running the route on karaf/harness (Camel $CAMEL_VERSION in one bundle, standing in for camel-karaf)"
    mvn -B -ntp -q -f "$HARNESS_POM" package > "$WORK_DIR/harness-build.log" 2>&1 \
        || fail "building karaf/harness (see $WORK_DIR/harness-build.log)"
    karaf "bundle:uninstall ${WRAPPED_IDS[*]}"
    sed -e "s#@HTTP_PORT@#$HTTP_PORT#g" -e "s#@PRESERVICA_SERVER@#$SIMULATOR#g" "$ROUTE_XML_TEMPLATE" \
        > "$WORK_DIR/preservica-route.camel.xml"
    printf 'route.file = %s\nhttp.port = %s\n' "$WORK_DIR/preservica-route.camel.xml" "$HTTP_PORT" \
        > "$KARAF_HOME/etc/preservica-harness.properties"
    HARNESS_ID=$(karaf "bundle:install file:$HARNESS_JAR" | sed -n 's/^Bundle ID: //p')
    karaf "bundle:refresh $OUR_BUNDLE"
    karaf "bundle:start $OUR_BUNDLE"
    local started
    started=$(karaf "bundle:start $HARNESS_ID" 2>&1) || true
    echo "$started" | tee -a "$SUMMARY"
    if [[ "$started" == *"Error"* ]]; then
        grep -E 'Caused by|Exception' "$KARAF_HOME/data/log/karaf.log" | grep -v '^\s*at ' | tail -8 | tee -a "$SUMMARY"
        fail "the harness could not start the route"
    fi
    karaf "bundle:list -s -t 0" | grep -E 'karaf-harness|camel-preservica|jackson' | tee -a "$SUMMARY"
    log "deployed preservica-route.camel.xml on the harness (webhook on http://127.0.0.1:$HTTP_PORT/preservica/karaf)"
    check_route harness_bundle
    log "ROUTE TEST PASSED on the harness: events arrived, the subscription went with the bundle"
}

log "installing camel-preservica alone, then with camel-blueprint and camel-platform-http-vertx"
karaf "feature:install camel-preservica" 2>&1 | tee -a "$SUMMARY" || true
if ! karaf "feature:install -v camel-blueprint camel-platform-http-vertx camel-preservica" > "$WORK_DIR/install.log" 2>&1 \
    || grep -q 'Error executing command' "$WORK_DIR/install.log"; then
    tail -20 "$WORK_DIR/install.log" | tee -a "$SUMMARY"
    log "camel-karaf $CAMEL_KARAF_VERSION's features cannot be installed here, so the route cannot run in Karaf"
    if check_bundle_alone; then
        run_route_on_harness
        fail "feature:install: the feature cannot be installed here (the same route passed on the test harness)"
    fi
    fail "feature:install, and the bundle alone did not start"
fi
karaf "feature:list -i" | grep -E 'camel-preservica|camel-core |camel-platform-http|camel-jackson|camel-blueprint' \
    | tee -a "$SUMMARY"

BUNDLE_STATE=$(karaf "bundle:list -s" | grep 'io.github.camelpreservica.camel-preservica' || true)
[[ "$BUNDLE_STATE" == *Active* ]] || {
    karaf "bundle:diag io.github.camelpreservica.camel-preservica" | tee -a "$SUMMARY" || true
    fail "the camel-preservica bundle is not Active: $BUNDLE_STATE"
}
log "camel-preservica bundle is Active"

deploy_blueprint_route() {
    sed -e "s#@HTTP_PORT@#$HTTP_PORT#g" -e "s#@PRESERVICA_SERVER@#$SIMULATOR#g" "$ROUTE_TEMPLATE" \
        > "$KARAF_HOME/deploy/preservica-route.xml"
    log "deployed preservica-route.xml (webhook on http://127.0.0.1:$HTTP_PORT/preservica/karaf)"
}
route_bundle_of_blueprint() {
    karaf "bundle:list -s -t 0" | grep 'preservica-route' | awk '{print $1}' | head -1
}

deploy_blueprint_route
check_route route_bundle_of_blueprint
log "KARAF TEST PASSED"
