// Parsing a report's text within bounds taken from its schema, checked while the parser
// runs: nesting depth, string and key lengths, items per array, members per object (with
// duplicate keys refused), values in all. A body of a million `{}` stops at the first array
// item past the schema's largest maxItems, before any of it is validated or kept.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

namespace examready::reports {

struct SchemaError;

struct TextLimits {
  std::size_t max_depth = 8;         // containers inside containers; a report needs 6
  std::size_t max_string_bytes = 0;  // 4 × the largest maxLength (4 bytes per code point)
  std::size_t max_key_bytes = 256;
  std::size_t max_items = 0;    // the largest maxItems
  std::size_t max_members = 0;  // the largest maxProperties
  std::size_t max_values = 100000;
};

// The limits for report.schema.json.
const TextLimits& report_text_limits();

// The document, or the first place (JSON pointer) it breaks a limit or is not JSON.
std::optional<SchemaError> parse_bounded(std::string_view text, const TextLimits& limits,
                                         nlohmann::json& out);

}  // namespace examready::reports
