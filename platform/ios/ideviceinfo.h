// Parsing libimobiledevice tool output: `idevice_id -l` and `ideviceinfo [-q DOMAIN]`.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace examready::platform::ios {

// One UDID per line; "ERROR: …" lines are not UDIDs.
std::vector<std::string> parse_idevice_ids(std::string_view text);

// "Key: Value" lines of ideviceinfo's default (plain) output. Nested dictionaries are
// printed indented; only top-level keys are kept.
std::map<std::string, std::string, std::less<>> parse_ideviceinfo(std::string_view text);

// The failure text of ideviceinfo/idevice_id turned into what the user should do.
std::string describe_ios_failure(std::string_view out, std::string_view err, bool timed_out, bool started);

}  // namespace examready::platform::ios
