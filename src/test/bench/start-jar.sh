# Sourced by the start-up benchmarks (startup-ab.sh, demo-ab.sh): start() as they share it. Expects $work to be set.
# starts a jar in a directory and prints the seconds to "Started"; no demo, an administrator the policy accepts.
# JAVA_ARGS (default "-jar <the jar>") replaces how the JVM is started.
start() {
  local jar=$1 dir=$2 waited=0 profile=${3:-}
  mkdir -p "$dir" && rm -f "$dir/log"
  (cd "$dir" && if [ -n "$profile" ]; then export SPRING_PROFILES_ACTIVE=$profile \
      POSTGRES_URL="jdbc:h2:file:./data/trygg-samverkan;WRITE_DELAY=0" POSTGRES_USER=sa; fi
    DEMO_DATA=false ADMIN_PASSWORD='Adm1n!strator-2026' exec java ${JAVA_ARGS:--jar "$work/$jar"} --server.port=0 \
      > log 2>&1) &
  local pid=$!
  until grep -q "Started .* in" "$dir/log" 2>/dev/null; do
    sleep 0.2; waited=$((waited + 1))
    if [ $waited -gt 900 ]; then echo "no start within 180 s, see $dir/log" >&2; kill $pid; return 1; fi
  done
  grep -o "Started .* in [0-9.]* seconds" "$dir/log" | grep -o "in [0-9.]*" | cut -c4-
  kill $pid; wait $pid 2>/dev/null || true
}

