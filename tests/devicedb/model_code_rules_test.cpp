// Device facts from model codes: each rule's edge cases, and every rule measured against the
// hand-checked rows of the shipped database (range must hold the row's launch year, class must
// equal the row's class).
#include "rules/devices/model_code_rules.h"

#include "rules/devices/device_db.h"

#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <sstream>
#include <string>

using examready::devices::derive_from_model_code;
using examready::devices::DerivedDeviceFacts;
using examready::devices::DeviceDb;
using examready::devices::DeviceRecord;
using examready::devices::launch_floor_from_first_api_level;
using examready::devices::YearRange;

namespace {

bool same_range(const DerivedDeviceFacts& facts, int earliest, int latest) {
  return facts.launch && facts.launch->earliest == earliest && facts.launch->latest == latest;
}

// Codes whose derived launch contradicts their row, on purpose: the row's launch year is the
// first launch of the model, and these codes are later issues of it.
const std::map<std::string, std::string> kKnownLaunchExceptions = {
    // Redmi Note 8 (2021): a 2021 re-release under the 2019 Redmi Note 8's certification
    // (M1908C3JG + G).
    {"M1908C3JGG", "re-release under a 2019 code"},
    // Redmi Note 13 Pro+ 5G: China launch 2023-09; this is the Japanese model, certified
    // 2024-04 and launched 2024-05.
    {"24040RA98R", "Japanese variant launched 2024"},
    // POCO M4 Pro 5G: launched November 2021; this is the Indian code, certified 2022-03.
    {"22031116AI", "Indian variant certified 2022"},
};

struct RuleStats {
  std::set<const DeviceRecord*> rows;  // rows where the rule fired on some code
  std::set<const DeviceRecord*> contradicted;
  int codes = 0;
  int exceptions = 0;
  std::map<int, int> widths;  // range width in years -> codes (launch rules only)
};

// Each code derives a phone launched in exactly that year, by `rule`.
void check_phones_launched(std::string_view brand, const std::map<std::string, int>& launched,
                           std::string_view rule) {
  for (const auto& [code, year] : launched) {
    INFO(code);
    const auto facts = derive_from_model_code(brand, code);
    CHECK(same_range(facts, year, year));
    CHECK(facts.device_class == "phone");
    CHECK(facts.rule == rule);
  }
}

}  // namespace

TEST_CASE("Xiaomi certification dates: old M-form and new form") {
  const auto note9 = derive_from_model_code("Redmi", "M2003J15SG", "merlin");
  CHECK(note9.certified_year == 2020);
  CHECK(note9.certified_month == 3);
  CHECK(same_range(note9, 2020, 2020));  // March: one year
  REQUIRE(note9.launch);
  CHECK(note9.launch->contains(2020));  // the Redmi Note 9 launched in 2020
  CHECK(note9.rule == "xiaomi-cert-date");
  CHECK(note9.launch_rule == "xiaomi-cert-date");
  CHECK_FALSE(note9.device_class);  // the old form says nothing about the class

  const auto note8 = derive_from_model_code("Xiaomi", "M1908C3JG");
  CHECK(note8.certified_year == 2019);
  CHECK(note8.certified_month == 8);
  CHECK(same_range(note8, 2019, 2020));

  CHECK(same_range(derive_from_model_code("Xiaomi", "2201117TG"), 2021, 2022));
  CHECK(same_range(derive_from_model_code("POCO", "21091116AG"), 2021, 2022));
  CHECK(same_range(derive_from_model_code("Redmi", "2106118C"), 2021, 2021));  // June: one year
  const auto late = derive_from_model_code("Redmi", "23129RAA4G");
  CHECK(late.certified_year == 2023);
  CHECK(late.certified_month == 12);
  CHECK(same_range(late, 2023, 2024));
  CHECK(same_range(derive_from_model_code("POCO", "2409BRN2CA"), 2024, 2025));
  // The window's edges: February reaches back to December, July forward to January.
  CHECK(same_range(derive_from_model_code("xiaomi", "2302ERA42L"), 2022, 2023));
  CHECK(same_range(derive_from_model_code("xiaomi", "2303ERA42L"), 2023, 2023));
  CHECK(same_range(derive_from_model_code("xiaomi", "2304FPN6DG"), 2023, 2023));
  CHECK(same_range(derive_from_model_code("xiaomi", "2306EPN60G"), 2023, 2023));
  CHECK(same_range(derive_from_model_code("xiaomi", "2307EPN60G"), 2023, 2024));
  // China codes (C last) launch at home within four months: August names one year.
  const auto fold3 = derive_from_model_code("Xiaomi", "2308CPXD0C");  // MIX Fold 3, 2023-08
  CHECK(same_range(fold3, 2023, 2023));
  CHECK(fold3.launch_rule == "xiaomi-china-cert-date");
  CHECK(same_range(derive_from_model_code("Xiaomi", "2308CPXD0G"), 2023, 2024));
  CHECK(same_range(derive_from_model_code("Redmi", "23117RK66C"), 2023, 2024));  // November
  CHECK(same_range(derive_from_model_code("Xiaomi", "M2011J18C"), 2020, 2021));  // 2021-03
  CHECK(same_range(derive_from_model_code("Xiaomi", "2201123C"), 2021, 2022));   // 2021-12
}

