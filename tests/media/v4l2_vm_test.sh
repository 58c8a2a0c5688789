#!/usr/bin/env bash
# The camera check on a real V4L2 device: Debian's own kernel booted under QEMU (software
# emulation; this machine has no /dev/video and no kernel modules of its own) with vivid,
# the kernel's virtual webcam driver. It lists frame sizes and frame rates like a USB
# webcam, refuses a second streamer with EBUSY and obeys file permissions, so the V4L2
# paths run for real: discovery, VIDIOC_ENUM_* and the recording mode asked for, capture,
# a covered lens and a stuck picture (vivid's test pattern controls, set with v4l2-ctl), a
# camera held by another program (ffmpeg) named from /proc, a camera the user may not
# open, and one unplugged during the capture. The guest runs the built examready from an
# initramfs holding its libraries.
# Usage: v4l2_vm_test.sh path/to/examready   (KEEP=1 keeps the guest's files and console
# log; needs linux-image-amd64, qemu-system-x86, busybox-static, udev, v4l-utils, kmod,
# cpio, jq)
set -euo pipefail
EXAMREADY=$(realpath "$1")
MEDIA_HELPER=$(dirname "$EXAMREADY")/examready-media
KERNEL=$(find /boot -maxdepth 1 -name 'vmlinuz-*' | sort -V | tail -n 1)
if [[ -z "$KERNEL" ]]; then
  echo "FAIL - no kernel in /boot: install linux-image-amd64 (scripts/deps.sh does)" >&2
  exit 1
fi
KVER=${KERNEL#/boot/vmlinuz-}
T=$(mktemp -d /tmp/examready-v4l2vm.XXXXXX)
cleanup() { [[ -n "${KEEP:-}" ]] || rm -rf "$T"; }
trap cleanup EXIT
ROOT=$T/root

# --- the guest's root file system -------------------------------------------------------
mkdir -p "$ROOT"/{bin,dev,proc,sys,tmp,run,etc,modules,opt/examready,usr/bin,usr/lib64} \
  "$ROOT/usr/lib/x86_64-linux-gnu"
ln -s usr/lib "$ROOT/lib"
ln -s usr/lib64 "$ROOT/lib64"
cp /bin/busybox "$ROOT/bin/busybox"
# Stripped copies: the guest unpacks every byte under emulation.
strip -o "$ROOT/opt/examready/examready" "$EXAMREADY"
strip -o "$ROOT/opt/examready/examready-media" "$MEDIA_HELPER"
cp /usr/bin/ffmpeg /usr/bin/v4l2-ctl "$ROOT/usr/bin/"
# udev, as on a desktop: its v4l_id records each node's capabilities when it appears.
mkdir -p "$ROOT/usr/lib/udev/rules.d" "$ROOT/usr/lib/systemd"
cp /bin/udevadm "$ROOT/usr/bin/udevadm"
ln -s ../../bin/udevadm "$ROOT/usr/lib/systemd/systemd-udevd"
cp /usr/lib/udev/v4l_id "$ROOT/usr/lib/udev/"
cp /usr/lib/udev/rules.d/60-persistent-v4l.rules "$ROOT/usr/lib/udev/rules.d/"
for lib in $( (ldd "$EXAMREADY"; ldd "$MEDIA_HELPER"; ldd /usr/bin/ffmpeg; ldd /usr/bin/v4l2-ctl; ldd /bin/udevadm
  ldd /usr/lib/udev/v4l_id) |
  awk '/=> \// {print $3} /^[[:space:]]*\/lib64\// {print $1}' | sort -u); do
  case $lib in
    */ld-linux-*) cp -L "$lib" "$ROOT/usr/lib64/" ;;
    *) cp -L "$lib" "$ROOT/usr/lib/x86_64-linux-gnu/" ;;
  esac
done
echo 'root:x:0:0::/tmp:/bin/sh
nobody:x:65534:65534::/tmp:/bin/sh' >"$ROOT/etc/passwd"
echo 'root:x:0:
nogroup:x:65534:' >"$ROOT/etc/group"
# vivid and the media modules it needs, in load order.
modprobe -S "$KVER" --show-depends vivid | awk '$1 == "insmod" {print $2}' >"$T/modules.txt"
while read -r module; do
  cp "$module" "$ROOT/modules/"
  basename "$module" >>"$ROOT/modules/order"
done <"$T/modules.txt"

