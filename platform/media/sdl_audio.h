// Audio capture and playback through SDL2 (PulseAudio/PipeWire/ALSA on Linux, CoreAudio,
// WASAPI elsewhere): mono float samples in, mono float samples out.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace examready::platform {

// Holds SDL's audio subsystem for its lifetime (the checks run in forked children, so
// SDL is initialised inside each check and shut down when it ends).
class SdlAudioSession {
 public:
  // nullptr with `error` set when no audio driver can start (no sound server, no card).
  static std::unique_ptr<SdlAudioSession> start(std::string& error);
  ~SdlAudioSession();
  SdlAudioSession(const SdlAudioSession&) = delete;
  SdlAudioSession& operator=(const SdlAudioSession&) = delete;

  std::string driver() const;
  std::vector<std::string> devices(bool capture) const;
  // The name of the system's default device, where SDL can tell (SDL >= 2.24).
  std::optional<std::string> default_device(bool capture) const;

 private:
  SdlAudioSession() = default;
};

struct CaptureResult {
  std::vector<float> samples;  // mono, [-1, 1]
  int sample_rate_hz = 0;
  double first_data_ms = 0;  // from opening to the first buffer
};

class AudioCapture {
 public:
  // `device` empty: the system default input. nullptr with `error` on failure.
  static std::unique_ptr<AudioCapture> open(const SdlAudioSession& session,
                                            const std::string& device, std::string& error);
  ~AudioCapture();
  AudioCapture(const AudioCapture&) = delete;
  AudioCapture& operator=(const AudioCapture&) = delete;

  int sample_rate_hz() const { return rate_; }
  // Waits for the first buffer (an idle PulseAudio null sink takes up to 2 s), discards
  // it and returns the time it took; nullopt when nothing arrived within `timeout`.
  std::optional<double> wait_for_data(std::chrono::milliseconds timeout);
  // Appends samples as they arrive until `seconds` of audio or `timeout` has passed, or until
  // `enough` (asked about every 50 ms with everything recorded so far) says so.
  using Enough = std::function<bool(const std::vector<float>&)>;
  void record(double seconds, std::chrono::milliseconds timeout, std::vector<float>& out,
              const Enough& enough = {});

 private:
  AudioCapture(unsigned id, int rate) : id_(id), rate_(rate) {}
  void drain(std::vector<float>& out);
  unsigned id_;
  int rate_;
};

class AudioPlayback {
 public:
  static std::unique_ptr<AudioPlayback> open(const SdlAudioSession& session, std::string& error);
  ~AudioPlayback();
  AudioPlayback(const AudioPlayback&) = delete;
  AudioPlayback& operator=(const AudioPlayback&) = delete;

  int sample_rate_hz() const { return rate_; }
  // Queues mono samples; playback starts at once.
  bool play(const std::vector<float>& samples, std::string& error);
  // Seconds of audio still queued.
  double queued_seconds() const;

 private:
  AudioPlayback(unsigned id, int rate) : id_(id), rate_(rate) {}
  unsigned id_;
  int rate_;
};

}  // namespace examready::platform