TEST_CASE("Xiaomi codes without a date derive nothing") {
  for (const char* code : {
           "M2013J15SG",                                       // month 13
           "M2000J15SG",                                       // month 00
           "22200414R",                                        // Xiaomi 12T Pro Japan: month 20
           "M1403J15SG",                                       // 2014: before the scheme
           "2803ERA42L",                                       // 2028: not plausible yet
           "2014811",                                          // Redmi 2 era: 7 digits, no letter
           "20120511",                                         // digits only
           "XIG02", "A101XM", "A201XM",                        // Japanese carrier codes
           "Redmi Note 8 Pro", "M2003J15S G", "M2003-J15SG",   // names, blanks, punctuation
           "M2003J15", "2201117T1", "220111", "M2003J1SGXXXX"  // no region letter, too short/long
       }) {
    INFO(code);
    const auto facts = derive_from_model_code("Xiaomi", code);
    CHECK_FALSE(facts.launch);
    CHECK_FALSE(facts.certified_year);
    CHECK_FALSE(facts.device_class);
    CHECK(facts.rule.empty());
    CHECK(facts.empty());
  }
}

TEST_CASE("Xiaomi rules take any case and blanks, and only the Xiaomi brands") {
  CHECK(same_range(derive_from_model_code("  REDMI ", "  m2003j15sg\n"), 2020, 2020));
  CHECK(same_range(derive_from_model_code("poco", "23129raa4g"), 2023, 2024));
  // Another maker: even a Xiaomi-shaped code derives nothing.
  CHECK(derive_from_model_code("Meizu", "M2003J15SG").empty());
  CHECK(derive_from_model_code("samsung", "2201117TG").empty());
  // No brand: the two Xiaomi shapes are unmistakable (no other maker uses them).
  const auto no_brand = derive_from_model_code("", "M2003J15SG");
  CHECK(same_range(no_brand, 2020, 2020));
  CHECK(derive_from_model_code("", "23043RP34G").device_class == "tablet");
  CHECK(derive_from_model_code("", "5033D").empty());  // Alcatel-style short codes
  CHECK(derive_from_model_code("", "").empty());
  CHECK(derive_from_model_code("Xiaomi", "").empty());
}

TEST_CASE("Xiaomi series letters: RP is a tablet, the phone series are phones") {
  for (const char* pad : {"23043RP34G", "2405CRPFDG", "25040RP0AC", "2509BRP2DI", "24018RPACG"}) {
    INFO(pad);
    const auto facts = derive_from_model_code("Xiaomi", pad);
    CHECK(facts.device_class == "tablet");
    CHECK(facts.class_rule == "xiaomi-series-tablet");
    CHECK(facts.launch);
  }
  const auto pad6 = derive_from_model_code("Xiaomi", "23043RP34G");
  CHECK(same_range(pad6, 2023, 2023));
  CHECK(pad6.rule == "xiaomi-cert-date+xiaomi-series-tablet");

  for (const char* phone : {"23129RAA4G", "24117RN76G", "25060RK16C", "24129RT7CC", "25113PN0EG",
                            "25069PTEBG", "2505APX7BG", "25067PYE3C"}) {
    INFO(phone);
    const auto facts = derive_from_model_code("Redmi", phone);
    CHECK(facts.device_class == "phone");
    CHECK(facts.class_rule == "xiaomi-series-phone");
  }
  // POCO's PC series holds the POCO Pad too; VP is Xiaomi's car cockpit; older new-form
  // codes have digits there; old-form codes have no series: no class.
  for (const char* code :
       {"2405CPCFBG", "24095PCADG", "2405AVPB7C", "2201117TG", "22081283G", "M2105K81AC"}) {
    INFO(code);
    const auto facts = derive_from_model_code("Xiaomi", code);
    CHECK(facts.launch);
    CHECK_FALSE(facts.device_class);
  }
}

