// Pure signal analysis for the microphone and speaker checks: levels in dBFS (relative to
// a full-scale amplitude of 1.0, so a 0.5-amplitude sine has an RMS of -9.0 dBFS),
// clipping, noise floor, digital silence, and tone detection.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace examready::core {

// Level reported for digital silence: dBFS of zero is -inf, which a report cannot hold.
inline constexpr double kSilenceDbfs = -120.0;
// |sample| at or above this counts as clipped (int16 full scale is 32767/32768).
inline constexpr double kClipLevel = 0.999;

double amplitude_to_dbfs(double amplitude);  // floored at kSilenceDbfs

struct AudioLevels {
  std::int64_t samples = 0;
  double rms_dbfs = kSilenceDbfs;
  double peak_dbfs = kSilenceDbfs;
  double clipping_ratio = 0;
  // RMS of the quietest 10% of 50 ms windows (room noise between words).
  double noise_floor_dbfs = kSilenceDbfs;
  bool digital_silence = true;  // every sample exactly zero
};

AudioLevels analyze_levels(std::span<const float> samples, int sample_rate_hz);

// Amplitude of the `frequency_hz` component (Goertzel); a sine of amplitude A gives ≈ A.
double goertzel_amplitude(std::span<const float> samples, double frequency_hz, int sample_rate_hz);

struct ToneDetection {
  bool detected = false;
  double tone_dbfs = kSilenceDbfs;       // RMS level of the tone component in the best window
  double neighbour_dbfs = kSilenceDbfs;  // same at the comparison frequencies
};

// Slides a window over a recording and reports the window where the tone is strongest.
// Detected when it stands kToneMarginDb above the neighbouring frequencies (0.7x, 1.4x)
// and above kToneMinDbfs: broadband noise or speech raises both, a tone only its own.
inline constexpr double kToneMarginDb = 15.0;
inline constexpr double kToneMinDbfs = -70.0;
ToneDetection detect_tone(std::span<const float> samples, double frequency_hz, int sample_rate_hz,
                          double window_seconds = 0.1);

// A sine burst with 10 ms raised-cosine edges (no clicks that would spread energy).
std::vector<float> make_tone(double frequency_hz, double amplitude, double seconds,
                             int sample_rate_hz);

}  // namespace examready::core
