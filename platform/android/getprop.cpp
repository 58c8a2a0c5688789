// getprop text -> property map.
#include "platform/android/getprop.h"

#include <algorithm>

#include "core/text.h"

namespace examready::platform::android {

namespace text = core::text;
namespace {

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// Android property names are short and values at most a few KB (ro.* may exceed
// PROP_VALUE_MAX's 92 bytes); anything else in pasted text is not a property. Control bytes
// (NUL, escapes) never belong in one either: they would reach a report's device.model.
bool acceptable(std::string_view key, std::string_view value) {
  if (key.empty() || key.size() > kMaxPropertyKeyBytes || value.size() > kMaxPropertyValueBytes) {
    return false;
  }
  auto control = [](char c) {
    return static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t';
  };
  return std::none_of(key.begin(), key.end(), control) &&
         std::none_of(value.begin(), value.end(), control);
}

void put(PropertyMap& props, std::string_view key, std::string value) {
  if (acceptable(key, value)) props[std::string(key)] = std::move(value);
}

// Text with lines ended by a lone CR (old Mac clipboards) with LF instead, so that each property
// is a line; CRLF and LF text is returned as it is.
std::string_view unify_line_ends(std::string_view text, std::string& storage) {
  bool lone_cr = false;
  for (std::size_t i = text.find('\r'); i != std::string_view::npos; i = text.find('\r', i + 1)) {
    lone_cr = lone_cr || i + 1 == text.size() || text[i + 1] != '\n';
  }
  if (!lone_cr) return text;
  storage.assign(text);
  for (std::size_t i = 0; i < storage.size(); ++i) {
    if (storage[i] == '\r' && (i + 1 == storage.size() || storage[i + 1] != '\n'))
      storage[i] = '\n';
  }
  return storage;
}

bool is_property_line(std::string_view line) {
  line = text::trim(line);
  return !line.empty() && line.front() == '[' && line.find("]: [") != std::string_view::npos;
}

}  // namespace

PropertyMap parse_getprop(std::string_view text) {
  PropertyMap props;
  // Windows editors (Notepad) save a pasted dump with a UTF-8 byte-order mark first.
  if (text::starts_with(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
  std::string unified;
  const auto all = text::lines(unify_line_ends(text, unified));
  for (std::size_t i = 0; i < all.size(); ++i) {
    std::string_view line = text::trim(all[i]);
    if (line.empty() || line.front() == '#') continue;
    if (line.front() != '[') {
      // build.prop style: key=value (keys never contain spaces).
      const auto eq = line.find('=');
      if (eq == std::string_view::npos || eq == 0) continue;
      const std::string_view key = text::trim(line.substr(0, eq));
      if (key.find_first_of(" \t[]") != std::string_view::npos) continue;
      put(props, key, std::string(text::trim(line.substr(eq + 1))));
      continue;
    }
    const auto sep = line.find("]: [");
    if (sep == std::string_view::npos) continue;
    const std::string_view key = line.substr(1, sep - 1);
    const std::string_view first = trim_right(all[i].substr(all[i].find("]: [") + 4));
    // Text people paste is often annotated after the closing bracket
    // ("[ro.build.version.sdk]: [27]//SDK", "[ro.product.model]: [PAAM00]/"): when the next
    // line starts another property (or the text ends), the value closes at the line's last `]`.
    const auto last_close = first.rfind(']');
    if ((first.empty() || first.back() != ']') && last_close != std::string_view::npos &&
        (i + 1 >= all.size() || is_property_line(all[i + 1]))) {
      put(props, key, std::string(first.substr(0, last_close)));
      continue;
    }
    std::string value(first);
    // Multi-line values: keep reading until a line ends with the closing bracket.
    std::size_t j = i;
    while (value.empty() || value.back() != ']') {
      if (++j >= all.size() || value.size() > kMaxPropertyValueBytes) break;
      value += '\n';
      value += trim_right(all[j]);
    }
    if (value.empty() || value.back() != ']') {
      if (j >= all.size()) break;  // truncated at the end: drop it
      continue;                    // longer than any property: not one; read on after its line
    }
    value.pop_back();
    put(props, key, std::move(value));
    i = j;
  }
  return props;
}

std::string prop(const PropertyMap& props, std::string_view key) {
  auto it = props.find(key);
  return it == props.end() ? std::string() : it->second;
}

}  // namespace examready::platform::android