TEST_CASE("Huawei and Honor Wi-Fi tablets") {
  for (const char* code : {"BAH3-W09", "BAH4-W19", "MRO-W00", "AGS3K-W20", "hey2-w19", "KOB2KZ-W09",
                           "AGS3-W00D", "AGS3-W09HN"}) {
    INFO(code);
    const auto facts = derive_from_model_code("HUAWEI", code);
    CHECK(facts.device_class == "tablet");
    CHECK(facts.rule == "huawei-wifi-tablet");
    CHECK_FALSE(facts.launch);
  }
  CHECK(derive_from_model_code("HONOR", "ROD2-W69").device_class == "tablet");
  CHECK(derive_from_model_code("honor", "ELN-W09").device_class == "tablet");
  // LTE tablets share the phones' suffixes: nothing either way.
  for (const char* code : {"BAH4-AL10", "HEY2-AN00", "ALN-AL00", "LGE-AN00", "W09", "-W09",
                           "BAH3-W9", "BAH3-W091", "BAH3-WA9", "BAH3-W09ABC", "ABCDEFG-W09"}) {
    INFO(code);
    CHECK(derive_from_model_code("huawei", code).empty());
  }
  CHECK(derive_from_model_code("", "BAH3-W09").empty());      // the shape is not unmistakable
  CHECK(derive_from_model_code("Lenovo", "TB-W09").empty());  // another maker
}

TEST_CASE("Huawei / Honor platforms: the part of the code before a variant") {
  CHECK(examready::devices::huawei_platform("ALN-AL00") == "ALN");
  CHECK(examready::devices::huawei_platform(" els-nx9 ") == "ELS");
  CHECK(examready::devices::huawei_platform("BAH3-W09") == "BAH3");
  CHECK(examready::devices::huawei_platform("AGS3-W09HN") == "AGS3");
  CHECK(examready::devices::huawei_platform("FIN-AL60") == "FIN");
  CHECK(examready::devices::huawei_platform("JNY-LX1") == "JNY");
  for (const char* code : {"HW-01K", "C8813", "ALN", "ALN-", "-AL00", "A-AL00", "ABCDEF-AL00",
                           "ALN-AL", "ALN-00", "ALN-AL0000", "ALN-ABCD00", "ALN-AL00ABC",
                           "1LN-AL00", "ALN-AL00-1", "AL N-AL00", "M2003J15SG"}) {
    INFO(code);
    CHECK(examready::devices::huawei_platform(code).empty());
  }
}

TEST_CASE("Samsung model prefixes") {
  for (const char* tablet : {"SM-X710", "SM-T505/DS", "sm-t220", "SM-P610", "SM-X916C"}) {
    INFO(tablet);
    const auto facts = derive_from_model_code("samsung", tablet);
    CHECK(facts.device_class == "tablet");
    CHECK(facts.class_rule == "samsung-tab-prefix");
  }
  for (const char* phone : {"SM-S918B", "SM-S918B/DS", "SM-F946B", "SM-F127G", "SM-G960F",
                            "SM-N986B", "SM-A5460", "SM-M315F", "SM-E625F", "SM-J730F"}) {
    INFO(phone);
    const auto facts = derive_from_model_code("Samsung", phone);
    CHECK(facts.device_class == "phone");
    CHECK(facts.class_rule == "samsung-phone-prefix");
  }
  // SM-W + 3 digits: the TabPro S and Galaxy Books (Windows); R/L: Wear OS watches; C:
  // cameras too. SM-W + 4 digits: below.
  for (const char* code : {"SM-W700", "SM-W720", "SM-R860", "SM-L300", "SM-C101", "SCG13", "SC-51C",
                           "SM-", "SM-T", "SM-TXXX", "GT-N5100"}) {
    INFO(code);
    CHECK(derive_from_model_code("samsung", code).empty());
  }
  CHECK(derive_from_model_code("", "SM-X710").device_class == "tablet");
  CHECK(derive_from_model_code("xiaomi", "SM-X710").empty());
}

