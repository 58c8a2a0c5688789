// libimobiledevice text -> UDIDs and lockdown values.
#include "platform/ios/ideviceinfo.h"

#include <algorithm>

#include "core/text.h"

namespace examready::platform::ios {

namespace text = core::text;

std::vector<std::string> parse_idevice_ids(std::string_view out) {
  std::vector<std::string> ids;
  for (auto raw : text::lines(out)) {
    auto f = text::fields(raw);
    // idevice_id -l prints the UDID alone; newer versions append " (USB)" or " (Network)".
    if (f.empty() || text::starts_with(f[0], "ERROR")) continue;
    if (f[0].find_first_not_of("0123456789abcdefABCDEF-") != std::string_view::npos) continue;
    if (f[0].size() < 24) continue;
    ids.emplace_back(f[0]);
  }
  return ids;
}

std::map<std::string, std::string, std::less<>> parse_ideviceinfo(std::string_view out) {
  std::map<std::string, std::string, std::less<>> values;
  for (auto raw : text::lines(out)) {
    if (raw.empty() || raw.front() == ' ' || raw.front() == '\t') continue;
    if (raw.back() == ':') {  // a nested dictionary or array follows, indented
      values[std::string(raw.substr(0, raw.size() - 1))] = {};
      continue;
    }
    const auto colon = raw.find(": ");
    if (colon == std::string_view::npos) continue;
    // A line with control bytes (an escape sequence, a NUL) is no lockdown value: left out,
    // as getprop's are, so it never reaches a report or a terminal.
    const std::string_view line = text::trim(raw);
    if (std::any_of(line.begin(), line.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; })) {
      continue;
    }
    values[std::string(raw.substr(0, colon))] = std::string(text::trim(raw.substr(colon + 2)));
  }
  return values;
}

std::string describe_ios_failure(std::string_view out, std::string_view err, bool timed_out,
                                 bool started) {
  if (!started) {
#ifdef _WIN32
    return "could not run idevice_id.exe / ideviceinfo.exe: put libimobiledevice's Windows "
           "tools on PATH (the iPhone's USB driver comes with Apple Devices or iTunes)";
#else
    return "could not run libimobiledevice tools (install the Debian package "
           "libimobiledevice-utils)";
#endif
  }
  if (timed_out) return "the iPhone did not answer in time; reconnect it";
  const std::string all = std::string(out) + std::string(err);
  if (all.find("No device found") != std::string::npos ||
      all.find("Unable to retrieve device list") != std::string::npos) {
    return "no iPhone found: connect it with a cable, unlock it, and make sure usbmuxd is running";
  }
  if (all.find("Pairing dialog response pending") != std::string::npos ||
      all.find("Invalid HostID") != std::string::npos ||
      all.find("not paired") != std::string::npos ||
      all.find("PasswordProtected") != std::string::npos ||
      all.find("Could not connect to lockdownd") != std::string::npos) {
    return "the iPhone does not trust this computer: unlock it and tap \"Trust\", then run the "
           "check again";
  }
  std::string_view first = text::trim(all);
  return "libimobiledevice failed: " + std::string(first.substr(0, first.find('\n')));
}

}  // namespace examready::platform::ios
