// Device facts: database facts with their source, and OS fallbacks for unknown models.
#include "probe/emit_device_facts.h"

#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>

#include "rules/devices/device_facts.h"
#include "rules/devices/model_code_rules.h"
#include "tests/support/fake_host.h"

using namespace examready::devices;
using namespace examready::probe;

namespace {

struct Emitted {
  std::map<std::string, Value> values;
  std::map<std::string, std::string> sources;
};

Emitted emit_for(std::string_view model, std::string_view codename, std::string_view brand,
                 std::string_view hint) {
  examready::test::FakeHost host;
  ProbeOptions options;
  CheckContext ctx(host, options);
  emit_device_facts(ctx, model, codename, brand, hint);
  Emitted out;
  for (const auto& m : ctx.measurements()) {
    const std::string name(metric_info(m.metric).name);
    REQUIRE(out.values.count(name) == 0);  // each fact emitted once
    out.values[name] = m.value;
    out.sources[name] = m.source;
  }
  return out;
}

std::string text(const Emitted& e, const std::string& name) {
  return std::get<std::string>(e.values.at(name));
}

}  // namespace

TEST_CASE("a known model emits every database fact with the device-db source") {
  const Emitted e = emit_for("M2003J15SG", "merlin", "Redmi", "default");
  CHECK(text(e, "device.db_match") == "model");
  CHECK(text(e, "device.brand") == "redmi");
  CHECK(text(e, "device.series") == "redmi-note-9");
  CHECK(text(e, "device.marketing_name") == "Redmi Note 9");
  CHECK(text(e, "device.class") == "phone");
  CHECK(std::get<std::int64_t>(e.values.at("device.launch_year")) == 2020);
  CHECK(text(e, "device.price_tier") == "mid");
  for (const auto& [name, source] : e.sources) {
    INFO(name);
    CHECK(source == "device-db");
  }
}

TEST_CASE("a codename match and an Apple identifier say how they matched") {
  CHECK(text(emit_for("unlisted", "cannon", "Redmi", ""), "device.db_match") == "codename");
  const Emitted ipad = emit_for("iPad13,18", "", "Apple", "");
  CHECK(text(ipad, "device.db_match") == "identifier");
  CHECK(text(ipad, "device.class") == "tablet");
}

TEST_CASE("an unknown model claims no database facts, class only from OS hints") {
  const Emitted tablet = emit_for("ACME-T1", "acmetab", "ACME", "nosdcard,tablet");
  CHECK(text(tablet, "device.db_match") == "none");
  CHECK(text(tablet, "device.brand") == "acme");
  CHECK(tablet.sources.at("device.brand") == "os");
  CHECK(text(tablet, "device.class") == "tablet");
  CHECK(tablet.sources.at("device.class") == "getprop:ro.build.characteristics");
  for (const char* absent :
       {"device.series", "device.marketing_name", "device.launch_year", "device.price_tier"}) {
    CHECK(tablet.values.count(absent) == 0);
  }

  // "default" is what phones say, and some tablets' firmware too: it claims nothing (a
  // review's Teclast P20HD paste was called a phone by it).
  CHECK(emit_for("ACME-P1", "", "ACME", "default").values.count("device.class") == 0);

  // "tablet" must be a whole word of the list.
  CHECK(emit_for("ACME-P2", "", "", "nottablet").values.count("device.class") == 0);

  const Emitted no_hint = emit_for("ACME-P1", "", "", "");
  CHECK(text(no_hint, "device.db_match") == "none");
  CHECK(no_hint.values.count("device.class") == 0);
  CHECK(no_hint.values.count("device.brand") == 0);
}

TEST_CASE("unknown Apple identifiers still give the class") {
  const Emitted ipad = emit_for("iPad99,1", "", "Apple", "");
  CHECK(text(ipad, "device.db_match") == "none");
  CHECK(text(ipad, "device.class") == "tablet");
  CHECK(ipad.sources.at("device.class") == "apple-identifier");
  CHECK(text(emit_for("iPhone99,1", "", "Apple", ""), "device.class") == "phone");
  CHECK(emit_for("iPod99,1", "", "Apple", "").values.count("device.class") == 0);
}

TEST_CASE("device_facts on a small database") {
  const std::string tsv =
      "brand\tseries\tmarketing_name\tclass\tlaunch_year\tprice_tier\tmodel_"
      "codes\tcodenames\tsource\n"
      "acme\tacme-pad\tACME Pad\ttablet\t2024\tmid\tAP-1\tap\tsrc\n";
  const DeviceDb db = DeviceDb::parse(tsv);
  const DeviceFacts facts = device_facts(db, "ap-1", "", "", "default");
  REQUIRE(facts.match.record != nullptr);
  CHECK(facts.match.kind == DeviceMatchKind::kModel);
  REQUIRE(facts.device_class.has_value());
  CHECK(facts.device_class->value == "tablet");  // the database wins over the OS hint
  CHECK(facts.device_class->source == "device-db");
}

