#!/usr/bin/env bash
# Start-up A/B on one machine (issue 18): bare Camunda (as startup.sh builds it), the product at an earlier commit
# ("before") and the product as checked out ("after"). Each gets its own H2 database, created by a first start that
# is not counted; then rounds of "its database again", interleaved so that the machine's drift hits all alike. "prod"
# is the product as checked out with production's configuration (profile postgres: no API docs, JSON logs, SMTP
# settings) on its own H2 database, so that it differs from bare in configuration only, not in the database.
# With CDS=1 two more columns: bare and prod started as the image starts (Dockerfile): extracted, with a class data
# sharing archive from a training run that stops after the context's refresh.
# Run from the repository's root: [CDS=1] bash src/test/bench/startup-ab.sh <commit before> [rounds]   (default 6)
set -euo pipefail
before=${1:?the commit to compare with}
rounds=${2:-6}
root=$(pwd)
work=$root/target/startup-ab
rm -rf "$work" && mkdir -p "$work"
[ -f "$root/target/startup-bench/bare/target/bare-camunda-1.jar" ] || bash src/test/bench/startup.sh 0 > /dev/null
cp "$root/target/startup-bench/bare/target/bare-camunda-1.jar" "$work/bare.jar"
source "$root/src/test/bench/before-after-jars.sh"

source "$root/src/test/bench/start-jar.sh"

# the Dockerfile's steps: extract, then a training run (in a directory of its own) that writes the archive
cds() {
  local jar=$1
  java -Djarmode=tools -jar "$work/$jar" extract --destination "$work/cds-${jar%.jar}" > /dev/null
  mkdir -p "$work/train-${jar%.jar}"
  (cd "$work/train-${jar%.jar}" && DEMO_DATA=false ADMIN_PASSWORD='Adm1n!strator-2026' java \
      -XX:ArchiveClassesAtExit="$work/cds-${jar%.jar}/app.jsa" -Dspring.context.exit=onRefresh \
      -jar "$work/cds-${jar%.jar}/$jar" --server.port=0 > log 2>&1)
}
with_cds() {
  JAVA_ARGS="-XX:SharedArchiveFile=$work/cds-${1%.jar}/app.jsa -jar $work/cds-${1%.jar}/$1" start "$@"
}

for j in bare before after; do start $j.jar "$work/db-$j" > /dev/null; done
start after.jar "$work/db-prod" postgres > /dev/null
if [ "${CDS:-}" = 1 ]; then cds bare.jar; cds after.jar; fi
echo "seconds to Started, each on its own database again"
for r in $(seq 1 "$rounds"); do
  line="round $r: bare $(start bare.jar "$work/db-bare")  before $(start before.jar "$work/db-before")"
  line="$line  after $(start after.jar "$work/db-after")  prod $(start after.jar "$work/db-prod" postgres)"
  if [ "${CDS:-}" = 1 ]; then
    line="$line  bare+cds $(with_cds bare.jar "$work/db-bare")  prod+cds $(with_cds after.jar "$work/db-prod" postgres)"
  fi
  echo "$line"
done
