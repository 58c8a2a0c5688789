// Malformed rules files (cases/rules/*.toml) and rules tests files (cases/rules_tests/
// *.tests.toml): each file's first line is the exact error it must give, as
// "# expect: FILE:LINE:COL: message" (FILE relative to the case's folder). The loader must throw
// it, and `examready rules lint` / `rules test` must print it and exit 65 with nothing on stdout.
#include <catch2/catch.hpp>

#include <fmt/format.h>
#include <algorithm>
#include <cctype>

#include "rules/files.h"
#include "rules/rule_tests.h"
#include "tests/bad_inputs/cases.h"

using namespace examready;
using namespace examready::test::bad_inputs;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> case_files(const std::string& folder, const std::string& suffix) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(cases_dir() / folder)) {
    const std::string name = entry.path().filename().string();
    if (name.size() > suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0 &&
        std::isdigit(static_cast<unsigned char>(name.front()))) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The located error the case's first line announces, with its folder prepended to FILE and put
// for @DIR@ (paths inside the message).
std::string expected_error(const fs::path& file) {
  std::string line = read_bytes(file);
  line = line.substr(0, line.find('\n'));
  if (!line.empty() && line.back() == '\r') line.pop_back();
  const std::string prefix = "# expect: ";
  REQUIRE(line.rfind(prefix, 0) == 0);
  const std::string dir = file.parent_path().string() + "/";
  std::string expected = dir + line.substr(prefix.size());
  for (auto at = expected.find("@DIR@"); at != std::string::npos; at = expected.find("@DIR@", at)) {
    expected.replace(at, 5, dir);
  }
  return expected;
}

template <typename Load>
std::string load_error(Load load) {
  try {
    load();
  } catch (const rules::RulesLoadError& e) {
    return e.error().to_string();
  }
  return "loaded without an error";
}

void check_cli(const std::string& command, const fs::path& file, const std::string& expected) {
  const CliRun run = run_examready({"rules", command, file.string()});
  CHECK(run.exit_code == 65);
  CHECK(run.out.empty());
  CHECK(run.err == expected + "\n");
}

}  // namespace

TEST_CASE("malformed rules files: the located error from the loader and examready rules lint") {
  const auto files = case_files("rules", ".toml");
  REQUIRE(files.size() >= 35);
  for (const auto& file : files) {
    INFO("case " << file.filename().string());
    const std::string expected = expected_error(file);
    CHECK(load_error([&] { rules::load_rule_set(file); }) == expected);
    check_cli("lint", file, expected);
  }
}

TEST_CASE("malformed rules tests files: the located error from run_rule_tests and rules test") {
  const auto files = case_files("rules_tests", ".tests.toml");
  REQUIRE(files.size() >= 18);
  for (const auto& file : files) {
    INFO("case " << file.filename().string());
    const std::string expected = expected_error(file);
    CHECK(load_error([&] { rules::run_rule_tests(file); }) == expected);
    check_cli("test", file, expected);
  }
}

// Beyond the report schema's 1000 rules an evaluation could not be stored (generated here: the
// file would be 150 KB).
TEST_CASE("a rules set of more than 1000 rules is refused at the 1001st") {
  std::string text = "id = \"big\"\ntitle = { zh-CN = \"测试\", en = \"Test\" }\n";
  for (int i = 1; i <= 1001; ++i) {
    text += fmt::format(
        "[[rule]]\nid = \"r{}\"\nseverity = \"info\"\nsource = \"XYB-1\"\n"
        "message = {{ zh-CN = \"消息\", en = \"message\" }}\n",
        i);
  }
  TempDir dir;
  const fs::path file = dir.write("big.toml", text);
  const std::string expected = file.string() + ":5003:1: more than 1000 rules";
  CHECK(load_error([&] { rules::load_rule_set(file); }) == expected);
  check_cli("lint", file, expected);
}
