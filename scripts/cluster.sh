#!/usr/bin/env bash
# A palais cluster on 127.0.0.1: a PostgreSQL primary, a hot standby streaming from it
# (made by pg_basebackup), pgbouncer in front of both, two `palais serve` nodes (each with
# its own search index, sharing one folder of files) and HAProxy in front of the nodes,
# checking each node's /health/ready. See docs/deployment.md.
#
# Usage: scripts/cluster.sh start|stop|status [PART...]
#   PARTS: primary standby pgbouncer node1 node2 haproxy (default: all, in that order;
#   stopped in the reverse order). `stop` keeps the folder (the store, the indexes, the
#   logs) for the next `start`; `scripts/cluster.sh clean` stops and removes it.
# Environment:
#   CLUSTER_DIR        folder of everything the cluster keeps (default: .cluster)
#   CLUSTER_PORT_BASE  ports BASE (HAProxy), +1 primary, +2 standby, +3 pgbouncer,
#                      +4 node1, +5 node2 (default 18700)
#   PALAIS_PYTHON      the Python with palais installed (default: .venv/bin/python)
#   PALAIS_SECRET_KEY  the key signing session cookies, the same on every node (default:
#                      one made at the first start, kept in CLUSTER_DIR/secret_key)
#   CLUSTER_READY_TIMEOUT  seconds a starting node may take to catch up with the store
#                      before `start` gives up on it (default 120; a node indexing a
#                      large archive from nothing needs more)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

DIR=${CLUSTER_DIR:-$ROOT/.cluster}
BASE=${CLUSTER_PORT_BASE:-18700}
HTTP_PORT=$BASE
PRIMARY_PORT=$((BASE + 1))
STANDBY_PORT=$((BASE + 2))
BOUNCER_PORT=$((BASE + 3))
PYTHON=${PALAIS_PYTHON:-$ROOT/.venv/bin/python}
ALL_PARTS=(primary standby pgbouncer node1 node2 haproxy)

pg_bindir() {
  if [ -n "${PALAIS_PG_BINDIR:-}" ]; then echo "$PALAIS_PG_BINDIR"; return; fi
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}
PG=$(pg_bindir)

