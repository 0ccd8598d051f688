# Helpers for CLI contract tests. Usage: source tests/cli/lib.sh "$1"  (path to mcusim)
MCUSIM="$1"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
FAILS=0
fail() { echo "FAIL: $*" >&2; FAILS=$((FAILS + 1)); }
# expect_exit CODE NAME -- command...: runs, checks the exit status, keeps stderr in $TMP/err
expect_exit() {
  local code="$1" name="$2"; shift 3
  "$@" >"$TMP/stdout" 2>"$TMP/err"; local got=$?
  [ "$got" -eq "$code" ] || fail "$name: exit $got, expected $code; stderr: $(cat "$TMP/err")"
}
# stderr_has NAME PATTERN: stderr of the last command is one line matching PATTERN
stderr_has() {
  local lines; lines=$(wc -l <"$TMP/err")
  [ "$lines" -eq 1 ] || fail "$1: expected one line on stderr, got $lines: $(cat "$TMP/err")"
  grep -qE -- "$2" "$TMP/err" || fail "$1: stderr '$(cat "$TMP/err")' does not match /$2/"
}
no_files() { [ -z "$(ls -A "$1" 2>/dev/null)" ] || fail "$2: files left in $1: $(ls -A "$1")"; }
# check NAME PATTERN -- args...: bad input gives exit 2, one stderr line matching
# PATTERN, and no --out directory at all ($TMP/res).
check() {
  local name="$1" pattern="$2"; shift 3
  rm -rf "$TMP/res"
  expect_exit 2 "$name" -- "$@" --out "$TMP/res"
  stderr_has "$name" "$pattern"
  no_files "$TMP/res" "$name"
  [ ! -e "$TMP/res" ] || fail "$name: --out directory was created"
}
finish() {
  if [ "$FAILS" -eq 0 ]; then echo "cli: all checks passed"; exit 0; fi
  echo "cli: $FAILS check(s) failed"; exit 1
}
