#!/usr/bin/env bash
# Starts Vacant from the built jar the fast way (docs/operations.md, "Starting the server"). Every argument goes to the
# jar unchanged: none (or Spring options such as --server.port=8081) starts the server, "serve" too, anything else is
# the operator CLI (--help lists it).
#  - The embedded default (the server started without a Spring profile) is one small node: the serial collector, a small
#    initial and a bounded heap, the C1 compiler only, Spring's AOT mode (the context the build processed ahead of time;
#    a start whose properties would decide a condition otherwise runs the regular one: AotModeGuard), and class-data
#    sharing by Spring Boot's recipe: its first start after a build extracts the jar next to it (<jar>-cds/app) and
#    records a CDS archive (<jar>-cds/vacant.jsa) with a training run: the embedded default starts all the way on a
#    scratch data directory and free loopback ports (context, Tomcat, the gRPC server, the processors), answers one GET
#    /actuator/health, and is stopped with SIGTERM, after which the JVM writes the archive; every later start maps that
#    archive. Done once per jar and JVM options (they are the key); if the training fails (or is not UP within
#    VACANT_CDS_TRAINING_SECONDS, default 180) the script says so and starts the plain jar. The archive holds only for
#    these JVM options (another collector cannot map it).
#  - On a JDK 25 or later the cache is the JDK's AOT cache instead (JEP 483/514/515: classes loaded and linked, and
#    method profiles, from the same training run; <jar>-cds/vacant.aot, "-XX:AOTCache"), which starts the embedded
#    default faster again than the CDS archive (docs/performance.md, "Session 12"). Such a JDK also gets
#    --enable-native-access=ALL-UNNAMED and --sun-misc-unsafe-memory-access=allow, so that Netty's and protobuf's
#    use of them is not warned about at every start.
#  - The JVM is $JAVA_HOME/bin/java when JAVA_HOME is set, else the first java on the PATH; its version is read from
#    its "release" file (a JDK's own), and an unknown one counts as a JDK 17.
#  - With a profile (postgres, production) or a CLI command it runs "java -jar" on the jar with the JVM's defaults.
# Env: VACANT_JAR (default: ../target/vacant.jar from this script), VACANT_CDS_DIR (default: the jar's path without
# ".jar", plus "-cds"), VACANT_CDS=off (plain jar, no archive), VACANT_JAVA_OPTS (more JVM options, after the
# defaults, so a later -XX:TieredStopAtLevel=4 or -Xmx1g wins), VACANT_LAUNCHER_DRY_RUN=1 (print the java command
# line instead of running it; prepares nothing), VACANT_LAUNCHER_PREPARE=1 (prepare the CDS or AOT cache, e.g. when
# building an image, and exit: 0 if the archive is there).
set -euo pipefail

EMBEDDED_JVM_OPTS=(-XX:+UseSerialGC -Xms128m -Xmx256m -XX:TieredStopAtLevel=1 -Dspring.aot.enabled=true)
# the first JDK with the AOT cache's one-step training (-XX:AOTCacheOutput, JEP 514)
AOT_CACHE_JDK=25
# every start's options on such a JDK: Netty's native transport and protobuf's Unsafe are not warned about
AOT_CACHE_JDK_OPTS=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)

here="$(cd "$(dirname "$0")" && pwd)"
jar="${VACANT_JAR:-$here/../target/vacant.jar}"
read -r -a user_opts <<< "${VACANT_JAVA_OPTS:-}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# java_feature: the feature release (17, 21, 25, ...) of $java, from the release file of its JDK; 17 when unknown
java_feature() {
  local path feature=""
  if path="$(command -v "$java")"; then
    feature="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$(dirname "$(dirname "$(readlink -f "$path")")")/release" \
      2>/dev/null || true)"
  fi
  echo "${feature:-17}"
}

# serving: no argument, "serve", or a first argument that is an option (VacantCli's rule for its default command)
serving() {
  [[ $# -eq 0 || "$1" == serve || ( "$1" == -* && "$1" != -h && "$1" != --help && "$1" != -V \
     && "$1" != --version ) ]]
}

# embedded: no Spring profile in the environment, the JVM options or the arguments
embedded() {
  [[ -z "${SPRING_PROFILES_ACTIVE:-}" ]] && ! [[ " ${VACANT_JAVA_OPTS:-} $* " == *spring.profiles.active* ]]
}

# the cache's key: the jar (size and time), the JVM and the JVM options it was recorded with
jar_key() {
  echo "$(stat -c '%s %Y' "$jar") $java $feature ${EMBEDDED_JVM_OPTS[*]} ${user_opts[*]}"
}

# health PORT: the answer of GET /actuator/health on 127.0.0.1:PORT (bash's /dev/tcp: no curl needed)
health() {
  exec 3<> "/dev/tcp/127.0.0.1/$1" || return 1
  printf 'GET /actuator/health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
  cat <&3
  exec 3<&-
}

