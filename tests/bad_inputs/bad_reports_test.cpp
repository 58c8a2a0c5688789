// Malformed reports (cases/reports.jsonl): the exact error of each, from the library (the JSON
// parser's message, the deepest schema error as JSON pointer and reason, or the report model's
// message) and from `examready evaluate` (exit 65, the same error, nothing on stdout).
#include <catch2/catch.hpp>

#include <stdexcept>

#include "reports/report.h"
#include "reports/schema.h"
#include "tests/bad_inputs/cases.h"
#include "tests/support/fixtures.h"

using namespace examready;
using namespace examready::test::bad_inputs;
using nlohmann::json;

namespace {

// The case's document: raw text or bytes, or the base report (a real phone's) edited by a JSON
// Patch ("patch"), then text replacements ("replace") and a cut ("truncate") of its text.
std::string report_text(const json& c) {
  if (c.contains("text") || c.contains("hex")) return raw_input(c);
  json document = json::parse(test::read_fixture("reports/redmi-note-9-m2003j15sg.json"));
  if (c.contains("patch")) document = document.patch(c["patch"]);
  std::string text = document.dump(2);
  for (const auto& edit : c.value("replace", json::array())) {
    const std::string from = edit.at(0), to = edit.at(1);
    const auto at = text.find(from);
    if (at == std::string::npos) throw std::logic_error("replace: text not found: " + from);
    text.replace(at, from.size(), to);
  }
  if (c.contains("truncate")) text.resize(c["truncate"].get<std::size_t>());
  return text;
}

struct Rejection {
  std::string stage;  // json, schema or model
  std::string error;
};

Rejection reject(const std::string& text) {
  json document;
  try {
    document = json::parse(text);
  } catch (const json::exception& e) {  // parse_error, or out_of_range for 1e400
    return {"json", e.what()};
  }
  if (const auto errors = reports::validate_report(document); !errors.empty()) {
    return {"schema", errors.front().path + ": " + errors.front().message};
  }
  try {
    reports::report_from_json(document);
  } catch (const std::invalid_argument& e) {
    return {"model", e.what()};
  }
  return {"accepted", ""};
}

}  // namespace

TEST_CASE("malformed reports: the exact error from the library and from examready evaluate") {
  const auto cases = read_jsonl("reports.jsonl");
  REQUIRE(cases.size() >= 35);
  TempDir dir;
  for (const auto& c : cases) {
    const std::string name = c.at("name");
    INFO("case " << name);
    const std::string text = report_text(c);
    const Rejection got = reject(text);
    CHECK(got.stage == c.at("stage"));
    // The parser quotes what it read: a byte that is not UTF-8 reads U+FFFD in the case file.
    CHECK(json(got.error).dump(-1, ' ', false, json::error_handler_t::replace) ==
          c.at("error").dump());

    const std::string file = dir.write(name + ".json", text).string();
    const CliRun run = run_examready({"evaluate", file, "--rules", "xiaoyibang", "--json"});
    CHECK(run.exit_code == 65);
    CHECK(run.out.empty());
    if (got.stage == "json") {
      CHECK(run.err == "examready: " + file + ": not JSON\n");
    } else if (got.stage == "schema") {
      // Every schema error is listed; the first is the deepest, the one the library returns.
      CHECK(run.err.rfind("examready: " + file + ": not a valid report:\n  " + got.error + "\n",
                          0) == 0);
    } else {
      CHECK(run.err == "examready: " + file + ": " + got.error + "\n");
    }
  }
}
