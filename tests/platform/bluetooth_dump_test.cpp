// dumpsys bluetooth_manager: Bluetooth on, bonded watches and bands by class of device
// (Android 15+) or by name (older dumps print no class).
#include <catch2/catch.hpp>

#include "platform/android/bluetooth_dump.h"
#include "tests/support/fixtures.h"

using namespace examready::platform::android;
using examready::test::read_fixture;

namespace {

// The shape of the dump around the list, with `bonded` as its lines.
std::string dump_with(const std::string& bonded, const char* enabled = "true") {
  return std::string("Bluetooth Status\n  enabled: ") + enabled +
         "\n  state: ON\n  address: XX:XX:XX:XX:00:01\n  name: phone\n\n"
         "Bluetooth crashed 0 times\n\nAdapterProperties\n  Name: phone\n  State: ON\n"
         "  Bonded devices:\n" +
         bonded + "\nmSnoopLogSettingAtEnable = empty\n";
}

}  // namespace

TEST_CASE("dumpsys bluetooth_manager: Android 10, names only, no wearable") {
  const BluetoothDump bt = parse_dumpsys_bluetooth_manager(
      read_fixture("android/redmi_note9_miui12/dumpsys_bluetooth_manager.txt"));
  CHECK(bt.enabled == true);
  CHECK(bt.bonded == 2);
  CHECK(bt.wearables_bonded == 0);
  CHECK_FALSE(bt.by_class);
  CHECK(bt.by_name);
}

TEST_CASE("dumpsys bluetooth_manager: Android 15 classes, and a classless LE band by name") {
  const BluetoothDump bt = parse_dumpsys_bluetooth_manager(
      read_fixture("android/vivo_x200_originos5/dumpsys_bluetooth_manager.txt"));
  CHECK(bt.enabled == true);
  CHECK(bt.bonded == 3);
  CHECK(bt.wearables_bonded == 2);  // the watch by class 0x0704, the band (class 0) by name
  CHECK(bt.by_class);
  CHECK(bt.by_name);
}

TEST_CASE("dumpsys bluetooth_manager: the class decides where it says something") {
  // A watch that reports itself as audio (0x2404xx) is not counted by a name that says watch;
  // a wearable class counts whatever the name.
  const BluetoothDump bt = parse_dumpsys_bluetooth_manager(
      dump_with("    XX:XX:XX:XX:00:02 [ DUAL ][ 0x240404 ] Watch Speaker\n"
                "    XX:XX:XX:XX:00:03 => XX:XX:XX:XX:00:04 [  LE  ][ 0x000704 ] 我的设备\n"
                "    XX:XX:XX:XX:00:05 [BR/EDR][ 0x001F00 ] HUAWEI WATCH GT 4-1A2\n"));
  CHECK(bt.bonded == 3);
  CHECK(bt.wearables_bonded == 2);
  CHECK(bt.by_class);
  CHECK(bt.by_name);  // 0x1F00 (uncategorised) says nothing: the name decided
}

TEST_CASE("dumpsys bluetooth_manager: wearable names") {
  for (const char* name :
       {"HUAWEI WATCH GT 4-1A2", "Mi Smart Band 6", "HONOR Band 7-9C0", "Galaxy Watch6 (5B2C)",
        "Amazfit GTS 4", "小米手环8", "华为手表", "Galaxy Fit3 (1A2B)", "SmartBand"}) {
    INFO(name);
    CHECK(wearable_name(name));
  }
  for (const char* name :
       {"Redmi AirDots 2", "vivo TWS 4", "Bandit Speaker", "JBL Flip 5", "星越L 车机", ""}) {
    INFO(name);
    CHECK_FALSE(wearable_name(name));
  }
}

TEST_CASE("dumpsys bluetooth_manager: off, empty list, no list") {
  // Bluetooth off: the adapter service is not bound, so there is no bonded list to count.
  const BluetoothDump off = parse_dumpsys_bluetooth_manager(
      "Bluetooth Status\n  enabled: false\n  state: OFF\n  address: XX:XX:XX:XX:00:01\n"
      "  name: phone\n\nBluetooth crashed 0 times\n\nBluetooth Service not connected\n");
  CHECK(off.enabled == false);
  CHECK_FALSE(off.bonded);
  CHECK_FALSE(off.wearables_bonded);
  const BluetoothDump none = parse_dumpsys_bluetooth_manager(dump_with(""));
  CHECK(none.bonded == 0);
  CHECK(none.wearables_bonded == 0);
  CHECK_FALSE(none.by_class);
  CHECK_FALSE(none.by_name);
}