TEST_CASE("a launch month in the database becomes device.launch_month; a year alone emits none") {
  const std::string tsv =
      "brand\tseries\tmarketing_name\tclass\tlaunch_year\tprice_tier\tmodel_"
      "codes\tcodenames\tsource\n"
      "acme\tacme-1\tACME 1\tphone\t2024-04\tmid\tA-1\ta1\tsrc\n"
      "acme\tacme-2\tACME 2\tphone\t2025\tmid\tA-2\ta2\tsrc\n";
  const DeviceDb db = DeviceDb::parse(tsv);
  REQUIRE(db.lookup("A-1", "", "").record != nullptr);
  CHECK(db.lookup("A-1", "", "").record->launch_year == 2024);
  CHECK(db.lookup("A-1", "", "").record->launch_month == 4);
  auto emitted = [&](const char* model) {
    examready::core::MeasurementList out;
    examready::devices::emit_device_facts(out, db, model, "", "acme", "default");
    std::map<std::string, examready::core::Value> values;
    for (const auto& m : out.items()) values[std::string(metric_info(m.metric).name)] = m.value;
    return values;
  };
  const auto with_month = emitted("A-1");
  CHECK(std::get<std::int64_t>(with_month.at("device.launch_year")) == 2024);
  CHECK(std::get<std::int64_t>(with_month.at("device.launch_month")) == 4);
  const auto year_only = emitted("A-2");
  CHECK(std::get<std::int64_t>(year_only.at("device.launch_year")) == 2025);
  CHECK(year_only.count("device.launch_month") == 0);
}

namespace {
const std::string kGeneratedHeader =
    "brand\tseries\tmarketing_name\tclass\tlaunch_year\tprice_tier\tmodel_codes\tcodenames\t"
    "source\tclass_source\tlaunch_source\n";

// The facts emitted for a device, by metric name: value and source.
std::map<std::string, std::pair<Value, std::string>> emitted_for(const DeviceDb& db,
                                                                 const DeviceClues& clues) {
  examready::core::MeasurementList out;
  emit_device_facts(out, db, clues);
  std::map<std::string, std::pair<Value, std::string>> values;
  for (const auto& m : out.items()) {
    values[std::string(metric_info(m.metric).name)] = {m.value, m.source};
  }
  return values;
}

std::map<std::string, std::pair<Value, std::string>> emitted_from(
    const DeviceDb& db, std::string_view model, std::string_view codename, std::string_view brand,
    std::string_view hint = {}, std::optional<YearRange> firmware = {}) {
  return emitted_for(
      db, DeviceClues{model, codename, brand, hint, std::nullopt, std::nullopt, firmware});
}

// The same for a device whose firmware gives its own marketing name.
std::map<std::string, std::pair<Value, std::string>> emitted_with_own_name(
    const DeviceDb& db, std::string_view model, std::string_view codename, std::string_view brand,
    std::string own_name) {
  DeviceClues clues{model, codename, brand, {}, std::nullopt, std::nullopt, std::nullopt};
  clues.own_name = SourcedFact{std::move(own_name), "adb:getprop:ro.config.marketing_name"};
  return emitted_for(db, clues);
}

std::string text_of(const std::map<std::string, std::pair<Value, std::string>>& facts,
                    const std::string& name) {
  return std::get<std::string>(facts.at(name).first);
}
}  // namespace

TEST_CASE("generated rows: each fact says which source gave it, unknown facts stay unknown") {
  const DeviceDb db = DeviceDb::parse(
      kGeneratedHeader +
      "acme\t\tAcme One\tphone\t2021-03\t\tA-1\tone\tgoogle-play\tlineage-wiki\tdevice-info\n"
      "acme\t\tAcme Two\t\t\t\tA-2\ttwo\tgoogle-play\t\t\n");
  const auto one = emitted_from(db, "A-1", "", "Acme");
  CHECK(one.at("device.class").second == "device-db:lineage-wiki");
  CHECK(one.at("device.launch_year").second == "device-db:device-info");
  CHECK(std::get<std::int64_t>(one.at("device.launch_month").first) == 3);
  CHECK(one.at("device.marketing_name").second == "device-db:google-play");
  CHECK(one.count("device.price_tier") == 0);
  CHECK(one.count("device.series") == 0);
  // Nothing known but the name: the class falls to the OS hint, the launch stays unknown.
  const auto two = emitted_from(db, "A-2", "", "Acme", "tablet");
  CHECK(two.at("device.class").second == "getprop:ro.build.characteristics");
  CHECK(two.count("device.launch_year") == 0);
}

