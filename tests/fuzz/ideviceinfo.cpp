// Fuzz target: libimobiledevice's text (`idevice_id -l`, `ideviceinfo [-q DOMAIN]`) and the
// failure message made from its output and errors (input: stdout, form feed, stderr).
#include <cstdint>

#include "platform/ios/ideviceinfo.h"
#include "tests/fuzz/fuzz_support.h"

using namespace examready;
namespace ios = examready::platform::ios;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  for (const std::string& udid : ios::parse_idevice_ids(text)) {
    if (udid.size() < 24) fuzz::invariant_failed("short UDID", udid);
  }
  (void)ios::parse_ideviceinfo(text);
  const auto io = fuzz::parts(text, 2);
  if (ios::describe_ios_failure(io[0], io[1], false, true).empty()) {
    fuzz::invariant_failed("an empty failure message");
  }
  return 0;
}
