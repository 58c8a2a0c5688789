// Launch years from marketing names: the words that keep a name from being read, and every
// generation measured against the database's dated rows (hand-checked, and the sources' own
// dates), where the name must lie in the generation's years.
#include "rules/devices/name_series_rules.h"

#include "rules/devices/device_db.h"

#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <sstream>
#include <string>

using examready::devices::DeviceDb;
using examready::devices::DeviceRecord;
using examready::devices::launch_from_marketing_name;

namespace {

std::string range_of(std::string_view brand, std::string_view name) {
  const auto named = launch_from_marketing_name(brand, name);
  if (!named) return "none";
  return std::to_string(named->launch.earliest) + ".." + std::to_string(named->launch.latest) +
         " " + named->rule;
}

}  // namespace

TEST_CASE("a generation's name, with or without the brand, spaced or not") {
  CHECK(range_of("huawei", "HUAWEI Mate 70 Pro+") == "2024..2024 huawei-mate");
  CHECK(range_of("huawei", "Mate 70 Pro+ 5G") == "2024..2024 huawei-mate");
  CHECK(range_of("huawei", "Mate 70 RS Ultimate 5G") == "2024..2024 huawei-mate");
  CHECK(range_of("oppo", "Reno 10 Pro+ 5G") == "2023..2023 oppo-reno");
  CHECK(range_of("oppo", "OPPO Reno10") == "2023..2023 oppo-reno");
  CHECK(range_of("honor", "荣耀 80 GT") == "2022..2022 honor-number");
  CHECK(range_of("honor", "荣耀 80 Pro 直屏版") == "2023..2023 honor-number");  // 2023-01
  CHECK(range_of("honor", "80 Pro") == "2022..2022 honor-number");
  CHECK(range_of("vivo", "iQOO Neo 8 Pro") == "2023..2023 iqoo-neo");  // Matomo: under vivo
  CHECK(range_of("iqoo", "iQOO Neo8 Pro") == "2023..2023 iqoo-neo");
  CHECK(range_of("samsung", "Galaxy S23+") == "2023..2023 samsung-galaxy-s");
  CHECK(range_of("samsung", "Samsung Galaxy Z Fold5") == "2023..2023 samsung-galaxy-z");
  CHECK(range_of("realme", "真我 GT7 Pro") == "2024..2024 realme-gt");  // before the GT 7
  CHECK(range_of("realme", "GT 7") == "2025..2025 realme-gt");
  CHECK(range_of("realme", "realme 15 5G") == "2025..2025 realme-number");
  CHECK(range_of("oneplus", "OnePlus Ace") == "2022..2022 oneplus-ace");
  CHECK(range_of("oneplus", "Nord CE 5G") == "2021..2021 oneplus-nord");  // not the CE 5
  CHECK(range_of("oneplus", "Nord CE 5") == "2025..2025 oneplus-nord");
  // Several names for one phone: read when they agree.
  CHECK(range_of("huawei", "HUAWEI P60 Pro / P60 Art") == "2023..2023 huawei-p");
  CHECK(range_of("honor", "荣耀 X40i / Play7T Pro") == "none");
}

TEST_CASE("a word the generation does not list may be a later issue: nothing is said") {
  CHECK(range_of("huawei", "HUAWEI Mate 40 Pro 4G") == "none");  // 2021, the Mate 40 2020
  CHECK(range_of("huawei", "HUAWEI Mate 20 X 5G") == "none");    // 2019
  CHECK(range_of("huawei", "HUAWEI P50E") == "none");            // 2022
  CHECK(range_of("huawei", "Mate 70 Pro 优享版") == "none");
  CHECK(range_of("oppo", "Reno8 T") == "none");             // 2023, the Reno8 2022
  CHECK(range_of("oppo", "Reno 11 F") == "none");           // 2024
  CHECK(range_of("samsung", "Galaxy S21 FE") == "none");    // 2022
  CHECK(range_of("samsung", "Galaxy S10 Lite") == "none");  // 2020
  CHECK(range_of("samsung", "Galaxy A52s") == "none");
  CHECK(range_of("realme", "GT 7 Pro Racing") == "none");  // 2025
  CHECK(range_of("oneplus", "OnePlus 10 Pro") == "2022..2022 oneplus-number");
  CHECK(range_of("oneplus", "OnePlus 13T") == "none");
}

