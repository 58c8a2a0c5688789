// dumpsys media_projection and dumpsys display: is the screen recorded, shared or mirrored.
#include <catch2/catch.hpp>

#include "platform/android/screen_dump.h"
#include "tests/support/fixtures.h"

using namespace examready::platform::android;
using examready::test::read_fixture;

TEST_CASE("dumpsys media_projection: a grant is a capture in progress, null is none") {
  CHECK(parse_media_projection_active(
            read_fixture("android/redmi_note9_miui12/dumpsys_media_projection.txt")) == false);
  CHECK(parse_media_projection_active(
            read_fixture("android/vivo_x200_originos5/dumpsys_media_projection.txt")) == true);
  // Every type counts: mirroring and presentation leave the phone as well.
  CHECK(parse_media_projection_active("MEDIA PROJECTION MANAGER (dumpsys media_projection)\r\n"
                                      "Media Projection: \r\n"
                                      "(com.example.cast, uid=10311): TYPE_MIRRORING\r\n") == true);
}

TEST_CASE("dumpsys media_projection: malformed or cut dumps say nothing") {
  CHECK_FALSE(parse_media_projection_active(""));
  CHECK_FALSE(parse_media_projection_active("Can't find service: media_projection\n"));
  // Cut right after the header: the grant line is lost.
  CHECK_FALSE(parse_media_projection_active(
      "MEDIA PROJECTION MANAGER (dumpsys media_projection)\nMedia Projection: \n"));
  CHECK_FALSE(parse_media_projection_active(
      "MEDIA PROJECTION MANAGER (dumpsys media_projection)\nMedia Projection: \n(com.exa"));
  CHECK_FALSE(parse_media_projection_active("Media Projection: \nsomething else\n"));
  CHECK_FALSE(parse_media_projection_active(
      "Permission Denial: can't dump MediaProjectionManager from from pid=1, uid=2000\n"));
}

TEST_CASE("dumpsys display: a connected Wi-Fi display is casting") {
  CHECK(parse_wireless_display_connected(
            read_fixture("android/redmi_note9_miui12/dumpsys_display.txt")) == false);
  CHECK(parse_wireless_display_connected(
            read_fixture("android/vivo_x200_originos5/dumpsys_display.txt")) == true);
}

TEST_CASE("dumpsys display: either sign of a wireless display is enough") {
  const std::string devices_end = "\nLogical Displays: size=1\n  Display 0:\n";
  const std::string built_in =
      "  DisplayDeviceInfo{\"Built-in Screen\": uniqueId=\"local:0\", 1080 x 2340, touch "
      "INTERNAL, rotation 0, type INTERNAL, address {port=0}, state ON, FLAG_SECURE}\n";
  // Only the adapter's state (a firmware that names its display device differently).
  CHECK(parse_wireless_display_connected("Display Adapters: size=2\n  WifiDisplayAdapter\n"
                                         "    mActiveDisplayState=2\n\nDisplay Devices: size=1\n" +
                                         built_in + devices_end) == true);
  // Connecting is not mirroring yet.
  CHECK(parse_wireless_display_connected("  WifiDisplayAdapter\n    mActiveDisplayState=1\n"
                                         "Display Devices: size=1\n" +
                                         built_in + devices_end) == false);
  // Only the device (no WifiDisplayAdapter section, e.g. a vendor's own cast stack).
  CHECK(parse_wireless_display_connected(
            "Display Devices: size=2\n" + built_in +
            "  DisplayDeviceInfo{\"TV\": uniqueId=\"wifi:aa\", 1920 x 1080, touch EXTERNAL, "
            "rotation 0, type WIFI}\n" +
            devices_end) == true);
  // A screen recorder's virtual display is not a wireless display (media_projection tells it).
  CHECK(parse_wireless_display_connected(
            "Display Devices: size=2\n" + built_in +
            "  DisplayDeviceInfo{\"rec\": uniqueId=\"virtual:x\", 720 x 1600, type VIRTUAL, "
            "state ON, owner com.example (uid 10100), FLAG_PRESENTATION}\n" +
            devices_end) == false);
}