TEST_CASE("Samsung's W series: phones, launched the year before the one they are named for") {
  const std::map<std::string, int> launched = {
      {"SM-W2014", 2013}, {"SM-W2018X", 2017}, {"SM-W2022", 2021},   {"SM-W7023", 2022},
      {"SM-W9025", 2024}, {"sm-w9026", 2025},  {"SM-W9025/DS", 2024}};
  check_phones_launched("samsung", launched, "samsung-w-series-year");
  CHECK(derive_from_model_code("", "SM-W9025").device_class == "phone");
  // Other shapes of SM-W: Windows tablets and laptops (3 digits), or no plausible year.
  for (const char* code : {"SM-W700", "SM-W767", "SM-W1023", "SM-W9125", "SM-W9099", "SM-W2013",
                           "SM-W90", "SM-W20221", "SM-W2022-1"}) {
    INFO(code);
    CHECK(derive_from_model_code("samsung", code).empty());
  }
}

TEST_CASE("Samsung flagship codes: one block a generation") {
  const std::map<std::string, int> launched = {
      {"SM-S928B", 2024},   {"SM-S9310", 2025}, {"SM-S911U1", 2023}, {"SM-S711B", 2023},
      {"SM-G973F", 2019},   {"SM-G9500", 2017}, {"SM-N960F", 2018},  {"SM-N9860", 2020},
      {"SM-F946B", 2023},   {"SM-F7660", 2025}, {"SM-F700F", 2020},  {"SM-F968", 2025},
      {"SM-S901E/DS", 2022}};
  check_phones_launched("samsung", launched, "samsung-flagship-block+samsung-phone-prefix");
  const auto tab = derive_from_model_code("samsung", "SM-X716B");
  CHECK(same_range(tab, 2023, 2023));
  CHECK(tab.device_class == "tablet");
  CHECK(tab.rule == "samsung-flagship-block+samsung-tab-prefix");
  // Two launches in one block give both years.
  CHECK(same_range(derive_from_model_code("samsung", "SM-N935F"), 2016, 2017));
  CHECK(same_range(derive_from_model_code("samsung", "SM-G990B"), 2021, 2022));
  // TracFone's SM-S codes are other phones (SM-S920L: 2014 Grand Prime; SM-S727VL: 2017 J7),
  // and blocks no source dates say nothing (S94, Tab S11 SM-X730, Galaxy F41 SM-F415F).
  for (const char* code : {"SM-S920L", "SM-S727VL", "SM-S906L", "SM-S765C", "SM-S9420", "SM-X730",
                           "SM-F415F", "SM-G910S", "SM-T870"}) {
    INFO(code);
    const auto facts = derive_from_model_code("samsung", code);
    CHECK_FALSE(facts.launch);
    CHECK(facts.device_class);  // the prefix still gives the class
  }
}

TEST_CASE("Samsung Galaxy A / M / F codes: the generation digit gives the launch") {
  const std::map<std::string, std::pair<int, int>> launched = {
      {"SM-A155F", {2023, 2024}},  // A15: December 2023
      {"SM-A556B", {2023, 2024}},  // A55: March 2024
      {"SM-A5360", {2021, 2022}},  // A53 China
      {"SM-A105F", {2018, 2019}},  // A10: 2019
      {"SM-A605F", {2018, 2019}},  // A6+: 2018, the one 2018 code of this shape
      {"SM-M346B", {2022, 2023}},  // M34: 2023
      {"SM-E546B", {2022, 2023}},  // F54: 2023
      {"SM-A075F/DS", {2025, 2026}},
  };
  for (const auto& [code, years] : launched) {
    INFO(code);
    const auto facts = derive_from_model_code("samsung", code);
    CHECK(same_range(facts, years.first, years.second));
    CHECK(facts.launch_rule == "samsung-generation-digit");
    CHECK(facts.device_class == "phone");
  }
  // 2014-2018 codes end in 0; Japanese variants launch later (SM-A102J: the 2020 Galaxy A21 on a
  // 2019 code); generation 9 would be 2027-2028, past any plausible code.
  for (const char* code : {"SM-A520F", "SM-A750FN", "SM-E700H", "SM-A3000", "SM-A102J", "SM-A395F",
                           "SM-J415F", "SM-A5"}) {
    INFO(code);
    CHECK_FALSE(derive_from_model_code("samsung", code).launch);
  }
}

