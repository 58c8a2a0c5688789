// Per-measurement-session arrival series of upload bytes.
#include "server/measure/upload_sessions.h"

#include <algorithm>

namespace examready::server {

UploadSessions::UploadSessions(UploadSessionLimits limits)
    : limits_(limits),
      max_bins_(static_cast<std::size_t>(
          std::chrono::duration_cast<std::chrono::milliseconds>(limits.max_series) /
          limits.bin_width)) {}

bool UploadSessions::valid_id(std::string_view id) {
  if (id.size() < 8 || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           c == '-';
  });
}

void UploadSessions::expire(Clock::time_point now) {
  for (auto it = sessions_.begin(); it != sessions_.end();) {
    if (now - it->second.last_use <= limits_.ttl) {
      ++it;
      continue;
    }
    if (--per_client_[it->second.client] == 0) per_client_.erase(it->second.client);
    it = sessions_.erase(it);
  }
}

UploadSessions::Open UploadSessions::open(const std::string& id, const std::string& client,
                                          Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(id);
  if (it != sessions_.end()) {
    if (it->second.client != client) return Open::kNotOwner;
    it->second.last_use = now;
    return Open::kOk;
  }
  expire(now);
  if (per_client_[client] >= limits_.max_per_client) return Open::kClientFull;
  if (sessions_.size() >= limits_.max_sessions) return Open::kTableFull;
  Session& s = sessions_[id];
  s.client = client;
  s.last_use = now;
  s.series.bin_width = limits_.bin_width;
  ++per_client_[client];
  return Open::kOk;
}

void UploadSessions::record(const std::string& id, std::uint64_t bytes, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(id);
  if (it == sessions_.end()) return;  // expired while its upload ran: nothing to bin into
  Session& s = it->second;
  if (!s.started) {
    s.started = true;
    s.first_byte = now;
    s.series.first_byte_unix_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                      std::chrono::system_clock::now().time_since_epoch())
                                      .count();
  }
  s.last_use = now;
  s.series.total_bytes += bytes;
  const auto bin = static_cast<std::size_t>((now - s.first_byte) / limits_.bin_width);
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
