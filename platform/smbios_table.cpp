// The raw SMBIOS structure table parser (platform/smbios_table.h): SMBIOS reference
// specification DSP0134, §6.1 (structure header, string sets) and §7.2–7.4 (types 1–3).
#include "platform/smbios_table.h"

#include <algorithm>
#include <set>
#include <string>
#include <string_view>

#include "core/text.h"

namespace examready::platform {
namespace {

constexpr std::size_t kHeaderSize = 4;     // type, formatted length, handle (2 bytes)
constexpr std::size_t kRawHeaderSize = 8;  // RawSMBIOSData before SMBIOSTableData
constexpr std::uint8_t kEndOfTable = 127;
constexpr std::uint8_t kChassisType = 3;
constexpr std::size_t kChassisTypeOffset = 5;

struct StringField {
  std::uint8_t type;
  std::size_t offset;  // of the string number in the formatted area
  const char* name;    // as /sys/class/dmi/id names it
};

// Serial numbers, UUIDs and asset tags are deliberately not in this list.
constexpr StringField kStringFields[] = {
    {1, 4, "sys_vendor"},   {1, 5, "product_name"}, {1, 6, "product_version"},
    {2, 4, "board_vendor"}, {2, 5, "board_name"},
};

// String `number` (1-based) of a string set whose strings are separated by NULs (the set's
// final double NUL not included); empty for 0, and for a number past the set.
std::string_view set_string(std::string_view strings, std::uint8_t number) {
  if (number == 0) return {};
  std::size_t pos = 0;
  for (unsigned i = 1; pos < strings.size(); ++i) {
    const std::size_t end = strings.find('\0', pos);
    const std::string_view s =
        strings.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    if (i == number) return s;
    if (end == std::string_view::npos) break;
    pos = end + 1;
  }
  return {};
}

}  // namespace

std::map<std::string, std::string> smbios_attributes(std::span<const std::uint8_t> table) {
  std::map<std::string, std::string> out;
  std::set<std::string> decided;  // fields an earlier structure held, even when empty
  const std::string_view bytes(reinterpret_cast<const char*>(table.data()), table.size());
  std::size_t pos = 0;
  while (bytes.size() - pos >= kHeaderSize) {
    const auto type = static_cast<std::uint8_t>(bytes[pos]);
    const auto length = static_cast<std::uint8_t>(bytes[pos + 1]);
    if (length < kHeaderSize || length > bytes.size() - pos) break;
    // The string set runs from the end of the formatted area to a double NUL (two NULs at once
    // when the structure has no strings).
    const std::size_t strings_begin = pos + length;
    const std::size_t terminator = bytes.find(std::string_view("\0\0", 2), strings_begin);
    if (terminator == std::string_view::npos) break;
    if (type == kEndOfTable) break;
    const std::string_view formatted = bytes.substr(pos, length);
    const std::string_view strings = bytes.substr(strings_begin, terminator - strings_begin);
    for (const auto& field : kStringFields) {
      if (field.type != type || field.offset >= length || decided.contains(field.name)) continue;
      decided.insert(field.name);
      const std::string_view value =
          core::text::trim(set_string(strings, static_cast<std::uint8_t>(formatted[field.offset])));
      if (!value.empty()) out[field.name] = std::string(value);
    }
    if (type == kChassisType && kChassisTypeOffset < length && !decided.contains("chassis_type")) {
      decided.insert("chassis_type");
      // Bit 7 says whether the chassis has a lock.
      out["chassis_type"] =
          std::to_string(static_cast<std::uint8_t>(formatted[kChassisTypeOffset]) & 0x7F);
    }
    pos = terminator + 2;
  }
  return out;
}

std::map<std::string, std::string> smbios_attributes_from_raw(std::span<const std::uint8_t> raw) {
  if (raw.size() < kRawHeaderSize) return {};
  const std::uint32_t length =
      static_cast<std::uint32_t>(raw[4]) | static_cast<std::uint32_t>(raw[5]) << 8 |
      static_cast<std::uint32_t>(raw[6]) << 16 | static_cast<std::uint32_t>(raw[7]) << 24;
  const auto table = raw.subspan(kRawHeaderSize);
  return smbios_attributes(table.first(std::min<std::size_t>(length, table.size())));
}

}  // namespace examready::platform