TEST_CASE("Pixel names: phones, with their launch year") {
  const std::map<std::string, int> launched = {
      {"Pixel", 2016},       {"Pixel XL", 2016},        {"Pixel 2 XL", 2017},
      {"Pixel 3a XL", 2019}, {"Pixel 4a (5G)", 2020},   {"Pixel 5a", 2021},
      {"Pixel 8 Pro", 2023}, {"Pixel Fold", 2023},      {"Pixel 9 Pro Fold", 2024},
      {"Pixel 9a", 2025},    {"Pixel 10 Pro XL", 2025}, {"pixel 10 pro fold", 2025}};
  check_phones_launched("Google", launched, "google-pixel-name");
  // Tablets, a Chromebook, a watch, a laptop, odd shapes, years past kLastCodeYear.
  for (const char* code : {"Pixel C", "Pixel Tablet", "Pixel Slate", "Pixel Watch", "Pixelbook",
                           "Pixel 1", "Pixel 2a", "Pixel XL 2", "Pixel  9", "Pixel 9 Max",
                           "Pixel 9b", "Pixel 123", "Pixel 13", "Pixel Fold XL", "G020F"}) {
    INFO(code);
    CHECK(derive_from_model_code("Google", code).empty());
  }
  CHECK(derive_from_model_code("", "Pixel 8").empty());  // only with Google's brand
  CHECK(derive_from_model_code("lava", "Pixel 8").empty());
}

TEST_CASE("vivo and iQOO codes and codenames") {
  const auto x100pro = derive_from_model_code("vivo", "V2324A", "PD2324");
  CHECK(same_range(x100pro, 2023, 2024));
  CHECK(x100pro.device_class == "phone");
  CHECK(x100pro.rule == "vivo-model-year+vivo-model-class");
  CHECK_FALSE(x100pro.certified_year);  // a year, not a certification date

  CHECK(same_range(derive_from_model_code("iQOO", "v2307a"), 2023, 2024));
  const auto by_codename = derive_from_model_code("vivo", "", "pd2183");
  CHECK(same_range(by_codename, 2021, 2022));
  CHECK(by_codename.device_class == "phone");
  CHECK(by_codename.rule == "vivo-codename-year+vivo-codename-class");

  // Variant codes (a letter before the final A) re-issue an older project: no year, and the
  // base project's codename is not used for one either.
  const auto variant = derive_from_model_code("vivo", "V2352GA", "PD2352G");
  CHECK_FALSE(variant.launch);
  CHECK(variant.device_class == "phone");
  CHECK_FALSE(derive_from_model_code("vivo", "V2324HA", "PD2324").launch);

  const auto pad = derive_from_model_code("vivo", "PA2473", "DPD2329");
  CHECK(same_range(pad, 2024, 2025));
  CHECK(pad.device_class == "tablet");
  CHECK(derive_from_model_code("iQOO", "iPA2451").device_class == "tablet");
  const auto pad_codename = derive_from_model_code("vivo", "", "DPD2221");
  CHECK(same_range(pad_codename, 2022, 2023));
  CHECK(pad_codename.device_class == "tablet");

  for (const char* code :
       {"V23A", "V2324", "V23245A", "PD232", "WA2356A", "I2009", "vivo 1906", "V1324A", "V2924A"}) {
    INFO(code);
    CHECK_FALSE(derive_from_model_code("vivo", code).launch);
  }
  CHECK(derive_from_model_code("", "V2324A", "PD2324").empty());  // no brand: no vivo rules
  CHECK(derive_from_model_code("oppo", "V2324A", "PD2324").empty());
}

