# Sourced by tests that run the built probe against real kernel drivers this machine does
# not have (no /dev/video, no sound card, no kernel modules): Debian's own kernel
# (linux-image-amd64) booted under QEMU with software emulation, from an initramfs holding
# busybox, the programs a test names with their libraries, and the modules it names.
#
#   guest_init EXAMREADY        a guest root with busybox, examready and examready-media
#   guest_add_program PATH      a program (at the same path) and the libraries it links
#   guest_add_file SRC [DEST]   a file or directory (DEST defaults to SRC)
#   guest_add_modules NAME...   kernel modules and what they need, loaded in order at boot
#   guest_boot BODY             boots with BODY (shell text) after the common start: mounts,
#                               modules, and `check NAME COMMAND`, which prints COMMAND's
#                               output between "===BEGIN NAME===" and "===END==="
#   guest_report NAME           that output, in $GUEST_DIR/NAME.json
#   expect WHAT FILTER NAME     a jq filter over report NAME (tests/support/expect_json.sh);
#   m METRIC, src METRIC        jq paths to a metric's value and source in such a report
#   guest_finish                prints the console's tail on failure; the exit status
# KEEP=1 keeps $GUEST_DIR (root, initramfs, console log). Needs linux-image-amd64,
# qemu-system-x86, busybox-static, kmod, cpio, binutils (strip) and jq.

GUEST_KERNEL=$(find /boot -maxdepth 1 -name 'vmlinuz-*' | sort -V | tail -n 1)
if [[ -z "$GUEST_KERNEL" ]]; then
  echo "FAIL - no kernel in /boot: install linux-image-amd64 (scripts/deps.sh does)" >&2
  exit 1
fi
GUEST_KVER=${GUEST_KERNEL#/boot/vmlinuz-}
GUEST_DIR=$(mktemp -d /tmp/examready-guest.XXXXXX)
GUEST_ROOT=$GUEST_DIR/root
source "$(dirname "${BASH_SOURCE[0]}")/../support/expect_json.sh"
guest_cleanup() { [[ -n "${KEEP:-}" ]] || rm -rf "$GUEST_DIR"; }
trap guest_cleanup EXIT

guest_add_program() {
  local program=$1 lib
  mkdir -p "$GUEST_ROOT$(dirname "$program")"
  # Stripped copies: the guest unpacks every byte under emulation.
  strip -o "$GUEST_ROOT$program" "$program" 2>/dev/null || cp "$program" "$GUEST_ROOT$program"
  for lib in $(ldd "$program" | awk '/=> \// {print $3} /^[[:space:]]*\/lib64\// {print $1}'); do
    guest_add_library "$lib"
  done
}

# Libraries go to /usr/lib/x86_64-linux-gnu (/lib is a link to /usr/lib, as on Debian 12).
guest_add_library() {
  local lib=$1
  case $lib in
    */ld-linux-*) cp -L "$lib" "$GUEST_ROOT/usr/lib64/" ;;
    *) [[ -e "$GUEST_ROOT/usr/lib/x86_64-linux-gnu/$(basename "$lib")" ]] ||
      cp -L "$lib" "$GUEST_ROOT/usr/lib/x86_64-linux-gnu/" ;;
  esac
}

guest_add_file() {
  local dest=$GUEST_ROOT${2:-$1}
  mkdir -p "$(dirname "$dest")"
  cp -rL "$1" "$dest"
}

guest_add_modules() {
  local module
  for module in $(modprobe -S "$GUEST_KVER" --show-depends "$@" | awk '$1 == "insmod" {print $2}'); do
    grep -qxF "$(basename "$module")" "$GUEST_ROOT/modules/order" 2>/dev/null && continue
    cp "$module" "$GUEST_ROOT/modules/"
    basename "$module" >>"$GUEST_ROOT/modules/order"
  done
}

