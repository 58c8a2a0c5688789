// Glob patterns of rules files (`glob = "Redmi Note 9*"`): `*` any run of characters, `?` one.
#pragma once

#include <string_view>

namespace examready::rules {

// Whether all of `value` matches `pattern`, ignoring ASCII case; `pattern` is lower case.
// Linear in their sizes' product whatever the pattern: a regex with one `.*` per star
// backtracked exponentially (a glob of 3,000 stars held an evaluation for minutes).
bool glob_match(std::string_view value, std::string_view pattern);

}  // namespace examready::rules
