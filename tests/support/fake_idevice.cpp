// A stand-in for libimobiledevice's idevice_id and ideviceinfo in tests: one program, copied
// under both names (with .exe on Windows), that acts as the one it is called.
//   FAKE_IOS_DEVICE  fixture directory (ideviceinfo.txt, ideviceinfo_<domain>.txt)
//   FAKE_IOS_UDID    the attached device's UDID (default: UniqueDeviceID of ideviceinfo.txt)
//   FAKE_IOS_FAULT   untrusted | slow
#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "platform/ios/ideviceinfo.h"
#include "tests/support/fake_tool.h"
#include "tests/support/phone_transcript.h"

namespace {

namespace fs = std::filesystem;
using examready::test::environment;
using examready::test::write_err;
using examready::test::write_out;

// The value of one top-level key of a recorded `ideviceinfo` listing; empty when it has none
// (or a nested one, as `ideviceinfo -k` of a dictionary prints nothing this fake knows).
std::string value_of(const std::string& listing, std::string_view key) {
  const auto values = examready::platform::ios::parse_ideviceinfo(listing);
  const auto found = values.find(key);
  return found == values.end() ? std::string() : found->second;
}

int ideviceinfo(const std::vector<std::string>& args, const fs::path& dir,
                const std::string& udid) {
  std::string want, domain, key;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const bool has_value = i + 1 < args.size();
    if (args[i] == "-u" && has_value)
      want = args[++i];
    else if (args[i] == "-q" && has_value)
      domain = args[++i];
    else if (args[i] == "-k" && has_value)
      key = args[++i];
  }
  if (dir.empty() || (!want.empty() && want != udid)) {
    write_out("ERROR: No device found!\n");
    return 255;
  }
  const std::string fault = environment("FAKE_IOS_FAULT");
  if (fault == "untrusted") {
    write_err("ERROR: Could not connect to lockdownd: Pairing dialog response pending (-19)\n");
    return 255;
  }
  if (fault == "slow") {
    std::this_thread::sleep_for(std::chrono::seconds(30));
    return 0;
  }
  const fs::path file =
      domain.empty() ? dir / "ideviceinfo.txt" : dir / ("ideviceinfo_" + domain + ".txt");
  const std::string text = examready::test::slurp(file).value_or("");
  if (key.empty()) {
    write_out(text);
  } else if (const std::string value = value_of(text, key); !value.empty()) {
    write_out(value + "\n");
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  examready::test::binary_output();
  const std::vector<std::string> args(argv + 1, argv + argc);
  const fs::path dir = environment("FAKE_IOS_DEVICE");
  std::string udid = environment("FAKE_IOS_UDID");
  if (udid.empty() && !dir.empty()) {
    udid = value_of(examready::test::slurp(dir / "ideviceinfo.txt").value_or(""), "UniqueDeviceID");
  }
  const std::string called = fs::path(argv[0]).stem().string();
  if (called == "idevice_id") {
    if (dir.empty()) {
      write_err("ERROR: Unable to retrieve device list!\n");
      return 255;
    }
    write_out(udid + "\n");
    return 0;
  }
  if (called == "ideviceinfo") return ideviceinfo(args, dir, udid);
  write_err("fake idevice: called as " + called + ", not idevice_id or ideviceinfo\n");
  return 2;
}