# PostgreSQL and pgbouncer refuse to run as root: under root they run as `postgres`.
as_db() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
db_owned() { if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$@"; fi; }

node_port() { echo $((BASE + 3 + $1)); }
pid_alive() {  # a process killed but not yet reaped (a zombie) is not alive
  [ -f "$1" ] || return 1
  local pid; pid=$(cat "$1")
  kill -0 "$pid" 2>/dev/null && ! grep -qs '^State:[[:space:]]*Z' "/proc/$pid/status"
}

wait_port() {  # wait_port PORT SECONDS
  local deadline=$((SECONDS + $2))
  until (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || { echo "cluster: nothing listens on $1" >&2; return 1; }
    sleep 0.2
  done
}

wait_ready() {  # wait_ready PORT SECONDS
  local deadline=$((SECONDS + $2))
  until curl -fsS -o /dev/null "http://127.0.0.1:$1/health/ready" 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || { echo "cluster: node on $1 is not ready" >&2; return 1; }
    sleep 0.2
  done
}

pg_options() {  # the server options of the primary and the standby
  echo "-p $1 -k $DIR -c listen_addresses=127.0.0.1 -c wal_level=replica" \
       "-c max_wal_senders=5 -c hot_standby=on -c hot_standby_feedback=on" \
       "-c max_connections=200 -c wal_keep_size=256MB"
}

start_primary() {
  mkdir -p "$DIR"; db_owned "$DIR"
  if [ ! -d "$DIR/primary" ]; then
    as_db "$PG/initdb" -D "$DIR/primary" -A trust -U palais -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! as_db "$PG/pg_ctl" -D "$DIR/primary" status >/dev/null 2>&1; then
    as_db "$PG/pg_ctl" -D "$DIR/primary" -o "$(pg_options "$PRIMARY_PORT")" \
      -l "$DIR/primary.log" -w -t 60 start >/dev/null
  fi
  if ! as_db "$PG/psql" -h 127.0.0.1 -p "$PRIMARY_PORT" -U palais -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = 'palais'" | grep -q 1; then
    as_db "$PG/createdb" -h 127.0.0.1 -p "$PRIMARY_PORT" -U palais palais
  fi
}

start_standby() {
  if [ ! -d "$DIR/standby" ]; then
    # -R writes primary_conninfo and standby.signal: the copy starts as a streaming standby.
    as_db "$PG/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U palais \
      -D "$DIR/standby" -R -X stream -c fast
  fi
  if ! as_db "$PG/pg_ctl" -D "$DIR/standby" status >/dev/null 2>&1; then
    as_db "$PG/pg_ctl" -D "$DIR/standby" -o "$(pg_options "$STANDBY_PORT")" \
      -l "$DIR/standby.log" -w -t 60 start >/dev/null
  fi
}

start_pgbouncer() {
  pid_alive "$DIR/pgbouncer.pid" && return 0
  cat > "$DIR/pgbouncer.ini" <<EOF
[databases]
palais = host=127.0.0.1 port=$PRIMARY_PORT dbname=palais
palais_standby = host=127.0.0.1 port=$STANDBY_PORT dbname=palais

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $BOUNCER_PORT
unix_socket_dir =
auth_type = trust
auth_file = $DIR/pgbouncer.users
; session pooling: psycopg prepares statements it runs often, which transaction
; pooling of this pgbouncer version would hand to another client
pool_mode = session
max_client_conn = 400
default_pool_size = 80
server_connect_timeout = 2
server_login_retry = 1
pidfile = $DIR/pgbouncer.pid
logfile = $DIR/pgbouncer.log
EOF
  echo '"palais" ""' > "$DIR/pgbouncer.users"
  db_owned "$DIR/pgbouncer.ini" "$DIR/pgbouncer.users"
  as_db pgbouncer -d "$DIR/pgbouncer.ini"
  wait_port "$BOUNCER_PORT" 20
}

start_node() {  # start_node N
  local n=$1 port; port=$(node_port "$n")
  pid_alive "$DIR/node$n.pid" && return 0
  mkdir -p "$DIR/node$n" "$DIR/files"
  (
    export PALAIS_DATABASE_URL="postgresql://palais@127.0.0.1:$BOUNCER_PORT/palais"
    export PALAIS_READ_DATABASE_URL="postgresql://palais@127.0.0.1:$BOUNCER_PORT/palais_standby"
    export PALAIS_SEARCH=embedded PALAIS_DATA_DIR="$DIR/node$n" PALAIS_FILES_DIR="$DIR/files"
    if [ -z "${PALAIS_SECRET_KEY:-}" ]; then
      [ -s "$DIR/secret_key" ] || (umask 077; "$PYTHON" -c \
        'import secrets; print(secrets.token_urlsafe(48))' > "$DIR/secret_key")
      PALAIS_SECRET_KEY=$(cat "$DIR/secret_key")
    fi
    export PALAIS_SECRET_KEY
    exec "$PYTHON" -m palais serve --host 127.0.0.1 --port "$port" \
      >"$DIR/node$n.log" 2>&1 </dev/null
  ) &
  echo $! > "$DIR/node$n.pid"
  wait_ready "$port" "${CLUSTER_READY_TIMEOUT:-120}"
}

start_haproxy() {
  pid_alive "$DIR/haproxy.pid" && return 0
  cat > "$DIR/haproxy.cfg" <<EOF
global
    maxconn 1000

defaults
    mode http
    timeout connect 2s
    timeout client 30s
    timeout server 30s
    # A loaded node answers its health check late rather than not at all: a refused
    # connection (a dead node) fails the check at once whatever this says.
    timeout check 3s
    # A request a node could not take (refused, reset before an answer) goes to the other.
    retries 3
    retry-on conn-failure empty-response response-timeout
    option redispatch 1

frontend palais
    bind 127.0.0.1:$HTTP_PORT
    default_backend nodes

backend nodes
    balance roundrobin
    option httpchk GET /health/ready
    http-check expect status 200
    default-server inter 500ms fall 3 rise 2 on-marked-down shutdown-sessions
    server node1 127.0.0.1:$(node_port 1) check
    server node2 127.0.0.1:$(node_port 2) check
EOF
  haproxy -f "$DIR/haproxy.cfg" -D -p "$DIR/haproxy.pid"
  wait_port "$HTTP_PORT" 20
}

stop_pid() {  # stop_pid NAME: SIGTERM the process of NAME.pid, then wait for it
  local file="$DIR/$1.pid" pid
  pid_alive "$file" || { rm -f "$file"; return 0; }
  pid=$(cat "$file")
  # SIGINT: pgbouncer's fast shutdown (SIGTERM waits for every client to leave);
  # uvicorn and HAProxy stop as on SIGTERM.
  kill -INT "$pid" 2>/dev/null || true
  for _ in $(seq 100); do pid_alive "$file" || break; sleep 0.1; done
  if pid_alive "$file"; then kill -9 "$pid" 2>/dev/null || true; fi
  rm -f "$file"
}

stop_pg() {  # stop_pg primary|standby
  [ -d "$DIR/$1" ] || return 0
  as_db "$PG/pg_ctl" -D "$DIR/$1" status >/dev/null 2>&1 || return 0
  as_db "$PG/pg_ctl" -D "$DIR/$1" -m fast -w -t 60 stop >/dev/null
}

start_part() {
  case $1 in
    primary) start_primary ;; standby) start_standby ;; pgbouncer) start_pgbouncer ;;
    node1) start_node 1 ;; node2) start_node 2 ;; haproxy) start_haproxy ;;
    *) echo "cluster: unknown part $1 (${ALL_PARTS[*]})" >&2; exit 2 ;;
  esac
}

