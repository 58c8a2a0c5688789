// Image statistics of a capture, computed from luma planes: mean brightness, the share of
// near-black frames (covered lens, dark room) and of frames identical to the previous one
// (a frozen driver repeats its buffer; a live sensor never gives two identical frames).
#pragma once

#include <cstdint>
#include <span>

namespace examready::core {

// A frame's mean luma below this (0-255, video range black is 16) counts as near-black.
inline constexpr double kDarkFrameMeanLuma = 28.0;

// Statistics sample every kLumaSampleStep-th pixel of every kLumaSampleStep-th row.
inline constexpr int kLumaSampleStep = 2;

struct LumaPlane {
  std::span<const std::uint8_t> bytes;  // height rows of `stride` bytes
  int width = 0;
  int height = 0;
  int stride = 0;
};

struct FrameStats {
  std::int64_t frames = 0;
  double mean_luma = 0;           // mean over all frames
  double dark_frame_ratio = 0;    // frames with mean luma < kDarkFrameMeanLuma / frames
  double frozen_frame_ratio = 0;  // frames identical to their predecessor / (frames - 1)
};

class FrameStatsAccumulator {
 public:
  void add(const LumaPlane& plane);
  FrameStats result() const;

 private:
  std::int64_t frames_ = 0;
  std::int64_t dark_ = 0;
  std::int64_t frozen_ = 0;
  double luma_sum_ = 0;
  std::uint64_t previous_hash_ = 0;
  std::int64_t previous_area_ = -1;
};

// Mean luma of one plane (0 for an empty plane).
double mean_luma(const LumaPlane& plane);

}  // namespace examready::core