TEST_CASE("a name is read only for its own maker's rows") {
  CHECK(range_of("vivo", "Honor X50") == "none");  // a lead word of another maker
  CHECK(range_of("honor", "X50") == "2023..2023 honor-x");
  CHECK(range_of("vivo", "X50") == "2020..2020 vivo-x");
  CHECK(range_of("zte", "Mate 70") == "none");
  CHECK(range_of("huawei", "Honor 80 Pro") == "2022..2022 honor-number");
  CHECK(range_of("huawei", "HONOR 90") == "2023..2023 honor-number");  // old rows: HUAWEI
}

TEST_CASE("a name that carries its year launched then or in the last months before") {
  CHECK(range_of("huawei", "HUAWEI MatePad 11 (2023)") == "2022..2023 year-in-name");
  CHECK(range_of("redmi", "Redmi 10 2022") == "2021..2022 year-in-name");
  CHECK(range_of("samsung", "Galaxy A8 (2018)") == "2017..2018 year-in-name");
  CHECK(range_of("samsung", "Galaxy Tab A 10.1 (2019)") == "2018..2019 year-in-name");
  CHECK(range_of("acme", "2020") == "none");        // the year must follow a name
  CHECK(range_of("acme", "Acme 20250") == "none");  // a number, not a year
}

namespace {
// The rows whose launch is a truth to measure against: dated by hand or by a source
// (device-info, the LineageOS wiki), not by a naming scheme.
bool dated_by_hand_or_source(const DeviceRecord& row) {
  return row.launch_year != 0 && row.launch_source.find("model-code") == std::string::npos;
}

// Dated rows the names contradict, on purpose: the source's date is another issue's.
const std::map<std::string, std::string> kSourceSlips = {
    {"P30 Pro", "device-info dates VOG-AL00 2020-05 (the P30 Pro New Edition); launched 2019-03"},
};
}  // namespace

TEST_CASE("Chinese names, written together or apart, and the sources' tablet names") {
  CHECK(range_of("huawei", "华为畅享 70S") == "2024..2024 huawei-enjoy");
  CHECK(range_of("huawei", "华为畅享70X 活力版") == "2025..2025 huawei-enjoy");
  CHECK(range_of("huawei", "Enjoy 70 Pro") == "2023..2023 huawei-enjoy");    // Matomo's
  CHECK(range_of("honor", "Pad V9 11.5\" WiFi") == "2024..2024 honor-pad");  // Matomo's
  CHECK(range_of("honor", "荣耀 Play9T / 畅玩 60 Plus") == "2025..2025 honor-play");
  CHECK(range_of("huawei", "MatePad 11.5\" Air WiFi") == "2023..2023 huawei-matepad");
  CHECK(range_of("huawei", "HUAWEI MatePad SE 11") == "2024..2024 huawei-matepad");
  // A later issue of a size carries its year; the bare name may be any of them: not read.
  CHECK(range_of("huawei", "HUAWEI MatePad 11.5 (2024)") == "2023..2024 year-in-name");
  CHECK(range_of("huawei", "HUAWEI MatePad 11") == "none");
  CHECK(range_of("huawei", "MatePad 11.5\" S WiFi") == "none");
  CHECK(range_of("huawei", "HUAWEI MatePad Pro 5G") == "none");  // 2020, not the 2019 Pro
  // "Pad X9" is HONOR's global tablet of 2023 and the China one of 2024.
  CHECK(range_of("honor", "HONOR Pad X9") == "2023..2024 honor-pad");
  CHECK(range_of("honor", "荣耀平板 X9 Pro") == "2024..2024 honor-pad");
  // Names no table reads stay unread: every part of a "/" name must read, and agree.
  CHECK(range_of("huawei", "华为麦芒 30") == "none");
  CHECK(range_of("honor", "荣耀畅玩 40 / 40C / 40S") == "none");
  CHECK(range_of("huawei", "华为畅享 60 / 畅享 70z") == "none");
  // A Chinese brand of another maker is not read for this one.
  CHECK(range_of("xiaomi", "荣耀平板 X9") == "none");
}