TEST_CASE("dumpsys bluetooth_manager: malformed or cut dumps never pass for a full list") {
  CHECK_FALSE(parse_dumpsys_bluetooth_manager("").enabled);
  CHECK_FALSE(parse_dumpsys_bluetooth_manager("Can't find service: bluetooth_manager\n").bonded);
  // Cut inside the list: the missing lines could hold the watch.
  const std::string full =
      read_fixture("android/vivo_x200_originos5/dumpsys_bluetooth_manager.txt");
  const auto cut = full.find("    XX:XX:XX:XX:8D:5F");
  REQUIRE(cut != std::string::npos);
  const BluetoothDump cut_dump = parse_dumpsys_bluetooth_manager(full.substr(0, cut));
  CHECK(cut_dump.enabled == true);
  CHECK_FALSE(cut_dump.bonded);
  CHECK_FALSE(cut_dump.wearables_bonded);
  // A class that is not hex falls back to the name; an address line without brackets counts.
  const BluetoothDump odd =
      parse_dumpsys_bluetooth_manager(dump_with("    XX:XX:XX:XX:00:01 [ DUAL ] Redmi Buds\n"
                                                "    XX:XX:XX:XX:00:02 [ DUAL ][ 0xZZ ] Mi Band 5\n"
                                                "    XX:XX:XX:XX:00:03 no brackets at all\n"
                                                "    XX:XX:XX:XX:00:04 [ DUAL ][ 0x000704\n",
                                                "maybe"));
  CHECK_FALSE(odd.enabled);
  CHECK(odd.bonded == 4);
  CHECK(odd.wearables_bonded == 2);  // Mi Band 5 by name, the unclosed 0x000704 by class
}

TEST_CASE("dumpsys bluetooth_manager: a neckband is earphones, not a band") {
  for (const char* name : {"boAt Rockerz 255 Neckband", "JBL NECKBAND Live 200", "Sleep Headband",
                           "Swatch Bluetooth Speaker", "Stopwatch Remote"}) {
    INFO(name);
    CHECK_FALSE(wearable_name(name));
  }
  // Whole words, and the compounds vendors use for watches and bands.
  for (const char* name : {"Smartwatch X8", "TicWatch Pro 3", "Fitness Wristband", "MiBand 2",
                           "Redmi Watch 3", "Band", "watch"}) {
    INFO(name);
    CHECK(wearable_name(name));
  }
  // Android 14 and older print no class: the name alone decides.
  const BluetoothDump bt = parse_dumpsys_bluetooth_manager(
      dump_with("    XX:XX:XX:XX:00:02 [BR/EDR] Realme Buds Wireless Neckband\n"
                "    XX:XX:XX:XX:00:03 [  LE  ] HONOR Band 7-9C0\n"));
  CHECK(bt.bonded == 2);
  CHECK(bt.wearables_bonded == 1);
}

TEST_CASE("dumpsys bluetooth_manager: a name with a newline makes the list unknown, not short") {
  // The rest of the name lands at column 0, where the list would otherwise end: the lines after
  // it (here a band) would be lost and the count of one passed off as the whole list.
  const BluetoothDump split = parse_dumpsys_bluetooth_manager(
      dump_with("    XX:XX:XX:XX:00:02 [ DUAL ][ 0x240404 ] Buds\nPro\n"
                "    XX:XX:XX:XX:00:03 [  LE  ][ 0x000000 ] Mi Band 5\n"));
  CHECK(split.enabled == true);
  CHECK_FALSE(split.bonded);
  CHECK_FALSE(split.wearables_bonded);
  CHECK_FALSE(split.by_class);
  CHECK_FALSE(split.by_name);
  // A name ending in a newline prints a blank line that looks like the end of the list, but a
  // device line follows it.
  const BluetoothDump blank =
      parse_dumpsys_bluetooth_manager(dump_with("    XX:XX:XX:XX:00:02 [BR/EDR] Buds\n\n"
                                                "    XX:XX:XX:XX:00:03 [  LE  ] Mi Band 5\n"));
  CHECK_FALSE(blank.bonded);
  CHECK_FALSE(blank.wearables_bonded);
  // Anything else inside the list is not a dump we know.
  const BluetoothDump garbage =
      parse_dumpsys_bluetooth_manager(dump_with("    not an address [ DUAL ] Watch\n"
                                                "    XX:XX:XX:XX:00:02 [ DUAL ] Mi Band 5\n"));
  CHECK_FALSE(garbage.bonded);
  CHECK_FALSE(garbage.wearables_bonded);
  // Versions whose AdapterProperties.dump prints no blank line after the list: AdapterService's
  // next line closes it.
  const BluetoothDump no_blank = parse_dumpsys_bluetooth_manager(
      dump_with("    XX:XX:XX:XX:00:02 [BR/EDR] Buds\n    XX:XX:XX:XX:00:03 [  LE  ] Mi Band 5"));
  CHECK(no_blank.bonded == 2);
  CHECK(no_blank.wearables_bonded == 1);
}

TEST_CASE("dumpsys bluetooth_manager: a second bonded list makes the count unknown") {
  const std::string full =
      read_fixture("android/vivo_x200_originos5/dumpsys_bluetooth_manager.txt");
  REQUIRE(parse_dumpsys_bluetooth_manager(full).bonded == 3);
  // A second header cut short must not leave the first list's count standing.
  const BluetoothDump cut = parse_dumpsys_bluetooth_manager(
      full + "AdapterProperties\n  Bonded devices:\n    XX:XX:XX:XX:00:09 [ DUAL ] Watch\n");
  CHECK(cut.enabled == true);
  CHECK_FALSE(cut.bonded);
  CHECK_FALSE(cut.wearables_bonded);
  CHECK_FALSE(cut.by_class);
  CHECK_FALSE(cut.by_name);
  // Two complete lists: which one is the adapter's cannot be told.
  const BluetoothDump twice = parse_dumpsys_bluetooth_manager(full + full);
  CHECK_FALSE(twice.bonded);
  CHECK_FALSE(twice.wearables_bonded);
}
