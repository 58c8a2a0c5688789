// What the phone checks share: running a command through the transport's shell and
// turning failures into outcomes, and reading the phone's properties.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "platform/android/getprop.h"
#include "probe/check.h"

namespace examready::probe::android {

inline constexpr std::chrono::milliseconds kShellTimeout{4000};

// Runs argv on the phone. On success returns stdout; otherwise sets `failure` (denied for
// a permission refusal, error for timeouts, disconnects and other failures).
std::optional<std::string> shell(CheckContext& ctx, const std::vector<std::string>& argv,
                                 Outcome& failure,
                                 std::chrono::milliseconds timeout = kShellTimeout);

// Like shell(), for listings where a missing line could pass for a fact (an app not in
// `ps -A`, a camera client not listed): the command runs as `sh -c 'CMD && echo MARKER'`
// and output without the marker (cut short by a dying USB link) is an error, not data.
std::optional<std::string> shell_complete(CheckContext& ctx, const std::vector<std::string>& argv,
                                          Outcome& failure,
                                          std::chrono::milliseconds timeout = kShellTimeout);
inline constexpr std::string_view kEndMarker = "__examready_end__";

// `dumpsys SERVICE` for facts a check can go without, with the end marker of
// shell_complete(). `text` is the dump; when the phone could not give it (no such service on
// this firmware, dump refused, the command failed there) `text` is empty and `unavailable`
// says why, and the check goes on. A phone that stops answering (timeout, disconnect, cut
// output) still fails the check: then nullopt is returned and `failure` is set.
struct OptionalDump {
  std::optional<std::string> text;
  std::string unavailable;
};
std::optional<OptionalDump> optional_dumpsys(CheckContext& ctx, const std::string& service,
                                             Outcome& failure);

// `getprop`, parsed; sets `failure` when it cannot be read or holds no properties.
std::optional<platform::android::PropertyMap> read_props(CheckContext& ctx, Outcome& failure);

// `settings get NS KEY`; nullopt when unset ("null") or on failure (then `failure` is set
// and `failed` becomes true, so a caller can tell "unset" from "could not ask").
std::optional<std::string> setting(CheckContext& ctx, const char* ns, const char* key,
                                   Outcome& failure, bool& failed);

// The source string measurements carry: "adb:dumpsys battery", "getprop-text:getprop".
std::string source(const CheckContext& ctx, std::string_view command);

}  // namespace examready::probe::android