cat >"$ROOT/init" <<'INIT'
#!/bin/busybox sh
/bin/busybox --install -s /bin
export PATH=/bin:/usr/bin HOME=/tmp
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
mount -t tmpfs tmp /tmp
mount -t tmpfs run /run
# vivid as it loads by default: one instance with a capture node (input 0: a webcam) and
# output and VBI nodes beside it, as a UVC webcam has a metadata node beside its own.
while read -r m; do insmod "/modules/$m" || echo "insmod $m failed"; done </modules/order
/usr/lib/systemd/systemd-udevd --daemon --resolve-names=never
udevadm trigger --action=add --subsystem-match=video4linux
udevadm settle --timeout=60
ls -l /dev/video*
grep -H ID_V4L_CAPABILITIES /run/udev/data/c81:*
# Emulation is several times slower than hardware: deadlines scaled, 2 s captures kept.
probe="/opt/examready/examready check --json --only camera --deadline-scale 6"
check() {  # check NAME COMMAND: the report between markers, then what went to stderr
  echo "===BEGIN $1==="
  sh -c "$2" 2>/tmp/stderr.txt
  echo
  echo "===END==="
  cat /tmp/stderr.txt
}
check discovered "$probe"
# A covered lens: vivid's 100% black pattern, without its text overlay.
v4l2-ctl -d /dev/video0 -c test_pattern=5,osd_text_mode=2
check black "$probe"
# A stuck picture: colour bars, no overlay, no movement (the default): every frame alike.
v4l2-ctl -d /dev/video0 -c test_pattern=0,osd_text_mode=2
check frozen "$probe"
v4l2-ctl -d /dev/video0 -c osd_text_mode=0
# Another program streams from the camera, as a video call would.
ffmpeg -nostdin -hide_banner -loglevel error -f v4l2 -i /dev/video0 -f null - &
HOLDER=$!
sleep 3
echo "holder pid $HOLDER"
check busy "$probe"
kill $HOLDER
wait $HOLDER 2>/dev/null
# The cameras belong to root alone, the user is not root.
chmod 600 /dev/video*
check denied "su -s /bin/sh nobody -c '$probe'"
# Unplugged during the capture (vivid's disconnect: every call then fails with ENODEV).
(sleep 2.5; v4l2-ctl -d /dev/video0 -c disconnect=1) &
check unplugged "$probe"
poweroff -f
INIT
chmod +x "$ROOT/init"
(cd "$ROOT" && find . | cpio --quiet -o -H newc) >"$T/initrd.cpio"
echo "guest: kernel $KVER, initramfs $(($(stat -c %s "$T/initrd.cpio") / 1048576)) MiB, modules: $(paste -sd' ' "$ROOT/modules/order")"

# --- boot it ------------------------------------------------------------------------------
start=$(date +%s)
timeout 600 qemu-system-x86_64 -accel tcg -cpu max -smp 2 -m 2048 -nographic -no-reboot \
  -kernel "$KERNEL" -initrd "$T/initrd.cpio" \
  -append "console=ttyS0 panic=-1 quiet rdinit=/init" </dev/null >"$T/console.txt" 2>&1 || true
echo "guest ran $(($(date +%s) - start)) s"
tr -d '\r' <"$T/console.txt" >"$T/console.log"

# --- what it printed ------------------------------------------------------------------------
report() { awk -v name="$1" '$0 == "===BEGIN " name "===" {on = 1; next} /^===END===$/ {on = 0} on' "$T/console.log" >"$T/$1.json"; }
for name in discovered black frozen busy denied unplugged; do report "$name"; done
failures=0
expect() {  # expect "what" 'jq filter yielding true' report-name
  if jq -s -e "length == 1 and (.[0] | $2)" "$T/$3.json" >/dev/null 2>&1; then
    echo "ok   - $1"
  else
    echo "FAIL - $1: $2"
    cat "$T/$3.json"
    failures=$((failures + 1))
  fi
}
m() { echo "(.checks[0].measurements[\"$1\"].value)"; }
src() { echo "(.checks[0].measurements[\"$1\"].source)"; }

# vivid's webcam input lists 320x180 up to 3840x2160; the larger the frame, the lower its
# top rate (6.1: 640x360 up to 40 fps, 640x480 up to 25). The recording mode is the
# largest frame listed at >= 30 fps.
expect "discovered: camera ok" '.checks[0].status == "ok"' discovered
expect "discovered: one camera" "$(m camera.count) == 1" discovered
expect "discovered: the largest frame it lists" "[$(m camera.max_width_px), $(m camera.max_height_px)] == [3840, 2160]" discovered
expect "discovered: recording mode 640x360 yuyv422 asked and granted" \
  "[$(m camera.width_px), $(m camera.height_px), $(m camera.pixel_format)] == [640, 360, \"yuyv422\"] and ($(src camera.width_px) | contains(\"asked for 640x360 yuyv422 at 30 fps\"))" discovered
# vivid paces frames by the kernel's clock; the emulated guest keeps up (30.5 fps here;
# a guest starved by parallel tests drops frames, hence the low bound).
expect "discovered: about the 30 fps asked for" "$(m camera.fps) | . > 10 and . < 36" discovered
expect "discovered: a lit, moving test pattern" \
  "($(m camera.mean_luma) > 40) and $(m camera.dark_frame_ratio) == 0 and $(m camera.frozen_frame_ratio) < 0.5" discovered
expect "black: ok, near-black share > 0.9" '.checks[0].status == "ok"'" and $(m camera.dark_frame_ratio) > 0.9" black
expect "black: mean luma at video black" "$(m camera.mean_luma) < 28" black
expect "frozen: frozen share > 0.9, not dark" "$(m camera.frozen_frame_ratio) > 0.9 and $(m camera.dark_frame_ratio) == 0" frozen
expect "unplugged: an error, not a hang or a silent ok" \
  '.checks[0].status == "error" and (.checks[0].message | test("stopped after|No such device|cannot open"))' unplugged
expect "busy: error naming ffmpeg" \
  '.checks[0].status == "error" and (.checks[0].message | startswith("busy: held by ffmpeg"))' busy
expect "busy: held_by lists it" "$(m camera.held_by) | length == 1 and (.[0] | startswith(\"ffmpeg\"))" busy
expect "busy: not opened" "$(m camera.opened) == false" busy
expect "denied: status denied" '.checks[0].status == "denied"' denied
expect "denied: still discovered, its output and VBI nodes not (udev says which is which)" "$(m camera.count) == 1" denied

if ((failures > 0)); then
  echo "--- guest console ---"
  tail -n 80 "$T/console.log"
fi
echo "$failures failure(s)"
exit $((failures > 0))
