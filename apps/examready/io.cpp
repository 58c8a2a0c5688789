// File helpers for the CLI: durable writes and bounded reads through platform/files.h.
#include "apps/examready/io.h"

#include <fmt/format.h>

#include <cstdio>
#include <iostream>

#include "apps/examready/commands.h"
#include "platform/files.h"
#include "platform/process.h"
#include "reports/ids.h"

namespace examready::app {

void write_file_atomically(const std::string& path, const std::string& content) {
  std::string error;
  if (!platform::write_file_durably(path, content, error)) {
    throw UsageError("cannot write " + path + ": " + error);
  }
}

std::string read_input_file(const std::string& path) {
  std::string error;
  if (path == "-") {
    // Typed or pasted at a terminal, the text ends only when the person says so.
    if (platform::stdin_is_terminal()) {
      std::fputs(platform::kEndOfInputHint, stderr);
    }
    std::string text;
    if (!platform::read_bounded(std::cin, kMaxInputFileBytes, text)) {
      throw InvalidInputError("stdin: larger than " + std::to_string(kMaxInputFileBytes) +
                              " bytes: not a report or getprop dump");
    }
    platform::keep_stdin_for_forks(text);
    return text;
  }
  auto text = platform::read_text_file(path, kMaxInputFileBytes, error);
  if (!text) throw InvalidInputError(path + ": " + error);
  return std::move(*text);
}

std::chrono::system_clock::time_point evaluation_time(const std::string& date,
                                                      const std::string& option) {
  if (date.empty()) return std::chrono::system_clock::now();
  auto parsed = date.size() == 10 ? reports::parse_exam_date(date) : reports::parse_utc(date);
  if (!parsed)
    throw UsageError(fmt::format(
        "{}: '{}' is not a real date (YYYY-MM-DD) or UTC time from 1970 to 2200", option, date));
  return *parsed;
}

}  // namespace examready::app
