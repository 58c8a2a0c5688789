// The os check: os-release parsing (platform/linux) on captured files and the check through a
// fake host.
#include <catch2/catch.hpp>

#include "tests/support/fake_host.h"
#include "platform/linux/os_release.h"
#include "probe/os.h"
#include "tests/support/fixtures.h"

using namespace examready;
using examready::test::read_fixture;

TEST_CASE("os-release files of several distributions") {
  struct Case {
    const char* file;
    const char* name;
    const char* version;
  };
  const Case cases[] = {
      {"debian-12.txt", "Debian GNU/Linux", "12"},
      {"ubuntu-22.04.txt", "Ubuntu", "22.04"},
      {"fedora-39.txt", "Fedora Linux", "39"},
      {"arch.txt", "Arch Linux", ""},  // rolling: no VERSION_ID
      {"alpine-3.19.txt", "Alpine Linux", "3.19.1"},
      {"uos-20.txt", "uos", "20"},
  };
  for (const auto& c : cases) {
    INFO(c.file);
    auto facts = platform::release_name(
        platform::parse_os_release(read_fixture(std::string("linux/os-release/") + c.file)));
    CHECK(facts.name == c.name);
    CHECK(facts.version == c.version);
  }
}

TEST_CASE("os-release quoting: double quotes with escapes, single quotes, comments") {
  auto values = platform::parse_os_release(
      "# comment\nNAME='Single Quoted'\nPRETTY_NAME=\"Say \\\"hi\\\" \\\\ there\"\nEMPTY=\nBROKEN LINE\n  ID=x  \n");
  CHECK(values["NAME"] == "Single Quoted");
  CHECK(values["PRETTY_NAME"] == "Say \"hi\" \\ there");
  CHECK(values["EMPTY"].empty());
  CHECK(values["ID"] == "x");
  CHECK(values.count("BROKEN LINE") == 0);
}

TEST_CASE("os check emits family, name, version, kernel and architecture") {
  test::FakeHost host;
  host.add_file("/etc/os-release", read_fixture("linux/os-release/ubuntu-22.04.txt"));
  host.set_uname(platform::UnameInfo{"Linux", "6.5.0-35-generic", "#35~22.04.1-Ubuntu", "x86_64"});
  probe::ProbeOptions options;
  probe::CheckContext ctx(host, options);
  auto outcome = probe::run_os_check(ctx);
  REQUIRE(outcome.status == core::CheckStatus::kOk);
  core::CheckResult result{"os", outcome.status, "", 0, ctx.take_measurements()};
  CHECK(std::get<std::string>(result.find(core::MetricId::kOsVersion)->value) == "22.04");
  CHECK(std::get<std::string>(result.find(core::MetricId::kOsKernel)->value) == "6.5.0-35-generic");
  CHECK(std::get<std::string>(result.find(core::MetricId::kOsArch)->value) == "x86_64");
  CHECK(std::get<std::string>(result.find(core::MetricId::kOsFamily)->value) == "linux");
  CHECK(result.find(core::MetricId::kOsFamily)->source == "/etc/os-release");
}

TEST_CASE("os check falls back to /usr/lib/os-release and fails only with nothing at all") {
  test::FakeHost host;
  host.add_file("/usr/lib/os-release", read_fixture("linux/os-release/arch.txt"));
  probe::ProbeOptions options;
  probe::CheckContext ctx(host, options);
  CHECK(probe::run_os_check(ctx).status == core::CheckStatus::kOk);
  CHECK(ctx.measurements().size() == 2);  // family and name; no version for a rolling release

  test::FakeHost empty;
  probe::CheckContext ctx2(empty, options);
  CHECK(probe::run_os_check(ctx2).status == core::CheckStatus::kError);
}
