// The one YAML form the generator's extractors share: a scalar value, plain or quoted.
#pragma once

#include <string>
#include <string_view>

#include "core/text.h"

namespace examready::devices::generator {

// `'text'`, `"text"` or `text`, blanks around it dropped -> text (no escapes are read: the
// sources' values have none).
inline std::string unquote_yaml_scalar(std::string_view value) {
  value = core::text::trim(value);
  if (value.size() >= 2 && (value.front() == '\'' || value.front() == '"') &&
      value.back() == value.front()) {
    value = value.substr(1, value.size() - 2);
  }
  return std::string(value);
}

}  // namespace examready::devices::generator
