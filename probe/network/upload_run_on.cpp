#include "probe/network/upload_run_on.h"

namespace examready::probe::net {

bool UploadRunOn::done(std::span<const std::uint64_t> acked, double now_s) {
  if (now_s - settled_s_ >= kMax_s) return true;
  if (!every_stream_recorded_s_) {
    if (acked.size() < at_settle_.size()) return false;
    for (std::size_t i = 0; i < at_settle_.size(); ++i) {
      if (acked[i] < at_settle_[i] + kTlsRecordBytes) return false;
    }
    every_stream_recorded_s_ = now_s;
  }
  return now_s - *every_stream_recorded_s_ >= kSlack_s;
}

}  // namespace examready::probe::net
