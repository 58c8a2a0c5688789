// The storage check: f_bavail semantics through a fake host, and the real statvfs
// against df on the same path.
#include <catch2/catch.hpp>

#include <cerrno>
#include <cstdio>
#include <memory>

#include "tests/support/fake_host.h"
#include "platform/local_host.h"
#include "probe/storage.h"

using namespace examready;

TEST_CASE("storage reports free and total bytes of the data directory") {
  test::FakeHost host;
  platform::VolumeResult volume;
  volume.stats = platform::VolumeStats{21'474'836'480, 128'000'000'000};
  host.set_volume("/home/candidate", volume);
  probe::ProbeOptions options;
  options.data_dir = "/home/candidate";
  probe::CheckContext ctx(host, options);
  REQUIRE(probe::run_storage_check(ctx).status == core::CheckStatus::kOk);
  CHECK(std::get<std::int64_t>(ctx.measurements().at(0).value) == 21'474'836'480);
  CHECK(std::get<std::int64_t>(ctx.measurements().at(1).value) == 128'000'000'000);
}

TEST_CASE("storage maps permission errors to denied and others to error") {
  test::FakeHost host;
  platform::VolumeResult denied;
  denied.error_number = EACCES;
  denied.error = "statvfs /x: Permission denied";
  host.set_volume("/x", denied);
  probe::ProbeOptions options;
  options.data_dir = "/x";
  probe::CheckContext ctx(host, options);
  CHECK(probe::run_storage_check(ctx).status == core::CheckStatus::kDenied);

  options.data_dir = "/missing";
  probe::CheckContext ctx2(host, options);
  auto outcome = probe::run_storage_check(ctx2);
  CHECK(outcome.status == core::CheckStatus::kError);
  CHECK_THAT(outcome.message, Catch::Contains("/missing"));
}

TEST_CASE("real statvfs agrees with df within 1 %") {
  platform::LocalHost host;
  probe::ProbeOptions options;
  options.data_dir = "/tmp";
  probe::CheckContext ctx(host, options);
  REQUIRE(probe::run_storage_check(ctx).status == core::CheckStatus::kOk);
  const auto free_bytes = static_cast<double>(std::get<std::int64_t>(ctx.measurements().at(0).value));

  std::unique_ptr<FILE, int (*)(FILE*)> df(popen("df -B1 --output=avail /tmp | tail -n 1", "r"), pclose);
  REQUIRE(df);
  double df_avail = 0;
  REQUIRE(std::fscanf(df.get(), "%lf", &df_avail) == 1);
  CHECK(std::abs(free_bytes - df_avail) <= 0.01 * df_avail + 1);
}
