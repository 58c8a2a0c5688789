// Signal analysis behind audio_analysis.h.
#include "core/analysis/audio_analysis.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace examready::core {

double amplitude_to_dbfs(double amplitude) {
  if (!(amplitude > 0)) return kSilenceDbfs;
  return std::max(kSilenceDbfs, 20.0 * std::log10(amplitude));
}

AudioLevels analyze_levels(std::span<const float> samples, int sample_rate_hz) {
  AudioLevels levels;
  levels.samples = static_cast<std::int64_t>(samples.size());
  if (samples.empty()) return levels;
  double sum_squares = 0;
  double peak = 0;
  std::int64_t clipped = 0;
  for (float s : samples) {
    const double a = std::fabs(static_cast<double>(s));
    sum_squares += a * a;
    peak = std::max(peak, a);
    if (a >= kClipLevel) ++clipped;
    if (s != 0.0f) levels.digital_silence = false;
  }
  const double n = static_cast<double>(samples.size());
  levels.rms_dbfs = amplitude_to_dbfs(std::sqrt(sum_squares / n));
  levels.peak_dbfs = amplitude_to_dbfs(peak);
  levels.clipping_ratio = static_cast<double>(clipped) / n;

  const std::size_t window =
      std::max<std::size_t>(1, static_cast<std::size_t>(sample_rate_hz) / 20);
  std::vector<double> window_power;
  for (std::size_t start = 0; start + window <= samples.size(); start += window) {
    double power = 0;
    for (std::size_t i = start; i < start + window; ++i) power += double(samples[i]) * samples[i];
    window_power.push_back(power / static_cast<double>(window));
  }
  if (window_power.empty()) window_power.push_back(sum_squares / n);  // shorter than 50 ms
  std::sort(window_power.begin(), window_power.end());
  const std::size_t quiet = std::max<std::size_t>(1, window_power.size() / 10);
  double quiet_power = 0;
  for (std::size_t i = 0; i < quiet; ++i) quiet_power += window_power[i];
  levels.noise_floor_dbfs = amplitude_to_dbfs(std::sqrt(quiet_power / static_cast<double>(quiet)));
  return levels;
}

double goertzel_amplitude(std::span<const float> samples, double frequency_hz, int sample_rate_hz) {
  if (samples.empty() || sample_rate_hz <= 0) return 0;
  const double omega = 2.0 * std::numbers::pi * frequency_hz / sample_rate_hz;
  const double coeff = 2.0 * std::cos(omega);
  double s1 = 0, s2 = 0;
  for (float x : samples) {
    const double s0 = x + coeff * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  const double power = std::max(0.0, s1 * s1 + s2 * s2 - coeff * s1 * s2);
  return 2.0 * std::sqrt(power) / static_cast<double>(samples.size());
}

ToneDetection detect_tone(std::span<const float> samples, double frequency_hz, int sample_rate_hz,
                          double window_seconds) {
  ToneDetection best;
  const auto window = static_cast<std::size_t>(window_seconds * sample_rate_hz);
  if (window == 0 || samples.size() < window) return best;
  double best_amplitude = -1;
  double best_neighbour = 0;
  for (std::size_t start = 0; start + window <= samples.size(); start += window / 2) {
    const auto part = samples.subspan(start, window);
    const double amplitude = goertzel_amplitude(part, frequency_hz, sample_rate_hz);
    if (amplitude <= best_amplitude) continue;
    best_amplitude = amplitude;
    best_neighbour = std::max(goertzel_amplitude(part, frequency_hz * 0.7, sample_rate_hz),
                              goertzel_amplitude(part, frequency_hz * 1.4, sample_rate_hz));
  }
  // RMS of a sine is amplitude / sqrt(2): report the tone as a level like rms_dbfs.
  best.tone_dbfs = amplitude_to_dbfs(best_amplitude / std::numbers::sqrt2);
  best.neighbour_dbfs = amplitude_to_dbfs(best_neighbour / std::numbers::sqrt2);
  best.detected =
      best.tone_dbfs > kToneMinDbfs && best.tone_dbfs - best.neighbour_dbfs >= kToneMarginDb;
  return best;
}

std::vector<float> make_tone(double frequency_hz, double amplitude, double seconds,
                             int sample_rate_hz) {
  const auto n = static_cast<std::size_t>(seconds * sample_rate_hz);
  const auto edge = std::min(n / 2, static_cast<std::size_t>(0.01 * sample_rate_hz));
  std::vector<float> tone(n);
  for (std::size_t i = 0; i < n; ++i) {
    double gain = 1.0;
    const std::size_t from_edge = std::min(i, n - 1 - i);
    if (from_edge < edge)
      gain = 0.5 - 0.5 * std::cos(std::numbers::pi * static_cast<double>(from_edge) / edge);
    tone[i] = static_cast<float>(
        amplitude * gain *
        std::sin(2.0 * std::numbers::pi * frequency_hz * static_cast<double>(i) / sample_rate_hz));
  }
  return tone;
}

}  // namespace examready::core
