// The `microphone` check: SDL2 capture (platform/media/sdl_audio) + audio_analysis.
#include "probe/microphone.h"

#include <fmt/format.h>

#include "platform/media/sdl_audio.h"
#include "platform/process.h"
#include "core/analysis/audio_analysis.h"
#include "probe/audio_device_kind.h"

namespace examready::probe {
namespace {

// What the sound server says: the capture devices, the external ones, who else records, and
// whether the one in use is external (bus, form factor, port). Where it says nothing, the
// names decide; SDL knows the default's name only from 2.24 on, and then only where the
// backend tells it.
void emit_device_facts(CheckContext& ctx, const platform::SdlAudioSession& session,
                       const std::vector<std::string>& sdl_devices, const std::string& wanted) {
  std::string os_error;  // no server to ask: the names decide
  const auto os = ctx.host().audio_devices(kOsAudioQueryTimeout, os_error);
  const std::vector<platform::OsAudioDevice> none;
  const auto& capture = os ? os->capture : none;
  const std::string source = os ? "OS: " + os->server : "sdl:" + session.driver();
  ctx.emit(MetricId::kMicrophoneDevices, describe_capture_devices(capture, sdl_devices), source);
  if (os) {
    ctx.emit(MetricId::kMicrophoneExternalDeviceCount,
             std::int64_t{count_external_capture(capture)}, source);
    ctx.emit(MetricId::kMicrophoneHeldBy, other_microphone_users(os->recorders, platform::current_process_id()),
             source + " recording streams");
  }
  const std::optional<std::string> chosen = wanted.empty() ? std::nullopt : std::optional(wanted);
  const platform::OsAudioDevice* device = find_os_device(capture, chosen);
  if (auto external = classify_external(device, chosen ? chosen : session.default_device(true)))
    ctx.emit(MetricId::kMicrophoneExternal, external->value, external->source);
}

}  // namespace

Outcome run_microphone_check(CheckContext& ctx) {
  std::string error;
  auto session = platform::SdlAudioSession::start(error);
  if (!session) return Outcome::unsupported("no audio system: " + error);
  const std::vector<std::string> devices = session->devices(true);
  ctx.emit(MetricId::kMicrophoneDeviceCount, static_cast<std::int64_t>(devices.size()),
           "sdl:" + session->driver());

  const std::string& wanted = ctx.options().microphone_name;
  emit_device_facts(ctx, *session, devices, wanted);
  auto capture = platform::AudioCapture::open(*session, wanted, error);
  if (!capture) {
    ctx.emit(MetricId::kMicrophoneOpened, false, "sdl");
    if (wanted.empty() && devices.empty()) return Outcome::unsupported("no microphone: " + error);
    return Outcome::error(fmt::format("cannot open {}: {}",
                                      wanted.empty() ? "the default microphone" : wanted, error));
  }
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
  const core::AudioLevels levels = core::analyze_levels(samples, rate);
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
