#!/usr/bin/env bash
# The demo's lay-out as A/B on one machine (issue 18): the product built at an earlier commit ("before") and as
# checked out ("after"), each started on a new, empty H2 database, interleaved round by round so that the machine's
# drift hits both alike. Prints each start's seconds to "Started" and the demo's own log line (tasks done, jobs run,
# milliseconds). Each round also starts bare Camunda (startup.sh's, on its own existing database) as the machine's
# speed of the moment: the same demo takes 10 s on one hour's machine and 13 s on the next.
# Run from the repository's root: bash src/test/bench/demo-ab.sh <commit before> [rounds] (default 3)
set -euo pipefail
before=${1:?the commit to compare with}
rounds=${2:-3}
root=$(pwd)
work=$root/target/demo-ab
rm -rf "$work" && mkdir -p "$work"
[ -f "$root/target/startup-bench/bare/target/bare-camunda-1.jar" ] || bash src/test/bench/startup.sh 0 > /dev/null
cp "$root/target/startup-bench/bare/target/bare-camunda-1.jar" "$work/bare.jar"
source "$root/src/test/bench/before-after-jars.sh"

source "$root/src/test/bench/start-jar.sh"

# starts a jar on a new database with the demo on and prints its start and the demo's line
demo() {
  local jar=$1 dir=$work/db-${1%.jar} waited=0
  rm -rf "$dir" && mkdir -p "$dir"
  (cd "$dir" && exec java -jar "$work/$jar" --server.port=0 > log 2>&1) &
  local pid=$!
  until grep -q "Demo data created" "$dir/log" 2>/dev/null; do
    sleep 0.5; waited=$((waited + 1))
    if [ $waited -gt 600 ]; then echo "no demo within 300 s, see $dir/log" >&2; kill $pid; return 1; fi
  done
  echo "$jar: started in $(grep -o "Started .* in [0-9.]*" "$dir/log" | grep -o "[0-9.]*$") s; demo:" \
    "$(grep -o "[0-9]* tasks done and [0-9]* jobs run in [0-9]* ms" "$dir/log")"
  kill $pid; wait $pid 2>/dev/null || true
}

start bare.jar "$work/db-bare" > /dev/null
for r in $(seq 1 "$rounds"); do
  echo "round $r: bare Camunda started in $(start bare.jar "$work/db-bare") s"
  demo before.jar
  demo after.jar
done
