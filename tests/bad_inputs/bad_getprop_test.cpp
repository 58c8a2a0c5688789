// Malformed getprop texts (cases/getprop.jsonl): the exact property map parse_getprop makes of
// each, and what `examready check --from-getprop FILE` does with it: exit 65 with the error and
// no report written when no property survives, otherwise a report with the model it names.
#include <catch2/catch.hpp>

#include "platform/android/getprop.h"
#include "tests/bad_inputs/cases.h"

using namespace examready;
using namespace examready::test::bad_inputs;
using nlohmann::json;

namespace {

json measured(const json& report, const std::string& metric) {
  for (const auto& check : report.at("checks")) {
    if (check.at("measurements").contains(metric)) return check["measurements"][metric]["value"];
  }
  return nullptr;
}

}  // namespace

TEST_CASE("malformed getprop texts: the parsed properties and examready check --from-getprop") {
  const auto cases = read_jsonl("getprop.jsonl");
  REQUIRE(cases.size() >= 15);
  TempDir dir;
  for (const auto& c : cases) {
    const std::string name = c.at("name");
    INFO("case " << name);
    const std::string text = raw_input(c);
    // As JSON, where a byte that is not UTF-8 reads U+FFFD (as in the report's JSON).
    const json props = platform::android::parse_getprop(text);
    CHECK(json::parse(props.dump(-1, ' ', false, json::error_handler_t::replace)) == c.at("props"));

    const std::string file = dir.write(name + ".txt", text).string();
    const std::string out = (dir.path() / (name + ".report.json")).string();
    const CliRun run =
        run_examready({"check", "--from-getprop", file, "--only", "os,device", "--out", out});
    CHECK(run.exit_code == c.at("exit").get<int>());
    if (run.exit_code == 65) {
      CHECK(run.out.empty());
      CHECK(!std::filesystem::exists(out));
      const std::string error =
          c.contains("error") ? c.at("error").get<std::string>()
                              : ": no properties found (expected `getprop` output: [key]: [value] "
                                "lines)";
      CHECK(run.err == "examready: " + file + error + "\n");
    } else {
      const json report = json::parse(read_bytes(out));
      CHECK(measured(report, "device.model") == c.at("model"));
    }
  }
}