# train SCRATCH: the training run. Starts the embedded default on SCRATCH and free loopback ports with
# -XX:ArchiveClassesAtExit (or -XX:AOTCacheOutput), waits until it answers GET /actuator/health with UP (its HTTP port
# from Spring Boot's "Tomcat started on port" line), then stops it with SIGTERM: a graceful shutdown, after which the
# JVM writes the archive. So the archive holds the classes of a whole start up to its first answer, not only those of
# the refresh.
train() {
  local scratch="$1" log="$cds_dir/training.log" pid port="" deadline
  deadline=$(( SECONDS + ${VACANT_CDS_TRAINING_SECONDS:-180} ))
  (cd "$scratch" && exec env -u SPRING_PROFILES_ACTIVE "$java" "${EMBEDDED_JVM_OPTS[@]}" "${user_opts[@]}" \
      "${record_option}$cds_dir/training.$archive_type" -jar "$cds_dir/app/vacant.jar" --vacant.data-dir="$scratch" \
      --server.port=0 --server.address=127.0.0.1 --vacant.grpc.port=0 >> "$log" 2>&1) &
  pid=$!
  while kill -0 "$pid" 2>/dev/null && (( SECONDS < deadline )); do
    port="${port:-$(sed -n 's/.*Tomcat started on port \([0-9][0-9]*\).*/\1/p' "$log" | head -n 1)}"
    if [[ -n "$port" && "$(health "$port" 2>/dev/null)" == *'"status":"UP"'* ]]; then
      kill -TERM "$pid"
      wait "$pid" || true
      return 0
    fi
    sleep 0.2
  done
  echo "vacant.sh: the training run ended or was not UP within ${VACANT_CDS_TRAINING_SECONDS:-180} s" >> "$log"
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  return 1
}

# prepare_cds: extracts the jar and records the archive unless the cache already belongs to this jar and these
# options. In place: the archive names the extracted jar's path, which must not change after the training run.
prepare_cds() {
  if [[ -s "$archive" && "$(cat "$cds_dir/jar.key" 2>/dev/null)" == "$(jar_key)" ]]; then
    return 0
  fi
  local scratch
  rm -rf "$cds_dir"
  mkdir -p "$cds_dir"
  scratch="$(mktemp -d -t vacant-cds-training-XXXXXX)"
  echo "vacant.sh: preparing class-data sharing ($archive_type) for $jar in $cds_dir (once per build)" >&2
  if "$java" -Djarmode=tools -jar "$jar" extract --destination "$cds_dir/app" > "$cds_dir/training.log" 2>&1 \
      && train "$scratch" && [[ -s "$cds_dir/training.$archive_type" ]]; then
    mv "$cds_dir/training.$archive_type" "$archive"
    jar_key > "$cds_dir/jar.key"
  else
    echo "vacant.sh: the CDS training run failed (log: $cds_dir/training.log)" >&2
  fi
  rm -rf "$scratch"
}

if [[ ! -f "$jar" ]]; then
  echo "vacant.sh: no $jar; build it with ./mvnw -B -q -DskipTests package (or set VACANT_JAR)" >&2
  exit 2
fi
jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"
cds_dir="${VACANT_CDS_DIR:-${jar%.jar}-cds}"
feature="$(java_feature)"
jvm=()
if (( feature >= AOT_CACHE_JDK )); then
  EMBEDDED_JVM_OPTS+=("${AOT_CACHE_JDK_OPTS[@]}")
  jvm=("${AOT_CACHE_JDK_OPTS[@]}")
  archive_type=aot record_option=-XX:AOTCacheOutput= map_option=-XX:AOTCache=
else
  archive_type=jsa record_option=-XX:ArchiveClassesAtExit= map_option=-XX:SharedArchiveFile=
fi
archive="$cds_dir/vacant.$archive_type"
if [[ -n "${VACANT_LAUNCHER_PREPARE:-}" ]]; then
  prepare_cds
  [[ -s "$archive" ]]
  exit
fi
target=(-jar "$jar")
if serving "$@" && embedded "$@"; then
  jvm=("${EMBEDDED_JVM_OPTS[@]}")   # the JDK's own options included
  if [[ "${VACANT_CDS:-on}" != off ]]; then
    [[ -n "${VACANT_LAUNCHER_DRY_RUN:-}" ]] || prepare_cds
    if [[ -n "${VACANT_LAUNCHER_DRY_RUN:-}" || -s "$archive" ]]; then
      target=("$map_option$archive" -jar "$cds_dir/app/vacant.jar")
    else
      echo "vacant.sh: starting without class-data sharing" >&2
    fi
  fi
fi
jvm+=("${user_opts[@]}")
if [[ -n "${VACANT_LAUNCHER_DRY_RUN:-}" ]]; then
  echo "$java" "${jvm[@]}" "${target[@]}" "$@"
  exit 0
fi
exec "$java" "${jvm[@]}" "${target[@]}" "$@"
