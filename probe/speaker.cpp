// The `speaker` check: SDL2 playback + capture (platform/media/sdl_audio), detection in
// audio_analysis. Capture starts first so the whole tone is inside the recording.
#include "probe/speaker.h"

#include <fmt/format.h>
#include <thread>

#include "platform/media/sdl_audio.h"
#include "core/analysis/audio_analysis.h"
#include "probe/audio_device_kind.h"
#include "probe/microphone.h"

namespace examready::probe {

Outcome run_speaker_check(CheckContext& ctx) {
  std::string error;
  auto session = platform::SdlAudioSession::start(error);
  if (!session) return Outcome::unsupported("no audio system: " + error);
  auto playback = platform::AudioPlayback::open(*session, error);
  if (!playback) {
    if (session->devices(false).empty()) return Outcome::unsupported("no output device: " + error);
    return Outcome::error("cannot open the output device: " + error);
  }
  // SDL opens the OS's default output; the OS says what it is, its name is the fallback.
  std::string os_error;
  const auto os_devices = ctx.host().audio_devices(kOsAudioQueryTimeout, os_error);
  const platform::OsAudioDevice* os_device =
      os_devices ? find_os_device(os_devices->playback, std::nullopt) : nullptr;
  if (auto route = classify_output_route(os_device, session->default_device(false)))
    ctx.emit(MetricId::kSpeakerOutputRoute, route->value, route->source);
  const int rate = playback->sample_rate_hz();
  const std::vector<float> tone =
      core::make_tone(kSpeakerToneHz, kSpeakerToneAmplitude, kSpeakerToneSeconds, rate);

  std::string capture_error;
  auto capture =
      platform::AudioCapture::open(*session, ctx.options().microphone_name, capture_error);
  if (capture && !capture->wait_for_data(kFirstAudioTimeout)) {
    capture.reset();
    capture_error = "the microphone delivered no audio";
  }
  ctx.progress(0.3);
  if (!playback->play(tone, error)) {
    ctx.emit(MetricId::kSpeakerPlayed, false, "sdl");
    return Outcome::error("cannot play the test tone: " + error);
  }
  // At most the tone plus output and input latency (PulseAudio: tens of ms; Bluetooth: ~200
  // ms); once the tone is heard, 150 ms more (a whole detection window inside it) is enough,
  // which ends the check about half a second sooner than the worst case.
  const double listen_seconds = kSpeakerToneSeconds + 0.5;
  std::vector<float> recorded;
  std::optional<std::size_t> heard_at;  // samples recorded when the tone was first heard
  if (capture) {
    const int capture_rate = capture->sample_rate_hz();
    auto heard_enough = [&](const std::vector<float>& so_far) {
      if (!heard_at) {
        if (core::detect_tone(so_far, kSpeakerToneHz, capture_rate).detected) heard_at = so_far.size();
        return false;
      }
      return so_far.size() >= *heard_at + static_cast<std::size_t>(0.15 * capture_rate);
    };
    capture->record(listen_seconds,
                    std::chrono::milliseconds(static_cast<int>(listen_seconds * 1000) + 1000),
                    recorded, heard_enough);
  } else {
    std::this_thread::sleep_for(std::chrono::duration<double>(kSpeakerToneSeconds + 0.05));
  }
  // Played means the microphone heard it, or the device consumed the queued tone (a stalled
  // device keeps it queued).
  const bool played = heard_at.has_value() || playback->queued_seconds() < kSpeakerToneSeconds / 2;
  ctx.emit(MetricId::kSpeakerPlayed, played, "sdl");
  if (!capture) return Outcome::ok("tone played; no microphone to hear it (" + capture_error + ")");

  const core::ToneDetection detection = core::detect_tone(recorded, kSpeakerToneHz, capture->sample_rate_hz());
  ctx.emit(MetricId::kSpeakerDetected, detection.detected, "goertzel");
  ctx.emit(MetricId::kSpeakerToneDbfs, detection.tone_dbfs, "goertzel");
  return Outcome::ok(fmt::format("{:.0f} Hz tone at {:.1f} dBFS, neighbours {:.1f} dBFS",
                                 kSpeakerToneHz, detection.tone_dbfs, detection.neighbour_dbfs));
}

}  // namespace examready::probe
