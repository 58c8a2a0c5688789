// CheckContext and the enum <-> text mappings used in reports.
#include "probe/check.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <stdexcept>

namespace examready::probe {
namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> parse_enum(std::string_view text, const std::pair<Enum, std::string_view> (&table)[N]) {
  for (const auto& [value, name] : table) {
    if (name == text) return value;
  }
  return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string_view enum_name(Enum value, const std::pair<Enum, std::string_view> (&table)[N]) {
  for (const auto& [v, name] : table) {
    if (v == value) return name;
  }
  return "invalid";
}

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
};
constexpr std::pair<Role, std::string_view> kRoleNames[] = {
    {Role::kPrimary, "primary"},
    {Role::kSecondary, "secondary"},
};

bool plausible_version(const std::string& text) {
  if (text.empty() || !std::isdigit(static_cast<unsigned char>(text.front()))) return false;
  for (char c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '_') return false;
  }
  return true;
}

}  // namespace

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

CheckContext::CheckContext(platform::Host& host, const ProbeOptions& options,
                           std::function<void(double)> on_progress)
    : host_(host), options_(options), on_progress_(std::move(on_progress)) {}

void CheckContext::emit(MetricId metric, Value value, std::string source) {
  const MetricInfo& info = metric_info(metric);
  if (!value_matches(info.type, value)) {
    throw std::logic_error("metric " + std::string(info.name) + " expects a " +
                           std::string(to_string(info.type)) + " value");
  }
  if (const double* number = std::get_if<double>(&value); number && !std::isfinite(*number)) {
    throw std::logic_error("metric " + std::string(info.name) + " got a non-finite number");
  }
  if (info.type == MetricType::kVersion && !plausible_version(std::get<std::string>(value))) {
    throw std::logic_error("metric " + std::string(info.name) + " got a malformed version '" +
                           std::get<std::string>(value) + "'");
  }
  // A later emit of the same metric replaces the earlier one (a better source found it).
  for (auto& m : measurements_) {
    if (m.metric == metric) {
      m.value = std::move(value);
      m.source = std::move(source);
      return;
    }
  }
  measurements_.push_back({metric, std::move(value), std::move(source)});
}

void CheckContext::progress(double fraction) {
  if (on_progress_) on_progress_(std::clamp(fraction, 0.0, 1.0));
}

const Measurement* CheckResult::find(MetricId metric) const {
  for (const auto& m : measurements) {
    if (m.metric == metric) return &m;
  }
  return nullptr;
}

}  // namespace examready::probe
