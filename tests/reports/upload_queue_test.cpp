// The offline queue on disk: its bound and the clean-up of writers' leftovers. (Delivery, end to
// end with the real binaries: tests/server/upload_queue_test.sh.)
#include "reports/upload/upload_queue.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;
using examready::reports::kMaxQueuedReports;
using examready::reports::UploadQueue;

namespace {

// A fresh directory under the test's temporary directory, removed at the end of the scope.
struct ScratchDir {
  fs::path path;
  explicit ScratchDir(const std::string& name)
      : path(fs::temp_directory_path() / ("examready-queue-test-" + name)) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

std::string id_number(std::size_t n) {
  std::string id = "Q" + std::to_string(n);
  id.resize(22, 'x');
  return id;
}

void write(const fs::path& path, const std::string& text) { std::ofstream(path) << text; }

}  // namespace

TEST_CASE("the queue holds at most kMaxQueuedReports, and a queued report can be rewritten") {
  ScratchDir scratch("bound");
  UploadQueue queue(scratch.path);
  // Filled by hand: writing them durably one by one would take a minute of fsyncs.
  for (std::size_t i = 0; i < kMaxQueuedReports; ++i) {
    write(scratch.path / (id_number(i) + ".json"), "{}");
  }
  REQUIRE(queue.pending().size() == kMaxQueuedReports);
  try {
    queue.enqueue(id_number(kMaxQueuedReports), "{}");
    FAIL("a report past the bound was queued");
  } catch (const std::runtime_error& e) {
    CHECK(std::string(e.what()).find("examready upload") != std::string::npos);
  }
  CHECK(queue.pending().size() == kMaxQueuedReports);
  queue.enqueue(id_number(0), "{\"again\":true}");  // already queued: not one more
  CHECK(queue.read(id_number(0)) == "{\"again\":true}");
  queue.remove(id_number(1));
  queue.enqueue(id_number(kMaxQueuedReports), "{}");
  CHECK(queue.pending().size() == kMaxQueuedReports);
}

TEST_CASE("writers' temporary files left by a killed process are removed once they are old") {
  ScratchDir scratch("temporaries");
  UploadQueue queue(scratch.path);
  fs::create_directories(scratch.path / "rejected");
  const fs::path old_one = scratch.path / (id_number(1) + ".json.tmp.4242");
  const fs::path old_rejected = scratch.path / "rejected" / (id_number(2) + ".reason.txt.tmp.7");
  const fs::path young = scratch.path / (id_number(3) + ".json.tmp.99");
  const fs::path windows_one = scratch.path / (id_number(5) + ".json.tmp.4242.3");
  const fs::path report = scratch.path / (id_number(4) + ".json");
  // The user's own files in a directory given as --queue-dir, whatever their names.
  const fs::path thesis = scratch.path / "thesis.tmp.docx";
  const fs::path notes = scratch.path / "rejected" / "notes.tmp.1";
  const fs::path lookalike = scratch.path / "draft.json.tmp.12";
  const auto two_hours_ago = fs::file_time_type::clock::now() - std::chrono::hours(2);
  for (const fs::path& p :
       {old_one, old_rejected, young, windows_one, report, thesis, notes, lookalike}) {
    write(p, "{}");
    if (p != young) fs::last_write_time(p, two_hours_ago);
  }
  CHECK(queue.remove_stale_temporaries() == 3);
  CHECK_FALSE(fs::exists(old_one));
  CHECK_FALSE(fs::exists(old_rejected));
  CHECK_FALSE(fs::exists(windows_one));
  CHECK(fs::exists(young));   // may be a write in progress
  CHECK(fs::exists(report));  // an old report is still a report
  CHECK(fs::exists(thesis));
  CHECK(fs::exists(notes));
  CHECK(fs::exists(lookalike));
  CHECK(queue.pending() == std::vector<std::string>{id_number(4)});
}

TEST_CASE("rejected/ keeps the newest kMaxRejectedReports refused reports, with their reasons") {
  using examready::reports::kMaxRejectedReports;
  ScratchDir scratch("rejected");
  UploadQueue queue(scratch.path);
  const fs::path rejected = scratch.path / "rejected";
  fs::create_directories(rejected);
  // Filled by hand, each a minute older than the next (reject() writes durably: slow).
  const auto now = fs::file_time_type::clock::now();
  for (std::size_t i = 0; i < kMaxRejectedReports; ++i) {
    const auto age = std::chrono::minutes(kMaxRejectedReports + 10 - i);
    write(rejected / (id_number(i) + ".json"), "{}");
    write(rejected / (id_number(i) + ".reason.txt"), "HTTP 400: old\n");
    fs::last_write_time(rejected / (id_number(i) + ".json"), now - age);
  }
  write(rejected / "notes.txt", "a person's file, not the queue's");
  queue.enqueue(id_number(9000), "{}");
  CHECK(queue.reject(id_number(9000), "HTTP 400: refused") == 1);
  CHECK_FALSE(fs::exists(rejected / (id_number(0) + ".json")));
  CHECK_FALSE(fs::exists(rejected / (id_number(0) + ".reason.txt")));
  CHECK(fs::exists(rejected / (id_number(1) + ".json")));
  CHECK(fs::exists(rejected / (id_number(9000) + ".json")));
  CHECK(fs::exists(rejected / (id_number(9000) + ".reason.txt")));
  CHECK(fs::exists(rejected / "notes.txt"));
  CHECK(queue.pending().empty());
  // A report queued long ago (older than all of rejected/) and refused now is the newest
  // refusal: the oldest refused one goes, not it.
  queue.enqueue(id_number(9001), "{}");
  fs::last_write_time(scratch.path / (id_number(9001) + ".json"), now - std::chrono::hours(48));
  CHECK(queue.reject(id_number(9001), "HTTP 413: too large") == 1);
  CHECK_FALSE(fs::exists(rejected / (id_number(1) + ".json")));
  CHECK(fs::exists(rejected / (id_number(9001) + ".json")));
  CHECK(fs::exists(rejected / (id_number(9001) + ".reason.txt")));
  std::size_t kept = 0;
  for (const auto& entry : fs::directory_iterator(rejected)) {
    kept += entry.path().extension() == ".json" ? 1 : 0;
  }
  CHECK(kept == kMaxRejectedReports);
  // Put back for another try, they are queued again.
  CHECK(queue.requeue_rejected() == static_cast<int>(kMaxRejectedReports));
  CHECK(queue.pending().size() == kMaxRejectedReports);
}
