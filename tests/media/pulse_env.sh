# Sourced: start_pulse DIR starts a private PulseAudio whose default sink is a null sink
# and whose default source is that sink's monitor (RECIPES.md §1); stop_pulse ends it.
# HOME and XDG_RUNTIME_DIR point into DIR: the daemon writes its cookie and state there.
start_pulse() {
  local dir=$1
  export XDG_RUNTIME_DIR=$dir HOME=$dir PULSE_SERVER=unix:$dir/native SDL_AUDIODRIVER=pulseaudio
  cat >"$dir/test.pa" <<PA
load-module module-null-sink sink_name=testsink sink_properties=device.description=TestSink
load-module module-native-protocol-unix socket=$dir/native auth-anonymous=1
set-default-sink testsink
set-default-source testsink.monitor
PA
  pulseaudio -n -F "$dir/test.pa" --daemonize=no --exit-idle-time=-1 --disable-shm=yes \
    --log-level=error >"$dir/pa.log" 2>&1 &
  PA_PID=$!
  for _ in $(seq 100); do pactl info >/dev/null 2>&1 && return 0; sleep 0.05; done
  echo "pulseaudio did not start:" >&2
  cat "$dir/pa.log" >&2
  return 1
}

stop_pulse() {
  if [[ -n "${PA_PID:-}" ]]; then
    kill "$PA_PID" 2>/dev/null
    wait "$PA_PID" 2>/dev/null || true
    PA_PID=""
  fi
}
