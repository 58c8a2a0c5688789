// Fuzz target: os-release(5) text and the OS facts the `os` check takes from it.
#include <cstdint>

#include "probe/os.h"
#include "tests/fuzz/fuzz_support.h"

using namespace examready;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto release = probe::parse_os_release(fuzz::as_text(data, size));
  const probe::OsFacts facts = probe::os_facts_from_release(release);
  if (facts.name.empty()) fuzz::invariant_failed("an OS without a name");
  return 0;
}