TEST_CASE("a code's row without a launch leaves the launch to its codename's rows") {
  // HUAWEI Mate X3 典藏版: the China code known only to Matomo's detector (class, no date, a
  // name no naming rule reads), the platform `Alta` to the verified Mate X5 of the same year.
  const DeviceDb db = DeviceDb::parse(
      kGeneratedHeader +
      "huawei\tmate-x\tHUAWEI Mate X5\tphone\t2023\tflagship\tALT-AL10\tAlta\tsrc\tverified\t"
      "verified\n"
      "huawei\t\tMate X3 典藏版\tphone\t\t\tALT-AL00\t\tdevice-detector\tdevice-detector\t\n"
      "huawei\t\tMatePad X\ttablet\t\t\tALT-W00\t\tdevice-detector\tdevice-detector\t\n");
  const auto x3 = emitted_from(db, "ALT-AL00", "Alta", "HUAWEI");
  CHECK(text_of(x3, "device.db_match") == "model");
  CHECK(text_of(x3, "device.marketing_name") == "Mate X3 典藏版");  // the code's row's
  // Another name on the platform launched up to a year before or after the X5.
  CHECK(std::get<std::int64_t>(x3.at("device.launch_year").first) == 2022);
  CHECK(std::get<std::int64_t>(x3.at("device.launch_year_latest").first) == 2024);
  CHECK(x3.at("device.launch_year").second == "device-db+codename");
  // Without the codename, or where the codename's rows are of another class: no launch.
  CHECK(emitted_from(db, "ALT-AL00", "", "HUAWEI").count("device.launch_year") == 0);
  CHECK(emitted_from(db, "ALT-W00", "Alta", "HUAWEI").count("device.launch_year") == 0);

  // A codename's launch the model code rules out is another name's (dandelion: the Redmi 10A
  // of 2022); the code's own launch stands (M2006C3LG, certified June 2020: the Redmi 9A).
  const DeviceDb redmi = DeviceDb::parse(
      kGeneratedHeader +
      "redmi\tredmi-10\tRedmi 10A\tphone\t2022\tbudget\t220233L2G\tdandelion\tsrc\tverified\t"
      "verified\n"
      "redmi\tredmi-9\tRedmi 9A\tphone\t\t\tM2006C3LG\t\tgoogle-play\tdevice-detector\t\n");
  const auto nine_a = emitted_from(redmi, "M2006C3LG", "dandelion", "Redmi");
  CHECK(std::get<std::int64_t>(nine_a.at("device.launch_year").first) == 2020);
  CHECK(nine_a.at("device.launch_year").second == "model-code:xiaomi-cert-date");
  CHECK(text_of(nine_a, "device.series") == "redmi-9");
}

TEST_CASE("a device of another brand than its codename's rows is their rebadge, not them") {
  // The REDMI K Pad (25079RPDCC) and the Xiaomi Pad Mini (25079RPDCG) are both `turner`; the
  // Redmi K40 Pro and the Xiaomi Mi 11i both `haydn`. A Redmi whose code nobody lists is not
  // a Xiaomi (艺术升's "no Redmi" hangs on the brand), nor the other's name.
  const DeviceDb db = DeviceDb::parse(
      kGeneratedHeader +
      "xiaomi\txiaomi-pad\tXiaomi Pad Mini\ttablet\t2025\thigh\t25079RPDCG\tturner\tsrc\tverified\t"
      "verified\n"
      "xiaomi\txiaomi-11\tXiaomi Mi 11i\tphone\t2021-01\thigh\tM2012K11G\thaydn\tsrc\tverified\t"
      "verified\n");
  const auto pad = emitted_from(db, "25079RPDCC", "turner", "REDMI");
  CHECK(text_of(pad, "device.db_match") == "codename");
  CHECK(text_of(pad, "device.brand") == "redmi");
  CHECK(pad.at("device.brand").second == "os");
  CHECK(text_of(pad, "device.class") == "tablet");  // the same hardware
  CHECK(pad.count("device.marketing_name") == 0);
  CHECK(pad.count("device.series") == 0);
  CHECK(pad.count("device.price_tier") == 0);
  // The rebadge launched up to a year from its twin; its China code, certified in July
  // 2025, says which.
  CHECK(std::get<std::int64_t>(pad.at("device.launch_year").first) == 2025);
  CHECK(pad.count("device.launch_year_latest") == 0);
  CHECK(pad.at("device.launch_year").second == "model-code:xiaomi-china-cert-date");
  CHECK(pad.count("device.launch_month") == 0);
  // M2012K11C, certified in December 2020, launched October 2020 to April 2021: not the
  // Mi 11i's January 2021 as such.
  const auto k40 = emitted_from(db, "M2012K11C", "haydn", "Redmi");
  CHECK(text_of(k40, "device.brand") == "redmi");
  CHECK(k40.count("device.marketing_name") == 0);
  CHECK(std::get<std::int64_t>(k40.at("device.launch_year").first) == 2020);
  CHECK(std::get<std::int64_t>(k40.at("device.launch_year_latest").first) == 2021);
  // Old Redmi firmware says only "Xiaomi", and a device of the rows' own brand is theirs.
  const auto family = emitted_from(db, "25079RPDXX", "turner", "Xiaomi");
  CHECK(text_of(family, "device.brand") == "xiaomi");
  CHECK(text_of(family, "device.marketing_name") == "Xiaomi Pad Mini");
  CHECK(std::get<std::int64_t>(family.at("device.launch_year").first) == 2025);
}

