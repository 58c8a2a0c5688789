// Parser for `dumpsys notification`: which apps have their notifications turned off
// (Settings → Notifications → the app → off). Only the ranking section's per-app lines are
// read; the notifications themselves (their texts are in the dump) are never looked at.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace examready::platform::android {

struct NotificationSettings {
  // Apps whose notifications are off for every user that has the app (a second space or a
  // "dual app" copy with notifications on still interrupts).
  std::vector<std::string> blocked;
  // Apps the dump lists at least once (for a user, with or without an importance).
  std::vector<std::string> listed;
};

// nullopt when the dump lists no app settings at all: not a notification service's dump, or
// one cut before its ranking section, which says nothing about any app.
std::optional<NotificationSettings> parse_notification_settings(std::string_view text);

// Whether notifications of `package` may show: false when the dump has them off for it.
bool notifications_on(const NotificationSettings& settings, std::string_view package);

}  // namespace examready::platform::android
