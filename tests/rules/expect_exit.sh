#!/bin/sh
# expect_exit.sh CODE COMMAND...: runs COMMAND and succeeds only if it exits with CODE
# (ctest passes on 0; the CLI's exit codes carry the verdict).
want=$1
shift
"$@" > /dev/null 2> "${TMPDIR:-/tmp}/expect_exit.$$"
got=$?
if [ "$got" -ne "$want" ]; then
  echo "exit $got, expected $want: $*" >&2
  cat "${TMPDIR:-/tmp}/expect_exit.$$" >&2
  rm -f "${TMPDIR:-/tmp}/expect_exit.$$"
  exit 1
fi
cat "${TMPDIR:-/tmp}/expect_exit.$$" >&2
rm -f "${TMPDIR:-/tmp}/expect_exit.$$"
exit 0
