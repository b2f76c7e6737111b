# watch287g: build with the same Maven command the README uses, run on a slim Java 17 JRE.
#   docker build -t watch287g .
#   docker run -d --name watch287g -v watch287g-data:/data \
#     -e SLACK_BOT_TOKEN -e SLACK_SIGNING_SECRET -p 3000:3000 watch287g
# deploy/OPERATIONS.md has the whole recipe (Compose, systemd, backups).

# Base images by major version: a patch tag that was never published would break every build;
# pin a digest (image@sha256:...) in your own fork if you need byte-for-byte rebuilds.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY .mvn ./.mvn
COPY src ./src
RUN mvn -q -B -DskipTests package
# SQLite's native library for this machine, out of the jar: sqlite-jdbc would otherwise unpack it
# into /tmp at every start and map it from there, which a noexec /tmp (Compose's tmpfs beside
# read_only) refuses. uname -m names the folders sqlite-jdbc uses on x86_64 and aarch64; on another
# machine the build stops here rather than make an image that cannot open its database.
RUN mkdir -p /src/target/native && cd /src/target/native \
 && jar xf ../watch287g.jar "org/sqlite/native/Linux/$(uname -m)/libsqlitejdbc.so" \
 && mv "org/sqlite/native/Linux/$(uname -m)/libsqlitejdbc.so" . && rm -r org \
 && test -s libsqlitejdbc.so

FROM eclipse-temurin:17-jre-noble
# A fixed, unprivileged user that owns only /data.
RUN groupadd --system --gid 10287 watch287g \
 && useradd --system --uid 10287 --gid watch287g --home-dir /data --shell /usr/sbin/nologin watch287g \
 && mkdir -p /data /config \
 && chown watch287g:watch287g /data
COPY --from=build /src/target/watch287g.jar /app/watch287g.jar
COPY --from=build /src/target/native/libsqlitejdbc.so /app/native/libsqlitejdbc.so
# The JVM's options (collector, compiler, heap, each with its measured reason): the same file the
# systemd unit and ./bench footprint use. glibc keeps at most 2 malloc arenas for the JVM's native
# memory instead of 8 per core (deploy/OPERATIONS.md, "Memory and start-up").
COPY deploy/jvm.options /app/jvm.options
ENV MALLOC_ARENA_MAX=2
# Every JVM in the image (the bot, a backup or status run with docker exec) loads SQLite from
# there and unpacks nothing, so /tmp may be read-only or noexec (deploy/OPERATIONS.md, "SQLite's
# native library"). Maps (/287g map) are drawn with Java2D off screen: headless, so no display is
# looked for. They need the JRE's java.desktop module and one font through fontconfig; after
# changing the base image, check with: docker run --rm IMAGE map TX --out /tmp/tx.png
ENV JAVA_TOOL_OPTIONS="-Dorg.sqlite.lib.path=/app/native -Djava.awt.headless=true"
# A class-data archive of the classes the bot loads, made once here by replaying the bundled
# publications (demo, on a throw-away database): every start maps it instead of loading and
# verifying those classes again (./bench footprint measures the difference).
RUN java @/app/jvm.options -XX:ArchiveClassesAtExit=/app/watch287g.jsa -jar /app/watch287g.jar demo > /dev/null
USER watch287g
WORKDIR /data
VOLUME ["/data"]
# The database is /data/watch287g.db (storage.path's default, relative to /data). Settings come
# from the environment (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_APP_TOKEN, DISCORD_TOKEN) and,
# if you mount one, from /config/config.yml (set WATCH287G_CONFIG=/config/config.yml).
# The heap follows the container's memory limit (jvm.options); an out-of-memory error ends the
# process so the restart policy brings back a healthy one instead of a half-working one.
# Slack's HTTP endpoint (slack.port), and the admin endpoint (admin.port: /healthz, /readyz,
# /metrics) for a Prometheus on a private network (deploy/docker-compose.yml).
EXPOSE 3000 9287
# Inside a container "loopback only" would make those ports unreachable from published ones:
# listen on every interface instead (slack.bindAddress / admin.bindAddress in a mounted config
# still win). Publish 9287 only on a private network, never to the internet.
ENV SLACK_BIND_ADDRESS=0.0.0.0 WATCH287G_ADMIN_BIND_ADDRESS=0.0.0.0
# Healthy while /readyz answers 200: the database answers, ICE was read within 3 poll intervals,
# and no configured platform has been disconnected longer than admin.platformGrace. Asked by bash
# alone (/dev/tcp), not a JVM per check; the reasons land in `docker inspect`'s health log.
# WATCH287G_ADMIN_PORT must match admin.port if you change it. JarHealthcheckIT runs this line.
HEALTHCHECK --interval=30s --timeout=10s --retries=3 \
  CMD ["bash", "-c", "exec 3<>\"/dev/tcp/127.0.0.1/${WATCH287G_ADMIN_PORT:-9287}\" && printf 'GET /readyz HTTP/1.0\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && { IFS= read -r -d '' -t 5 reply <&3; printf '%s' \"${reply#*$'\\r\\n\\r\\n'}\"; [ \"${reply:9:3}\" = 200 ]; }"]
ENTRYPOINT ["java", "@/app/jvm.options", "-XX:SharedArchiveFile=/app/watch287g.jsa", "-jar", "/app/watch287g.jar"]
CMD ["run"]
