# Sourced by the benchmark scripts that run a single-file Java program against a scratch PostgreSQL database.
# scratch_db NAME: creates the database NAME_<pid> (env PGPASSWORD, default "postgres"; PGHOST; PGUSER), drops it on
# exit, and sets SCRATCH_JDBC to its JDBC URL. bench_classpath SCOPE: builds infra and prints the classpath of its
# classes and its dependencies of SCOPE (runtime or test).
export PGPASSWORD="${PGPASSWORD:-postgres}" PGOPTIONS="--client-min-messages=warning"
PGHOST="${PGHOST:-127.0.0.1}"
PGUSER="${PGUSER:-postgres}"

scratch_db() {
  SCRATCH_DB="$1_$$"
  psql -h "$PGHOST" -U "$PGUSER" -qc "create database $SCRATCH_DB"
  trap 'psql -h "$PGHOST" -U "$PGUSER" -qc "drop database if exists $SCRATCH_DB with (force)"' EXIT
  SCRATCH_JDBC="jdbc:postgresql://$PGHOST:5432/$SCRATCH_DB"
}

bench_classpath() {
  local file="target/bench-$1.classpath"
  ./mvnw -B -q -DskipTests -pl infra -am package dependency:build-classpath \
    -Dmdep.includeScope="$1" -Dmdep.outputFile="$file" >&2
  echo "infra/target/classes:$(cat "infra/$file")"
}
