#!/usr/bin/env bash
# Microphone, speaker and the whole media phase through the real CLI, against a private
# PulseAudio whose default source is a null sink's monitor (RECIPES.md §1): what paplay
# plays into the sink is what the microphone hears, so levels are known exactly.
# Usage: pulse_tests.sh path/to/examready
set -euo pipefail
EXAMREADY=$(realpath "$1")
T=$(mktemp -d /tmp/examready-pa.XXXXXX)
PA_PID=""
PLAY_PID=""
cleanup() {
  [[ -n "$PLAY_PID" ]] && kill "$PLAY_PID" 2>/dev/null && wait "$PLAY_PID" 2>/dev/null
  stop_pulse
  rm -rf "$T"
}
trap cleanup EXIT
source "$(dirname "$0")/pulse_env.sh"
start_pulse "$T"

sox -n -r 48000 -c 2 "$T/tone.wav" synth 6 sine 440 vol 0.5
sox -n -r 48000 -c 2 "$T/clipped.wav" synth 6 sine 440 vol 1.6 2>/dev/null  # sox clips: its warning says so

source "$(dirname "$0")/../support/expect_json.sh"
m() { echo "(.checks[] | select(.name == \"$1\") | .measurements[\"$2\"].value)"; }
# Plays a file into the sink and waits until the server has the stream.
play() {
  paplay "$1" & PLAY_PID=$!
  for _ in $(seq 100); do [[ -n "$(pactl list short sink-inputs)" ]] && break; sleep 0.02; done
}
stop_play() { kill "$PLAY_PID" 2>/dev/null; wait "$PLAY_PID" 2>/dev/null || true; PLAY_PID=""; }
check() { "$EXAMREADY" check --json "$@" >"$T/out.json" || true; }

# 1. Nothing plays: the monitor delivers exact zeros.
check --only microphone
expect_json "silence: microphone ok" '.checks[0].status == "ok"' "$T/out.json"
expect_json "silence: digital_silence" "$(m microphone microphone.digital_silence) == true" "$T/out.json"
expect_json "silence: peak at the floor" "$(m microphone microphone.peak_dbfs) == -120" "$T/out.json"
expect_json "silence: nobody else records" "$(m microphone microphone.held_by) == []" "$T/out.json"
expect_json "silence: a monitor is no microphone to list" "$(m microphone microphone.devices) == []" "$T/out.json"

# 2. A 0.5-amplitude sine: RMS 0.354 = -9.03 dBFS, peak -6.02 dBFS, no clipping.
play "$T/tone.wav"
check --only microphone
stop_play
expect_json "tone: rms -9 dBFS" "$(m microphone microphone.rms_dbfs) | . > -9.6 and . < -8.5" "$T/out.json"
expect_json "tone: peak -6 dBFS" "$(m microphone microphone.peak_dbfs) | . > -6.5 and . < -5.5" "$T/out.json"
expect_json "tone: no clipping" "$(m microphone microphone.clipping_ratio) == 0" "$T/out.json"
expect_json "tone: not silent" "$(m microphone microphone.digital_silence) == false" "$T/out.json"
expect_json "tone: 48 kHz" "$(m microphone microphone.sample_rate_hz) == 48000" "$T/out.json"
expect_json "tone: noise floor of a steady tone is the tone" "$(m microphone microphone.noise_floor_dbfs) | . > -10 and . < -8.5" "$T/out.json"

# 3. A clipped source.
play "$T/clipped.wav"
check --only microphone
stop_play
expect_json "clipped: clipping ratio > 0" "$(m microphone microphone.clipping_ratio) > 0.1" "$T/out.json"
expect_json "clipped: peak at full scale" "$(m microphone microphone.peak_dbfs) > -0.1" "$T/out.json"

