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

#include "tests/support/fake_tool.h"
#include "tests/support/phone_transcript.h"

namespace {

namespace fs = std::filesystem;
using examready::test::environment;
using examready::test::write_err;
using examready::test::write_out;

// The values of `KEY: value` lines whose key is `key`, one per line.
std::string values_of(const std::string& text, const std::string& key) {
  std::string out;
  const std::string prefix = key + ": ";
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string_view line(text.data() + start, end - start);
    if (line.substr(0, prefix.size()) == prefix) {
      out += std::string(line.substr(prefix.size())) + "\n";
    }
    start = end + 1;
  }
  return out;
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
  write_out(key.empty() ? text : values_of(text, key));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  examready::test::binary_output();
  const std::vector<std::string> args(argv + 1, argv + argc);
  const fs::path dir = environment("FAKE_IOS_DEVICE");
  std::string udid = environment("FAKE_IOS_UDID");
  if (udid.empty() && !dir.empty()) {
    std::string line =
        values_of(examready::test::slurp(dir / "ideviceinfo.txt").value_or(""), "UniqueDeviceID");
    udid = line.substr(0, line.find('\n'));
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