TEST_CASE("dumpsys display: malformed or cut dumps say nothing") {
  const std::string full = read_fixture("android/vivo_x200_originos5/dumpsys_display.txt");
  CHECK_FALSE(parse_wireless_display_connected(""));
  CHECK_FALSE(parse_wireless_display_connected("Can't find service: display\n"));
  // Cut inside the device list: the Wi-Fi display could be the part that was lost.
  const auto cut = full.find("  DisplayDeviceInfo{\"客厅的电视\"");
  REQUIRE(cut != std::string::npos);
  CHECK_FALSE(parse_wireless_display_connected(full.substr(0, cut)));
  // Cut before the device list even starts, with the adapter already saying "not connected".
  CHECK_FALSE(parse_wireless_display_connected(
      "DISPLAY MANAGER (dumpsys display)\n  WifiDisplayAdapter\n    mActiveDisplayState=0\n"));
}

TEST_CASE("dumpsys display: the built-in panel's physical size") {
  // Redmi Note 9: 1080 x 2340 at 394.7 x 394.6 dpi, a 6.53-inch panel.
  const auto redmi =
      parse_builtin_displays(read_fixture("android/redmi_note9_miui12/dumpsys_display.txt"));
  REQUIRE(redmi);
  CHECK(redmi->count == 1);
  CHECK(redmi->largest_diagonal_in == Approx(6.53).margin(0.02));
  // vivo X200: 6.67 inches; its virtual (screen recorder) and Wi-Fi displays do not count.
  const auto vivo =
      parse_builtin_displays(read_fixture("android/vivo_x200_originos5/dumpsys_display.txt"));
  REQUIRE(vivo);
  CHECK(vivo->count == 1);
  CHECK(vivo->largest_diagonal_in == Approx(6.67).margin(0.02));
}

TEST_CASE("dumpsys display: panels counted once, implausible densities say nothing") {
  // The Redmi Note 9's line in DisplayDeviceInfo.toString's shape, with other pixels and dpi.
  const auto panel = [](const char* id, const char* pixels, const char* dpi) {
    return std::string("  DisplayDeviceInfo{\"Built-in Screen\": uniqueId=\"") + id + "\", " +
           pixels + ", modeId 1, defaultModeId 1, colorMode 0, density 440, " + dpi +
           " dpi, appVsyncOff 1000000, type INTERNAL, state ON}\n";
  };
  // A foldable: cover and inner panel; the same panel listed twice counts once.
  const auto fold = parse_builtin_displays(panel("local:0", "1080 x 2316", "402.0 x 402.0") +
                                           panel("local:1", "1812 x 2176", "373.0 x 373.0") +
                                           panel("local:1", "1812 x 2176", "373.0 x 373.0"));
  REQUIRE(fold);
  CHECK(fold->count == 2);
  CHECK(fold->largest_diagonal_in == Approx(7.59).margin(0.02));
  // An 11-inch tablet (1600 x 2560 at 274 dpi).
  const auto tablet = parse_builtin_displays(panel("local:0", "1600 x 2560", "274.0 x 274.0"));
  REQUIRE(tablet);
  CHECK(tablet->largest_diagonal_in == Approx(11.02).margin(0.02));
  // Firmware that reports no physical density, a logical one off by half, or none at all.
  CHECK_FALSE(parse_builtin_displays(panel("local:0", "1080 x 2340", "0.0 x 0.0")));
  CHECK_FALSE(parse_builtin_displays(panel("local:0", "1080 x 2340", "440.0 x 220.0")));
  CHECK_FALSE(parse_builtin_displays(panel("local:0", "1080 x 2340", "40.0 x 40.0")));
  CHECK_FALSE(parse_builtin_displays(panel("virtual:1", "1080 x 2340", "400.0 x 400.0")));
  CHECK_FALSE(parse_builtin_displays("  DisplayDeviceInfo{\"x\": uniqueId=\"local:0\", 1080"));
  CHECK_FALSE(parse_builtin_displays(""));
}
