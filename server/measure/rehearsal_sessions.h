// Resumable upload-rehearsal sessions: byte counters only, nothing is stored or written.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace examready::server {

struct RehearsalStatus {
  std::uint64_t received_bytes = 0;
  std::uint64_t expected_bytes = 0;
  bool done() const { return received_bytes >= expected_bytes; }
};

// A rehearsal mimics the exam app's resumable upload: the client PUTs chunks at the offset the
// server holds, and after a broken connection asks for that offset and continues from it.
class RehearsalSessions {
 public:
  using Clock = std::chrono::steady_clock;

  RehearsalSessions(std::uint64_t max_bytes, std::size_t max_sessions, std::size_t max_per_client,
                    std::chrono::seconds ttl);

  // A new session expecting `expected_bytes` (1..max_bytes) for `client`. Its id is 128
  // random bits from the OS: holding it is what entitles a client to add to the session.
  // A full table (or a client at its cap) refuses new sessions; a live one is never evicted.
  enum class Create { kOk, kBadSize, kClientFull, kTableFull };
  struct Created {
    Create result = Create::kBadSize;
    std::string id;
  };
  Created create(std::uint64_t expected_bytes, const std::string& client, Clock::time_point now);
  std::optional<RehearsalStatus> status(const std::string& id, Clock::time_point now);

  // Starts a chunk at `offset`. Returns the writer generation when offset equals the bytes
  // received so far; a newer begin() supersedes older writers, whose add() is then refused,
  // so a half-dead connection the server has not noticed yet cannot count bytes twice.
  enum class Begin { kOk, kNoSession, kWrongOffset, kTooLong };
  struct BeginResult {
    Begin result = Begin::kNoSession;
    std::uint64_t generation = 0;
    RehearsalStatus status;
  };
  BeginResult begin(const std::string& id, std::uint64_t offset, std::uint64_t length,
                    Clock::time_point now);
  // Counts `bytes` for the writer `generation`; false once superseded, expired or complete.
  bool add(const std::string& id, std::uint64_t generation, std::uint64_t bytes,
           Clock::time_point now);

 private:
  struct Session {
    RehearsalStatus status;
    std::uint64_t generation = 0;
    Clock::time_point last_use;
    std::string client;  // who created it (for the per-client cap only)
  };
  void expire(Clock::time_point now);

  std::uint64_t max_bytes_;
  std::size_t max_sessions_;
  std::size_t max_per_client_;
  std::map<std::string, std::size_t> per_client_;
  std::chrono::seconds ttl_;
  std::mutex mutex_;
  std::map<std::string, Session> sessions_;
};

}  // namespace examready::server