TEST_CASE("a generated row's marketing name narrows its launch, or unsets one it contradicts") {
  const DeviceDb db = DeviceDb::parse(
      kGeneratedHeader +
      "redmi\tredmi-k\tREDMI K80\tphone\t2024\tmid\t2410DPN6CC\tzorn\tsrc\tverified\t"
      "verified\n"
      "poco\t\tF7 Pro\tphone\t\t\t24117RK2CG\t\tdevice-detector\tdevice-detector\t\n"
      "huawei\t\tP30 Pro\tphone\t2020-05\t\tVOG-AL00\t\tgoogle-play\tdevice-info\t"
      "device-info\n"
      "huawei\tp30\tHUAWEI P30 Pro\tphone\t2020\tflagship\tVOG-L29\t\tsrc\tverified\t"
      "verified\n"
      "oppo\t\tReno 10 5G\t\t\t\tCPH2531\t\tgoogle-play\t\t\n"
      "redmi\t\tRedmi K70 Pro\t\t\t\t23117RK66C\t\tgoogle-play\t\t\n"
      "redmi\t\tRedmi Note 14 Pro+\t\t\t\t24115RA8EG\t\tgoogle-play\t\t\n"
      "oneplus\t\t13\tphone\t2025-01\t\tPJZ110;CPH2649\t\tlineage-wiki\tlineage-wiki\t"
      "lineage-wiki\n"
      "xiaomi\t\tXiaomi 15 Pro\tphone\t2025-06\t\t2505DPN6CC\t\tlineage-wiki\tlineage-wiki\t"
      "lineage-wiki\n");
  // POCO F7 Pro: the platform's REDMI K80 (2024) and the code (certified 2024-11) leave
  // 2024..2025; the name says 2025.
  const auto f7 = emitted_from(db, "24117RK2CG", "zorn", "POCO");
  CHECK(std::get<std::int64_t>(f7.at("device.launch_year").first) == 2025);
  CHECK(f7.count("device.launch_year_latest") == 0);
  CHECK(f7.at("device.launch_year").second == "device-db+codename+name:poco-line");
  // A source's date the name contradicts (device-info dates the 2019 P30 Pro 2020-05): unknown.
  CHECK(emitted_from(db, "VOG-AL00", "", "HUAWEI").count("device.launch_year") == 0);
  // A verified row's date is final, whatever its name says.
  CHECK(std::get<std::int64_t>(
            emitted_from(db, "VOG-L29", "", "HUAWEI").at("device.launch_year").first) == 2020);
  // A name alone dates a row nothing else dates.
  const auto reno = emitted_from(db, "CPH2531", "", "OPPO");
  CHECK(std::get<std::int64_t>(reno.at("device.launch_year").first) == 2023);
  CHECK(reno.count("device.launch_year_latest") == 0);
  CHECK_THAT(reno.at("device.launch_year").second, Catch::EndsWith("name:oppo-reno"));
  // A China code of a line launched in China first: the generation's first year (the K70s in
  // China in 2023-11; the code, certified that month, allows 2023..2024).
  const auto k70 = emitted_from(db, "23117RK66C", "", "Redmi");
  CHECK(std::get<std::int64_t>(k70.at("device.launch_year").first) == 2023);
  CHECK(k70.count("device.launch_year_latest") == 0);
  CHECK(k70.at("device.launch_year").second ==
        "model-code:xiaomi-china-cert-date+name:redmi-k+china-code");
  // Its global code may be the next year's: both stay.
  const auto note14 = emitted_from(db, "24115RA8EG", "", "Redmi");
  CHECK(std::get<std::int64_t>(note14.at("device.launch_year").first) == 2024);
  CHECK(std::get<std::int64_t>(note14.at("device.launch_year_latest").first) == 2025);
  // A source's date of the product is often its launch abroad: the China code's is the
  // line's first year, the global code keeps the source's.
  const auto china13 = emitted_from(db, "PJZ110", "", "OnePlus");
  CHECK(std::get<std::int64_t>(china13.at("device.launch_year").first) == 2024);
  CHECK(china13.at("device.launch_year").second ==
        "device-db:lineage-wiki+name:oneplus-number+china-code");
  const auto global13 = emitted_from(db, "CPH2649", "", "OnePlus");
  CHECK(std::get<std::int64_t>(global13.at("device.launch_year").first) == 2025);
  CHECK(global13.at("device.launch_year").second == "device-db:lineage-wiki");
  // Not where the code's own scheme rules the first year out: a China code certified in
  // 2025-05 is a later issue, not the 15 Pro of 2024-10.
  const auto reissue = emitted_from(db, "2505DPN6CC", "", "Xiaomi");
  CHECK(std::get<std::int64_t>(reissue.at("device.launch_year").first) == 2025);
  CHECK(reissue.at("device.launch_year").second == "device-db:lineage-wiki");
}

TEST_CASE("ambiguous matches keep only the facts every candidate shares") {
  const DeviceDb db = DeviceDb::parse(
      kGeneratedHeader +
      "redmi\tredmi-note-9\tRedmi Note 9\tphone\t2020\tmid\tM2003J15SG\tmerlin\tsrc\tverified\t"
      "verified\n"
      "redmi\tredmi-10x\tRedmi 10X 4G\tphone\t2020\tbudget\tM2003J15SC\tmerlin\tsrc\tverified\t"
      "verified\n");
  const auto merlin = emitted_from(db, "unknown", "merlin", "Redmi");
  CHECK(std::get<std::string>(merlin.at("device.db_match").first) == "ambiguous");
  CHECK(std::get<std::string>(merlin.at("device.class").first) == "phone");
  CHECK(std::get<std::int64_t>(merlin.at("device.launch_year").first) == 2020);
  CHECK(std::get<std::string>(merlin.at("device.brand").first) == "redmi");
  CHECK(merlin.count("device.series") == 0);  // redmi-note-9 or redmi-10x: not said
  CHECK(merlin.count("device.marketing_name") == 0);
  CHECK(merlin.count("device.price_tier") == 0);
}

