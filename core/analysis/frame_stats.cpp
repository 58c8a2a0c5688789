// FrameStatsAccumulator: one pass over each luma plane (sum and hash together).
#include "core/analysis/frame_stats.h"

namespace examready::core {
namespace {

struct PlaneSummary {
  double mean = 0;
  std::uint64_t hash = 0;
};

// Every second pixel of every second row: a quarter of the work (the capture must keep up
// with 30 fps on a weak laptop), still exact for repeats (the frozen case), and any
// sensor noise at all makes the hashes differ. FNV-1a.
PlaneSummary summarise(const LumaPlane& plane) {
  std::uint64_t hash = 1469598103934665603ull;
  std::uint64_t sum = 0;
  std::uint64_t count = 0;
  for (int y = 0; y < plane.height; y += kLumaSampleStep) {
    const std::uint8_t* row = plane.bytes.data() + static_cast<std::size_t>(y) * plane.stride;
    for (int x = 0; x < plane.width; x += kLumaSampleStep) {
      sum += row[x];
      hash = (hash ^ row[x]) * 1099511628211ull;
      ++count;
    }
  }
  return {count > 0 ? static_cast<double>(sum) / static_cast<double>(count) : 0.0, hash};
}

bool plane_valid(const LumaPlane& plane) {
  return plane.width > 0 && plane.height > 0 && plane.stride >= plane.width &&
         plane.bytes.size() >= static_cast<std::size_t>(plane.stride) * (plane.height - 1) +
                                   static_cast<std::size_t>(plane.width);
}

}  // namespace

double mean_luma(const LumaPlane& plane) {
  return plane_valid(plane) ? summarise(plane).mean : 0.0;
}

void FrameStatsAccumulator::add(const LumaPlane& plane) {
  if (!plane_valid(plane)) return;
  const PlaneSummary summary = summarise(plane);
  const std::int64_t area = static_cast<std::int64_t>(plane.width) * plane.height;
  if (frames_ > 0 && area == previous_area_ && summary.hash == previous_hash_) ++frozen_;
  if (summary.mean < kDarkFrameMeanLuma) ++dark_;
  luma_sum_ += summary.mean;
  previous_hash_ = summary.hash;
  previous_area_ = area;
  ++frames_;
}

FrameStats FrameStatsAccumulator::result() const {
  FrameStats stats;
  stats.frames = frames_;
  if (frames_ == 0) return stats;
  stats.mean_luma = luma_sum_ / static_cast<double>(frames_);
  stats.dark_frame_ratio = static_cast<double>(dark_) / static_cast<double>(frames_);
  stats.frozen_frame_ratio =
      frames_ > 1 ? static_cast<double>(frozen_) / static_cast<double>(frames_ - 1) : 0.0;
  return stats;
}

}  // namespace examready::core
