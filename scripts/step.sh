#!/usr/bin/env bash
# Runs one long step quietly: says what it does and roughly how long it takes
# before, how long it took after, and shows the command's output only when it
# fails (or always with VERBOSE=1), so `make run` reads as a list of steps.
#
# usage: scripts/step.sh "what it does" "about how long" COMMAND [ARG...]
set -uo pipefail
what=$1 eta=$2
shift 2
start=$(date +%s)
printf '\033[1m==>\033[0m %s (%s)\n' "$what" "$eta" >&2
if [ "${VERBOSE:-}" = 1 ]; then
  "$@"
  rc=$?
else
  log=$(mktemp)
  "$@" >"$log" 2>&1
  rc=$?
  [ $rc -ne 0 ] && cat "$log" >&2
  rm -f "$log"
fi
secs=$(($(date +%s) - start))
if [ $rc -eq 0 ]; then
  printf '    done in %d s\n' "$secs" >&2
else
  printf '\033[1;31m    failed after %d s (exit %d): %s\033[0m\n' "$secs" "$rc" "$*" >&2
fi
exit $rc
