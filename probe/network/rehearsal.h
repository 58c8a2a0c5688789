// The optional upload rehearsal of the network check: a resumable, chunked upload of a
// realistically sized file to the collector, as the exam app will do (issue 7).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace examready::probe::net {

inline constexpr std::uint64_t kMaxRehearsalBytes = 4ull << 30;  // the collector's cap
// The slowest rate the rehearsal waits for: below it the exam app's upload of a few GB
// would take most of a day, and that is the finding.
inline constexpr double kRehearsalFloorBps = 2e6;

// "500MB", "2GB", "1.5GiB", "65536" (bytes). Decimal units are powers of 1000, *iB of 1024.
// nullopt for anything else, for 0 and for more than kMaxRehearsalBytes.
std::optional<std::uint64_t> parse_size(std::string_view text);

// The time a rehearsal of `bytes` may take: a fixed allowance plus the bytes at the floor rate.
std::chrono::milliseconds rehearsal_budget(std::uint64_t bytes);

struct RehearsalPlan {
  std::string server_url;
  std::string ca_file;
  std::uint64_t bytes = 0;
  std::chrono::milliseconds budget{0};
  int max_failures = 12;  // broken connections, errors and offset conflicts, in total
  long stall_s = 10;      // a chunk with no progress this long is abandoned and resumed
  std::function<void(double)> progress;
};

struct RehearsalResult {
  bool done = false;
  std::uint64_t bytes = 0;  // confirmed by the server
  double duration_ms = 0;   // first chunk to the last confirmation
  int resumes = 0;          // chunks resumed from the server's offset after a failure
  std::string error;        // why it did not finish
};

RehearsalResult rehearse_upload(const RehearsalPlan& plan);

}  // namespace examready::probe::net
