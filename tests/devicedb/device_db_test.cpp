// The device database: the shipped rows' invariants, lookups and the parser's located errors.
#include "rules/devices/device_db.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <stdexcept>
#include <string>

using examready::devices::DeviceDb;
using examready::devices::DeviceMatchKind;
using examready::devices::is_apple_identifier;

namespace {

constexpr const char* kHeader =
    "brand\tseries\tmarketing_name\tclass\tlaunch_year\tprice_tier\tmodel_"
    "codes\tcodenames\tsource\n";
// The generated form adds where the class and the launch came from.
constexpr const char* kGeneratedHeader =
    "brand\tseries\tmarketing_name\tclass\tlaunch_year\tprice_tier\tmodel_codes\tcodenames\t"
    "source\tclass_source\tlaunch_source\n";

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string parse_error(const std::string& tsv) {
  try {
    DeviceDb::parse(tsv);
  } catch (const std::invalid_argument& error) {
    return error.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("the shipped database parses and holds at least 600 rows") {
  const DeviceDb& db = DeviceDb::shipped();
  CHECK(db.records().size() >= 600);
}

TEST_CASE("every shipped row is valid; a verified row's codes are its own") {
  const DeviceDb& db = DeviceDb::shipped();
  CHECK(db.generated());
  std::map<std::string, std::string> owner;  // lower-case code of a verified row -> its name
  std::size_t generated_rows = 0;
  for (const auto& row : db.records()) {
    INFO(row.marketing_name);
    CHECK(!row.source.empty());
    CHECK(!row.brand.empty());
    CHECK((!row.model_codes.empty() || !row.codenames.empty()));
    if (!row.verified()) {
      // Generated: a fact is there only with its source, and never a verified row's code.
      ++generated_rows;
      CHECK((row.device_class.empty() || row.device_class == "phone" ||
             row.device_class == "tablet"));
      CHECK(row.device_class.empty() == row.class_source.empty());
      CHECK((row.launch_year == 0 || (row.launch_year >= 2007 && row.launch_year <= 2026)));
      CHECK((row.launch_year == 0) == row.launch_source.empty());
      CHECK(row.price_tier.empty());
      for (const auto& code : row.model_codes) {
        INFO(code);
        CHECK(owner.count(lower(code)) == 0);  // verified rows come first in the file
      }
      continue;
    }
    CHECK((row.device_class == "phone" || row.device_class == "tablet"));
    CHECK((row.price_tier == "budget" || row.price_tier == "mid" || row.price_tier == "high" ||
           row.price_tier == "flagship"));
    CHECK(row.launch_year >= 2010);
    CHECK(row.launch_year <= 2026);
    CHECK(!row.series.empty());
    CHECK(generated_rows == 0);
    for (const auto& code : row.model_codes) {
      INFO(code);
      auto [it, inserted] = owner.emplace(lower(code), row.marketing_name);
      CHECK(inserted);
      // Apple rows list identifiers, and identifiers appear only on Apple rows.
      CHECK(is_apple_identifier(code) == (row.brand == "apple"));
    }
  }
  CHECK(owner.size() >= 1000);
  CHECK(generated_rows >= 5000);
}

TEST_CASE("the shipped rows cover every brand the issue names, phones and tablets") {
  std::map<std::string, std::set<std::string>> classes_2023_on;  // brand -> classes
  for (const auto& row : DeviceDb::shipped().records()) {
    if (row.launch_year >= 2023) classes_2023_on[row.brand].insert(row.device_class);
  }
  for (const char* brand : {"huawei", "honor", "xiaomi", "redmi", "poco", "oppo", "oneplus",
                            "realme", "vivo", "iqoo", "samsung", "apple", "google"}) {
    INFO(brand);
    CHECK(classes_2023_on[brand].count("phone") == 1);
  }
  for (const char* brand : {"huawei", "honor", "xiaomi", "redmi", "oppo", "oneplus", "vivo",
                            "samsung", "apple", "google"}) {
    INFO(brand);
    CHECK(classes_2023_on[brand].count("tablet") == 1);
  }
}

TEST_CASE("Redmi Note 9 variants resolve to the right hardware") {
  const DeviceDb& db = DeviceDb::shipped();

  auto global = db.lookup("M2003J15SG");
  REQUIRE(global.record != nullptr);
  CHECK(global.kind == DeviceMatchKind::kModel);
  CHECK(global.record->marketing_name == "Redmi Note 9");
  CHECK(global.record->series == "redmi-note-9");
  CHECK(global.record->codenames.front() == "merlin");

  // The China-only Redmi 10X 4G is merlin hardware under another name.
  auto china_10x = db.lookup("  m2003j15sc \n");
  REQUIRE(china_10x.record != nullptr);
  CHECK(china_10x.record->marketing_name == "Redmi 10X 4G");
  CHECK(china_10x.record->codenames == std::vector<std::string>{"merlin"});
  CHECK(china_10x.record->price_tier == "budget");

  // In China "Redmi Note 9" is the 2020 5G phone (cannon), not merlin.
  auto china_5g = db.lookup("M2007J22C");
  REQUIRE(china_5g.record != nullptr);
  CHECK(china_5g.record->marketing_name == "Redmi Note 9 5G (China)");
  CHECK(china_5g.record->series == "redmi-note-9");
  CHECK(china_5g.record->codenames.front() == "cannon");
  CHECK(china_5g.record->launch_year == 2020);

  CHECK(db.lookup("M2007J17C").record->codenames.front() == "gauguin");
  CHECK(db.lookup("M2010J19SC").record->codenames.front() == "lime");
  CHECK(db.lookup("M2003J6A1G").record->marketing_name == "Redmi Note 9S");
  CHECK(db.lookup("M2003J6B2G").record->codenames.front() == "joyeuse");
  CHECK(db.lookup("M2003J6B1I").record->codenames.front() == "excalibur");
}

TEST_CASE("the Redmi 9 family: one name, several platforms") {
  const DeviceDb& db = DeviceDb::shipped();
  CHECK(db.lookup("M2004J19G").record->codenames.front() == "lancelot");
  CHECK(db.lookup("M2004J19C").record->codenames.front() == "lancelot");
  CHECK(db.lookup("M2004J19I").record->marketing_name == "Redmi 9 Prime");
  // The Indian "Redmi 9" is Redmi 9C hardware.
  auto india = db.lookup("M2006C3MII");
  REQUIRE(india.record != nullptr);
  CHECK(india.record->series == "redmi-9");
  CHECK(india.record->codenames.front() == "angelica");
  CHECK(db.lookup("M2006C3LG").record->codenames.front() == "dandelion");
  CHECK(db.lookup("M2006C3MNG").record->codenames.front() == "angelican");
  CHECK(db.lookup("M2010J19SG").record->marketing_name == "Redmi 9T");
  CHECK(db.lookup("M2010J19SI").record->marketing_name == "Redmi 9 Power");
}

TEST_CASE("codename lookup when the model code is unknown: the brand narrows, ties are ambiguous") {
  const DeviceDb& db = DeviceDb::shipped();
  // merlin is the Redmi Note 9 and the Redmi 10X 4G: one hardware, two names, never a pick.
  auto merlin = db.lookup("Redmi Note 9 (unlisted firmware)", "merlin", "Redmi");
  CHECK(merlin.record == nullptr);
  CHECK(merlin.kind == DeviceMatchKind::kAmbiguous);
  std::set<std::string> names;
  for (const auto* row : merlin.candidates) names.insert(row->marketing_name);
  CHECK(names == std::set<std::string>{"Redmi Note 9", "Redmi 10X 4G"});
  CHECK(db.lookup("", "CANNON").record->marketing_name == "Redmi Note 9 5G (China)");

  // Two brands sharing a codename: the brand decides, its family narrows, a stranger gets none.
  const std::string tsv = std::string(kHeader) +
                          "redmi\ta\tA\tphone\t2020\tbudget\t\tshared\tsrc\n"
                          "poco\tb\tB\tphone\t2020\tbudget\t\tshared\tsrc\n"
                          "motorola\tc\tC\tphone\t2020\tbudget\t\tmoto\tsrc\n";
  const DeviceDb small = DeviceDb::parse(tsv);
  CHECK(small.lookup("", "shared", "POCO").record->marketing_name == "B");
  CHECK(small.lookup("", "shared", "redmi").record->marketing_name == "A");
  CHECK(small.lookup("", "shared", "Xiaomi").kind == DeviceMatchKind::kAmbiguous);
  CHECK(small.lookup("", "shared", "Xiaomi").candidates.size() == 2);
  CHECK(small.lookup("", "shared", "other").kind == DeviceMatchKind::kNone);
  CHECK(small.lookup("", "shared").kind == DeviceMatchKind::kAmbiguous);
  CHECK(small.lookup("", "moto", "redmi").kind == DeviceMatchKind::kNone);
  CHECK(small.lookup("", "moto", "motorola").record->marketing_name == "C");
}

TEST_CASE("Honor and Huawei are one family for old firmware, not since Honor left in 2020") {
  const DeviceDb& db = DeviceDb::shipped();
  // hepburn: the Honor 70 Pro+ (2022) and the HUAWEI Pura 70 Pro and Pro+ (2024).
  CHECK(db.lookup("", "Hepburn", "HONOR").record->marketing_name == "荣耀 70 Pro+");
  CHECK(db.lookup("", "Hepburn", "HUAWEI").candidates.size() == 2);
  const std::string tsv = std::string(kGeneratedHeader) +
                          "huawei\ta\tOld Huawei\tphone\t2019\tmid\t\told\tsrc\ts\ts\n"
                          "huawei\tb\tNew Huawei\tphone\t2022\tmid\t\tnew\tsrc\ts\ts\n"
                          "honor\tc\tNew Honor\tphone\t2021\tmid\t\tfresh\tsrc\ts\ts\n"
                          "honor\td\tUndated Honor\tphone\t\tmid\t\tundated\tsrc\ts\t\n";
  const DeviceDb small = DeviceDb::parse(tsv);
  // An old Honor's firmware may say HUAWEI and the reverse: before the split they are kin.
  CHECK(small.lookup("", "old", "honor").record->marketing_name == "Old Huawei");
  CHECK(small.lookup("", "undated", "huawei").record->marketing_name == "Undated Honor");
  // After it, a codename of the one names nothing of the other.
  CHECK(small.lookup("", "new", "honor").kind == DeviceMatchKind::kNone);
  CHECK(small.lookup("", "fresh", "huawei").kind == DeviceMatchKind::kNone);
  CHECK(small.lookup("", "fresh", "honor").record->marketing_name == "New Honor");
}

TEST_CASE("Apple identifiers, iPads and Huawei models") {
  const DeviceDb& db = DeviceDb::shipped();
  auto iphone11 = db.lookup("iPhone12,1");
  REQUIRE(iphone11.record != nullptr);
  CHECK(iphone11.kind == DeviceMatchKind::kIdentifier);
  CHECK(iphone11.record->marketing_name == "iPhone 11");
  CHECK(iphone11.record->device_class == "phone");

  auto iphone6s = db.lookup("iPhone8,1");
  REQUIRE(iphone6s.record != nullptr);
  CHECK(iphone6s.record->marketing_name == "iPhone 6s");
  CHECK(iphone6s.record->launch_year == 2015);

  auto ipad = db.lookup("iPad13,18");
  REQUIRE(ipad.record != nullptr);
  CHECK(ipad.kind == DeviceMatchKind::kIdentifier);
  CHECK(ipad.record->device_class == "tablet");

  auto matepad = db.lookup("BTK-W00");
  REQUIRE(matepad.record != nullptr);
  CHECK(matepad.record->brand == "huawei");
  CHECK(matepad.record->device_class == "tablet");

  for (const char* mate60 : {"BRA-AL00", "ALN-AL00"}) {
    INFO(mate60);
    auto match = db.lookup(mate60);
    REQUIRE(match.record != nullptr);
    CHECK(match.kind == DeviceMatchKind::kModel);
    CHECK(match.record->series == "mate-60");
    CHECK(match.record->device_class == "phone");
    CHECK(match.record->launch_year == 2023);
  }
}

TEST_CASE("model codes with spaces and SIM-variant suffixes") {
  const DeviceDb& db = DeviceDb::shipped();
  auto pixel = db.lookup("Pixel 8 Pro", "husky", "google");
  REQUIRE(pixel.record != nullptr);
  CHECK(pixel.kind == DeviceMatchKind::kModel);
  CHECK(pixel.record->marketing_name == "Pixel 8 Pro");
  CHECK(db.lookup("Pixel Tablet").record->device_class == "tablet");

  auto s23 = db.lookup("SM-S918B/DS");
  REQUIRE(s23.record != nullptr);
  CHECK(s23.record->marketing_name == "Galaxy S23 Ultra");
  CHECK(db.lookup("SM-XXXX/DS").record == nullptr);
}

TEST_CASE("unknown devices do not match") {
  const DeviceDb& db = DeviceDb::shipped();
  CHECK(db.lookup("XYZ-9000").kind == DeviceMatchKind::kNone);
  CHECK(db.lookup("XYZ-9000").record == nullptr);
  CHECK(db.lookup("", "").record == nullptr);
  CHECK(db.lookup("XYZ-9000", "nocodename", "acme").record == nullptr);
  CHECK(db.lookup("iPhone99,9").kind == DeviceMatchKind::kNone);
}

TEST_CASE("Apple identifier syntax") {
  CHECK(is_apple_identifier("iPhone12,1"));
  CHECK(is_apple_identifier("iPad13,18"));
  CHECK(is_apple_identifier("iPod9,1"));
  CHECK_FALSE(is_apple_identifier("iPhone12"));
  CHECK_FALSE(is_apple_identifier("iPhone,1"));
  CHECK_FALSE(is_apple_identifier("iPhone12,"));
  CHECK_FALSE(is_apple_identifier("iPhone1a,1"));
  CHECK_FALSE(is_apple_identifier("M2003J15SG"));
}

TEST_CASE("comments, blank lines and CRLF are accepted") {
  const std::string tsv =
      "# a comment\n\n" + std::string(kHeader) +
      "# another\r\n"
      "redmi\tredmi-9\tRedmi 9\tphone\t2020\tbudget\tM1; M2 \tlancelot\tsrc\r\n";
  const DeviceDb db = DeviceDb::parse(tsv);
  REQUIRE(db.records().size() == 1);
  CHECK(db.records()[0].model_codes == std::vector<std::string>{"M1", "M2"});
  CHECK(db.lookup("m2").record == &db.records()[0]);
  // Saved by a spreadsheet or Notepad: a UTF-8 byte-order mark first (a review found it
  // refused as "the header must be…").
  CHECK(DeviceDb::parse("\xEF\xBB\xBF" + tsv).records().size() == 1);
}

TEST_CASE("malformed rows are rejected with their line number") {
  const std::string h = kHeader;  // line 1
  const std::string ok = "redmi\tredmi-9\tRedmi 9\tphone\t2020\tbudget\tM1\tlancelot\tsrc\n";
  struct Case {
    std::string tsv;
    std::string error;
  };
  const Case cases[] = {
      {h + "redmi\tredmi-9\tRedmi 9\tphone\t2020\tbudget\tM1\tlancelot\n",
       "devices.tsv line 2: expected 9 tab-separated columns, found 8"},
      {h + ok + "redmi\tredmi-9\tRedmi 9\tphone\t2020\tbudget\tM9\tx\tsrc\textra\n",
       "devices.tsv line 3: expected 9 tab-separated columns, found 10"},
      {h + "redmi\tredmi-9\tRedmi 9\twatch\t2020\tbudget\tM1\tlancelot\tsrc\n",
       "devices.tsv line 2: class 'watch' is not phone or tablet"},
      {h + "redmi\tredmi-9\tRedmi 9\tphone\t2020\tcheap\tM1\tlancelot\tsrc\n",
       "devices.tsv line 2: price_tier 'cheap' is not budget, mid, high or flagship"},
      {h + "redmi\tredmi-9\tRedmi 9\tphone\t20x0\tbudget\tM1\tlancelot\tsrc\n",
       "devices.tsv line 2: launch_year '20x0' is not a year in 2007..2099 (optionally -MM)"},
      {h + "redmi\tredmi-9\tRedmi 9\tphone\t1999\tbudget\tM1\tlancelot\tsrc\n",
       "devices.tsv line 2: launch_year '1999' is not a year in 2007..2099 (optionally -MM)"},
      {h + "redmi\tredmi-9\tRedmi 9\tphone\t2020-13\tbudget\tM1\tlancelot\tsrc\n",
       "devices.tsv line 2: launch_year '2020-13': the month must be 01..12"},
      {h + "redmi\tredmi-9\tRedmi 9\tphone\t2020-6\tbudget\tM1\tlancelot\tsrc\n",
       "devices.tsv line 2: launch_year '2020-6': the month must be 01..12"},
      {h + "redmi\tredmi-9\tRedmi 9\tphone\t2020-06x\tbudget\tM1\tlancelot\tsrc\n",
       "devices.tsv line 2: launch_year '2020-06x': the month must be 01..12"},
      {h + "redmi\tredmi-9\tRedmi 9\tphone\t\tbudget\tM1\tlancelot\tsrc\n",
       "devices.tsv line 2: launch_year '' is not a year in 2007..2099 (optionally -MM)"},
      {h + "Redmi\tredmi-9\tRedmi 9\tphone\t2020\tbudget\tM1\tlancelot\tsrc\n",
       "devices.tsv line 2: brand 'Redmi' is not lower-case a-z0-9-"},
      {h + "redmi\tRedmi 9\tRedmi 9\tphone\t2020\tbudget\tM1\tlancelot\tsrc\n",
       "devices.tsv line 2: series 'Redmi 9' is not lower-case a-z0-9-"},
      {h + "redmi\tredmi-9\t \tphone\t2020\tbudget\tM1\tlancelot\tsrc\n",
       "devices.tsv line 2: empty marketing_name"},
      {h + "redmi\tredmi-9\tRedmi 9\tphone\t2020\tbudget\tM1\tlancelot\t\n",
       "devices.tsv line 2: empty source"},
      {h + "redmi\tredmi-9\tRedmi 9\tphone\t2020\tbudget\t\t\tsrc\n",
       "devices.tsv line 2: a row needs at least one model code or codename"},
      {h + "redmi\tredmi-9\tRedmi 9\tphone\t2020\tbudget\tM1;;M2\tlancelot\tsrc\n",
       "devices.tsv line 2: empty entry in model_codes"},
      {h + ok + "\n# comment\nredmi\tredmi-9\tRedmi 9 bis\tphone\t2020\tbudget\tm1\tx\tsrc\n",
       "devices.tsv line 5: model code 'm1' is already listed on line 2"},
      {"brand\tseries\n" + ok,
       "devices.tsv line 1: the header must be the columns brand, series, "
       "marketing_name, class, launch_year, price_tier, model_codes, "
       "codenames, source (tab-separated), followed in a generated file by class_source, "
       "launch_source"},
      {"# only a comment\n", "devices.tsv: no header line"},
  };
  for (const auto& c : cases) {
    INFO(c.tsv);
    CHECK(parse_error(c.tsv) == c.error);
  }
}

TEST_CASE("the generated form: unknown facts empty, ranges, a code on several rows") {
  const std::string tsv =
      std::string(kGeneratedHeader) +
      "redmi\tredmi-9\tRedmi 9\tphone\t2020-06\tbudget\tM1\tlancelot\tsrc\tverified\tverified\n"
      "acme\t\tAcme One\t\t\t\tA1;SHARED\t\tgoogle-play\t\t\n"
      "acme\t\tAcme Tab\ttablet\t2019..2020\t\tA2;shared\t\tgoogle-play\tname\tdevice-info\n";
  const DeviceDb db = DeviceDb::parse(tsv);
  CHECK(db.generated());
  REQUIRE(db.records().size() == 3);
  CHECK(db.records()[0].verified());
  const auto& one = db.records()[1];
  CHECK_FALSE(one.verified());
  CHECK(one.device_class.empty());
  CHECK(one.launch_year == 0);
  const auto& tab = db.records()[2];
  CHECK(tab.launch_year == 2019);
  CHECK(tab.launch_year_latest == 2020);
  CHECK(tab.class_source == "name");
  CHECK(tab.launch_source == "device-info");
  // A model code two rows claim is ambiguous; the candidates are both rows.
  const auto shared = db.lookup("shared", {}, "acme");
  CHECK(shared.kind == DeviceMatchKind::kAmbiguous);
  CHECK(shared.record == nullptr);
  CHECK(shared.candidates.size() == 2);
  CHECK(db.lookup("A2").record == &tab);

  const auto error = [](const std::string& row) {
    return parse_error(std::string(kGeneratedHeader) + row);
  };
  CHECK(error("acme\t\tX\ttablet\t\t\tA1\t\tsrc\t\t\n") ==
        "devices.tsv line 2: class and class_source must both be given or both be empty");
  CHECK(error("acme\t\tX\t\t2020\t\tA1\t\tsrc\t\t\n") ==
        "devices.tsv line 2: launch_year and launch_source must both be given or both be empty");
  CHECK(error("acme\t\tX\t\t2021..2019\t\tA1\t\tsrc\t\tsrc\n") ==
        "devices.tsv line 2: launch_year '2021..2019': the range runs backwards");
  CHECK(error("acme\t\tX\t\t2021\t\tA1;a1\t\tsrc\t\tsrc\n") ==
        "devices.tsv line 2: model code 'a1' is already listed on line 2");
  // Verified files stay strict: no ranges, no empty facts.
  CHECK(parse_error(std::string(kHeader) +
                    "redmi\tredmi-9\tRedmi 9\tphone\t2019..2020\tbudget\tM1\tx\tsrc\n") ==
        "devices.tsv line 2: launch_year '2019..2020' is not a year in 2007..2099 (optionally "
        "-MM)");
}
