// Human-readable forms of measured values ("212.4 GB", "87 %", "12 ms").
#pragma once

#include <string>

#include "core/check_result.h"
#include "core/metric.h"

namespace examready::ui {

// Bytes in decimal units, as phones show storage ("20 GB" = 20e9 bytes).
std::string format_bytes(double bytes);
std::string format_value(const core::MetricInfo& info, const core::Value& value);
// One line about a finished check: its measurements ("free_bytes=84.5 GB; …"), or why it
// has none. Cut near `max_chars`.
std::string summarize_check(const core::CheckResult& check, std::size_t max_chars = 160);

// Display width of UTF-8 text in a terminal (CJK characters take two columns).
std::size_t display_width(std::string_view text);

}  // namespace examready::ui
