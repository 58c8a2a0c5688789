// Pure media analysis in the core: frame statistics, audio levels, tone detection.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "core/analysis/audio_analysis.h"
#include "core/analysis/frame_stats.h"

using namespace examready::core;

namespace {

LumaPlane plane_of(const std::vector<std::uint8_t>& bytes, int width, int height) {
  return {bytes, width, height, width};
}

}  // namespace

TEST_CASE("frame stats: mean luma, dark and frozen ratios") {
  const int w = 8, h = 4;
  std::vector<std::uint8_t> black(w * h, 16), grey(w * h, 128), grey2(w * h, 128);
  grey2[4] = 129;  // one (sampled) pixel of sensor noise is enough to be a different frame
  FrameStatsAccumulator acc;
  acc.add(plane_of(grey, w, h));
  acc.add(plane_of(grey, w, h));  // frozen
  acc.add(plane_of(grey2, w, h));
  acc.add(plane_of(black, w, h));  // dark
  acc.add(plane_of(black, w, h));  // dark and frozen
  const FrameStats s = acc.result();
  CHECK(s.frames == 5);
  CHECK(s.mean_luma == Approx((128 * 3 + 16 * 2 + 1.0 / 8) / 5));  // 8 of the 32 pixels sampled
  CHECK(s.dark_frame_ratio == Approx(0.4));
  CHECK(s.frozen_frame_ratio == Approx(0.5));  // 2 of the 4 frames that have a predecessor
}

TEST_CASE("frame stats: stride padding is not part of the image") {
  // 4x2 image in rows of 6 bytes: the padding differs between frames, the pixels do not.
  std::vector<std::uint8_t> a = {50, 50, 50, 50, 1, 2, 50, 50, 50, 50, 3, 4};
  std::vector<std::uint8_t> b = {50, 50, 50, 50, 9, 9, 50, 50, 50, 50, 9, 9};
  FrameStatsAccumulator acc;
  acc.add({a, 4, 2, 6});
  acc.add({b, 4, 2, 6});
  CHECK(acc.result().mean_luma == Approx(50));
  CHECK(acc.result().frozen_frame_ratio == Approx(1.0));
  CHECK(mean_luma({a, 4, 3, 6}) == 0);  // claims more rows than the bytes hold: rejected
}

TEST_CASE("audio levels of a 0.5 sine: RMS 0.354 = -9 dBFS, peak -6 dBFS") {
  const int rate = 48000;
  const std::vector<float> tone = make_tone(440, 0.5, 2.0, rate);
  const AudioLevels levels = analyze_levels(tone, rate);
  CHECK(levels.rms_dbfs == Approx(20 * std::log10(0.5 / std::sqrt(2.0))).margin(0.05));
  CHECK(levels.peak_dbfs == Approx(-6.02).margin(0.05));
  CHECK(levels.clipping_ratio == 0);
  CHECK_FALSE(levels.digital_silence);
  CHECK(levels.noise_floor_dbfs < levels.rms_dbfs);  // the faded edges are the quietest windows
}

TEST_CASE("audio levels: digital silence, clipping and the noise floor") {
  const int rate = 16000;
  std::vector<float> silence(rate, 0.0f);
  AudioLevels levels = analyze_levels(silence, rate);
  CHECK(levels.digital_silence);
  CHECK(levels.rms_dbfs == kSilenceDbfs);
  CHECK(levels.peak_dbfs == kSilenceDbfs);

  std::vector<float> clipped = make_tone(440, 1.6, 1.0, rate);
  for (float& s : clipped) s = std::clamp(s, -1.0f, 1.0f);
  levels = analyze_levels(clipped, rate);
  CHECK(levels.clipping_ratio > 0.3);
  CHECK(levels.peak_dbfs == Approx(0).margin(0.01));

  // 1.8 s of speech-level noise with 0.2 s of quiet room noise: the floor is the quiet part.
  std::mt19937 rng(7);
  std::normal_distribution<float> loud(0, 0.1f), quiet(0, 0.001f);
  std::vector<float> mixed;
  for (int i = 0; i < rate * 18 / 10; ++i) mixed.push_back(loud(rng));
  for (int i = 0; i < rate * 2 / 10; ++i) mixed.push_back(quiet(rng));
  levels = analyze_levels(mixed, rate);
  CHECK(levels.noise_floor_dbfs == Approx(-60).margin(1.5));
  CHECK(levels.rms_dbfs == Approx(-20.5).margin(1.0));
  CHECK(analyze_levels({}, rate).samples == 0);
}

TEST_CASE("goertzel measures a tone's amplitude and detect_tone finds it in noise") {
  const int rate = 48000;
  const std::vector<float> tone = make_tone(1000, 0.25, 0.5, rate);
  CHECK(goertzel_amplitude(std::span(tone).subspan(4800, 4800), 1000, rate) ==
        Approx(0.25).epsilon(0.02));
  CHECK(goertzel_amplitude(std::span(tone).subspan(4800, 4800), 700, rate) < 0.01);

  std::mt19937 rng(1);
  std::normal_distribution<float> noise(0, 0.05f);
  std::vector<float> recording(rate, 0.0f);
  for (float& s : recording) s = noise(rng);
  const ToneDetection in_noise = detect_tone(recording, 1000, rate);
  CHECK_FALSE(in_noise.detected);
  for (std::size_t i = 0; i < tone.size(); ++i) recording[12000 + i] += tone[i];
  const ToneDetection found = detect_tone(recording, 1000, rate);
  CHECK(found.detected);
  CHECK(found.tone_dbfs == Approx(amplitude_to_dbfs(0.25 / std::sqrt(2.0))).margin(1.0));

  std::vector<float> silence(rate, 0.0f);
  CHECK_FALSE(detect_tone(silence, 1000, rate).detected);
  CHECK_FALSE(
      detect_tone(std::span(silence).first(100), 1000, rate).detected);  // shorter than a window
}