TEST_CASE("a codename's rows the model code rules out are other names on the platform") {
  // `dandelion` is the Redmi 9A of 2020 and the Redmi 10A of 2022; Play's Redmi 10A Sport has
  // no date, but its code was certified in February 2022.
  const DeviceDb db = DeviceDb::parse(
      kGeneratedHeader +
      "redmi\tredmi-9\tRedmi 9A\tphone\t2020\tbudget\tM2006C3LG\tdandelion\tsrc\tverified\t"
      "verified\n"
      "redmi\tredmi-10\tRedmi 10A\tphone\t2022\tbudget\t220233L2G\tdandelion\tsrc\tverified\t"
      "verified\n"
      "redmi\tredmi-10\tRedmi 10A Sport\t\t\t\t220233L2I\tdandelion\tgoogle-play\t\t\n");
  // The Indian Redmi 9i, certified in June 2020: only the Redmi 9A can be its kin.
  const auto nine_i = emitted_from(db, "M2006C3LII", "dandelion", "Redmi");
  CHECK(text_of(nine_i, "device.db_match") == "ambiguous");
  CHECK(text_of(nine_i, "device.series") == "redmi-9");
  CHECK(text_of(nine_i, "device.class") == "phone");
  CHECK(std::get<std::int64_t>(nine_i.at("device.launch_year").first) == 2020);
  // A 2022 code: the two Redmi 10A rows remain, whose series is one.
  const auto ten_a = emitted_from(db, "220233L2X", "dandelion", "Redmi");
  CHECK(text_of(ten_a, "device.series") == "redmi-10");
  CHECK(ten_a.count("device.marketing_name") == 0);  // 10A or 10A Sport: not said
  // No launch from the code: every row stays, nothing they disagree on is said.
  const auto no_code = emitted_from(db, "", "dandelion", "Redmi");
  CHECK(no_code.count("device.series") == 0);
  CHECK(no_code.count("device.launch_year") == 0);
  // A code that rules out every row: all stay, and the name's facts go (see the firmware
  // test below for the single-row case).
  const auto none = emitted_from(db, "M2403C3LG", "dandelion", "Redmi");
  CHECK(none.count("device.series") == 0);
  CHECK(std::get<std::int64_t>(none.at("device.launch_year").first) == 2024);
}

TEST_CASE("the model code fills unknown facts and vetoes a generated row it contradicts") {
  const DeviceDb db = DeviceDb::parse(
      kGeneratedHeader +
      // A source calls this Xiaomi pad code a phone and dates it 2019: the code says a
      // tablet certified 2023-04, so both facts are left unknown.
      "xiaomi\t\tSome Pad\tphone\t2019\t\t23043RP34G\t\tgoogle-play\tdevice-info:display\t"
      "device-info\n"
      "xiaomi\t\tUnknown Facts\t\t\t\t2201117TG\t\tgoogle-play\t\t\n"
      "xiaomi\t\tVerified\tphone\t2018\tmid\t2301117TG\t\tsrc\tverified\tverified\n");
  const auto vetoed = emitted_from(db, "23043RP34G", "", "Xiaomi");
  CHECK(vetoed.count("device.class") == 0);
  CHECK(vetoed.count("device.launch_year") == 0);
  const auto filled = emitted_from(db, "2201117TG", "", "Xiaomi");
  CHECK(std::get<std::int64_t>(filled.at("device.launch_year").first) == 2021);
  CHECK(std::get<std::int64_t>(filled.at("device.launch_year_latest").first) == 2022);
  CHECK(filled.at("device.launch_year").second == "model-code:xiaomi-cert-date");
  CHECK(filled.count("device.launch_month") == 0);
  // A verified row is final, whatever the code says.
  const auto verified = emitted_from(db, "2301117TG", "", "Xiaomi");
  CHECK(std::get<std::int64_t>(verified.at("device.launch_year").first) == 2018);
  CHECK(verified.at("device.launch_year").second == "device-db");
  CHECK(verified.count("device.launch_year_latest") == 0);
  // No row at all: the code alone.
  const auto unknown = emitted_from(db, "SM-X710", "", "samsung");
  CHECK(std::get<std::string>(unknown.at("device.class").first) == "tablet");
  CHECK(unknown.at("device.class").second == "model-code:samsung-tab-prefix");
}

