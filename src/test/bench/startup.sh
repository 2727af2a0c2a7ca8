#!/usr/bin/env bash
# Start-up of the product, each run on a new, empty H2 database (schema and migrations included), against a bare Camunda 7.24 Spring Boot application (the same starters, webapp and REST,
# on the same embedded H2, nothing of ours), and the time the demo takes to lay itself out. Issue 18.
# Run from the repository's root: bash src/test/bench/startup.sh [runs]   (default 3; needs the Maven repository)
set -euo pipefail
runs=${1:-3}
root=$(pwd)
work=$root/target/startup-bench
rm -rf "$work" && mkdir -p "$work/bare/src/main/java/bare" "$work/bare/src/main/resources"

mvn -o -q -B package -DskipTests
product=$(ls "$root"/target/trygg-samverkan-*.jar | grep -v plain | head -1)

cat > "$work/bare/pom.xml" <<'POM'
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>org.springframework.boot</groupId>
    <artifactId>spring-boot-starter-parent</artifactId>
    <version>3.5.5</version>
    <relativePath/>
  </parent>
  <groupId>bench</groupId>
  <artifactId>bare-camunda</artifactId>
  <version>1</version>
  <properties><java.version>17</java.version></properties>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>org.camunda.bpm</groupId>
        <artifactId>camunda-bom</artifactId>
        <version>7.24.0</version>
        <type>pom</type>
        <scope>import</scope>
      </dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency>
      <groupId>org.camunda.bpm.springboot</groupId>
      <artifactId>camunda-bpm-spring-boot-starter-webapp</artifactId>
    </dependency>
    <dependency>
      <groupId>org.camunda.bpm.springboot</groupId>
      <artifactId>camunda-bpm-spring-boot-starter-rest</artifactId>
    </dependency>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter-jdbc</artifactId>
    </dependency>
    <dependency>
      <groupId>com.h2database</groupId>
      <artifactId>h2</artifactId>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.springframework.boot</groupId>
        <artifactId>spring-boot-maven-plugin</artifactId>
      </plugin>
    </plugins>
  </build>
</project>
POM
cat > "$work/bare/src/main/java/bare/BareApplication.java" <<'JAVA'
package bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class BareApplication {
  public static void main(String[] args) {
    SpringApplication.run(BareApplication.class, args);
  }
}
JAVA
cat > "$work/bare/src/main/resources/application.yaml" <<'YAML'
spring.datasource.url: jdbc:h2:file:./data/bare;DB_CLOSE_ON_EXIT=FALSE
camunda.bpm:
  admin-user: {id: admin, password: admin}
  database.schema-update: true
YAML
(cd "$work/bare" && mvn -o -q -B package -DskipTests)
bare=$work/bare/target/bare-camunda-1.jar

# starts a jar in a directory (a new one: a new database; one started in before: its database again, the usual
# start of an installation); prints "seconds-to-Started rss-MB seconds-to-marker" (marker optional)
start() {
  local jar=$1 dir=$2 marker=${3:-}
  rm -f "$dir/log"
  (cd "$dir" && exec java -jar "$jar" --server.port=0 > "$dir/log" 2>&1) &
  local pid=$!
  local waited=0
  until grep -q "Started .* in" "$dir/log" 2>/dev/null && { [ -z "$marker" ] || grep -q "$marker" "$dir/log"; }; do
    sleep 0.2; waited=$((waited + 1))
    if grep -q "APPLICATION FAILED TO START" "$dir/log"; then echo "failed to start, see $dir/log" >&2; return 1; fi
    if [ $waited -gt 900 ]; then echo "no start within 180 s, see $dir/log" >&2; kill $pid; return 1; fi
  done
  local started rss after=""
  started=$(grep -o "Started .* in [0-9.]* seconds" "$dir/log" | grep -o "in [0-9.]*" | cut -c4-)
  rss=$(( $(ps -o rss= -p $pid) / 1024 ))
  if [ -n "$marker" ]; then
    local t0 t1
    t0=$(grep -m1 "Started .* in" "$dir/log" | cut -c1-23)
    t1=$(grep -m1 "$marker" "$dir/log" | cut -c1-23)
    after=$(python3 -c "from datetime import datetime as d; f='%Y-%m-%dT%H:%M:%S.%f'; print(round((d.strptime('$t1',f)-d.strptime('$t0',f)).total_seconds(),2))")
  fi
  kill $pid; wait $pid 2>/dev/null || true
  echo "$started $rss $after"
}

printf "%-44s %s\n" "" "started in (s), RSS after start (MB)"
for i in $(seq 1 "$runs"); do
  dir=$(mktemp -d "$work/run.XXXX")
  printf "%-44s %s\n" "bare Camunda, new database, run $i" "$(start "$bare" "$dir")"
  printf "%-44s %s\n" "bare Camunda, its database again, run $i" "$(start "$bare" "$dir")"
  dir=$(mktemp -d "$work/run.XXXX")
  printf "%-44s %s\n" "product without demo, new database, run $i" "$(DEMO_DATA=false start "$product" "$dir")"
  printf "%-44s %s\n" "product without demo, its database again, run $i" "$(DEMO_DATA=false start "$product" "$dir")"
  dir=$(mktemp -d "$work/run.XXXX")
  printf "%-44s %s\n" "product with demo, new database, run $i" "$(DEMO_DATA=true start "$product" "$dir" \
    "Demo data created")  (last: s to lay the demo out)"
  printf "%-44s %s\n" "product with demo, its database again, run $i" "$(DEMO_DATA=true start "$product" "$dir")"
done
