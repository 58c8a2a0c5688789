// Wildcard matching without backtracking beyond the last star.
#include "rules/glob.h"

namespace examready::rules {

bool glob_match(std::string_view value, std::string_view pattern) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  std::size_t v = 0, p = 0;
  std::size_t star = std::string_view::npos;  // the last star seen, and where its run began
  std::size_t resume = 0;
  while (v < value.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == lower(value[v]))) {
      ++v;
      ++p;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = v;
    } else if (star != std::string_view::npos) {
      // Let the last star take one more character; earlier stars never need to.
      p = star + 1;
      v = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

}  // namespace examready::rules