TEST_CASE("OPPO, OnePlus and realme code shapes") {
  const auto class_of = [](std::string_view brand, std::string_view model) {
    return derive_from_model_code(brand, model).device_class.value_or("");
  };
  CHECK(class_of("OPPO", "OPD2101") == "tablet");     // OPPO Pad
  CHECK(class_of("OnePlus", "OPD2203") == "tablet");  // OnePlus Pad
  CHECK(class_of("realme", "RMP2102") == "tablet");   // realme Pad
  CHECK(same_range(derive_from_model_code("OPPO", "OPD2101"), 2021, 2022));  // 2022
  CHECK(same_range(derive_from_model_code("OnePlus", "OPD2504"), 2025, 2026));
  CHECK(same_range(derive_from_model_code("realme", "RMP2402"), 2024, 2025));
  CHECK(derive_from_model_code("OPPO", "OPD2101").rule == "oppo-tablet-year+oppo-tablet-code");
  CHECK_FALSE(derive_from_model_code("OPPO", "OPD1401").launch);  // no plausible year
  CHECK(derive_from_model_code("OPPO", "OPD1401").device_class == "tablet");
  CHECK(class_of("OPPO", "CPH2239") == "phone");
  CHECK(class_of("realme", "RMX3085") == "phone");
  CHECK(class_of("OPPO", "PFFM10") == "phone");     // Find X5 (China)
  CHECK(class_of("OnePlus", "PJD110") == "phone");  // OnePlus 12 (China)
  CHECK(class_of("OnePlus", "LE2120") == "phone");  // OnePlus 9 Pro
  CHECK(derive_from_model_code("OnePlus", "LE2120").rule == "oppo-phone-code");
  // Other shapes and other makers say nothing: a two-letter code is OnePlus's only.
  CHECK(class_of("OPPO", "LE2120").empty());
  CHECK(class_of("OPPO", "A101OP").empty());  // a Japanese carrier's code
  CHECK(class_of("OPPO", "OPD21011").empty());
  CHECK(class_of("", "CPH2239").empty());
  CHECK(class_of("motorola", "RMX3085").empty());
  // Launch years by code block.
  const auto launch_of = [](std::string_view brand, std::string_view model) {
    const auto launch = derive_from_model_code(brand, model).launch;
    return launch ? std::pair(launch->earliest, launch->latest) : std::pair(0, 0);
  };
  CHECK(launch_of("realme", "RMX3085") == std::pair(2021, 2021));  // realme 8
  CHECK(launch_of("OPPO", "CPH2407") == std::pair(2022, 2023));    // A57 5G (2022)
  CHECK(launch_of("OnePlus", "PJD110") == std::pair(2023, 2025));  // OnePlus 12 (Dec 2023)
  CHECK(launch_of("OPPO", "PFFM10") == std::pair(2021, 2022));     // Find X5 (Feb 2022)
  CHECK(launch_of("OnePlus", "LE2120") == std::pair(0, 0));        // no block for these
  CHECK(launch_of("realme", "RMX6601") == std::pair(0, 0));        // not a known block yet
}

TEST_CASE("Apple identifiers") {
  const auto iphone11 = derive_from_model_code("Apple", "iPhone12,1");
  REQUIRE(iphone11.launch);
  CHECK(iphone11.launch->earliest == 2019);
  CHECK(iphone11.launch->latest == 2020);
  CHECK(derive_from_model_code("", "iPhone1,1").launch->earliest == 2007);  // the first
  CHECK(derive_from_model_code("", "iPhone1,2").launch->latest == 2008);    // iPhone 3G
  CHECK(derive_from_model_code("", "iPhone2,1").launch->earliest == 2009);  // 3GS
  // An iPad's number is its chip's: a chip's iPads came out over a few years.
  CHECK(same_range(derive_from_model_code("Apple", "iPad13,4"), 2020, 2022));  // Pro M1, 2021
  CHECK(same_range(derive_from_model_code("Apple", "iPad5,3"), 2014, 2015));   // Air 2, 2014
  CHECK(same_range(derive_from_model_code("", "iPad7,11"), 2017, 2019));       // 7th gen., 2019
  CHECK(same_range(derive_from_model_code("Apple", "iPad16,3"), 2024, 2026));  // open: newest
  CHECK(derive_from_model_code("Apple", "iPad9,1").empty());                   // never used
  CHECK(derive_from_model_code("Apple", "iPad19,1").empty());                  // not yet known
  CHECK(derive_from_model_code("Apple", "iPad13").empty());
  for (const char* odd :
       {"iPhone", "iPhone,1", "iPhone12", "iPhone12,", "iPhone123,1", "iPhoneX"}) {
    INFO(odd);
    CHECK(derive_from_model_code("Apple", odd).empty());
  }
  CHECK(derive_from_model_code("samsung", "iPhone12,1").empty());
  CHECK(derive_from_model_code("Apple", "iPhone20,1").launch->latest == 2028);
  CHECK(derive_from_model_code("Apple", "iPhone21,1").empty());  // past kLastCodeYear + 1
  CHECK(derive_from_model_code("Apple", "iPhone99,1").empty());
}

