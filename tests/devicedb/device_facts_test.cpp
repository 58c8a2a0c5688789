// Device facts: database facts with their source, and OS fallbacks for unknown models.
#include "probe/emit_device_facts.h"

#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "rules/devices/device_facts.h"
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

  const Emitted phone = emit_for("ACME-P1", "", "ACME", "default");
  CHECK(text(phone, "device.class") == "phone");

  // "tablet" must be a whole word of the list.
  CHECK(text(emit_for("ACME-P2", "", "", "nottablet"), "device.class") == "phone");

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
