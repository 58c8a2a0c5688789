// DeviceKit's device list (Source/Device.swift.gyb) -> source rows: Apple's identifiers
// (`iPhone14,7`, what an iOS device reports as its model) and the device's name.
//
// The list is Python inside gyb: one `Device("caseName", "comment", "imageURL",
// ["iPhone14,7", …], diagonal, (w, h), "description", "safeDescription", …)` call per device,
// on one line or several. Only those calls are read; the identifiers say the class (iPhone: phone,
// iPad: tablet), and the other Apple products (iPod touch, Apple TV, watches, HomePod, simulators)
// are left out.
#include <stdexcept>

#include "core/text.h"
#include "rules/devices/generator/source_facts.h"

namespace examready::devices::generator {
namespace {

using core::text::trim;

// The top-level arguments of a call's text (from after its '(' to its end): commas inside
// quotes, brackets or parentheses do not split. Returns nothing when the text is not closed.
std::vector<std::string_view> call_arguments(std::string_view text) {
  std::vector<std::string_view> arguments;
  int depth = 0;
  bool quoted = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        quoted = false;
      continue;
    }
    if (c == '"') {
      quoted = true;
    } else if (c == '[' || c == '(') {
      ++depth;
    } else if ((c == ']' || c == ')') && depth > 0) {
      --depth;
    } else if (c == ')' || (c == ',' && depth == 0)) {
      arguments.push_back(trim(text.substr(start, i - start)));
      if (c == ')') return arguments;
      start = i + 1;
    }
  }
  return {};
}

// `"text"` -> text; anything else -> empty.
std::string string_literal(std::string_view argument) {
  if (argument.size() < 2 || argument.front() != '"' || argument.back() != '"') return {};
  return std::string(argument.substr(1, argument.size() - 2));
}

// `["iPad8,1", "iPad8,2"]` -> the strings.
std::vector<std::string> string_list(std::string_view argument) {
  std::vector<std::string> items;
  if (argument.size() < 2 || argument.front() != '[' || argument.back() != ']') return items;
  // The list read as a call's arguments ("…]" -> "…)"); `inner` outlives the views.
  const std::string inner = std::string(argument.substr(1, argument.size() - 2)) + ")";
  for (std::string_view item : call_arguments(inner)) {
    if (std::string value = string_literal(item); !value.empty()) items.push_back(value);
  }
  return items;
}

// The class an identifier says, empty for products that are neither.
std::string class_of(const std::vector<std::string>& identifiers) {
  std::string found;
  for (const std::string& id : identifiers) {
    const std::string cls = id.starts_with("iPhone") ? "phone"
                            : id.starts_with("iPad") ? "tablet"
                                                     : "";
    if (cls.empty() || (!found.empty() && found != cls)) return {};
    found = cls;
  }
  return found;
}

// Argument positions in DeviceKit's `Device(...)`.
constexpr std::size_t kIdentifiers = 3;
constexpr std::size_t kDiagonal = 4;
constexpr std::size_t kSafeDescription = 7;

}  // namespace

std::vector<SourceRow> extract_devicekit(std::string_view gyb) {
  std::vector<SourceRow> rows;
  constexpr std::string_view kCall = "Device(";
  for (std::size_t at = gyb.find(kCall); at != std::string_view::npos;
       at = gyb.find(kCall, at + kCall.size())) {
    // A call opens a line and its first argument is a string (the Swift code further down
    // names `Device(` too, never so).
    const std::size_t line_start = gyb.rfind('\n', at) + 1;  // npos + 1 == 0
    if (!trim(gyb.substr(line_start, at - line_start)).empty()) continue;
    const std::string_view call = gyb.substr(at + kCall.size());
    if (!trim(call).starts_with('"')) continue;
    const std::vector<std::string_view> arguments = call_arguments(call);
    if (arguments.size() <= kSafeDescription) {
      throw std::invalid_argument("devicekit: a Device( call of another shape: " +
                                  std::string(call.substr(0, 60)));
    }
    SourceRow row;
    row.brand = "Apple";
    row.model_codes = string_list(arguments[kIdentifiers]);
    row.device_class = class_of(row.model_codes);
    if (row.device_class.empty()) continue;
    // The "safe" name is the plain-ASCII one ("iPhone XR", where the other has "Xʀ").
    row.marketing_name = string_literal(arguments[kSafeDescription]);
    if (row.marketing_name.empty()) {
      throw std::invalid_argument("devicekit: no name for " + row.model_codes.front());
    }
    if (const auto inches = core::text::to_double(arguments[kDiagonal])) {
      if (*inches > 1 && *inches < 40) row.display_inches = *inches;
    }
    rows.push_back(std::move(row));
  }
  if (rows.empty()) throw std::invalid_argument("devicekit: no iPhone or iPad in the file");
  return rows;
}

}  // namespace examready::devices::generator
