// Locating and reading committed fixture files in tests.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace examready::test {

inline std::filesystem::path fixture_path(const std::string& relative) {
  return std::filesystem::path(EXAMREADY_FIXTURES) / relative;
}

inline std::string read_fixture(const std::string& relative) {
  std::ifstream in(fixture_path(relative), std::ios::binary);
  if (!in) throw std::runtime_error("missing fixture " + relative);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

}  // namespace examready::test