TEST_CASE("Apple's names, as Apple, DeviceKit and the verified rows write them") {
  CHECK(range_of("apple", "iPhone 14 Pro Max") == "2022..2022 apple-iphone");
  CHECK(range_of("apple", "iPhone 16e") == "2025..2025 apple-iphone");
  CHECK(range_of("apple", "iPhone SE (2nd generation)") == "2020..2020 apple-iphone");
  CHECK(range_of("apple", "iPhone SE") == "2016..2016 apple-iphone");
  CHECK(range_of("apple", "iPad (10th generation)") == "2022..2022 apple-ipad");
  CHECK(range_of("apple", "iPad Air (11-inch) (M2)") == "2024..2024 apple-ipad");  // DeviceKit
  CHECK(range_of("apple", "iPad Air 11-inch (M2)") == "2024..2024 apple-ipad");    // verified
  CHECK(range_of("apple", "iPad Pro (12.9-inch) (2nd generation)") == "2017..2017 apple-ipad");
  CHECK(range_of("apple", "iPad Pro (12.9-inch)") == "2015..2015 apple-ipad");
  CHECK(range_of("apple", "iPad mini 4") == "2015..2015 apple-ipad");
  CHECK(range_of("apple", "iPad mini (A17 Pro)") == "2024..2024 apple-ipad");
  // Names no table lists are not guessed: a later "e", a chip the table does not know.
  CHECK(range_of("apple", "iPhone 17e") == "none");
  CHECK(range_of("apple", "iPad Air (11-inch) (M4)") == "none");
  CHECK(range_of("apple", "iPhone 14 Ultra") == "none");
  // Every hand-checked Apple row reads as its own year.
  int apple_rows = 0;
  for (const DeviceRecord& row : DeviceDb::shipped().records()) {
    if (!row.verified() || row.brand != "apple") continue;
    ++apple_rows;
    INFO(row.marketing_name);
    const std::string year = std::to_string(row.launch_year);
    CHECK(range_of(row.brand, row.marketing_name).starts_with(year + ".." + year + " apple-"));
  }
  CHECK(apple_rows >= 70);
}

TEST_CASE("every generation holds the database's dated rows") {
  struct Stats {
    std::set<std::string> names;
    int rows = 0, exact = 0;
    std::set<std::string> contradicted;
  };
  std::map<std::string, Stats> by_rule;
  for (const DeviceRecord& row : DeviceDb::shipped().records()) {
    if (!dated_by_hand_or_source(row)) continue;
    const auto named = launch_from_marketing_name(row.brand, row.marketing_name);
    if (!named) continue;
    Stats& stats = by_rule[named->rule];
    ++stats.rows;
    stats.names.insert(row.marketing_name);
    const bool holds =
        named->launch.contains(row.launch_year) && named->launch.contains(row.launch_year_latest);
    INFO(row.brand << " " << row.marketing_name << " [" << row.launch_source << "] "
                   << row.launch_year << ", named " << named->launch.earliest << ".."
                   << named->launch.latest << " " << named->rule);
    if (!holds && !row.verified() && kSourceSlips.count(row.marketing_name) == 1) continue;
    CHECK(holds);
    if (!holds) stats.contradicted.insert(row.marketing_name);
    if (holds && named->launch.earliest == named->launch.latest) ++stats.exact;
  }
  std::ostringstream summary;
  summary << "marketing-name rules over the database's dated rows:";
  int rows = 0;
  for (const auto& [rule, stats] : by_rule) {
    rows += stats.rows;
    summary << "\n  " << rule << ": " << stats.rows << " rows, agreement "
            << stats.rows - static_cast<int>(stats.contradicted.size()) << "/" << stats.rows
            << ", one year " << stats.exact;
  }
  WARN(summary.str());
  CHECK(rows >= 300);
}

TEST_CASE("lines launched in China first: a China code's row launched in the first year") {
  using examready::devices::china_market_code;
  const auto china = launch_from_marketing_name("redmi", "Redmi Note 14 Pro+");
  REQUIRE(china);
  CHECK(china->launch.earliest == 2024);
  CHECK(china->launch.latest == 2025);
  CHECK(china->china_launch == 2024);
  CHECK_FALSE(launch_from_marketing_name("redmi", "Redmi 10 Prime")->china_launch);  // not China
  CHECK_FALSE(launch_from_marketing_name("huawei", "MatePad 11 (2023)")->china_launch);
  // Variants launched later have rows of their own (2024, China only).
  CHECK(launch_from_marketing_name("vivo", "vivo X100 Ultra")->china_launch == 2024);

  int rows = 0;
  for (const DeviceRecord& row : DeviceDb::shipped().records()) {
    if (!dated_by_hand_or_source(row)) continue;
    const auto named = launch_from_marketing_name(row.brand, row.marketing_name);
    if (!named || !named->china_launch) continue;
    for (const std::string& code : row.model_codes) {
      if (!china_market_code(row.brand, code)) continue;
      INFO(row.brand << " " << row.marketing_name << " " << code << " [" << row.launch_source
                     << "] " << row.launch_year << ", China launch " << *named->china_launch);
      CHECK(row.launch_year == *named->china_launch);
      CHECK(row.launch_year_latest == *named->china_launch);
      ++rows;
      break;
    }
  }
  CHECK(rows >= 50);  // 52 on 2026-12-07
}
