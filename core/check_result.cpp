// The enum <-> text tables of check results and runs.
#include "core/check_result.h"

#include "core/enum_names.h"
#include "core/text.h"

namespace examready::core {
namespace {

constexpr std::pair<CheckStatus, std::string_view> kStatusNames[] = {
    {CheckStatus::kOk, "ok"},           {CheckStatus::kUnsupported, "unsupported"},
    {CheckStatus::kDenied, "denied"},   {CheckStatus::kTimeout, "timeout"},
    {CheckStatus::kError, "error"},
};
constexpr std::pair<Transport, std::string_view> kTransportNames[] = {
    {Transport::kLocal, "local"},
    {Transport::kAdb, "adb"},
    {Transport::kIos, "ios"},
    {Transport::kGetpropText, "getprop-text"},
    {Transport::kBrowser, "browser"},
};
constexpr std::pair<Role, std::string_view> kRoleNames[] = {
    {Role::kPrimary, "primary"},
    {Role::kSecondary, "secondary"},
};

}  // namespace

std::string report_message(std::string_view message) {
  // Cut before and after: a device's megabytes are not worth cleaning, and a cleaned U+FFFD
  // is three bytes where the invalid byte was one.
  return text::cut_utf8(text::printable(message.substr(0, kMaxMessageBytes)), kMaxMessageBytes);
}

std::string_view to_string(CheckStatus status) { return enum_name(status, kStatusNames); }
std::optional<CheckStatus> parse_check_status(std::string_view text) {
  return parse_enum(text, kStatusNames);
}
std::string_view to_string(Transport transport) { return enum_name(transport, kTransportNames); }
std::optional<Transport> parse_transport(std::string_view text) {
  return parse_enum(text, kTransportNames);
}
std::string_view to_string(Role role) { return enum_name(role, kRoleNames); }
std::optional<Role> parse_role(std::string_view text) { return parse_enum(text, kRoleNames); }

const Measurement* CheckResult::find(MetricId metric) const {
  for (const auto& m : measurements) {
    if (m.metric == metric) return &m;
  }
  return nullptr;
}

}  // namespace examready::core
