// A FakeHost that answers phone shell commands from a recorded device directory under
// tests/fixtures/android/ (the same layout the fake adb script replays).
#pragma once

#include <fstream>
#include <memory>
#include <sstream>

#include "platform/android/getprop.h"
#include "platform/android/shell_text.h"
#include "core/text.h"
#include "tests/support/fake_host.h"
#include "tests/support/fixtures.h"

namespace examready::test {

inline std::optional<std::string> slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::unique_ptr<test::FakeHost> phone_replay_host(const std::string& device) {
  auto host = std::make_unique<test::FakeHost>();
  const auto dir = fixture_path("android/" + device);
  auto handler =
      std::make_shared<std::function<platform::CommandResult(const std::vector<std::string>&)>>();
  *handler = [dir, handler_weak = std::weak_ptr(handler)](const std::vector<std::string>& argv) {
    platform::CommandResult r;
    if (argv.at(0) == "sh") {  // sh -c 'CMD && echo MARKER' (completeness marker)
      const std::string& script = argv.at(2);
      const auto and_pos = script.find(" && echo ");
      const std::string command = script.substr(0, and_pos);
      std::vector<std::string> inner;
      for (auto f : core::text::fields(command)) inner.emplace_back(f);
      r = (*handler_weak.lock())(inner);
      if (r.exit_code == 0) r.out += script.substr(and_pos + 9) + "\n";
      return r;
    }
    r.started = true;
    r.exit_code = 0;
    auto file = [&](const std::string& name) {
      if (auto text = slurp(dir / name)) {
        r.out = *text;
      } else {
        r.exit_code = 1;
        r.err = name + ": No such file or directory";
      }
    };
    const std::string& cmd = argv.at(0);
    if (cmd == "getprop" && argv.size() == 1)
      file("getprop.txt");
    else if (cmd == "getprop")
      r.out = platform::android::prop(platform::android::parse_getprop(*slurp(dir / "getprop.txt")),
                                      argv[1]) +
              "\n";
    else if (cmd == "settings") {
      std::istringstream lines(*slurp(dir / "settings.txt"));
      std::string ns, key, value;
      r.out = "null\n";
      while (lines >> ns >> key >> value) {
        if (ns == argv.at(2) && key == argv.at(3)) r.out = value + "\n";
      }
    } else if (cmd == "stat")
      file("stat_f.txt");
    else if (cmd == "df")
      file("df.txt");
    else if (cmd == "uname")
      file("uname.txt");
    else if (cmd == "dumpsys") {
      // A service the phone lacks: dumpsys says so on stderr and still exits 0 (as fake_adb).
      if (auto text = slurp(dir / ("dumpsys_" + argv.at(1) + ".txt")))
        r.out = *text;
      else
        r.err = "Can't find service: " + argv.at(1) + "\n";
    } else if (cmd == "pm")
      file("pm_list_packages.txt");
    else if (cmd == "ps")
      file("ps_A.txt");
    else if (cmd == "ls")
      file("vendor_etc.ls");
    else if (cmd == "cat")
      file("vendor_etc/" + std::filesystem::path(argv.at(1)).filename().string());
    else {
      r.exit_code = 127;
      r.err = "/system/bin/sh: " + cmd + ": inaccessible or not found";
    }
    return r;
  };
  host->set_command_handler(
      [handler](const std::vector<std::string>& argv) { return (*handler)(argv); });
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
