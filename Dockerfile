# syntax=docker/dockerfile:1
# The EnMS node (and the simulator, the same jar): built with Maven, run on a slim JRE as a
# non-root user. `docker compose up` builds it; alone: `docker build -t enms .`.

# --- build ---------------------------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Sources only (.dockerignore keeps out target/, data/, node_modules/, .git). Maven's downloads
# stay in a build cache between builds.
COPY . .
# The node and the modules it ships; the build writes META-INF/THIRD-PARTY.txt into the jar and
# fails on a dependency whose licence is not compatible with the GPL (docs/licensing.md).
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -DskipTests -Dspotless.check.skip=true -pl node -am package

# --- run -----------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre-jammy
# curl for the health checks; fontconfig and one font family for the report's charts (Java draws
# their text with a system font, even headless); nothing else is added to the JRE image.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl fontconfig fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 enms \
    && useradd --system --uid 10001 --gid enms --home-dir /app --shell /usr/sbin/nologin enms \
    && mkdir -p /app/data \
    && chown enms:enms /app/data
WORKDIR /app
COPY --from=build /src/node/target/enms-node.jar /app/enms-node.jar
COPY --from=build /src/node/target/lib /app/lib
COPY LICENSE /app/LICENSE
COPY docker/entrypoint.sh /app/entrypoint.sh

ENV ENMS_DATA_DIR=/app/data \
    ENMS_HTTP_HOST=0.0.0.0 \
    ENMS_SIMULATOR_HOST=0.0.0.0
# 8001 API, 8003 simulator control, 25520 cluster (Pekko Artery).
EXPOSE 8001 8003 25520
USER enms:enms
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=6 \
    CMD curl -fsS http://127.0.0.1:8001/health/ready >/dev/null || exit 1
ENTRYPOINT ["/bin/sh", "/app/entrypoint.sh"]
CMD ["run"]
