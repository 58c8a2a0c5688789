// What a check produced, as reports carry it: its status, message and measurements, and
// the transport and role of the run.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/metric.h"

namespace examready::core {

enum class CheckStatus { kInvalid, kOk, kUnsupported, kDenied, kTimeout, kError };
std::string_view to_string(CheckStatus status);
std::optional<CheckStatus> parse_check_status(std::string_view text);

// How the probe reaches the device it judges. kBrowser: the web check, measured by the
// phone's own browser.
enum class Transport { kInvalid, kLocal, kAdb, kIos, kGetpropText, kBrowser };
std::string_view to_string(Transport transport);
std::optional<Transport> parse_transport(std::string_view text);

enum class Role { kInvalid, kPrimary, kSecondary };
std::string_view to_string(Role role);
std::optional<Role> parse_role(std::string_view text);

// A check's message as a report holds it (the schema's maxLength): printable (text::printable)
// and cut to this many bytes. Messages quote device text, which is not ours to trust.
inline constexpr std::size_t kMaxMessageBytes = 2000;
std::string report_message(std::string_view message);

struct CheckResult {
  std::string name;
  CheckStatus status = CheckStatus::kInvalid;
  std::string message;
  double duration_ms = 0;
  std::vector<Measurement> measurements;

  const Measurement* find(MetricId metric) const;
};

}  // namespace examready::core
