# Shared set-up for scripts/run and scripts/test: installs whatever is missing, reuses what is there.
# Only package registries are reachable: every tool comes from crates.io, npm or Debian.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

CARGO_LEPTOS_VERSION="0.3.10"  # 0.3.11 needs a newer rustc than these machines have
# The wasm-bindgen CLI must match the `wasm-bindgen` crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"

log() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

APT_UPDATED=0
apt_install() {
  if [ "$APT_UPDATED" -eq 0 ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_build_tools() {
  export PATH="$HOME/.cargo/bin:$PATH"
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "Adding the wasm32 target"
    rustup target add wasm32-unknown-unknown
  fi
  if [ "$(cargo leptos --version 2>/dev/null || true)" != "cargo-leptos $CARGO_LEPTOS_VERSION" ]; then
    log "Installing cargo-leptos $CARGO_LEPTOS_VERSION (once; about 20-30 minutes on 2 cores)"
    cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    log "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (once; about 7 minutes)"
    # No --locked: one of its locked dependencies is missing from the registry.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
  fi
  if ! command -v npm >/dev/null; then
    log "Installing Node.js and npm from Debian"
    apt_install nodejs npm
  fi
  npm_ci build-tools
  # cargo-leptos looks tools up on PATH before trying to download them; npm's binaryen 132
  # (wasm-opt) must come before Debian's, which silently breaks the wasm.
  export PATH="$ROOT/build-tools/node_modules/.bin:$PATH"
}

# npm ci, skipped when node_modules already matches the lock file.
npm_ci() {
  local dir="$1"
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.lock-copy"; then
    log "Installing npm packages in $dir"
    npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error
    cp "$dir/package-lock.json" "$dir/node_modules/.lock-copy"
  fi
}

# cargo-fuzz (scripts/fuzz) and the nightly toolchain it needs (libFuzzer's instrumentation).
CARGO_FUZZ_VERSION="0.13.1"
ensure_fuzz_tools() {
  export PATH="$HOME/.cargo/bin:$PATH"
  if ! rustup toolchain list | grep -q '^nightly'; then
    log "Installing the nightly toolchain (for cargo-fuzz)"
    rustup toolchain install nightly --profile minimal
  fi
  if [ "$(cargo fuzz --version 2>/dev/null || true)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
    log "Installing cargo-fuzz $CARGO_FUZZ_VERSION (once; a few minutes)"
    cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
  fi
}

ensure_test_tools() {
  if [ ! -x /usr/bin/chromium ]; then
    log "Installing Chromium from Debian"
    apt_install chromium
  fi
  if ! command -v initdb >/dev/null && [ ! -x /usr/lib/postgresql/15/bin/initdb ]; then
    log "Installing PostgreSQL from Debian"
    apt_install postgresql
  fi
  # faketime reruns the integration tests with the clock a year ahead; openssl makes the test
  # PostgreSQL server's certificate.
  if ! command -v faketime >/dev/null; then
    log "Installing faketime from Debian"
    apt_install faketime
  fi
  if ! command -v openssl >/dev/null; then
    log "Installing OpenSSL's command-line tool from Debian"
    apt_install openssl
  fi
  npm_ci end2end
}

# wrk (scripts/bench's load generator, from Debian) and PostgreSQL's server and client.
ensure_bench_tools() {
  if ! command -v wrk >/dev/null; then
    log "Installing wrk from Debian"
    apt_install wrk
  fi
  if ! command -v psql >/dev/null || { ! command -v initdb >/dev/null && [ ! -x /usr/lib/postgresql/15/bin/initdb ]; }; then
    log "Installing PostgreSQL from Debian"
    apt_install postgresql
  fi
  if ! command -v openssl >/dev/null; then
    apt_install openssl
  fi
}

# A throw-away PostgreSQL server (scripts/test, scripts/bench-db): the caller sets WORK (a
# temp dir) and PG_DATA, and stops it on exit (`stop_postgres`).
# PostgreSQL refuses to run as root: as root, run it as the `postgres` user.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  PG_BIN="$(dirname "$(readlink -f "$(command -v initdb || echo /usr/lib/postgresql/15/bin/initdb)")")"
  local port
  port="$(free_port)"
  mkdir -p "$PG_DATA"
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$WORK" "$PG_DATA"; fi
  as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log"
  # TLS as in production (sslmode=require): a self-signed certificate for this run only. Over TCP
  # only TLS connections are let in (hostssl), so nothing can quietly fall back to plain text.
  local tls="$WORK/tls"
  mkdir -p "$tls"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
    -keyout "$tls/server.key" -out "$tls/server.crt" 2>"$WORK/openssl.log"
  chmod 600 "$tls/server.key"
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres: "$tls"; fi
  sed -i -E 's/^host(\s)/hostssl\1/' "$PG_DATA/pg_hba.conf"
  # Loopback only, socket in the temp dir; fsync off because this database is thrown away
  # (scripts/bench sets PG_FSYNC=on: its figures are for a database that keeps what it commits).
  for attempt in 1 2 3; do
    if as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w \
        -o "-p $port -k $PG_DATA -c listen_addresses=127.0.0.1 -c fsync=${PG_FSYNC:-off} -c max_connections=200 \
            -c ssl=on -c ssl_cert_file=$tls/server.crt -c ssl_key_file=$tls/server.key" start >/dev/null; then
      break
    fi
    [ "$attempt" -eq 3 ] && { cat "$PG_DATA/server.log"; exit 1; }
    sleep 2
  done
  export TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/postgres?sslmode=require"
  # A database of its own for the browser tests' second server (the staff suites on PostgreSQL).
  as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres naccc_e2e
  export E2E_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/naccc_e2e?sslmode=require"
  echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (TLS)"
}

stop_postgres() {
  if [ -f "$PG_DATA/postmaster.pid" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate stop >/dev/null 2>&1 || true
  fi
}

# A free TCP port on loopback.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# The release build: content-hashed names (hash-files), brotli at quality 11 made once
# (--precompress), and gzip made again at -9 (cargo-leptos' own gzip is larger than gzip -9).
# --split: each lazy island (the wizard's check, the staff areas' islands) becomes its own wasm
# file, loaded only by the pages that have it.
build_release() {
  rm -rf target/site/pkg
  cargo leptos build --release --precompress --split
  honest_names
  local file
  for file in target/site/pkg/*.wasm target/site/pkg/*.js target/site/pkg/*.css; do
    [ -e "$file" ] || continue
    gzip -9 -n -c "$file" > "$file.gz"
  done
}

# cargo-leptos names the main js and wasm by their content's hash, then rewrites that content
# (the split loader's name goes in), so the names no longer say what the files hold: a build that
# changed only a lazy island could keep them, and a browser holding them for a year would use a
# stale copy. The wasm is renamed here to the hash of what it holds (md5, base64url, as
# cargo-leptos does), with its compressed copies, and the hash file beside the server says so.
# The main js cannot be: the split loader imports it by name, and it imports the split loader,
# so it keeps its name and the server, finding that name untrue, has browsers revalidate it.
honest_names() {
  python3 - "${CARGO_TARGET_DIR:-target}/release/hash.txt" target/site/pkg <<'PY'
import base64, hashlib, os, sys
hash_file, pkg = sys.argv[1], sys.argv[2]
out = []
for line in open(hash_file).read().splitlines():
    kind, _, old = (part.strip() for part in line.partition(":"))
    if kind == "wasm":
        name = f"naccc-hub.{old}.wasm"
        data = open(os.path.join(pkg, name), "rb").read()
        new = base64.urlsafe_b64encode(hashlib.md5(data).digest()).decode().rstrip("=")
        for suffix in ("", ".br", ".gz"):
            src = os.path.join(pkg, name + suffix)
            if new != old and os.path.exists(src):
                os.rename(src, os.path.join(pkg, f"naccc-hub.{new}.wasm{suffix}"))
        line = f"wasm: {new}"
    out.append(line)
open(hash_file, "w").write("\n".join(out) + "\n")
PY
}
