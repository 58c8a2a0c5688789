#!/usr/bin/env bash
# Microphone and speaker on a real kernel sound driver with no sound server, as on a PC
# without PulseAudio or PipeWire: Debian's kernel under QEMU (tests/vm/guest.sh) with
# snd-aloop, the kernel's loopback sound card. What is played on its playback side is
# captured on its capture side, so ALSA's default device is set to play to one and record
# from the other: a tone played into it is what the microphone hears, and the speaker
# check hears its own tone. SDL has to find ALSA by itself (its PulseAudio backend finds
# no server), and the device facts fall back to ALSA's names.
# Usage: alsa_vm_test.sh path/to/examready   (KEEP=1 keeps the guest's files; needs what
# guest.sh needs, and ffmpeg, sox)
set -euo pipefail
source "$(dirname "$0")/../vm/guest.sh"
guest_init "$1"
guest_add_program /usr/bin/ffmpeg
guest_add_library /usr/lib/x86_64-linux-gnu/libasound.so.2  # SDL loads it at run time
guest_add_file /usr/share/alsa
# ALSA's default device: played sound goes into the loopback, recording comes out of it.
cat >"$GUEST_ROOT/etc/asound.conf" <<'ASOUND'
pcm.!default {
  type asym
  playback.pcm "plughw:Loopback,0,0"
  capture.pcm "plughw:Loopback,1,0"
}
ctl.!default {
  type hw
  card Loopback
}
ASOUND
guest_add_modules snd-aloop
# The tone is made here: generating it in the emulated guest could not keep pace, and an
# underrun feeds the loopback zeros. From a file, the player fills ALSA's buffer ahead.
sox -n -r 48000 -c 1 -b 16 "$GUEST_ROOT/opt/tone.wav" synth 10 sine 440 vol 0.5

guest_boot "$(cat <<'BODY'
cat /proc/asound/cards
probe="/opt/examready/examready check --json --deadline-scale 6 --only"
# Nothing plays: the loopback delivers exact zeros.
check silence "$probe microphone"
# A 0.5-amplitude 440 Hz sine into the loopback: RMS -9.03 dBFS, peak -6.02 dBFS.
ffmpeg -nostdin -loglevel error -i /opt/tone.wav -f alsa default 2>/tmp/player.log &
PLAYER=$!
# Until ALSA says the loopback plays (the emulated player takes seconds to start under load).
for _ in $(seq 300); do grep -q RUNNING /proc/asound/Loopback/pcm0p/sub0/status && break; sleep 0.1; done
check tone "$probe microphone"
kill $PLAYER
wait $PLAYER 2>/dev/null
# The speaker's tone, played on the default output, comes back on the default input.
check speaker "$probe speaker"
BODY
)"

expect "silence: microphone ok through SDL's ALSA backend" \
  ".checks[0].status == \"ok\" and $(src microphone.device_count) == \"sdl:alsa\"" silence
expect "silence: digital silence" "$(m microphone.digital_silence) == true" silence
expect "silence: no sound server, devices listed by ALSA's names" \
  "($(m microphone.devices) | length >= 1) and $(src microphone.devices) == \"sdl:alsa\"" silence
expect "silence: no sound server, nobody else's recording claimed" "$(m microphone.held_by) == null" silence
expect "tone: rms -9 dBFS" "$(m microphone.rms_dbfs) | . > -9.6 and . < -8.5" tone
expect "tone: peak -6 dBFS" "$(m microphone.peak_dbfs) | . > -6.5 and . < -5.5" tone
expect "tone: not silent, no clipping" "$(m microphone.digital_silence) == false and $(m microphone.clipping_ratio) == 0" tone
expect "speaker: played and heard" "[$(m speaker.played), $(m speaker.detected)] == [true, true]" speaker
expect "speaker: tone -9 dBFS" "$(m speaker.tone_dbfs) | . > -10.5 and . < -8" speaker
guest_finish