TEST_CASE("an unlisted Huawei / Honor variant takes the class its platform's rows agree on") {
  const DeviceDb db = DeviceDb::parse(
      kGeneratedHeader +
      "huawei\t\tHUAWEI Mate 60 Pro\tphone\t2023\t\tALN-AL00;ALN-AL10\t\tsrc\tverified\t"
      "verified\n"
      "huawei\t\tMatePad 10.4\ttablet\t2020\t\tBAH3-W09\t\tsrc\tverified\tverified\n"
      "honor\t\tHonor Mixed\tphone\t2022\t\tMIX-AN00\t\tsrc\tverified\tverified\n"
      "honor\t\tHonor Mixed Pad\ttablet\t2022\t\tMIX-W09\t\tsrc\tverified\tverified\n"
      "huawei\t\tNo Class\t\t\t\tNOC-LX9\t\tgoogle-play\t\t\n");
  const auto global = device_facts(db, "ALN-LX9", "", "HUAWEI", "");
  REQUIRE(global.device_class);
  CHECK(global.device_class->value == "phone");
  CHECK(global.device_class->source == "device-db:platform");
  CHECK_FALSE(global.launch);  // a platform's variants may launch in other years: nothing said
  CHECK_FALSE(global.series);
  // An LTE variant of a Wi-Fi tablet; Honor and Huawei are one family.
  CHECK(device_facts(db, "bah3-al00", "", "honor", "").device_class->value == "tablet");
  // A listed code's own row comes first; one without a class asks its platform, here none.
  CHECK(device_facts(db, "ALN-AL00", "", "huawei", "").device_class->source == "device-db");
  CHECK_FALSE(device_facts(db, "NOC-LX9", "", "huawei", "").device_class);
  // Rows of one platform that disagree say nothing; other makers and shapes neither.
  CHECK_FALSE(device_facts(db, "MIX-AL00", "", "honor", "").device_class);
  CHECK_FALSE(device_facts(db, "ALN-LX9", "", "xiaomi", "").device_class);
  CHECK_FALSE(device_facts(db, "ALN", "", "huawei", "").device_class);
  // The platform outranks the firmware's hint, as any database fact does.
  CHECK(device_facts(db, "BAH3-AN00", "", "huawei", "default").device_class->value == "tablet");
}

TEST_CASE("no Huawei / Honor platform of the shipped database holds both a phone and a tablet") {
  std::map<std::string, std::set<std::string>> classes;
  for (const DeviceRecord& row : DeviceDb::shipped().records()) {
    if (brand_family(row.brand) != "huawei" || row.device_class.empty()) continue;
    for (const std::string& code : row.model_codes) {
      if (const std::string platform = huawei_platform(code); !platform.empty()) {
        classes[platform].insert(row.device_class);
      }
    }
  }
  CHECK(classes.size() > 250);  // 262 when written
  for (const auto& [platform, seen] : classes) {
    INFO(platform);
    CHECK(seen.size() == 1);
  }
}

TEST_CASE("the panels' physical size places models nobody knows; 7-9 inches needs the hint") {
  const auto panels = [](int count, double inches, std::string_view hint) {
    const auto fact = class_from_panels(PanelFacts{count, inches}, hint);
    return fact ? fact->value : std::string("(none)");
  };
  CHECK(panels(1, 6.53, "default") == "phone");
  CHECK(panels(1, 6.53, "nosdcard,tablet") == "(none)");  // contradiction: nothing claimed
  CHECK(panels(1, 11.0, "default") == "tablet");          // a tablet the firmware hides
  CHECK(panels(1, 8.0, "default") == "(none)");           // small tablet or unfolded foldable
  CHECK(panels(1, 8.0, "tablet") == "tablet");
  CHECK(panels(2, 7.6, "default") == "phone");  // cover and inner panel: a foldable
  CHECK(panels(0, 0, "tablet") == "(none)");
  CHECK(class_from_panels(PanelFacts{1, 11.0}, "")->source == "dumpsys:display");

  // In device_facts: after the database and the model code, before the hint alone.
  const DeviceDb db = DeviceDb::parse(kGeneratedHeader +
                                      "acme\t\tAcme Tab\ttablet\t2024\t\tAT-1\t\tsrc\tname\tsrc\n");
  CHECK(device_facts(db, "AT-1", "", "acme", "default", PanelFacts{1, 6.1}).device_class->source ==
        "device-db:name");
  const auto unknown = device_facts(db, "ZZ-1", "", "acme", "default", PanelFacts{1, 10.9});
  REQUIRE(unknown.device_class);
  CHECK(unknown.device_class->value == "tablet");
  CHECK_FALSE(device_facts(db, "ZZ-1", "", "acme", "default", PanelFacts{1, 8.0}).device_class);
  // Without panels, "default" claims nothing; "tablet" does.
  CHECK_FALSE(device_facts(db, "ZZ-1", "", "acme", "default").device_class);
  CHECK(device_facts(db, "ZZ-1", "", "acme", "tablet").device_class->value == "tablet");
}

TEST_CASE("the first API level reads as a launch range from its Android release to the check") {
  const auto range = [](std::string_view level, int year) {
    const auto r = launch_range_from_first_api_level(level, year);
    return r ? std::to_string(r->earliest) + ".." + std::to_string(r->latest) : "(none)";
  };
  CHECK(range("34", 2026) == "2023..2026");
  CHECK(range(" 36\n", 2026) == "2025..2026");
  CHECK(range("29", 2019) == "2019..2019");
  CHECK(range("36", 2024) == "(none)");  // a clock before Android 16: no claim
  CHECK(range("", 2026) == "(none)");    // pre-Treble firmware does not set it
  CHECK(range("34x", 2026) == "(none)");
  CHECK(range("-1", 2026) == "(none)");
  CHECK(range("99", 2026) == "(none)");  // not released: no claim
  CHECK(range("99999999999999", 2026) == "(none)");
}

