// A stand-in for `adb` in tests (put on PATH as adb / adb.exe): replays a recorded phone.
// Built for Linux and for Windows, so the CLI tests run the same transcripts under Wine.
//   FAKE_ADB_DEVICE   fixture directory of the attached phone (getprop.txt, dumpsys_*.txt…)
//   FAKE_ADB_SERIAL   its serial (default: ro.serialno from getprop.txt)
//   FAKE_ADB_DEVICES  file whose content `adb devices -l` prints instead (none, several,
//                     unauthorized, offline)
//   FAKE_ADB_FAULT    slow:TEXT | truncate:TEXT | denied:TEXT  (shell commands containing TEXT)
//                     disconnect-after:N  (the phone vanishes after N shell commands)
//   FAKE_ADB_STATE    directory counting shell commands (for disconnect-after)
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "core/text.h"
#include "tests/support/fake_tool.h"
#include "tests/support/phone_transcript.h"

namespace {

namespace fs = std::filesystem;
using examready::core::text::contains;
using examready::core::text::starts_with;
using examready::test::environment;
using examready::test::recorded_prop;
using examready::test::slurp;

// The fault's TEXT when FAKE_ADB_FAULT is `kind:TEXT` and the command contains TEXT.
bool fault_hits(const std::string& fault, const std::string& kind, const std::string& command) {
  return starts_with(fault, kind + ":") && contains(command, fault.substr(kind.size() + 1));
}

// The how-many-th shell command this is, counted across concurrent adb processes: each takes
// the first free number by creating a directory of that name (atomic on every OS).
int next_command_number(const fs::path& state) {
  fs::create_directories(state);
  for (int n = 1;; ++n) {
    if (fs::create_directory(state / std::to_string(n))) return n;
  }
}

int list_devices(const fs::path& dir, const std::string& serial) {
  std::string out = "List of devices attached\n";
  if (const std::string listing = environment("FAKE_ADB_DEVICES"); !listing.empty()) {
    out += slurp(listing).value_or("");
  } else if (!dir.empty()) {
    std::string model = recorded_prop(dir, "ro.product.model");
    for (char& c : model) c = c == ' ' ? '_' : c;
    out +=
        serial + "         device usb:1-1 product:x model:" + model + " device:x transport_id:1\n";
  }
  examready::test::write_out(out + "\n");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  examready::test::binary_output();
  std::vector<std::string> args(argv + 1, argv + argc);
  const fs::path dir = environment("FAKE_ADB_DEVICE");
  std::string serial = environment("FAKE_ADB_SERIAL");
  if (serial.empty() && !dir.empty()) serial = recorded_prop(dir, "ro.serialno");

  if (!args.empty() && args[0] == "devices") return list_devices(dir, serial);
  std::string target;
  if (args.size() >= 2 && args[0] == "-s") {
    target = args[1];
    args.erase(args.begin(), args.begin() + 2);
  }
  if (args.empty() || args[0] != "shell") {
    std::string all;
    for (const std::string& a : args) all += ' ' + a;
    examready::test::write_err("fake adb: unsupported:" + all + "\n");
    return 1;
  }
  if (dir.empty() || (!target.empty() && target != serial)) {
    examready::test::write_err("adb: device '" + target + "' not found\n");
    return 1;
  }
  std::string command;  // adb joins its arguments with spaces, as the phone's shell reads them
  for (std::size_t i = 1; i < args.size(); ++i) command += (i > 1 ? " " : "") + args[i];

  const std::string fault = environment("FAKE_ADB_FAULT");
  if (starts_with(fault, "disconnect-after:")) {
    const std::string state = environment("FAKE_ADB_STATE");
    if (state.empty()) {
      examready::test::write_err("fake adb: FAKE_ADB_STATE needed for disconnect-after\n");
      return 2;
    }
    if (next_command_number(state) > std::stoi(fault.substr(fault.find(':') + 1))) {
      examready::test::write_err("adb: device '" + serial + "' not found\n");
      return 1;
    }
  }
  if (fault_hits(fault, "slow", command)) {
    std::this_thread::sleep_for(std::chrono::seconds(30));
    return 0;
  }
  const std::vector<std::string> words = examready::test::split_shell_words(command);
  if (fault_hits(fault, "denied", command) && !words.empty()) {
    examready::test::write_err(words.front() + ": " + words.back() + ": Permission denied\n");
    return 1;
  }
  examready::platform::CommandResult r = examready::test::replay_phone_command(dir, words);
  if (fault_hits(fault, "truncate", command)) r.out.resize(r.out.size() / 3);
  examready::test::write_out(r.out);
  examready::test::write_err(r.err);
  return r.exit_code;
}
