// Per-measurement-session arrival series of upload bytes, binned by server receive time.
// Each request's bytes are spread back over the time since its previous read
// (core/analysis/read_spreading.h): a TLS connection is read a 16 KiB record at a time, and
// counted at the read a slow link's series jumps by whole records.
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

#include "core/analysis/read_spreading.h"

namespace examready::server {

// The client counts upload throughput from these bins, not from the bytes it handed to
// its TCP stack: the kernel send queue makes the latter over-report by 15-45 % on slow links.
struct UploadSeries {
  std::chrono::milliseconds bin_width{50};
  std::vector<std::uint64_t> bins;  // bytes received per bin since the session's first byte
  // The leading bins every request's bytes are in: a request still sending (or cut off)
  // has bytes on their way that belong to the bins after its last read.
  std::size_t complete_bins = 0;
  std::uint64_t total_bytes = 0;
  std::int64_t first_byte_unix_ms = 0;
};

struct UploadSessionLimits {
  std::chrono::milliseconds bin_width{50};
  std::chrono::seconds max_series{30};  // binned span per session; later bytes are totalled
  std::size_t max_sessions = 4096;      // all clients
  std::size_t max_per_client = 64;      // one client address (a classroom behind NAT)
  std::chrono::seconds ttl{120};        // a session unused this long is forgotten
  std::size_t max_streams = 32;         // requests whose reads are spread, per session
};

// Sessions belong to the address that opened them: nobody else can add bytes to one (or
// push it out: a full table refuses new sessions, it never evicts a live one).
class UploadSessions {
 public:
  using Clock = std::chrono::steady_clock;

  explicit UploadSessions(UploadSessionLimits limits);

  enum class Open { kOk, kNotOwner, kClientFull, kTableFull };
  // Opens (or re-enters) session `id` for `client` before its bytes arrive, for request
  // `stream` (a number unique to the request, larger than any before it) starting `now`.
  Open open(const std::string& id, const std::string& client, Clock::time_point now,
            std::uint64_t stream);
  // Adds `bytes` read `now` by request `stream` to an open session.
  void record(const std::string& id, std::uint64_t stream, std::uint64_t bytes,
              Clock::time_point now);
  // Request `stream` ended: `complete` when its whole body arrived (none of it is pending),
  // else cut off (it may have had bytes on their way; it reads no more).
  void end_stream(const std::string& id, std::uint64_t stream, bool complete);
  std::optional<UploadSeries> series(const std::string& id) const;

  // Session ids are client-chosen: 8 to 64 characters of [0-9a-zA-Z_-].
  static bool valid_id(std::string_view id);

 private:
  struct Stream {
    core::net::ReadSpreader spreader;
    bool ended = false;
    bool complete = false;
  };
  struct Session {
    std::string client;
    Clock::time_point first_byte;
    Clock::time_point last_use;
    bool started = false;  // first byte seen
    UploadSeries series;
    // The latest requests: at most limits_.max_streams, ended ones pushed out first. A
    // request pushed out is forgotten: its later reads are counted at their instant.
    std::map<std::uint64_t, Stream> streams;
  };
  void add_stream(Session& s, std::uint64_t stream, Clock::time_point start);
  std::size_t complete_bins(const Session& s) const;
  void expire(Clock::time_point now);

  UploadSessionLimits limits_;
  std::size_t max_bins_;
  double bin_s_;  // limits_.bin_width in seconds, the read spreading's unit
  mutable std::mutex mutex_;
  std::map<std::string, Session> sessions_;
  std::map<std::string, std::size_t> per_client_;
};

}  // namespace examready::server