# 4. The speaker's tone comes back through the monitor: detected at its played level.
check --only speaker
expect_json "speaker: ok" '.checks[0].status == "ok"' "$T/out.json"
expect_json "speaker: played" "$(m speaker speaker.played) == true" "$T/out.json"
expect_json "speaker: detected" "$(m speaker speaker.detected) == true" "$T/out.json"
expect_json "speaker: tone -9 dBFS" "$(m speaker speaker.tone_dbfs) | . > -10.5 and . < -8" "$T/out.json"

# 5. The whole media phase through the CLI, timed, with its peak memory.
/usr/bin/time -f "%e %M" -o "$T/time.txt" "$EXAMREADY" check --json \
  --only camera,microphone,speaker,encoder --camera-source lavfi:testsrc2=size=1280x720:rate=30 \
  >"$T/all.json" || true
read -r wall_s rss_kb < <(tail -n 1 "$T/time.txt")  # after "Command exited with…" if any
echo "media phase: wall ${wall_s} s, peak RSS $((rss_kb / 1024)) MiB"
jq -c '.checks[] | {name, status, duration_ms: (.duration_ms | floor)}' "$T/all.json"
F="$T/all.json"
expect_json "all four ok" '[.checks[].status] == ["ok", "ok", "ok", "ok"]' "$F"
expect_json "camera 1280x720" "[$(m camera camera.width_px), $(m camera camera.height_px)] == [1280, 720]" "$F"
expect_json "camera ~30 fps" "$(m camera camera.fps) | . > 27 and . < 33" "$F"
expect_json "camera opened, yuv420p" "[$(m camera camera.opened), $(m camera camera.pixel_format)] == [true, \"yuv420p\"]" "$F"
expect_json "camera luma plausible" "$(m camera camera.mean_luma) | . > 60 and . < 200" "$F"
expect_json "camera not dark, not frozen" "[$(m camera camera.dark_frame_ratio), $(m camera camera.frozen_frame_ratio)] == [0, 0]" "$F"
expect_json "camera best = source size" "[$(m camera camera.max_width_px), $(m camera camera.max_height_px)] == [1280, 720]" "$F"
expect_json "microphone silent sink" "[$(m microphone microphone.opened), $(m microphone microphone.digital_silence)] == [true, true]" "$F"
expect_json "microphone levels" "[$(m microphone microphone.rms_dbfs), $(m microphone microphone.noise_floor_dbfs), $(m microphone microphone.clipping_ratio)] == [-120, -120, 0]" "$F"
expect_json "speaker detected" "[$(m speaker speaker.played), $(m speaker speaker.detected)] == [true, true]" "$F"
expect_json "encoder libx264" "$(m encoder encoder.name) == \"libx264\" and ($(m encoder encoder.available) | index(\"libx264\") != null)" "$F"
expect_json "encoder fps" "($(m encoder encoder.fps_1080p) > 5) and ($(m encoder encoder.fps_720p) > $(m encoder encoder.fps_1080p))" "$F"
expect_json "encoder realtime factor" "$(m encoder encoder.realtime_factor_720p) == ($(m encoder encoder.fps_720p) / 30)" "$F"
expect_json "encoder bitrate 2-30 Mbit/s" "$(m encoder encoder.bitrate_bps) | . > 2e6 and . < 3e7" "$F"
expect_json "encoder cpu time" "$(m encoder encoder.cpu_seconds) > 0.1" "$F"
expect_json "report is valid JSON with schema" '.schema == "examready.report/1"' "$F"

# 6. No sound server: microphone and speaker have no device, camera and encoder still run.
PULSE_SERVER=unix:$T/absent check --only microphone,speaker
expect_json "no audio: unsupported" '[.checks[].status] == ["unsupported", "unsupported"]' "$T/out.json"

# 7. --mic by name: SDL 2.26 lists a monitor only with SDL_AUDIO_INCLUDE_MONITORS=1.
SDL_AUDIO_INCLUDE_MONITORS=1 check --only microphone --mic "Monitor of TestSink"
expect_json "named mic: ok" '.checks[0].status == "ok"' "$T/out.json"
expect_json "named mic: listed" "$(m microphone microphone.device_count) >= 1" "$T/out.json"
expect_json "named mic: not external" "$(m microphone microphone.external) == false" "$T/out.json"
check --only microphone --mic "No Such Microphone"
expect_json "unknown mic: error naming it" '.checks[0].status == "error" and (.checks[0].message | contains("No Such Microphone"))' "$T/out.json"