TEST_CASE("the first API level bounds the launch: alone, narrowing, or vetoing a source's year") {
  const DeviceDb db = DeviceDb::parse(
      kGeneratedHeader +
      "acme\tacme-1\tAcme One\tphone\t2019\tmid\tA-1\tacmeone\tgoogle-play\tname\t"
      "device-info\n"
      "acme\tacme-2\tAcme Two\tphone\t2019\tmid\tA-2\tacmetwo\tsrc\tverified\tverified\n"
      "xiaomi\t\tUnknown Facts\t\t\t\t2201117TG\t\tgoogle-play\t\t\n");
  const YearRange android14{2023, 2026};
  const auto year = [](const auto& facts, const char* name) {
    return std::get<std::int64_t>(facts.at(name).first);
  };
  // A model nobody knows: the firmware's range alone, said to come from getprop.
  const auto alone = emitted_from(db, "ZZ-9", "", "acme", "default", android14);
  CHECK(year(alone, "device.launch_year") == 2023);
  CHECK(year(alone, "device.launch_year_latest") == 2026);
  CHECK(alone.at("device.launch_year").second == "getprop:ro.product.first_api_level");
  // The model code's 2021..2022 narrowed by Android 13 (2022) to one year.
  const auto narrowed = emitted_from(db, "2201117TG", "", "Xiaomi", "", YearRange{2022, 2026});
  CHECK(year(narrowed, "device.launch_year") == 2022);
  CHECK(narrowed.count("device.launch_year_latest") == 0);
  CHECK(narrowed.at("device.launch_year").second ==
        "model-code:xiaomi-cert-date+getprop:ro.product.first_api_level");
  // A generated row's 2019 on a phone that shipped with Android 14: the source slipped.
  const auto vetoed = emitted_from(db, "A-1", "", "acme", "", android14);
  CHECK(vetoed.count("device.launch_year") == 0);
  CHECK(text_of(vetoed, "device.series") == "acme-1");  // the model code matched: its row
  // A verified row matched by model code is final.
  const auto verified = emitted_from(db, "A-2", "", "acme", "", android14);
  CHECK(year(verified, "device.launch_year") == 2019);
  // Matched by codename only, the contradiction says it is another phone on that platform:
  // the launch and what belongs to the name go.
  const auto other = emitted_from(db, "A-2 Pro", "acmetwo", "acme", "", android14);
  CHECK(text_of(other, "device.db_match") == "codename");
  CHECK(other.count("device.launch_year") == 0);
  CHECK(other.count("device.series") == 0);
  CHECK(other.count("device.marketing_name") == 0);
  CHECK(text_of(other, "device.class") == "phone");
  // Consistent facts are left as they are.
  const auto agrees = emitted_from(db, "A-1", "", "acme", "", YearRange{2018, 2026});
  CHECK(year(agrees, "device.launch_year") == 2019);
  CHECK(agrees.at("device.launch_year").second == "device-db:device-info");
}

