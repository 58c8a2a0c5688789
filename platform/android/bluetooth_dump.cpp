// dumpsys bluetooth_manager text -> Bluetooth on, bonded watches and bands (counts only).
// Format of AOSP's dumpers: BluetoothManagerService.dump ("Bluetooth Status", "enabled:"),
// then the adapter's AdapterProperties.dump ("Bonded devices:", one indented line each:
// "ADDRESS [ TYPE ] NAME" up to Android 14, "ADDRESS [ TYPE ][ 0xCLASS ] NAME" from 15,
// "ADDRESS => IDENTITY [ TYPE ]…" for a device known by two addresses), closed by a blank line
// (Android 15's StringBuilder println) or, where AdapterProperties prints none, by the line
// AdapterService.dump prints next ("mSnoopLogSettingAtEnable = …"). A name is printed as the
// device gave it and may hold a newline: a line inside the list that is neither a device nor
// one of those ends, a device line right after the closing blank line, or a second list make
// the count unknown rather than short.
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
// LE-only band reports no class at all, and AOSP 15 then prints RemoteDevices' default,
// DeviceProperties.mBluetoothClass = BluetoothClass.Device.Major.UNCATEGORIZED (0x001F00), or
// 0x000000 when it holds no properties for the device (as the vivo X200 fixture's LE band).
constexpr std::uint32_t kMajorWearable = 0x07;
std::uint32_t major_class(std::uint32_t cod) { return (cod >> 8) & 0x1F; }
bool class_tells(std::uint32_t cod) { return major_class(cod) != 0x00 && major_class(cod) != 0x1F; }

}  // namespace

bool wearable_name(std::string_view name) {
  const std::string lower = text::lower(name);
  static constexpr std::array kNames = {"手表",    "手环",   "手錶",       "手環",
                                        "amazfit", "fitbit", "galaxy fit", "ticwatch"};
  for (std::string_view word : kNames) {
    if (lower.find(word) != std::string::npos) return true;
  }
  // "watch" and "band" as whole words ("Band 8", "HUAWEI WATCH GT 4", "Galaxy Watch6"), or
  // joined to the prefixes vendors use ("SmartBand", "Smartwatch", "Wristband", "MiBand").
  // Not "Neckband" (earphones), "Headband", "Bandit", "Swatch", "Stopwatch".
  static constexpr std::array kPrefixes = {"smart", "wrist", "mi"};
  const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  for (std::string_view word : {std::string_view("watch"), std::string_view("band")}) {
    for (auto pos = lower.find(word); pos != std::string::npos; pos = lower.find(word, pos + 1)) {
      const std::size_t after = pos + word.size();
      if (after < lower.size() && letter(lower[after])) continue;
      if (pos == 0 || !letter(lower[pos - 1])) return true;
      const std::string_view before = std::string_view(lower).substr(0, pos);
      for (std::string_view prefix : kPrefixes) {
        if (before.size() >= prefix.size() &&
            before.substr(before.size() - prefix.size()) == prefix)
          return true;
      }
    }
  }
  return false;
}

namespace {

// A class that says something decides, whatever the name: it is the device's own declaration,
// where the name is free text ("Watch Speaker"), so a dual-mode watch that declared itself
// audio is not counted. A class that says nothing (LE-only devices: see class_tells) leaves it
// to the name. `out` records which one decided.
bool counts_as_wearable(const BondedLine& device, BluetoothDump& out) {
  if (device.class_of_device && class_tells(*device.class_of_device)) {
    out.by_class = true;
    return major_class(*device.class_of_device) == kMajorWearable;
  }
  out.by_name = true;
  return wearable_name(device.name);
}

}  // namespace

BluetoothDump parse_dumpsys_bluetooth_manager(std::string_view dump) {
  BluetoothDump out;
  bool in_status = false, in_bonded = false;
  bool after_blank = false;  // the line right after the blank line that closed the list
  bool malformed = false;    // the list could not be read whole: its count stays unknown
  int headers = 0;
  std::size_t bonded_indent = 0;
  int bonded = 0, wearables = 0;
  const auto give_up = [&] {
    malformed = true;
    in_bonded = after_blank = false;
    out.bonded.reset();
    out.wearables_bonded.reset();
  };
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
      // The adapter prints one list. A second (two dumps run together, or a name that holds
      // the header) leaves no way to tell which is the adapter's: unknown, not the first's.
      if (++headers > 1) {
        give_up();
        continue;
      }
      in_bonded = true;
      bonded_indent = indent_of(raw);
      bonded = wearables = 0;
      continue;
    }
    if (malformed) continue;
    if (after_blank) {
      // A device line after the closing blank line: that blank line was a name's newline.
      after_blank = false;
      if (indent_of(raw) > bonded_indent && parse_bonded_line(line)) give_up();
      continue;
    }
    if (!in_bonded) continue;
    // The list ends at the blank line AdapterProperties prints after it, or at the line
    // AdapterService prints next where there is no blank line; only then is the count known.
    const bool blank = line.empty();
    if (blank ||
        (indent_of(raw) <= bonded_indent && text::starts_with(line, "mSnoopLogSettingAtEnable"))) {
      in_bonded = false;
      after_blank = blank;
      out.bonded = bonded;
      out.wearables_bonded = wearables;
      continue;
    }
    const auto device =
        indent_of(raw) > bonded_indent ? parse_bonded_line(line) : std::optional<BondedLine>{};
    if (!device) {
      // Not a device and not the end: the rest of a name with a newline, or a dump we do not
      // know. Counting on would pass a short list off as the whole one.
      give_up();
      continue;
    }
    ++bonded;
    if (counts_as_wearable(*device, out)) ++wearables;
  }
  if (!out.bonded) out.by_class = out.by_name = false;
  return out;
}

}  // namespace examready::platform::android
