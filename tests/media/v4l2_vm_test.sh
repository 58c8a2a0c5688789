#!/usr/bin/env bash
# The camera check on a real V4L2 device: Debian's own kernel booted under QEMU (software
# emulation; this machine has no /dev/video and no kernel modules of its own) with vivid,
# the kernel's virtual webcam driver. It lists frame sizes and frame rates like a USB
# webcam, refuses a second streamer with EBUSY and obeys file permissions, so the V4L2
# paths run for real: discovery, VIDIOC_ENUM_* and the recording mode asked for, capture,
# a covered lens and a stuck picture (vivid's test pattern controls, set with v4l2-ctl), a
# camera held by another program (ffmpeg) named from /proc, a camera the user may not
# open, and one unplugged during the capture. The guest comes from tests/vm/guest.sh.
# Usage: v4l2_vm_test.sh path/to/examready   (KEEP=1 keeps the guest's files; needs what
# guest.sh needs, and udev, v4l-utils, ffmpeg)
set -euo pipefail
source "$(dirname "$0")/../vm/guest.sh"
guest_init "$1"
guest_add_program /usr/bin/ffmpeg
guest_add_program /usr/bin/v4l2-ctl
# udev, as on a desktop: its v4l_id records each node's capabilities when it appears.
guest_add_program /bin/udevadm
mkdir -p "$GUEST_ROOT/usr/lib/systemd"
ln -s /bin/udevadm "$GUEST_ROOT/usr/lib/systemd/systemd-udevd"
guest_add_program /usr/lib/udev/v4l_id
guest_add_file /usr/lib/udev/rules.d/60-persistent-v4l.rules
guest_add_modules vivid

guest_boot "$(cat <<'BODY'
# vivid as it loads by default: one instance with a capture node (input 0: a webcam) and
# output and VBI nodes beside it, as a UVC webcam has a metadata node beside its own.
/usr/lib/systemd/systemd-udevd --daemon --resolve-names=never
udevadm trigger --action=add --subsystem-match=video4linux
udevadm settle --timeout=60
ls -l /dev/video*
grep -H ID_V4L_CAPABILITIES /run/udev/data/c81:*
# Emulation is several times slower than hardware: deadlines scaled, 2 s captures kept.
probe="/opt/examready/examready check --json --only camera --deadline-scale 6"
check discovered "$probe"
# A covered lens: vivid's 100% black pattern, without its text overlay.
v4l2-ctl -d /dev/video0 -c test_pattern=5,osd_text_mode=2
check black "$probe"
# A stuck picture: colour bars, no overlay, no movement (the default): every frame alike.
v4l2-ctl -d /dev/video0 -c test_pattern=0,osd_text_mode=2
check frozen "$probe"
v4l2-ctl -d /dev/video0 -c osd_text_mode=0
# Whether some process holds the camera open (waits below: fixed delays raced the programs'
# start-up in a loaded, emulated guest).
holds_camera() {
  for fd in /proc/[0-9]*/fd/*; do [ "$(readlink "$fd" 2>/dev/null)" = /dev/video0 ] && return 0; done
  return 1
}
# Another program streams from the camera, as a video call would.
# Its complaints go to a file: on the console they would land inside a report.
ffmpeg -nostdin -hide_banner -loglevel error -f v4l2 -i /dev/video0 -f null - 2>/tmp/holder.log &
HOLDER=$!
for i in $(seq 200); do holds_camera && break; sleep 0.1; done
sleep 1  # streaming, not just opened
echo "holder pid $HOLDER"
check busy "$probe"
kill $HOLDER
wait $HOLDER 2>/dev/null
# The cameras belong to root alone, the user is not root.
chmod 600 /dev/video*
check denied "su -s /bin/sh nobody -c '$probe'"
# Unplugged during the capture (vivid's disconnect: every call then fails with ENODEV): a
# second after the probe's helper opened the camera, well inside a capture of 8 s (a loaded
# host slows the guest's clock-paced steps several times).
(for i in $(seq 200); do holds_camera && break; sleep 0.1; done
 sleep 1; v4l2-ctl -d /dev/video0 -c disconnect=1 >/tmp/disconnect.log 2>&1) &
check unplugged "$probe --capture-seconds 8"
BODY
)"

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

guest_finish
