#!/usr/bin/env bash
# Statecraft as a user gets it: packs the project (prepack builds dist/), installs the tarball into a
# fresh "type": "module" project in a temp folder, and there runs what a user runs. A step of
# .ci/run (not of `npm test`: packing and installing take tens of seconds).
# Prints one line per step and closes with "N passed, M failed"; exits 1 if any step failed.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/test/package/consumer"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/statecraft-consumer-XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
passed=0
failed=0
step() { # step NAME COMMAND...: runs COMMAND in the consumer project, output kept in $WORK/log
  local name="$1"; shift
  if (cd "$WORK/app" && "$@") >"$WORK/log" 2>&1; then
    passed=$((passed + 1)); echo "ok   $name"
  else
    failed=$((failed + 1)); echo "FAIL $name"; sed 's/^/     /' "$WORK/log" | tail -25
  fi
}
expect_failure() { ! "$@"; }

cd "$ROOT"
if ! TARBALL="$(npm pack --pack-destination "$WORK" --silent 2>"$WORK/pack.log" | tail -1)"; then
  cat "$WORK/pack.log"; echo "0 passed, 1 failed"; exit 1
fi
echo "packed $TARBALL: $(du -k "$WORK/$TARBALL" | cut -f1) kB, $(tar -tzf "$WORK/$TARBALL" | wc -l) files"
# Public names per entry point (from the built .d.ts), and any without TSDoc.
npx tsx test/package/public-api.ts | sed 's/^/     /'

mkdir -p "$WORK/app/workflows"
cat >"$WORK/app/package.json" <<'JSON'
{ "name": "statecraft-consumer", "version": "1.0.0", "private": true, "type": "module" }
JSON
cp "$HERE/order-flow.ts" "$WORK/app/workflows/order-flow.ts"
cp "$HERE/run-execution.mjs" "$HERE/x.asl.json" "$HERE/tsconfig.json" "$WORK/app/"
# The versions the repo is tested with; --prefer-offline uses npm's local cache when it has them.
ZOD="zod@$(node -p "require('$ROOT/node_modules/zod/package.json').version")"
TS="typescript@$(node -p "require('$ROOT/node_modules/typescript/package.json').version")"

step "npm install the tarball (+ $ZOD, $TS)" npm install --prefer-offline --no-audit --no-fund "$WORK/$TARBALL" "$ZOD" "$TS"
step "plain Node ESM imports statecraft and runs an execution" node run-execution.mjs
step "npx statecraft --help" bash -c 'npx statecraft --help | grep -q "Usage: statecraft <command>"'
step "npx statecraft run x.asl.json --json" bash -c 'npx statecraft run x.asl.json --json | node -e "
  const r = JSON.parse(require(\"fs\").readFileSync(0, \"utf8\"));
  if (r.status !== \"SUCCEEDED\" || r.output.greeting !== \"hello\") throw new Error(JSON.stringify(r));"'
step "consumer workflow type-checks against the shipped .d.ts" npx tsc -p tsconfig.json
cp "$HERE/path-typo.ts" "$WORK/app/workflows/path-typo.ts"
step "a path typo is a type error" bash -c 'npx tsc -p tsconfig.json | tee /dev/stderr | grep -q "idd"'
rm "$WORK/app/workflows/path-typo.ts"
step "npx statecraft build (cold) writes generated/" bash -c 'npx statecraft build && test -s generated/ConsumerOrder.asl.json && test -s generated/ConsumerOrder.iam.json'
grep -h '^Built' "$WORK/log" | sed 's/^/     /'
step "npx statecraft build --check (warm, type-check cached)" bash -c 'npx statecraft build --check | tee /dev/stderr | grep -q "type-check cached"'
grep -h 'up to date' "$WORK/log" | sed 's/^/     /'
# A resolve hook that throws on the heavy packages: importing the entries must not reach them.
cat >"$WORK/app/guard-hooks.mjs" <<'JS'
export async function resolve(specifier, context, next) {
  if (/^(typescript|ts-morph|prettier)(\/|$)/.test(specifier)) throw new Error(`loaded ${specifier} from ${context.parentURL}`);
  return next(specifier, context);
}
JS
echo 'import { register } from "node:module"; register("./guard-hooks.mjs", import.meta.url);' >"$WORK/app/guard.mjs"
step "the DSL, interpreter and testing entries load neither typescript, ts-morph nor prettier" \
  node --import ./guard.mjs --input-type=module -e "await import('statecraft'); await import('statecraft/interpreter'); await import('statecraft/testing'); await import('statecraft/asl'); await import('statecraft/iam');"

echo "consumer check: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