TEST_CASE("the phone's own name dates and classes a model the database does not know") {
  const DeviceDb db = DeviceDb::parse(
      kGeneratedHeader +
      "huawei\t\tP30 Pro\tphone\t2019\t\tVOG-AL00\t\tgoogle-play\tdevice-info\tdevice-info\n"
      "huawei\tmate60\tHUAWEI Mate 60 Pro\tphone\t2023\tflagship\tALN-AL00\t\tsrc\tverified\t"
      "verified\n"
      "redmi\tredmi-9\tRedmi 9\tphone\t2020\tbudget\tM2004J19G\tlancelot\tsrc\tverified\t"
      "verified\n"
      "xiaomi\t\tMi Something\tphone\t\t\tXM-1\t\tgoogle-play\tname\t\n");
  const auto year = [](const auto& facts, const char* name) {
    return std::get<std::int64_t>(facts.at(name).first);
  };
  // A Huawei code nobody lists: the name's generation is the launch, the name is the
  // marketing name (said to come from the firmware), and a Huawei name without a tablet word
  // says nothing of the class (Huawei's tablets go by bare names too).
  const auto mate = emitted_with_own_name(db, "ZZZ-LX9", "", "HUAWEI", "HUAWEI Mate 60 Pro");
  CHECK(text_of(mate, "device.db_match") == "none");
  CHECK(year(mate, "device.launch_year") == 2023);
  CHECK(mate.count("device.launch_year_latest") == 0);
  CHECK(mate.at("device.launch_year").second == "own-name:huawei-mate");
  CHECK(text_of(mate, "device.marketing_name") == "HUAWEI Mate 60 Pro");
  CHECK(mate.at("device.marketing_name").second == "adb:getprop:ro.config.marketing_name");
  CHECK(mate.count("device.class") == 0);
  // A China code of a line that launches in China first: the generation's first year.
  const auto nova = emitted_with_own_name(db, "ZZZ-AL00", "", "HUAWEI", "HUAWEI nova 13 Pro");
  CHECK(year(nova, "device.launch_year") == 2024);
  CHECK(nova.count("device.launch_year_latest") == 0);
  CHECK(nova.at("device.launch_year").second == "own-name:huawei-nova+china-code");
  // A tablet word, and a maker that puts "Pad" in every tablet's name.
  const auto pad = emitted_with_own_name(db, "ZZZ-AL09", "", "HUAWEI", "HUAWEI MatePad Pro");
  CHECK(text_of(pad, "device.class") == "tablet");
  CHECK(pad.at("device.class").second == "own-name:tablet-word");
  const auto note = emitted_with_own_name(db, "ZZ1", "", "Redmi", "Redmi Note 13 Pro");
  CHECK(text_of(note, "device.class") == "phone");
  CHECK(note.at("device.class").second == "own-name:no-tablet-word");
  // A generated row's date the name contradicts: one of them is wrong, the launch unknown.
  const auto slip = emitted_with_own_name(db, "VOG-AL00", "", "HUAWEI", "HUAWEI Mate 60 Pro");
  CHECK(slip.count("device.launch_year") == 0);
  CHECK(text_of(slip, "device.marketing_name") == "P30 Pro");  // the database's name stays
  // ... and a generated row's class it contradicts: unknown too.
  const auto pad_or_phone = emitted_with_own_name(db, "XM-1", "", "Xiaomi", "Xiaomi Pad 6");
  CHECK(pad_or_phone.count("device.class") == 0);
  // A verified row matched by its model code is final.
  const auto verified = emitted_with_own_name(db, "ALN-AL00", "", "HUAWEI", "HUAWEI P30");
  CHECK(year(verified, "device.launch_year") == 2023);
  CHECK(verified.at("device.launch_year").second == "device-db");
  // Matched by codename only, a contradiction means another name on the platform: its
  // per-name facts go, the phone's own name dates it.
  const auto other = emitted_with_own_name(db, "ZZZ9", "lancelot", "Redmi", "Redmi 13");
  CHECK(text_of(other, "device.db_match") == "codename");
  CHECK(year(other, "device.launch_year") == 2024);
  CHECK(other.at("device.launch_year").second == "own-name:redmi-number");
  CHECK(other.count("device.series") == 0);
  CHECK(other.count("device.price_tier") == 0);
  CHECK(text_of(other, "device.marketing_name") == "Redmi 13");
  // A name no rule reads claims nothing.
  const auto plain = emitted_with_own_name(db, "ZZZ-LX9", "", "HUAWEI", "华为麦芒 30");
  CHECK(plain.count("device.launch_year") == 0);
  // The codename's rows are none of what the phone calls itself (merlin is the Redmi Note 9;
  // the phone says Redmi 10X, a name no table dates): another name on the platform, launched
  // up to a year from them.
  const DeviceDb merlin = DeviceDb::parse(
      kGeneratedHeader +
      "redmi\tredmi-note-9\tRedmi Note 9\tphone\t2020\tmid\tM2003J15SG\tmerlin\tsrc\t"
      "verified\tverified\n");
  const auto renamed = emitted_with_own_name(merlin, "ZZZ1", "merlin", "Redmi", "Redmi 10X");
  CHECK(year(renamed, "device.launch_year") == 2019);
  CHECK(year(renamed, "device.launch_year_latest") == 2021);
  CHECK(renamed.count("device.series") == 0);
  CHECK(text_of(renamed, "device.marketing_name") == "Redmi 10X");
  // ... where the name may be theirs (a word more), they stay.
  const auto same = emitted_with_own_name(merlin, "ZZZ1", "merlin", "Redmi", "Redmi Note 9 NFC");
  CHECK(year(same, "device.launch_year") == 2020);
  CHECK(text_of(same, "device.series") == "redmi-note-9");
}

TEST_CASE("a phone by its own name's missing \"Pad\" never overrules the firmware or the panels") {
  const DeviceDb db = DeviceDb::parse(kGeneratedHeader +
                                      "acme\t\tAcme One\tphone\t2019\t\tA-1\t\tsrc\t"
                                      "google-play\tgoogle-play\n");
  const auto with = [&](std::string_view hint, std::optional<PanelFacts> panels, std::string name) {
    DeviceClues clues{"ZZTEST", "", "Xiaomi", hint, std::nullopt, panels, std::nullopt};
    clues.own_name = SourcedFact{std::move(name), "getprop-text:getprop:ro.product.marketname"};
    return device_facts(db, clues).device_class;
  };
  CHECK(with("tablet", std::nullopt, "Xiaomi Book S 12.4")->value == "tablet");
  CHECK(with("default", PanelFacts{1, 11.0}, "Xiaomi Book S 12.4")->value == "tablet");
  CHECK_FALSE(with("default", PanelFacts{1, 8.0}, "Xiaomi Book S 12.4"));  // the panels' say
  CHECK(with("default", std::nullopt, "Xiaomi 14")->value == "phone");
  CHECK_FALSE(with("default", std::nullopt, "Xiaomi Book S 12.4"));  // a laptop's name
  // Only a name that starts with the maker's word: not a bare codename or code.
  CHECK_FALSE(with("default", std::nullopt, "nabu"));
  CHECK_FALSE(with("default", std::nullopt, "2603ARP14G"));
}
