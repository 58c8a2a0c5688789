// query_os_audio_devices against sound servers that are not there or never answer: it
// must come back with a reason within its time limit (tests/media/pulse_tests.sh asks a
// real PulseAudio).
#include <catch2/catch.hpp>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "platform/audio_devices.h"

using namespace examready;
using Clock = std::chrono::steady_clock;

namespace {

// Points libpulse at `server` for one test, restoring the environment afterwards.
class PulseServerEnv {
 public:
  explicit PulseServerEnv(const std::string& server) {
    if (const char* old = std::getenv("PULSE_SERVER")) old_ = old;
    setenv("PULSE_SERVER", server.c_str(), 1);
  }
  ~PulseServerEnv() {
    if (old_.empty())
      unsetenv("PULSE_SERVER");
    else
      setenv("PULSE_SERVER", old_.c_str(), 1);
  }

 private:
  std::string old_;
};

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

TEST_CASE("no sound server: an error naming it, at once") {
  const auto path = std::filesystem::temp_directory_path() / "examready-no-pulse-here";
  std::filesystem::remove(path);
  PulseServerEnv env("unix:" + path.string());
  std::string error;
  const auto start = Clock::now();
  CHECK_FALSE(platform::query_os_audio_devices(std::chrono::milliseconds(2000), error));
  CHECK(seconds_since(start) < 1.0);
  CHECK_THAT(error, Catch::Contains("Connection refused") || Catch::Contains("No such file") ||
                        Catch::Contains("closed the connection"));
}

TEST_CASE("a wedged sound server (accepts, never answers) costs the time limit, no more") {
  const auto path = std::filesystem::temp_directory_path() /
                    ("examready-wedged-pulse-" + std::to_string(getpid()));
  std::filesystem::remove(path);
  const int listener = socket(AF_UNIX, SOCK_STREAM, 0);
  REQUIRE(listener >= 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  path.string().copy(address.sun_path, sizeof(address.sun_path) - 1);
  REQUIRE(bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0);
  REQUIRE(listen(listener, 4) == 0);  // the kernel completes connections; nobody reads

  PulseServerEnv env("unix:" + path.string());
  std::string error;
  const auto start = Clock::now();
  CHECK_FALSE(platform::query_os_audio_devices(std::chrono::milliseconds(300), error));
  const double took = seconds_since(start);
  CHECK(took >= 0.29);
  CHECK(took < 1.5);
  CHECK(error == "the sound server did not answer within 300 ms");
  close(listener);
  std::filesystem::remove(path);
}
