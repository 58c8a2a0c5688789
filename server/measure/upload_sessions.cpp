// Per-measurement-session arrival series of upload bytes.
#include "server/measure/upload_sessions.h"

#include <algorithm>

namespace examready::server {

UploadSessions::UploadSessions(UploadSessionLimits limits)
    : limits_(limits),
      max_bins_(static_cast<std::size_t>(
          std::chrono::duration_cast<std::chrono::milliseconds>(limits.max_series) /
          limits.bin_width)),
      bin_s_(std::chrono::duration<double>(limits.bin_width).count()) {}

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
                                          Clock::time_point now, std::uint64_t stream) {
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(id);
  if (it != sessions_.end()) {
    if (it->second.client != client) return Open::kNotOwner;
    it->second.last_use = now;
    add_stream(it->second, stream, now);
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
  add_stream(s, stream, now);
  return Open::kOk;
}

namespace {

double seconds_since(UploadSessions::Clock::time_point origin,
                     UploadSessions::Clock::time_point t) {
  return std::chrono::duration<double>(t - origin).count();
}

}  // namespace

void UploadSessions::add_stream(Session& s, std::uint64_t stream, Clock::time_point start) {
  if (s.streams.size() >= std::max<std::size_t>(limits_.max_streams, 1)) {
    const auto ended = std::find_if(s.streams.begin(), s.streams.end(),
                                    [](const auto& entry) { return entry.second.ended; });
    s.streams.erase(ended != s.streams.end() ? ended : s.streams.begin());  // else the oldest
  }
  // Before the session's first byte the clock has no origin yet: the stream starts at 0.
  const double start_s = s.started ? std::max(0.0, seconds_since(s.first_byte, start)) : 0.0;
  s.streams.emplace(stream, Stream{core::net::ReadSpreader(start_s)});
}

void UploadSessions::record(const std::string& id, std::uint64_t stream, std::uint64_t bytes,
                            Clock::time_point now) {
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
  // `now` was read before the lock: another thread may have set the origin after it.
  const double t = std::max(0.0, seconds_since(s.first_byte, now));
  const auto found = s.streams.find(stream);
  const core::net::ReadSpreader::Span span =
      found != s.streams.end() ? found->second.spreader.on_read(t)
                               : core::net::ReadSpreader::Span{t, t};  // a forgotten request
  core::net::spread_bytes(s.series.bins, bin_s_, span, bytes, max_bins_);
}

void UploadSessions::end_stream(const std::string& id, std::uint64_t stream, bool complete) {
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(id);
  if (it == sessions_.end()) return;
  auto found = it->second.streams.find(stream);
  if (found == it->second.streams.end()) return;
  found->second.ended = true;
  found->second.complete = complete;
}

std::size_t UploadSessions::complete_bins(const Session& s) const {
  // Silence is judged against the latest read of any request, finished ones included; only
  // requests that did not deliver their whole body can hold bytes back.
  double latest = 0;
  std::vector<core::net::ReadSpreader> pending;
  for (const auto& [key, stream] : s.streams) {
    if (stream.spreader.has_read()) latest = std::max(latest, stream.spreader.last_read_s());
    if (!stream.complete) pending.push_back(stream.spreader);
  }
  const auto until = core::net::accounted_until(pending, latest);
  if (!until) return s.series.bins.size();
  return std::min(s.series.bins.size(), core::net::bins_until(*until, bin_s_));
}

std::optional<UploadSeries> UploadSessions::series(const std::string& id) const {
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(id);
  if (it == sessions_.end()) return std::nullopt;
  UploadSeries series = it->second.series;
  series.complete_bins = complete_bins(it->second);
  return series;
}

}  // namespace examready::server
