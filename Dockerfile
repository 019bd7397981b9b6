# syntax=docker/dockerfile:1
# Throughline: build the jar with the Maven wrapper, run it on a JRE as a non-root user.
#   docker compose up --build        (PostgreSQL + app + Mailpit, see docker-compose.yml)
#   docker build -t throughline .    (the image alone; without SPRING_DATASOURCE_URL it uses embedded H2 in /app/data)

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY src src
# The cache mount keeps Maven (the wrapper's download) and the dependencies between builds.
RUN --mount=type=cache,target=/root/.m2 chmod +x mvnw && ./mvnw -B -DskipTests package

FROM eclipse-temurin:17-jre
# curl for the HEALTHCHECK (newer Temurin images no longer ship it).
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system throughline \
 && useradd --system --gid throughline --home-dir /app --shell /usr/sbin/nologin throughline
WORKDIR /app
# The app reads processes/, rules/, forms/ and knowledge/ relative to its working directory, so CX designers can mount
# their own over these (e.g. -v ./processes:/app/processes:ro) without rebuilding the image.
COPY --from=build /src/target/throughline-*.jar app.jar
COPY processes processes
COPY rules rules
COPY forms forms
COPY knowledge knowledge
# Writable by the app user: the embedding model cache (DJL) and, when no database is configured, the embedded H2 in ./data.
RUN mkdir -p /app/.djl /app/data && chown -R throughline:throughline /app/.djl /app/data
ENV DJL_CACHE_DIR=/app/.djl \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
USER throughline
EXPOSE 8080
# Start-up deploys the journeys and ingests the knowledge base (embeddings): give it time before counting failures.
HEALTHCHECK --interval=15s --timeout=5s --start-period=180s --retries=5 \
  CMD curl -fsS http://127.0.0.1:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
