// Value formatting for the terminal and the window.
#include "ui/format.h"

#include <cmath>
#include <fmt/format.h>

namespace examready::ui {

std::string format_bytes(double bytes) {
  static constexpr const char* kUnits[] = {"B", "kB", "MB", "GB", "TB", "PB"};
  int unit = 0;
  while (std::fabs(bytes) >= 1000 && unit < 5) {
    bytes /= 1000;
    ++unit;
  }
  return unit == 0 ? fmt::format("{:.0f} B", bytes) : fmt::format("{:.1f} {}", bytes, kUnits[unit]);
}

std::string format_value(const core::MetricInfo& info, const core::Value& value) {
  using core::Unit;
  return std::visit(
      [&](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, bool>) {
          return v ? "yes" : "no";
        } else if constexpr (std::is_same_v<T, std::string>) {
          return v;
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
          if (v.empty()) return "none";
          return fmt::format("{}", fmt::join(v, ", "));
        } else {
          const double number = static_cast<double>(v);
          switch (info.unit) {
            case Unit::kBytes: return format_bytes(number);
            case Unit::kBitsPerSecond: return fmt::format("{:.1f} Mbit/s", number / 1e6);
            case Unit::kPercent: return fmt::format("{:.0f} %", number);
            case Unit::kRatio: return fmt::format("{:.3g}", number);
            case Unit::kYear:
            case Unit::kNone:
            case Unit::kCount:
            case Unit::kPixels:
            case Unit::kHertz:
              return std::is_same_v<T, double> ? fmt::format("{:.4g}", number) : fmt::format("{}", v);
            default:
              return fmt::format("{:.4g} {}", number, core::to_string(info.unit));
          }
        }
      },
      value);
}

std::string summarize_check(const core::CheckResult& check, std::size_t max_chars) {
  if (check.status != core::CheckStatus::kOk) return check.message;
  std::string line;
  for (const auto& m : check.measurements) {
    const auto& info = core::metric_info(m.metric);
    if (!line.empty()) line += "; ";
    line += fmt::format("{}={}", info.name.substr(info.name.find('.') + 1), format_value(info, m.value));
    if (line.size() > max_chars) {
      line += " …";
      break;
    }
  }
  return line;
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    // Three- and four-byte sequences here are CJK ideographs, kana and full-width forms.
    width += len >= 3 ? 2 : 1;
    i += len;
  }
  return width;
}

}  // namespace examready::ui
