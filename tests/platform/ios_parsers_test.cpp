// libimobiledevice output parsing and the iOS disk/battery reductions.
#include <catch2/catch.hpp>

#include "platform/ios/ideviceinfo.h"
#include "probe/ios/lockdown.h"
#include "tests/support/fixtures.h"

using namespace examready::platform::ios;
using examready::test::read_fixture;

TEST_CASE("idevice_id -l: UDIDs only") {
  CHECK(parse_idevice_ids("00008030-001A35E02E42802E\n").size() == 1);
  CHECK(parse_idevice_ids(
            "00008030-001A35E02E42802E (USB)\n3f1c0a7e4f2b9d8e6a5c4b3a2f1e0d9c8b7a6f5e\n")
            .size() == 2);
  CHECK(parse_idevice_ids("ERROR: Unable to retrieve device list!\n").empty());
}

TEST_CASE("ideviceinfo: a value with control bytes is left out, as getprop's are") {
  const auto info = parse_ideviceinfo(
      "ProductType: iPhone12,1\x1b[2J\nProductVersion: 17.0\x1b]52;c;aGk=\x07\n"
      "DeviceClass: iPhone\nDeviceName: a\x01"
      "b\n");
  CHECK(info.count("ProductType") == 0);
  CHECK(info.count("ProductVersion") == 0);
  CHECK(info.count("DeviceName") == 0);
  CHECK(info.at("DeviceClass") == "iPhone");
}

TEST_CASE("ideviceinfo: top-level keys, disk usage and battery") {
  const auto info = parse_ideviceinfo(read_fixture("ios/iphone11_ios17/ideviceinfo.txt"));
  CHECK(info.at("ProductType") == "iPhone12,1");
  CHECK(info.at("ProductVersion") == "17.5.1");
  CHECK(info.at("DeviceClass") == "iPhone");
  CHECK(info.count("SupportedDeviceFamilies") == 1);
  const auto disk = examready::probe::ios::ios_disk_usage(
      parse_ideviceinfo(read_fixture("ios/iphone11_ios17/ideviceinfo_com.apple.disk_usage.txt")));
  CHECK(disk.free_bytes == 18512592896);
  CHECK(disk.total_bytes == 52935057408);
  const auto battery = examready::probe::ios::ios_battery(parse_ideviceinfo(
      read_fixture("ios/iphone11_ios17/ideviceinfo_com.apple.mobile.battery.txt")));
  CHECK(battery.level_percent == Approx(83));
  CHECK(battery.charging == true);
}

TEST_CASE("libimobiledevice failures become instructions") {
  CHECK(
      describe_ios_failure("ERROR: No device found!\n", "", false, true).find("no iPhone found") ==
      0);
  CHECK(describe_ios_failure(
            "", "ERROR: Could not connect to lockdownd: Pairing dialog response pending (-19)\n",
            false, true)
            .find("Trust") != std::string::npos);
  CHECK(describe_ios_failure("", "", false, false).find("libimobiledevice") != std::string::npos);
}
