// The `microphone` check: SDL2 capture (platform/media/sdl_audio) + audio_analysis.
#include "probe/microphone.h"

#include <fmt/format.h>
#include <unistd.h>

#include "platform/media/sdl_audio.h"
#include "probe/audio_analysis.h"
#include "probe/audio_device_kind.h"

namespace examready::probe {

Outcome run_microphone_check(CheckContext& ctx) {
  if (ctx.options().transport != Transport::kLocal) {
    return Outcome::unsupported("microphone is checked on the phone itself");
  }
  std::string error;
  auto session = platform::SdlAudioSession::start(error);
  if (!session) return Outcome::unsupported("no audio system: " + error);
  const std::vector<std::string> devices = session->devices(true);
  ctx.emit(MetricId::kMicrophoneDeviceCount, static_cast<std::int64_t>(devices.size()),
           "sdl:" + session->driver());

  const std::string& wanted = ctx.options().microphone_name;
  auto capture = platform::AudioCapture::open(*session, wanted, error);
  if (!capture) {
    ctx.emit(MetricId::kMicrophoneOpened, false, "sdl");
    if (wanted.empty() && devices.empty()) return Outcome::unsupported("no microphone: " + error);
    return Outcome::error(fmt::format("cannot open {}: {}",
                                      wanted.empty() ? "the default microphone" : wanted, error));
  }
  // The OS says whether it is a headset or USB microphone (bus, form factor, port); the
  // name is the fallback. SDL knows the default's name only from 2.24 on, and then only
  // where the backend tells it.
  const std::optional<std::string> chosen = wanted.empty() ? std::nullopt : std::optional(wanted);
  std::string os_error;
  const auto os_devices = platform::query_os_audio_devices(kOsAudioQueryTimeout, os_error);
  if (os_devices) {
    const std::string server = "OS: " + os_devices->server;
    ctx.emit(MetricId::kMicrophoneExternalDeviceCount,
             std::int64_t{count_external_capture(os_devices->capture)}, server);
    ctx.emit(MetricId::kMicrophoneHeldBy, other_microphone_users(os_devices->recorders, ::getpid()),
             server + " recording streams");
  }
  const platform::OsAudioDevice* os_device =
      os_devices ? find_os_device(os_devices->capture, chosen) : nullptr;
  if (auto external = classify_external(os_device, chosen ? chosen : session->default_device(true)))
    ctx.emit(MetricId::kMicrophoneExternal, external->value, external->source);

  if (!capture->wait_for_data(kFirstAudioTimeout)) {
    ctx.emit(MetricId::kMicrophoneOpened, false, "sdl");
    return Outcome::error(
        fmt::format("the microphone delivered no audio within {} ms", kFirstAudioTimeout.count()));
  }
  ctx.progress(0.1);
  const double seconds = ctx.options().capture_seconds;
  std::vector<float> samples;
  samples.reserve(static_cast<std::size_t>(seconds * capture->sample_rate_hz()));
  const auto limit = std::chrono::milliseconds(static_cast<int>(seconds * 1000) + 1000);
  capture->record(seconds, limit, samples);
  const int rate = capture->sample_rate_hz();
  capture.reset();
  ctx.emit(MetricId::kMicrophoneOpened, !samples.empty(), "sdl");
  if (samples.empty()) return Outcome::error("the microphone stopped delivering audio");
  ctx.emit(MetricId::kMicrophoneSampleRateHz, std::int64_t{rate}, "sdl");
  const AudioLevels levels = analyze_levels(samples, rate);
  ctx.emit(MetricId::kMicrophoneRmsDbfs, levels.rms_dbfs, "capture");
  ctx.emit(MetricId::kMicrophonePeakDbfs, levels.peak_dbfs, "capture");
  ctx.emit(MetricId::kMicrophoneClippingRatio, levels.clipping_ratio, "capture");
  ctx.emit(MetricId::kMicrophoneNoiseFloorDbfs, levels.noise_floor_dbfs, "capture");
  ctx.emit(MetricId::kMicrophoneDigitalSilence, levels.digital_silence, "capture");
  const double recorded = static_cast<double>(samples.size()) / rate;
  if (recorded < 0.9 * seconds) {
    return Outcome::error(fmt::format("only {:.2f} s of audio arrived in {:.2f} s", recorded,
                                      limit.count() / 1000.0));
  }
  return Outcome::ok(fmt::format("{:.2f} s at {} Hz", recorded, rate));
}

}  // namespace examready::probe
