// dumpsys notification: which apps have their notifications turned off, from the per-app
// "AppSettings:" lines of Android 10-12 (importance printed only when not the default) and
// 13+ (importance from the notification permission, DEFAULT or NONE, for every holder).
#include <catch2/catch.hpp>

#include "platform/android/notification_dump.h"
#include "tests/support/fixtures.h"

using namespace examready::platform::android;
using examready::test::read_fixture;

namespace {

using Strings = std::vector<std::string>;

// The ranking section of a dump with `apps` as its per-app lines.
std::string dump_with(const std::string& apps, const std::string& restored = "") {
  return "Current Notification Manager state:\n  Notification List:\n\n"
         "  Notification Preferences:\n    per-package config:\nPackagePreferences:\n" +
         apps + "Restored without uid:\n" + restored;
}

}  // namespace

TEST_CASE("dumpsys notification: Android 10, one app turned off, the others default") {
  const auto settings = parse_notification_settings(
      read_fixture("android/redmi_note9_miui12/dumpsys_notification.txt"));
  REQUIRE(settings);
  CHECK(settings->blocked == Strings{"com.tencent.mm"});
  CHECK(settings->listed == Strings{"com.android.systemui", "com.tencent.mm",
                                    "com.tencent.mobileqq", "com.xiaomi.market"});
  CHECK_FALSE(notifications_on(*settings, "com.tencent.mm"));
  CHECK(notifications_on(*settings, "com.tencent.mobileqq"));      // showBadge=false only
  CHECK(notifications_on(*settings, "com.ss.android.ugc.aweme"));  // never set: the default
}

TEST_CASE("dumpsys notification: Android 13, importance from the permission") {
  const auto settings =
      parse_notification_settings(read_fixture("android/pixel6_stock/dumpsys_notification.txt"));
  REQUIRE(settings);
  CHECK(settings->blocked == Strings{"com.alibaba.android.rimet", "com.tencent.mm"});
  CHECK(notifications_on(*settings, "com.android.vending"));  // importance=DEFAULT
}

TEST_CASE("dumpsys notification: Android 7, the records without a key") {
  // RankingHelper of 7.x: "Records:" then "  PKG (UID) fields" per app, then the restored ones.
  const auto settings = parse_notification_settings(
      "  Ranking Config:\n    mSignalExtractors.length = 7\n"
      "      com.android.server.notification.ValidateNotificationPeople@5e1b3c2\n"
      "    per-package config:\nRecords:\n"
      "      com.tencent.mm (10107) importance=NONE\n"
      "      com.tencent.mobileqq (10109) priority=MAX\n"
      "Restored without uid:\n"
      "      com.ss.android.ugc.aweme (UNKNOWN_UID) importance=NONE\n"
      "\n  Notification listeners:\n"
      "      com.example.listener (10110) importance=NONE\n");
  REQUIRE(settings);
  CHECK(settings->blocked == Strings{"com.tencent.mm"});
  // The list ended at the blank line: a later line of the same shape is not a record.
  CHECK(settings->listed == Strings{"com.tencent.mm", "com.tencent.mobileqq"});
}

TEST_CASE("dumpsys notification: an app is off only when it is off for every user") {
  // MIUI's dual apps and second spaces are other users (uid 999xxxxx, 10xxxxx): the copy
  // with notifications on still interrupts.
  const auto settings = parse_notification_settings(dump_with(
      "      AppSettings: com.tencent.mm (10107) importance=NONE\n"
      "      AppSettings: com.tencent.mm (99910107)\n"
      "      AppSettings: com.tencent.mobileqq (10109) importance=NONE userSet=true\n"
      "      AppSettings: com.tencent.mobileqq (1010109) importance=NONE userSet=true\n"));
  REQUIRE(settings);
  CHECK(notifications_on(*settings, "com.tencent.mm"));
  CHECK_FALSE(notifications_on(*settings, "com.tencent.mobileqq"));
}

TEST_CASE("dumpsys notification: restored records of no installed app say nothing") {
  const auto settings = parse_notification_settings(
      dump_with("      AppSettings: com.tencent.mm (10107) importance=NONE\n",
                "      AppSettings: com.tencent.mm (UNKNOWN_UID)\n"
                "      AppSettings: com.tencent.mobileqq (UNKNOWN_UID) importance=NONE\n"));
  REQUIRE(settings);
  CHECK(settings->blocked == Strings{"com.tencent.mm"});
  CHECK(settings->listed == Strings{"com.tencent.mm"});
}

TEST_CASE("dumpsys notification: only the importance field decides") {
  // Other fields and channels carry importances of their own; a channel turned off is not
  // the app turned off, and "NONE" elsewhere on the line is not its importance.
  const auto settings = parse_notification_settings(
      dump_with("      AppSettings: a.b (10001) priority=MAX visibility=SECRET showBadge=false\n"
                "        NotificationChannel{mId='x', mName=x, mImportance=0, mBypassDnd=false}\n"
                "      AppSettings: c.d (10002) importance=LOW\n"
                "      AppSettings: e.f (10003) importance=NONE_ priority=NONE\n"
                "      AppSettings: g.h (10004) importance=NONE\r\n"));
  REQUIRE(settings);
  CHECK(settings->blocked == Strings{"g.h"});
}

TEST_CASE("dumpsys notification: a dump without app settings says nothing") {
  CHECK_FALSE(parse_notification_settings(""));
  CHECK_FALSE(parse_notification_settings("Can't find service: notification\n"));
  // Cut before the ranking section (a dump that timed out), or lines not of the format.
  CHECK_FALSE(
      parse_notification_settings("Current Notification Manager state:\n  Notification List:\n"));
  CHECK_FALSE(
      parse_notification_settings(dump_with("      AppSettings: \n"
                                            "      AppSettings: a.b\n"
                                            "      AppSettings: a.b (\n"
                                            "      AppSettings: a.b 10001) importance=NONE\n"
                                            "      AppSettings: a.b () importance=NONE\n"
                                            "      AppSettings: a b (10001) importance=NONE\n"
                                            "      AppSettings: a.b (-1) importance=NONE\n")));
  // Outside "Records:" a line without the key is not a record.
  CHECK_FALSE(parse_notification_settings("      com.tencent.mm (10107) importance=NONE\n"));
}