guest_init() {
  local examready
  examready=$(realpath "$1")
  mkdir -p "$GUEST_ROOT"/{bin,dev,proc,sys,tmp,run,etc,modules,usr/bin,usr/lib64} \
    "$GUEST_ROOT/usr/lib/x86_64-linux-gnu"
  ln -s usr/lib "$GUEST_ROOT/lib"
  ln -s usr/lib64 "$GUEST_ROOT/lib64"
  touch "$GUEST_ROOT/modules/order"
  cp /bin/busybox "$GUEST_ROOT/bin/busybox"
  mkdir -p "$GUEST_ROOT/opt/examready"
  strip -o "$GUEST_ROOT/opt/examready/examready" "$examready"
  strip -o "$GUEST_ROOT/opt/examready/examready-media" "$(dirname "$examready")/examready-media"
  for lib in $( (ldd "$examready"; ldd "$(dirname "$examready")/examready-media") |
    awk '/=> \// {print $3} /^[[:space:]]*\/lib64\// {print $1}' | sort -u); do
    guest_add_library "$lib"
  done
  printf 'root:x:0:0::/tmp:/bin/sh\nnobody:x:65534:65534::/tmp:/bin/sh\n' >"$GUEST_ROOT/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\naudio:x:29:\n' >"$GUEST_ROOT/etc/group"
}

guest_boot() {
  {
    cat <<'START'
#!/bin/busybox sh
/bin/busybox --install -s /bin
export PATH=/bin:/usr/bin HOME=/tmp
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
mount -t tmpfs tmp /tmp
mount -t tmpfs run /run
while read -r m; do insmod "/modules/$m" || echo "insmod $m failed"; done </modules/order
check() {  # check NAME COMMAND: COMMAND's output between markers, then its stderr
  echo "===BEGIN $1==="
  sh -c "$2" 2>/tmp/stderr.txt
  echo
  echo "===END==="
  cat /tmp/stderr.txt
}
START
    printf '%s\n' "$1"
    echo "poweroff -f"
  } >"$GUEST_ROOT/init"
  chmod +x "$GUEST_ROOT/init"
  (cd "$GUEST_ROOT" && find . | cpio --quiet -o -H newc) >"$GUEST_DIR/initrd.cpio"
  echo "guest: kernel $GUEST_KVER, initramfs $(($(stat -c %s "$GUEST_DIR/initrd.cpio") / 1048576)) MiB," \
    "modules: $(paste -sd' ' "$GUEST_ROOT/modules/order")"
  local start
  start=$(date +%s)
  # loglevel=1: kernel complaints (e.g. "schedule_timeout: wrong timeout value" under a
  # loaded host) would land inside a report on the shared console and break its JSON.
  timeout 600 qemu-system-x86_64 -accel tcg -cpu max -smp 2 -m 2048 -nographic -no-reboot \
    -kernel "$GUEST_KERNEL" -initrd "$GUEST_DIR/initrd.cpio" \
    -append "console=ttyS0 panic=-1 quiet loglevel=1 rdinit=/init" </dev/null >"$GUEST_DIR/console.txt" 2>&1 || true
  echo "guest ran $(($(date +%s) - start)) s"
  tr -d '\r' <"$GUEST_DIR/console.txt" >"$GUEST_DIR/console.log"
}

guest_report() {
  awk -v name="$1" '$0 == "===BEGIN " name "===" {on = 1; next} /^===END===$/ {on = 0} on' \
    "$GUEST_DIR/console.log" >"$GUEST_DIR/$1.json"
}

# expect WHAT FILTER NAME: expect_json on report NAME; m/src METRIC: a metric's value or
# source in a report of one check.
expect() {
  [[ -e "$GUEST_DIR/$3.json" ]] || guest_report "$3"
  expect_json "$1" "$2" "$GUEST_DIR/$3.json"
}
m() { echo "(.checks[0].measurements[\"$1\"].value)"; }
src() { echo "(.checks[0].measurements[\"$1\"].source)"; }

guest_finish() {
  if ((failures > 0)); then
    echo "--- guest console ---"
    tail -n 80 "$GUEST_DIR/console.log"
  fi
  echo "$failures failure(s)"
  return $((failures > 0))
}