TEST_CASE("first API level floors") {
  CHECK(launch_floor_from_first_api_level(21) == 2014);
  CHECK(launch_floor_from_first_api_level(22) == 2015);
  CHECK(launch_floor_from_first_api_level(23) == 2015);
  CHECK(launch_floor_from_first_api_level(24) == 2016);
  CHECK(launch_floor_from_first_api_level(25) == 2016);
  CHECK(launch_floor_from_first_api_level(26) == 2017);
  CHECK(launch_floor_from_first_api_level(27) == 2017);
  CHECK(launch_floor_from_first_api_level(28) == 2018);
  CHECK(launch_floor_from_first_api_level(29) == 2019);
  CHECK(launch_floor_from_first_api_level(30) == 2020);
  CHECK(launch_floor_from_first_api_level(31) == 2021);
  CHECK(launch_floor_from_first_api_level(32) == 2021);
  CHECK(launch_floor_from_first_api_level(33) == 2022);
  CHECK(launch_floor_from_first_api_level(34) == 2023);
  CHECK(launch_floor_from_first_api_level(35) == 2024);
  CHECK(launch_floor_from_first_api_level(36) == 2025);
  CHECK(launch_floor_from_first_api_level(1) == 2008);
  CHECK(launch_floor_from_first_api_level(19) == 2013);
  CHECK_FALSE(launch_floor_from_first_api_level(37));
  CHECK_FALSE(launch_floor_from_first_api_level(0));
  CHECK_FALSE(launch_floor_from_first_api_level(-1));
  // Never decreasing: a later level never allows an earlier launch.
  for (int level = 2; level <= 36; ++level) {
    INFO(level);
    CHECK(*launch_floor_from_first_api_level(level) >=
          *launch_floor_from_first_api_level(level - 1));
  }
}

