# syntax=docker/dockerfile:1
# One Dockerfile, three stages:
#   build    Maven builds the shaded platform jar (every service and the carrier simulator) and the Connect plugin.path
#   relay    the runtime of every Relay service: `java -cp /opt/relay/relay-platform.jar <main class> <config file>`
#   connect  Apache Kafka's own image (it ships connect-standalone.sh / connect-distributed.sh) plus Relay's converter
#            and the Debezium JDBC sink on /opt/connect-plugins
# docker-compose.yml builds `relay` and `connect`; `docker build --target relay -t relay-sms .` builds one alone.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# The cache mount keeps ~/.m2 between builds, so a code change does not download the dependencies again.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -DskipTests -pl platform,deploy/connect-plugins -am install

FROM eclipse-temurin:17-jre AS relay
# Folders the services keep across restarts when a volume is mounted on them (API key and certificate, Streams state).
RUN groupadd --system relay \
 && useradd --system --gid relay --home-dir /var/lib/relay --no-create-home relay \
 && mkdir -p /opt/relay /var/lib/relay/api /var/lib/relay/tracker /var/lib/relay/optout \
 && chown -R relay:relay /var/lib/relay
COPY --from=build /src/platform/target/relay-platform.jar /opt/relay/relay-platform.jar
USER relay
WORKDIR /var/lib/relay
# Native memory of every service: two malloc arenas instead of one per thread (RocksDB, JVM), and the JDK's
# per-thread cache of temporary direct buffers capped (Kafka clients write large buffers through it).
ENV MALLOC_ARENA_MAX=2 \
    JDK_JAVA_OPTIONS="-Djdk.nio.maxCachedBufferSize=262144"
# Without a command the image runs the all-in-one launcher (embedded broker, simulator, every service).
CMD ["java", "-jar", "/opt/relay/relay-platform.jar"]

FROM apache/kafka:4.4.0 AS connect
COPY --from=build --chown=appuser:appuser /src/deploy/connect-plugins/target/connect-plugins /opt/connect-plugins
