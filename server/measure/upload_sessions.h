// Per-measurement-session arrival series of upload bytes, binned by server receive time.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace examready::server {

// The client counts upload throughput from these bins, not from the bytes it handed to
// its TCP stack: the kernel send queue makes the latter over-report by 15-45 % on slow links.
struct UploadSeries {
  std::chrono::milliseconds bin_width{50};
  std::vector<std::uint64_t> bins;  // bytes received per bin since the session's first byte
  std::uint64_t total_bytes = 0;
  std::int64_t first_byte_unix_ms = 0;
};

class UploadSessions {
 public:
  using Clock = std::chrono::steady_clock;

  UploadSessions(std::chrono::milliseconds bin_width, std::size_t max_sessions,
                 std::chrono::seconds max_series, std::chrono::seconds ttl);

  // Adds `bytes` that arrived `now` to session `id` (created on first use; the oldest
  // session is evicted beyond max_sessions). Bytes after max_series are totalled, not binned.
  void record(const std::string& id, std::uint64_t bytes, Clock::time_point now);
  std::optional<UploadSeries> series(const std::string& id) const;

  // Session ids are client-chosen: 8 to 64 characters of [0-9a-zA-Z_-].
  static bool valid_id(std::string_view id);

 private:
  struct Session {
    Clock::time_point first_byte;
    Clock::time_point last_use;
    UploadSeries series;
  };
  void expire(Clock::time_point now);

  std::chrono::milliseconds bin_width_;
  std::size_t max_sessions_;
  std::size_t max_bins_;
  std::chrono::seconds ttl_;
  mutable std::mutex mutex_;
  std::map<std::string, Session> sessions_;
};

}  // namespace examready::server
