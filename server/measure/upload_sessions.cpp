// Per-measurement-session arrival series of upload bytes.
#include "server/measure/upload_sessions.h"

#include <algorithm>

namespace examready::server {

UploadSessions::UploadSessions(std::chrono::milliseconds bin_width, std::size_t max_sessions,
                               std::chrono::seconds max_series, std::chrono::seconds ttl)
    : bin_width_(bin_width),
      max_sessions_(std::max<std::size_t>(1, max_sessions)),
      max_bins_(static_cast<std::size_t>(
          std::chrono::duration_cast<std::chrono::milliseconds>(max_series) / bin_width)),
      ttl_(ttl) {}

bool UploadSessions::valid_id(std::string_view id) {
  if (id.size() < 8 || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           c == '-';
  });
}

void UploadSessions::expire(Clock::time_point now) {
  std::erase_if(sessions_, [&](const auto& entry) { return now - entry.second.last_use > ttl_; });
  while (sessions_.size() >= max_sessions_) {
    auto oldest = std::min_element(
        sessions_.begin(), sessions_.end(),
        [](const auto& a, const auto& b) { return a.second.last_use < b.second.last_use; });
    sessions_.erase(oldest);
  }
}

void UploadSessions::record(const std::string& id, std::uint64_t bytes, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(id);
  if (it == sessions_.end()) {
    expire(now);
    Session session;
    session.first_byte = now;
    session.series.bin_width = bin_width_;
    session.series.first_byte_unix_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                            std::chrono::system_clock::now().time_since_epoch())
                                            .count();
    it = sessions_.emplace(id, std::move(session)).first;
  }
  Session& s = it->second;
  s.last_use = now;
  s.series.total_bytes += bytes;
  const auto bin = static_cast<std::size_t>((now - s.first_byte) / bin_width_);
  if (bin >= max_bins_) return;
  if (s.series.bins.size() <= bin) s.series.bins.resize(bin + 1, 0);
  s.series.bins[bin] += bytes;
}

std::optional<UploadSeries> UploadSessions::series(const std::string& id) const {
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(id);
  if (it == sessions_.end()) return std::nullopt;
  return it->second.series;
}

}  // namespace examready::server