# 8. A camera that never delivers (a FIFO nobody writes: open(2) blocks) ends as the
# runner's timeout, and the probe itself returns promptly.
mkfifo "$T/stuck"
start=$(date +%s%N)
"$EXAMREADY" check --json --only camera --camera-source "$T/stuck" --deadline-scale 0.25 >"$T/out.json" || true
elapsed_ms=$((($(date +%s%N) - start) / 1000000))
expect_json "hung camera: timeout" '.checks[0].status == "timeout"' "$T/out.json"
if ((elapsed_ms < 5000)); then echo "ok   - hung camera: probe returned in ${elapsed_ms} ms"; else
  echo "FAIL - hung camera: probe took ${elapsed_ms} ms"; failures=$((failures + 1)); fi
# The media helper stuck in open(2) must not outlive the check (it would hold a real camera).
for _ in $(seq 50); do pgrep -f "examready-media camera .*$T/stuck" >/dev/null || break; sleep 0.05; done
if pgrep -f "examready-media camera .*$T/stuck" >/dev/null; then
  echo "FAIL - hung camera: the media helper outlived the check"; failures=$((failures + 1))
  pkill -f "examready-media camera .*$T/stuck" || true
else echo "ok   - hung camera: no helper left behind"; fi

# 9. What the sound server says about a device decides, not its name: a source the server
# describes as a USB headset's microphone, under a name that says nothing; an output it
# describes as a Bluetooth headset. The report quotes the server's facts, not the name.
src() { echo "(.checks[] | select(.name == \"$1\") | .measurements[\"$2\"].source)"; }
check --only microphone
expect_json "monitor: not external, says why" "$(src microphone microphone.external) == \"OS: monitor of an output device\"" "$T/out.json"
pactl load-module module-remap-source master=testsink.monitor source_name=studio \
  "source_properties='device.description=StudioCapture device.bus=usb device.form_factor=headset'" >/dev/null
pactl load-module module-null-sink sink_name=phones \
  "sink_properties='device.description=Sink2 device.bus=bluetooth device.form_factor=headset'" >/dev/null
pactl set-default-source studio
pactl set-default-sink phones
check --only microphone,speaker
expect_json "OS usb headset: external" "$(m microphone microphone.external) == true" "$T/out.json"
expect_json "OS usb headset: the server's facts" "$(src microphone microphone.external) == \"OS: device.bus=usb, device.form_factor=headset\"" "$T/out.json"
expect_json "OS: one external capture device" "$(m microphone microphone.external_device_count) == 1" "$T/out.json"
expect_json "OS: the devices listed, the monitors not" "$(m microphone microphone.devices) == [\"StudioCapture (external, default)\"]" "$T/out.json"
expect_json "OS bluetooth output: route" "$(m speaker speaker.output_route) == \"bluetooth\"" "$T/out.json"
# Another program records from that microphone, as a call app in the background would.
parec -d studio >/dev/null & REC_PID=$!
for _ in $(seq 100); do [[ -n "$(pactl list short source-outputs)" ]] && break; sleep 0.02; done
check --only microphone
kill "$REC_PID"; wait "$REC_PID" 2>/dev/null || true
expect_json "another recorder: named with its pid" "$(m microphone microphone.held_by) == [\"pacat (pid $REC_PID)\"]" "$T/out.json"
pactl set-default-source testsink.monitor
pactl set-default-sink testsink
check --only microphone,speaker
expect_json "back on the monitor: not external" "$(m microphone microphone.external) == false" "$T/out.json"
expect_json "null sink: no route said" "$(m speaker speaker.output_route) == null" "$T/out.json"

echo "$failures failure(s)"
exit $((failures > 0))
