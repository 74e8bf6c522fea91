# Shared by the bench scripts: a throwaway PostgreSQL server on a free loopback port, built from
# the machine's PostgreSQL binaries (pgbench comes with them), stopped and removed on exit.
# Sets PGHOST, PGPORT, PGUSER, PGDATABASE and BENCH_URL.

bench_find_pg_bin() {
  for dir in ${PG_BIN:-} $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV) /usr/local/pgsql/bin; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pgbench" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

bench_start_server() {
  PG_BIN=$(bench_find_pg_bin) || { echo "bench: needs PostgreSQL server binaries and pgbench (apt-get install postgresql), or PG_BIN=/path/to/bin" >&2; exit 1; }
  BENCH_DIR=$(mktemp -d /tmp/dbsim-bench.XXXXXX)
  local as_user=()
  if [ "$(id -u)" = 0 ]; then
    # initdb and postgres refuse root: the server runs as the postgres system user.
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$BENCH_DIR"
    as_user=(runuser -u postgres --)
  fi
  PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  "${as_user[@]}" "$PG_BIN/initdb" -D "$BENCH_DIR/data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
  "${as_user[@]}" "$PG_BIN/pg_ctl" -D "$BENCH_DIR/data" -l "$BENCH_DIR/server.log" -w -o \
    "-p $PGPORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$BENCH_DIR -c shared_preload_libraries=pg_stat_statements -c max_connections=200 ${BENCH_PG_OPTS:-}" \
    start >/dev/null
  BENCH_STOP=("${as_user[@]}" "$PG_BIN/pg_ctl" -D "$BENCH_DIR/data" -m fast stop)
  trap bench_stop_server EXIT INT TERM
  export PGHOST=127.0.0.1 PGPORT PGUSER=postgres PGDATABASE=bench
  "$PG_BIN/createdb" bench
  BENCH_URL="jdbc:postgresql://127.0.0.1:$PGPORT/bench"
  echo "bench: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT (throwaway)" >&2
}

bench_stop_server() {
  "${BENCH_STOP[@]}" >/dev/null 2>&1 || true
  rm -rf "$BENCH_DIR"
}
