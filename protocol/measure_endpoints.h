// The collector's network-measurement endpoints as both sides name them: paths, headers
// and the clock the server stamps its pings with. server/measure/ serves them,
// probe/network/ measures against them.
#pragma once

#include <chrono>
#include <cstdint>
#include <string_view>

namespace examready::protocol {

inline constexpr std::string_view kPingPath = "/v1/probe/ping";
inline constexpr std::string_view kDownloadPath = "/v1/probe/download";  // ?bytes=N
inline constexpr std::string_view kUploadPath = "/v1/probe/upload";      // ?session=S
inline constexpr std::string_view kSessionPath = "/v1/probe/session";    // ?id=S
inline constexpr std::string_view kRehearsalPath = "/v1/probe/rehearsal";

// Ping response headers: the server's clock (unix µs, for the skew estimate) and the UDP
// echo's port (absent when the server has none).
inline constexpr std::string_view kServerTimeHeader = "X-Examready-Server-Time-Us";
inline constexpr std::string_view kUdpEchoHeader = "X-Examready-Udp-Echo";

// Unix time in µs: the time base of kServerTimeHeader and of the UDP echo's timestamps.
inline std::int64_t unix_time_us() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace examready::protocol
