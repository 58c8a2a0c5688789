// dumpsys notification text -> the apps whose notifications are off. Format of AOSP's
// dumpers, one line per app and user in the ranking section, and again under "Restored without
// uid:" (records of a backup not yet matched to an installed app, uid UNKNOWN_UID):
//   Android 8-12  "    AppSettings: com.tencent.mm (10234) importance=NONE priority=… showBadge=…"
//   Android 7     "Records:" then "      com.tencent.mm (10234) importance=NONE …" (no key)
// RankingHelper (Android 7-9) and PreferencesHelper (10-12) print "importance=" only when the
// app's importance is not the default, so a blocked app says NONE and an app without the key
// may notify; from 13 on the importance comes from the notification permission, every app
// requesting it is printed with "importance=DEFAULT" or "importance=NONE" and "userSet=…",
// and an app with no local settings is added at the end the same way. The uid holds the user
// (uid / 100000): MIUI's dual apps and second spaces are other users with the same package.
#include "platform/android/notification_dump.h"

#include <algorithm>
#include <map>

#include "core/text.h"

namespace examready::platform::android {

namespace text = core::text;

namespace {

struct Seen {
  int off = 0;  // lines saying importance=NONE
  int on = 0;   // lines with another importance or none
};

struct AppLine {
  std::string_view package;
  bool known_uid = false;  // false: UNKNOWN_UID, a restored record no user has
  bool off = false;        // importance=NONE
};

bool is_package_id(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_';
  });
}

// The word after `key` up to the next space ("NONE" of "importance=NONE priority=…").
std::string_view word_after(std::string_view line, std::string_view key) {
  const std::size_t at = line.find(key);
  if (at == std::string_view::npos) return {};
  std::string_view rest = line.substr(at + key.size());
  return rest.substr(0, rest.find(' '));
}

// "PKG (UID)[ field=value…]", the uid digits or UNKNOWN_UID; nullopt for any other line.
std::optional<AppLine> parse_app_line(std::string_view line) {
  const std::size_t space = line.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  AppLine app{.package = line.substr(0, space)};
  const std::string_view after = line.substr(space + 1);
  if (!is_package_id(app.package) || !text::starts_with(after, "(")) return std::nullopt;
  const std::size_t close = after.find(')');
  if (close == std::string_view::npos) return std::nullopt;
  const std::string_view uid = after.substr(1, close - 1);
  const bool digits = !uid.empty() && std::all_of(uid.begin(), uid.end(),
                                                  [](char c) { return c >= '0' && c <= '9'; });
  if (!digits && uid != "UNKNOWN_UID") return std::nullopt;
  app.known_uid = digits;
  app.off = word_after(after.substr(close + 1), " importance=") == "NONE";
  return app;
}

}  // namespace

std::optional<NotificationSettings> parse_notification_settings(std::string_view dump) {
  constexpr std::string_view kKey = "AppSettings: ";
  std::map<std::string, Seen, std::less<>> seen;
  bool in_records = false;  // Android 7: the lines after "Records:" carry no key
  for (auto raw : text::lines(dump)) {
    const std::string_view line = text::trim(raw);
    if (line == "Records:" || line == "Restored without uid:") {
      in_records = true;
      continue;
    }
    std::optional<AppLine> app;
    if (text::starts_with(line, kKey)) {
      app = parse_app_line(line.substr(kKey.size()));
    } else if (in_records) {
      app = parse_app_line(line);
      in_records = app.has_value();  // the list ends at the first line of another kind
    }
    if (!app || !app->known_uid) continue;
    Seen& s = seen[std::string(app->package)];
    if (app->off)
      ++s.off;
    else
      ++s.on;
  }
  if (seen.empty()) return std::nullopt;
  NotificationSettings settings;
  for (const auto& [package, s] : seen) {
    settings.listed.push_back(package);
    if (s.off > 0 && s.on == 0) settings.blocked.push_back(package);
  }
  return settings;
}

bool notifications_on(const NotificationSettings& settings, std::string_view package) {
  return !std::binary_search(settings.blocked.begin(), settings.blocked.end(), package);
}

}  // namespace examready::platform::android
