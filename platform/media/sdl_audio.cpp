// SDL2 behind the audio classes. Queue-based I/O (SDL_QueueAudio/SDL_DequeueAudio), no
// callbacks, so there is no shared state with SDL's audio thread to lock.
#include "platform/media/sdl_audio.h"

#include <SDL.h>

#include <thread>

namespace examready::platform {
namespace {

using Clock = std::chrono::steady_clock;
constexpr int kPreferredRate = 48000;

SDL_AudioSpec wanted_spec() {
  SDL_AudioSpec want{};
  want.freq = kPreferredRate;
  want.format = AUDIO_F32SYS;
  want.channels = 1;
  want.samples = 1024;
  return want;
}

}  // namespace

std::unique_ptr<SdlAudioSession> SdlAudioSession::start(std::string& error) {
  if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
    error = SDL_GetError();
    return nullptr;
  }
  return std::unique_ptr<SdlAudioSession>(new SdlAudioSession());
}

SdlAudioSession::~SdlAudioSession() { SDL_QuitSubSystem(SDL_INIT_AUDIO); }

std::string SdlAudioSession::driver() const {
  const char* name = SDL_GetCurrentAudioDriver();
  return name ? name : "";
}

std::vector<std::string> SdlAudioSession::devices(bool capture) const {
  std::vector<std::string> names;
  const int count = SDL_GetNumAudioDevices(capture ? 1 : 0);
  for (int i = 0; i < count; ++i) {
    if (const char* name = SDL_GetAudioDeviceName(i, capture ? 1 : 0)) names.emplace_back(name);
  }
  return names;
}

std::optional<std::string> SdlAudioSession::default_device(bool capture) const {
#if SDL_VERSION_ATLEAST(2, 24, 0)
  char* name = nullptr;
  SDL_AudioSpec spec{};
  if (SDL_GetDefaultAudioInfo(&name, &spec, capture ? 1 : 0) == 0 && name) {
    std::string result = name;
    SDL_free(name);
    return result;
  }
#endif
  return std::nullopt;
}

std::unique_ptr<AudioCapture> AudioCapture::open(const SdlAudioSession&, const std::string& device,
                                                 std::string& error) {
  SDL_AudioSpec want = wanted_spec();
  SDL_AudioSpec have{};
  // Accept the device's own rate: the delivered rate is one of the facts we report.
  const SDL_AudioDeviceID id = SDL_OpenAudioDevice(device.empty() ? nullptr : device.c_str(), 1,
                                                   &want, &have, SDL_AUDIO_ALLOW_FREQUENCY_CHANGE);
  if (id == 0) {
    error = SDL_GetError();
    return nullptr;
  }
  SDL_PauseAudioDevice(id, 0);
  return std::unique_ptr<AudioCapture>(new AudioCapture(id, have.freq));
}

AudioCapture::~AudioCapture() { SDL_CloseAudioDevice(id_); }

void AudioCapture::drain(std::vector<float>& out) {
  float buffer[4096];
  for (;;) {
    const Uint32 bytes = SDL_DequeueAudio(id_, buffer, sizeof buffer);
    if (bytes == 0) return;
    out.insert(out.end(), buffer, buffer + bytes / sizeof(float));
  }
}

std::optional<double> AudioCapture::wait_for_data(std::chrono::milliseconds timeout) {
  const auto start = Clock::now();
  std::vector<float> discard;
  while (Clock::now() - start < timeout) {
    drain(discard);
    if (!discard.empty())
      return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return std::nullopt;
}

void AudioCapture::record(double seconds, std::chrono::milliseconds timeout,
                          std::vector<float>& out, const Enough& enough) {
  const auto start = Clock::now();
  auto asked = start;
  const std::size_t wanted = out.size() + static_cast<std::size_t>(seconds * rate_);
  while (out.size() < wanted && Clock::now() - start < timeout) {
    drain(out);
    if (enough && Clock::now() - asked >= std::chrono::milliseconds(50)) {
      asked = Clock::now();
      if (enough(out)) break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (out.size() > wanted) out.resize(wanted);
}

std::unique_ptr<AudioPlayback> AudioPlayback::open(const SdlAudioSession&, std::string& error) {
  SDL_AudioSpec want = wanted_spec();
  SDL_AudioSpec have{};
  const SDL_AudioDeviceID id = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0);
  if (id == 0) {
    error = SDL_GetError();
    return nullptr;
  }
  SDL_PauseAudioDevice(id, 0);
  return std::unique_ptr<AudioPlayback>(new AudioPlayback(id, have.freq));
}

AudioPlayback::~AudioPlayback() { SDL_CloseAudioDevice(id_); }

bool AudioPlayback::play(const std::vector<float>& samples, std::string& error) {
  if (SDL_QueueAudio(id_, samples.data(), static_cast<Uint32>(samples.size() * sizeof(float))) !=
      0) {
    error = SDL_GetError();
    return false;
  }
  return true;
}

double AudioPlayback::queued_seconds() const {
  return static_cast<double>(SDL_GetQueuedAudioSize(id_)) / sizeof(float) / rate_;
}

}  // namespace examready::platform
