# Builds the application image used by docker-compose.yml.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY bpmn bpmn
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 trygg
COPY --from=build /src/target/trygg-samverkan-*.jar /tmp/app.jar
# Spring Boot's extracted layout and class data sharing (issue 18, ADR 12): a training run on the embedded default,
# without demo data, stops once the application context is refreshed and records the classes it loaded; every start
# maps them from /app/app.jsa instead of reading them from the jar (about a third faster, measured by
# src/test/bench/startup-ab.sh with CDS=1). An archive the JVM cannot use is ignored with a warning, never fatal.
RUN java -Djarmode=tools -jar /tmp/app.jar extract --destination /app \
 && rm /tmp/app.jar \
 && cd /tmp \
 && DEMO_DATA=false java -XX:ArchiveClassesAtExit=/app/app.jsa -Dspring.context.exit=onRefresh -jar /app/app.jar \
 && rm -rf /tmp/data
USER trygg
WORKDIR /app
EXPOSE 8080
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/app.jsa", "-jar", "/app/app.jar"]
