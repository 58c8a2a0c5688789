// Helpers the fuzz targets share: the input as text, inputs made of several parts, a failed
// invariant, and files of the source tree the targets load once (rules sets, reports).
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace examready::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Splits an input into the texts a parser combines (a route table and an address, several
// sysfs files). Form feed separates them: it never occurs in the captured text the seeds come
// from, and a mutation that inserts or removes one reshapes the input as a whole.
inline std::vector<std::string_view> parts(std::string_view text, std::size_t at_least) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find('\f', start);
    out.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  while (out.size() < at_least) out.emplace_back();
  return out;
}

// A broken invariant is a finding like a crash: libFuzzer keeps the input that caused it.
[[noreturn]] inline void invariant_failed(const char* what, std::string_view detail = {}) {
  std::fprintf(stderr, "fuzz invariant failed: %s %s\n", what, std::string(detail).c_str());
  std::abort();
}

inline std::string source_file(const std::string& relative) {
  const std::filesystem::path path = std::filesystem::path(EXAMREADY_SOURCE_DIR) / relative;
  std::ifstream in(path, std::ios::binary);
  if (!in) invariant_failed("missing source file", path.string());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace examready::fuzz
