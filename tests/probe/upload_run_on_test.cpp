// When the upload may stop after its rate settled: once every stream had a whole TLS
// record's bytes acknowledged (the slowest one decides), a little later, never too late.
#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

#include "probe/network/upload_run_on.h"

using examready::probe::net::UploadRunOn;

namespace {
constexpr std::uint64_t kRecord = UploadRunOn::kTlsRecordBytes;
}

TEST_CASE("the upload runs on until the slowest stream had a whole record acknowledged") {
  UploadRunOn run_on({1000, 5000, 9000, 100}, 3.0);
  // Three streams are a record on; the fourth (the slowest) is one byte short.
  const std::vector<std::uint64_t> almost{1000 + kRecord, 5000 + 2 * kRecord, 9000 + kRecord,
                                          100 + kRecord - 1};
  CHECK_FALSE(run_on.done(almost, 3.4));
  CHECK_FALSE(run_on.done(almost, 3.9));
  const std::vector<std::uint64_t> all{1000 + kRecord, 5000 + 2 * kRecord, 9000 + kRecord,
                                       100 + kRecord};
  CHECK_FALSE(run_on.done(all, 4.0));  // the server's read and bin get their slack
  CHECK_FALSE(run_on.done(all, 4.0 + UploadRunOn::kSlack_s / 2));
  CHECK(run_on.done(all, 4.0 + 1.01 * UploadRunOn::kSlack_s));
}

TEST_CASE("a stream that stops moving holds the upload at most kMax_s") {
  UploadRunOn run_on({0, 0}, 5.0);
  const std::vector<std::uint64_t> stuck{10 * kRecord, 0};
  CHECK_FALSE(run_on.done(stuck, 5.0 + UploadRunOn::kMax_s - 0.01));
  CHECK(run_on.done(stuck, 5.0 + UploadRunOn::kMax_s));
}

TEST_CASE("a fast link stops a slack after the settle") {
  UploadRunOn run_on({0, 0, 0, 0}, 2.0);
  const std::vector<std::uint64_t> far(4, 50 * kRecord);
  CHECK_FALSE(run_on.done(far, 2.05));
  CHECK(run_on.done(far, 2.16));
}
