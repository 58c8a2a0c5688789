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

// The properties read so far, and where each was read.
struct Reading {
  PropertyMap props;
  std::map<std::string, std::size_t, std::less<>> line_of;
  std::vector<RepeatedProperty>* repeated = nullptr;

  // Pasted text carries invisible Unicode spaces around a value ("M2003J15SG" + U+00A0 from
  // a chat app) that no property holds: they would make the model a code nobody lists.
  void put(std::string_view key, std::string_view value, std::size_t line) {
    key = text::trim_pasted(key);
    value = text::trim_pasted(value);
    if (!acceptable(key, value)) return;
    const auto [slot, added] = props.try_emplace(std::string(key), value);
    if (!added && slot->second != value && repeated != nullptr) {
      repeated->push_back(
          {slot->first, slot->second, std::string(value), line_of[slot->first], line});
    }
    slot->second = value;
    line_of[slot->first] = line;
  }
};

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

// Windows PowerShell 5.1 writes `adb shell getprop > file` as UTF-16 with a byte-order mark:
// such text is returned as UTF-8 in `storage` (an unpaired surrogate reads U+FFFD); any other
// text as it is.
std::string_view from_utf16(std::string_view text, std::string& storage) {
  const bool little = text::starts_with(text, "\xFF\xFE");
  if (!little && !text::starts_with(text, "\xFE\xFF")) return text;
  const auto unit = [&](std::size_t i) {
    const auto a = static_cast<unsigned char>(text[i]), b = static_cast<unsigned char>(text[i + 1]);
    return static_cast<char32_t>(little ? a | b << 8 : a << 8 | b);
  };
  const auto append = [&](char32_t c) {
    if (c < 0x80) {
      storage += static_cast<char>(c);
    } else if (c < 0x800) {
      storage += static_cast<char>(0xC0 | c >> 6);
      storage += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      storage += static_cast<char>(0xE0 | c >> 12);
      storage += static_cast<char>(0x80 | (c >> 6 & 0x3F));
      storage += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      storage += static_cast<char>(0xF0 | c >> 18);
      storage += static_cast<char>(0x80 | (c >> 12 & 0x3F));
      storage += static_cast<char>(0x80 | (c >> 6 & 0x3F));
      storage += static_cast<char>(0x80 | (c & 0x3F));
    }
  };
  storage.clear();
  for (std::size_t i = 2; i + 1 < text.size(); i += 2) {
    const char32_t c = unit(i);
    if (c >= 0xD800 && c < 0xDC00 && i + 3 < text.size()) {
      const char32_t low = unit(i + 2);
      if (low >= 0xDC00 && low < 0xE000) {
        append(0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00));
        i += 2;
        continue;
      }
    }
    append(c >= 0xD800 && c < 0xE000 ? char32_t{0xFFFD} : c);
  }
  return storage;
}

bool is_property_line(std::string_view line) {
  line = text::trim(line);
  return !line.empty() && line.front() == '[' && line.find("]: [") != std::string_view::npos;
}

}  // namespace

PropertyMap parse_getprop(std::string_view text, std::vector<RepeatedProperty>* repeated) {
  Reading read;
  read.repeated = repeated;
  std::string utf8;
  text = from_utf16(text, utf8);
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
      read.put(key, line.substr(eq + 1), i + 1);
      continue;
    }
    const auto sep = line.find("]: [");
    if (sep == std::string_view::npos) continue;
    const std::string_view key = line.substr(1, sep - 1);
    const std::string_view first = trim_right(all[i].substr(all[i].find("]: [") + 4));
    // A value may span lines: read on until a line ends with the closing bracket, but never
    // into the next property.
    const std::size_t line_number = i + 1;
    std::string value(first);
    std::size_t j = i;
    auto closed = [&] { return !value.empty() && value.back() == ']'; };
    while (!closed() && j + 1 < all.size() && !is_property_line(all[j + 1]) &&
           value.size() <= kMaxPropertyValueBytes) {
      value += '\n';
      value += trim_right(all[++j]);
    }
    i = j;  // the lines read on hold no property
    if (closed()) {
      value.pop_back();
      read.put(key, value, line_number);
      continue;
    }
    // Unclosed: text people paste is often annotated after the closing bracket
    // ("[ro.build.version.sdk]: [27]//SDK", "[ro.product.model]: [M2003J15SG] (my phone)"):
    // the value closes at the first line's last `]`. Without one it was cut off: skipped.
    if (const auto last_close = first.rfind(']'); last_close != std::string_view::npos) {
      read.put(key, first.substr(0, last_close), line_number);
    }
  }
  return std::move(read.props);
}

const RepeatedProperty* second_device(const std::vector<RepeatedProperty>& repeated) {
  for (const RepeatedProperty& r : repeated) {
    for (std::string_view key : {"ro.product.model", "ro.product.device", "ro.product.brand",
                                 "ro.serialno", "ro.build.fingerprint"}) {
      if (r.key == key) return &r;
    }
  }
  return nullptr;
}

std::string prop(const PropertyMap& props, std::string_view key) {
  auto it = props.find(key);
  return it == props.end() ? std::string() : it->second;
}

}  // namespace examready::platform::android
