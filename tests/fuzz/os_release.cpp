// Fuzz target: os-release(5) text and the OS facts the `os` check takes from it.
#include <cstdint>

#include "platform/linux/os_release.h"
#include "tests/fuzz/fuzz_support.h"

using namespace examready;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto release = platform::parse_os_release(fuzz::as_text(data, size));
  const platform::ReleaseName name = platform::release_name(release);
  if (name.name.empty()) fuzz::invariant_failed("an OS without a name");
  return 0;
}
