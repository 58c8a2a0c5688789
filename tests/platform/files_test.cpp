// platform/files.h: bounded reads, durable writes, and the once-created file that holds the
// installation secret (raced by several processes).
#include <catch2/catch.hpp>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "platform/files.h"
#include "platform/process.h"

using namespace examready;

namespace {

std::filesystem::path temp_dir() {
  char pattern[] = "/tmp/examready-files-XXXXXX";
  return ::mkdtemp(pattern);
}

}  // namespace

TEST_CASE("read_text_file stops at its bound, also on endless devices") {
  std::string error;
  CHECK_FALSE(platform::read_text_file("/dev/zero", 1 << 20, error));
  CHECK(error == "larger than 1048576 bytes");
  CHECK_FALSE(platform::read_text_file("/nonexistent/examready", 10, error));
  CHECK_FALSE(error.empty());
  CHECK_FALSE(platform::read_text_file("/tmp", 10, error));
  CHECK(error == "is a directory");
}

TEST_CASE("read_or_create_file: created once, private, the same for every process racing") {
  const auto dir = temp_dir();
  const auto path = dir / "state" / "secret";
  std::vector<platform::ChildProcess> children;
  for (int i = 0; i < 8; ++i) {
    children.push_back(platform::ChildProcess::fork("writer " + std::to_string(i), [&, i](platform::ResultPipe& out) {
      std::string error;
      auto text = platform::read_or_create_file(
          path, [i] { return "made by " + std::to_string(i); }, error);
      out.write(text ? *text : "error: " + error);
    }));
  }
  std::set<std::string> seen;
  for (auto& child : children) {
    std::string out;
    while (child.read(platform::Pipe::kOut, out, 1024)) {
    }
    child.wait();
    seen.insert(out);
  }
  REQUIRE(seen.size() == 1);
  CHECK(seen.begin()->rfind("made by ", 0) == 0);
  std::string error;
  CHECK(platform::read_or_create_file(path, [] { return std::string("again"); }, error) ==
        *seen.begin());
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(std::distance(std::filesystem::directory_iterator(path.parent_path()),
                      std::filesystem::directory_iterator()) == 1);  // no temporary left
  std::filesystem::remove_all(dir);
}