stop_part() {
  case $1 in
    primary|standby) stop_pg "$1" ;; pgbouncer|node1|node2|haproxy) stop_pid "$1" ;;
    *) echo "cluster: unknown part $1 (${ALL_PARTS[*]})" >&2; exit 2 ;;
  esac
}

status_part() {
  local up=down
  case $1 in
    primary|standby) as_db "$PG/pg_ctl" -D "$DIR/$1" status >/dev/null 2>&1 && up=up ;;
    *) pid_alive "$DIR/$1.pid" && up=up ;;
  esac
  printf '%-10s %s\n' "$1" "$up"
}

command=${1:-status}; shift || true
parts=("$@")
case $command in
  start)
    [ ${#parts[@]} -gt 0 ] || parts=("${ALL_PARTS[@]}")
    for part in "${parts[@]}"; do start_part "$part"; done
    echo "cluster: http://127.0.0.1:$HTTP_PORT/ (nodes on $(node_port 1) and $(node_port 2))" ;;
  stop)
    if [ ${#parts[@]} -eq 0 ]; then
      for ((i = ${#ALL_PARTS[@]} - 1; i >= 0; i--)); do stop_part "${ALL_PARTS[i]}"; done
    else
      for part in "${parts[@]}"; do stop_part "$part"; done
    fi ;;
  status)
    [ ${#parts[@]} -gt 0 ] || parts=("${ALL_PARTS[@]}")
    for part in "${parts[@]}"; do status_part "$part"; done
    if curl -fsS "http://127.0.0.1:$(node_port 1)/health/ready" 2>/dev/null; then echo; fi ;;
  clean)
    "$0" stop; rm -rf "$DIR" ;;
  *) echo "usage: $0 start|stop|status|clean [PART...]" >&2; exit 2 ;;
esac
