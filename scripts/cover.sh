#!/usr/bin/env bash
# make cover: the unit and keeper tests (go test -short: no end-to-end or
# docker tests) with a coverage profile, then the statement coverage of every
# package, and a check that each x/<module>/keeper package reaches the floor.
#
#   COVER_FLOOR  the least keeper coverage, in percent (default 80)
#   COVER_OUT    the profile (default build/cover.out; open it with
#                `go tool cover -func` or `go tool cover -html`)
#   COVER_PKGS   the packages to test (default ./x/... ./internal/... ./app/...)
#
# The summary is computed from the profile, so it can be re-printed without
# running the tests again: scripts/cover.sh --report.
set -euo pipefail
cd "$(dirname "$0")/.."

GO=${GO:-go}
FLOOR=${COVER_FLOOR:-80}
OUT=${COVER_OUT:-build/cover.out}
PKGS=${COVER_PKGS:-./x/... ./internal/... ./app/...}

if [ "${1:-}" != "--report" ]; then
  mkdir -p "$(dirname "$OUT")"
  # shellcheck disable=SC2086 # PKGS is a list of patterns
  "$GO" test -short -count=1 -covermode=set -coverprofile="$OUT" $PKGS
fi
[ -f "$OUT" ] || { echo "no coverage profile at $OUT" >&2; exit 1; }

module=$("$GO" list -m)
echo
echo "statement coverage by package (floor for x/*/keeper: ${FLOOR}%)"
# A profile line is "file:start,end statements count". A block may be listed
# more than once (one entry per test binary that ran it): count it once,
# covered if any entry ran it.
awk -v module="$module/" -v floor="$FLOOR" '
  NR == 1 { next }  # "mode: set"
  {
    split($1, loc, ":"); file = loc[1]
    pkg = file; sub(/\/[^\/]*$/, "", pkg); sub("^" module, "", pkg)
    key = $1
    if (!(key in stmts)) { stmts[key] = $2; owner[key] = pkg; order[pkg] = 1 }
    if ($3 > 0) hit[key] = 1
  }
  END {
    for (key in stmts) {
      total[owner[key]] += stmts[key]
      if (key in hit) covered[owner[key]] += stmts[key]
    }
    n = 0
    for (pkg in order) names[++n] = pkg
    # insertion sort: awk has no portable sort
    for (i = 2; i <= n; i++) {
      v = names[i]; j = i - 1
      while (j > 0 && names[j] > v) { names[j + 1] = names[j]; j-- }
      names[j + 1] = v
    }
    failed = 0
    for (i = 1; i <= n; i++) {
      pkg = names[i]
      pct = total[pkg] ? 100 * covered[pkg] / total[pkg] : 0
      mark = ""
      if (pkg ~ /^x\/[^\/]+\/keeper$/) {
        if (pct < floor) { mark = "  BELOW FLOOR"; failed++ } else { mark = "  ok" }
        keepers++
      }
      printf "  %-36s %6.1f%%  (%d/%d)%s\n", pkg, pct, covered[pkg], total[pkg], mark
    }
    if (keepers == 0) { print "no x/*/keeper package in the profile"; exit 1 }
    if (failed) { printf "%d keeper package(s) below %s%%\n", failed, floor; exit 1 }
    printf "every keeper package is at or above %s%%\n", floor
  }
' "$OUT"
