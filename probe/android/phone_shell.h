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

// The transports whose host runs Android shell commands.
inline bool has_android_shell(Transport t) { return t == Transport::kAdb; }
inline bool has_getprop(Transport t) { return t == Transport::kAdb || t == Transport::kGetpropText; }

// Outcome for a check the transport cannot serve, with the reason in words.
Outcome not_on_this_transport(Transport t, std::string_view what);

// Runs argv on the phone. On success returns stdout; otherwise sets `failure` (denied for
// a permission refusal, error for timeouts, disconnects and other failures).
std::optional<std::string> shell(CheckContext& ctx, const std::vector<std::string>& argv, Outcome& failure,
                                 std::chrono::milliseconds timeout = kShellTimeout);

// `getprop`, parsed; sets `failure` when it cannot be read or holds no properties.
std::optional<platform::android::PropertyMap> read_props(CheckContext& ctx, Outcome& failure);

// `settings get NS KEY`; nullopt when unset ("null") or on failure (then `failure` is set
// and `failed` becomes true, so a caller can tell "unset" from "could not ask").
std::optional<std::string> setting(CheckContext& ctx, const char* ns, const char* key, Outcome& failure, bool& failed);

// The source string measurements carry: "adb:dumpsys battery", "getprop-text:getprop".
std::string source(const CheckContext& ctx, std::string_view command);

}  // namespace examready::probe::android
