// A FakeHost that answers phone shell commands from a recorded device directory under
// tests/fixtures/android/ (phone_transcript.h: the same replay as the fake adb program's).
#pragma once

#include <memory>

#include "core/text.h"
#include "platform/android/shell_text.h"
#include "tests/support/fake_host.h"
#include "tests/support/fixtures.h"
#include "tests/support/phone_transcript.h"

namespace examready::test {

inline std::unique_ptr<test::FakeHost> phone_replay_host(const std::string& device) {
  auto host = std::make_unique<test::FakeHost>();
  const auto dir = fixture_path("android/" + device);
  host->set_command_handler(
      [dir](const std::vector<std::string>& argv) { return replay_phone_command(dir, argv); });
  // What AdbHost derives from `stat -f` and `uname` (an on-device Host would call statvfs
  // and uname directly).
  if (auto stat = slurp(dir / "stat_f.txt")) {
    host->set_volume("/data", {platform::android::parse_stat_f(*stat), 0, {}});
  }
  if (auto uname = slurp(dir / "uname.txt")) {
    const auto f = core::text::fields(core::text::trim(*uname));
    if (f.size() == 3)
      host->set_uname(
          platform::UnameInfo{std::string(f[0]), std::string(f[1]), {}, std::string(f[2])});
  }
  return host;
}

}  // namespace examready::test
