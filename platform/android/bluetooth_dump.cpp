// dumpsys bluetooth_manager text -> Bluetooth on, bonded watches and bands (counts only).
// Format of AOSP's dumpers: BluetoothManagerService.dump ("Bluetooth Status", "enabled:"),
// then the adapter's AdapterProperties.dump ("Bonded devices:", one indented line each:
// "ADDRESS [ TYPE ] NAME" up to Android 14, "ADDRESS [ TYPE ][ 0xCLASS ] NAME" from 15,
// "ADDRESS => IDENTITY [ TYPE ]…" for a device known by two addresses), closed by a blank line.
#include "platform/android/bluetooth_dump.h"

#include <array>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <string>

#include "core/text.h"

namespace examready::platform::android {

namespace text = core::text;
namespace {

// "AA:BB:CC:DD:EE:FF", or Android 15's anonymised "XX:XX:XX:XX:EE:FF".
bool is_address(std::string_view s) {
  if (s.size() != 17) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (i % 3 == 2) {
      if (c != ':') return false;
    } else if (!std::isxdigit(static_cast<unsigned char>(c)) && c != 'X' && c != 'x') {
      return false;
    }
  }
  return true;
}

std::size_t indent_of(std::string_view raw) {
  std::size_t n = 0;
  while (n < raw.size() && (raw[n] == ' ' || raw[n] == '\t')) ++n;
  return n;
}

struct BondedLine {
  std::optional<std::uint32_t> class_of_device;
  std::string_view name;
};

// One line of the list, without its indentation; nullopt when it does not start with an address.
std::optional<BondedLine> parse_bonded_line(std::string_view line) {
  if (line.size() < 17 || !is_address(line.substr(0, 17))) return std::nullopt;
  BondedLine out;
  std::string_view rest = line.substr(17);
  const auto type_open = rest.find('[');
  const auto type_close = rest.find(']', type_open == std::string_view::npos ? 0 : type_open);
  if (type_open == std::string_view::npos || type_close == std::string_view::npos) {
    out.name = text::trim(rest);  // no device type: keep what follows the address
    return out;
  }
  rest = rest.substr(type_close + 1);
  if (!rest.empty() && rest.front() == '[') {
    const auto close = rest.find(']');
    const std::string_view inside = text::trim(
        rest.substr(1, close == std::string_view::npos ? std::string_view::npos : close - 1));
    if (text::starts_with(inside, "0x") || text::starts_with(inside, "0X")) {
      std::uint32_t cod = 0;
      const char* first = inside.data() + 2;
      const char* last = inside.data() + inside.size();
      const auto [end, ec] = std::from_chars(first, last, cod, 16);
      if (ec == std::errc() && end == last && end != first) out.class_of_device = cod;
    }
    rest = close == std::string_view::npos ? std::string_view{} : rest.substr(close + 1);
  }
  out.name = text::trim(rest);
  return out;
}

// Class of device bits 8-12 are the major device class; 0x07 is Wearable (watch, pager,
// jacket, helmet, glasses). 0x00 (miscellaneous) and 0x1F (uncategorised) say nothing: an
// LE-only band reports no class at all.
constexpr std::uint32_t kMajorWearable = 0x07;
bool class_tells(std::uint32_t cod) {
  const std::uint32_t major = (cod >> 8) & 0x1F;
  return major != 0x00 && major != 0x1F;
}

}  // namespace

bool wearable_name(std::string_view name) {
  const std::string lower = text::lower(name);
  static constexpr std::array kWords = {"watch", "手表",    "手环",   "手錶",
                                        "手環",  "amazfit", "fitbit", "galaxy fit"};
  for (std::string_view word : kWords) {
    if (lower.find(word) != std::string::npos) return true;
  }
  // "Band 8", "Mi Smart Band", "HUAWEI Band 9-3B1", "SmartBand"; not "Bandit".
  for (auto pos = lower.find("band"); pos != std::string::npos; pos = lower.find("band", pos + 1)) {
    const std::size_t after = pos + 4;
    if (after == lower.size() || !std::isalpha(static_cast<unsigned char>(lower[after])))
      return true;
  }
  return false;
}

BluetoothDump parse_dumpsys_bluetooth_manager(std::string_view dump) {
  BluetoothDump out;
  bool in_status = false, in_bonded = false;
  std::size_t bonded_indent = 0;
  int bonded = 0, wearables = 0;
  for (auto raw : text::lines(dump)) {
    const std::string_view line = text::trim(raw);
    if (line == "Bluetooth Status") {
      in_status = true;
      continue;
    }
    if (in_status && text::starts_with(line, "enabled:")) {
      const std::string_view value = text::trim(line.substr(8));
      if (value == "true" || value == "false") out.enabled = value == "true";
      in_status = false;
      continue;
    }
    if (line == "Bonded devices:") {
      in_bonded = true;
      bonded_indent = indent_of(raw);
      bonded = wearables = 0;
      continue;
    }
    if (!in_bonded) continue;
    // The list ends at the blank line AdapterProperties prints after it, or at a line no
    // deeper than its header; only then is the count known.
    if (line.empty() || indent_of(raw) <= bonded_indent) {
      in_bonded = false;
      out.bonded = bonded;
      out.wearables_bonded = wearables;
      continue;
    }
    const auto device = parse_bonded_line(line);
    if (!device) continue;
    ++bonded;
    bool wearable;
    if (device->class_of_device && class_tells(*device->class_of_device)) {
      wearable = ((*device->class_of_device >> 8) & 0x1F) == kMajorWearable;
      out.by_class = true;
    } else {
      wearable = wearable_name(device->name);
      out.by_name = true;
    }
    if (wearable) ++wearables;
  }
  if (!out.bonded) out.by_class = out.by_name = false;
  return out;
}

}  // namespace examready::platform::android
