// rules/README.md's fidelity table (every requirement sentence of both manuals -> the rules
// that check it) and the shipped rule files, kept in step.
#include <catch2/catch.hpp>

#include <chrono>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "reports/report.h"
#include "rules/evaluate.h"
#include "rules/files.h"
#include "tests/support/fixtures.h"

using namespace examready;

namespace {

struct Row {
  std::string id;  // "XYB-3", or "—" for conduct and procedure
  std::vector<std::string> rules;
  std::string text;  // the whole row, for messages
};

std::vector<Row> fidelity_rows() {
  const std::string readme = test::read_fixture("../../rules/README.md");
  const auto begin = readme.find("<!-- fidelity:begin -->");
  const auto end = readme.find("<!-- fidelity:end -->");
  REQUIRE(begin != std::string::npos);
  REQUIRE(end != std::string::npos);
  std::istringstream lines(readme.substr(begin, end - begin));
  std::vector<Row> rows;
  static const std::regex kRow(R"(^\| ([^|]+) \| (.+) \| (.+) \|$)");
  static const std::regex kRuleId("`([a-z0-9_.-]+)`");
  std::string line;
  while (std::getline(lines, line)) {
    if (!line.starts_with("|") || line.starts_with("|---")) continue;
    std::smatch m;
    INFO(line);
    REQUIRE(std::regex_match(line, m, kRow));  // a malformed row is an error, not skipped
    if (m[1] == "id") continue;
    Row row{m[1], {}, line};
    const std::string rules = m[3];
    // Rule ids are the backticked names before any parenthesised note.
    const std::string listed = rules.substr(0, rules.find(" ("));
    for (auto it = std::sregex_iterator(listed.begin(), listed.end(), kRuleId);
         it != std::sregex_iterator(); ++it) {
      row.rules.push_back((*it)[1]);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<std::string> cited_ids(const rules::Rule& rule, const std::string& prefix) {
  std::vector<std::string> ids;
  std::istringstream in(rule.source);
  std::string id;
  while (std::getline(in, id, ',')) {
    if (id.starts_with(" ")) id.erase(0, 1);
    if (id.starts_with(prefix + "-")) ids.push_back(id);
  }
  return ids;
}

}  // namespace

TEST_CASE("the fidelity table and the shipped rule files agree") {
  const std::map<std::string, rules::RuleSet> sets = {
      {"XYB", rules::load_rule_set(*rules::find_rule_set("xiaoyibang"))},
      {"YSS", rules::load_rule_set(*rules::find_rule_set("yishusheng"))}};
  const std::vector<Row> rows = fidelity_rows();
  REQUIRE(rows.size() >= 40);

  std::set<std::pair<std::string, std::string>> listed;  // (requirement id, rule id)
  for (const Row& row : rows) {
    INFO(row.text);
    if (row.rules.empty() || row.id == "—") {
      // A sentence no rule checks says why.
      CHECK(row.text.find("not checkable on a device") != std::string::npos);
      CHECK(row.rules.empty());
      continue;
    }
    const auto set = sets.find(row.id.substr(0, 3));
    REQUIRE(set != sets.end());
    for (const std::string& id : row.rules) {
      INFO(id);
      const rules::Rule* rule = set->second.find_rule(id);
      REQUIRE(rule != nullptr);  // listed rules exist in the platform's set
      const auto ids = cited_ids(*rule, set->first);
      CHECK(std::find(ids.begin(), ids.end(), row.id) != ids.end());  // and cite the row's id
      listed.emplace(row.id, id);
    }
  }
  // Every rule of both sets, under every id it cites, has a row; and each cites its own
  // platform's manual.
  for (const auto& [prefix, set] : sets) {
    for (const rules::Rule& rule : set.rules) {
      INFO(rule.id);
      CHECK_FALSE(cited_ids(rule, prefix).empty());
      for (const std::string& id : cited_ids(rule, prefix)) {
        INFO(rule.id << " cites " << id);
        CHECK(listed.contains({id, rule.id}));
      }
    }
  }
}

// REQUIREMENTS.md numbers each platform's requirements from 1 (XYB-1..XYB-19, YSS-1..YSS-11)
// and rules/README.md adds the ones it missed: no number may be skipped in the table.
TEST_CASE("every requirement id of the manuals has a row in the fidelity table") {
  std::map<std::string, std::set<int>> numbers;
  for (const Row& row : fidelity_rows()) {
    if (row.id == "—") continue;
    numbers[row.id.substr(0, 3)].insert(std::stoi(row.id.substr(4)));
  }
  CHECK(*numbers["XYB"].rbegin() >= 19);
  CHECK(*numbers["YSS"].rbegin() >= 11);
  for (const auto& [prefix, seen] : numbers) {
    for (int n = 1; n <= *seen.rbegin(); ++n) {
      INFO(prefix << "-" << n);
      CHECK(seen.contains(n));
    }
  }
}

// Evaluated on a report that measured nothing, no rule of either set fails, and none that is
// undecided prints its failure text: each says what it requires instead.
TEST_CASE("no shipped rule's unknown outcome prints its failure text") {
  for (const char* name : {"xiaoyibang", "yishusheng"}) {
    INFO(name);
    const rules::RuleSet set = rules::load_rule_set(*rules::find_rule_set(name));
    reports::Report report;
    report.report_id = "AAAAAAAAAAAAAAAAAAAAAA";
    report.created_at = "2026-03-01T00:00:00Z";
    const nlohmann::json evaluation =
        rules::evaluate(set, report, std::chrono::sys_days{std::chrono::year{2026} / 3 / 1});
    for (const auto& entry : evaluation["rules"]) {
      INFO(entry.dump());
      const rules::Rule* rule = set.find_rule(entry["id"].get<std::string>());
      REQUIRE(rule != nullptr);
      // (A rule on a derived figure may still pass: the exam volume at the assumed bitrate.)
      CHECK(entry["outcome"] != "fail");
      if (entry["outcome"] != "unknown" || !rule->require) continue;
      CHECK_FALSE(entry.contains("message"));
      CHECK_FALSE(entry.contains("fix"));
      REQUIRE(entry.contains("requirement"));
      CHECK(rule->requirement.zh != rule->message.zh);
      CHECK(rule->requirement.en != rule->message.en);
    }
  }
}