TEST_CASE("every rule agrees with the hand-checked rows of the database") {
  std::map<std::string, RuleStats> stats;  // rule id -> stats
  std::set<std::string> exceptions_seen;
  int verified_rows = 0;

  const auto check = [&](const DeviceRecord& row, std::string_view brand, const std::string& model,
                         const std::string& codename) {
    const DerivedDeviceFacts facts = derive_from_model_code(brand, model, codename);
    const std::string code = model.empty() ? codename : model;
    INFO(row.marketing_name << " [" << row.brand << "] " << code << " with brand '" << brand
                            << "'");
    if (facts.launch) {
      CHECK(facts.launch->earliest <= facts.launch->latest);
      RuleStats& s = stats[facts.launch_rule];
      s.rows.insert(&row);
      ++s.codes;
      ++s.widths[facts.launch->latest - facts.launch->earliest + 1];
      // The row's launch (a range only on generated rows) must lie within the derived range.
      const bool holds =
          facts.launch->contains(row.launch_year) && facts.launch->contains(row.launch_year_latest);
      if (!holds && kKnownLaunchExceptions.count(code) == 1) {
        ++s.exceptions;
        exceptions_seen.insert(code);
      } else {
        INFO("derived " << facts.launch->earliest << ".." << facts.launch->latest << ", row "
                        << row.launch_year);
        CHECK(holds);
        if (!holds) s.contradicted.insert(&row);
      }
    }
    if (facts.device_class) {
      RuleStats& s = stats[facts.class_rule];
      s.rows.insert(&row);
      ++s.codes;
      CHECK(*facts.device_class == row.device_class);
      if (*facts.device_class != row.device_class) s.contradicted.insert(&row);
    }
  };

  for (const DeviceRecord& row : DeviceDb::shipped().records()) {
    if (!row.verified()) continue;
    ++verified_rows;
    for (const std::string& code : row.model_codes) {
      check(row, row.brand, code, {});
      check(row, "", code, {});  // the brand-free shapes must hold for every maker's codes
    }
    for (const std::string& codename : row.codenames) check(row, row.brand, {}, codename);
    // Together, as a phone reports them: the model code first, then the codename.
    if (!row.model_codes.empty() && !row.codenames.empty()) {
      check(row, row.brand, row.model_codes.front(), row.codenames.front());
    }
  }

  // Every listed exception must still be in the data (else it is stale: remove it).
  for (const auto& [code, why] : kKnownLaunchExceptions) {
    INFO(code << ": " << why);
    CHECK(exceptions_seen.count(code) == 1);
  }

  // The rules the data must exercise, and how far each reaches.
  for (const char* rule :
       {"xiaomi-cert-date",        "xiaomi-china-cert-date", "xiaomi-series-tablet",
        "xiaomi-series-phone",     "huawei-wifi-tablet",     "samsung-tab-prefix",
        "samsung-phone-prefix",    "vivo-model-year",        "vivo-codename-year",
        "vivo-model-class",        "vivo-codename-class",    "oppo-tablet-code",
        "oppo-phone-code",         "oppo-code-block",        "oppo-tablet-year",
        "apple-iphone-identifier", "apple-ipad-identifier",  "samsung-w-series-year",
        "google-pixel-name",       "samsung-flagship-block", "samsung-generation-digit"}) {
    INFO(rule);
    CHECK(stats[rule].rows.size() >= 5);
  }
  std::ostringstream summary;
  summary << "model-code rules over " << verified_rows << " verified rows:";
  for (const auto& [rule, s] : stats) {
    summary << "\n  " << rule << ": " << s.rows.size() << " rows (" << s.codes
            << " lookups), agreement " << (s.rows.size() - s.contradicted.size()) << "/"
            << s.rows.size();
    if (s.exceptions > 0) summary << ", " << s.exceptions << " known-exception lookups";
    if (!s.widths.empty()) {
      summary << ", range widths";
      for (const auto& [width, count] : s.widths) summary << " " << width << "y:" << count;
    }
  }
  WARN(summary.str());
}

TEST_CASE("China market codes by each maker's mark") {
  using examready::devices::china_market_code;
  CHECK(china_market_code("Xiaomi", "2410DPN6CC"));  // Xiaomi 15 Pro
  CHECK(china_market_code("Redmi", "M2011K2C"));     // the older form
  CHECK_FALSE(china_market_code("Redmi", "24117RN76G"));
  CHECK_FALSE(china_market_code("POCO", "24116PCC1I"));
  CHECK(china_market_code("HONOR", "MAA-AN00"));
  CHECK(china_market_code("HUAWEI", "ALN-AL00"));
  CHECK(china_market_code("HUAWEI", "HPB-TN00"));
  CHECK_FALSE(china_market_code("HUAWEI", "ELS-NX9"));
  CHECK_FALSE(china_market_code("HUAWEI", "BAH3-W09"));
  CHECK(china_market_code("vivo", "V2324A"));
  CHECK(china_market_code("iQOO", "V2307A"));
  CHECK_FALSE(china_market_code("vivo", "V2324HA"));  // a re-issue, launched later
  CHECK_FALSE(china_market_code("vivo", "V2309"));
  CHECK_FALSE(china_market_code("vivo", "PA2170"));
  CHECK(china_market_code("OPPO", "PHM110"));
  CHECK(china_market_code("OnePlus", "PJD110"));
  CHECK_FALSE(china_market_code("OPPO", "CPH2531"));
  CHECK_FALSE(china_market_code("realme", "RMX3300"));  // a China code, but like the others
  CHECK_FALSE(china_market_code("samsung", "SM-S9180"));
  CHECK_FALSE(china_market_code("", "2410DPN6CC"));  // no maker, no mark to read
}
