// Fuzz target: dotted versions, strict as rules files write them and lenient as devices report
// them ("10 (Q)", "17.1.2-beta"), and their comparison (input: two versions, form feed between).
#include <cstdint>

#include "rules/version.h"
#include "tests/fuzz/fuzz_support.h"

using namespace examready;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto texts = fuzz::parts(fuzz::as_text(data, size), 2);
  const auto strict = rules::parse_version_strict(texts[0]);
  const auto a = rules::parse_version_measured(texts[0]);
  const auto b = rules::parse_version_measured(texts[1]);
  if (strict && !a) fuzz::invariant_failed("strict accepts what lenient refuses");
  if (strict && rules::compare_versions(*strict, *a) != 0) {
    fuzz::invariant_failed("strict and lenient read one version differently");
  }
  if (a && b) {
    if (rules::compare_versions(*a, *a) != 0)
      fuzz::invariant_failed("a version differs from itself");
    if (rules::compare_versions(*a, *b) != -rules::compare_versions(*b, *a)) {
      fuzz::invariant_failed("comparison is not antisymmetric");
    }
  }
  return 0;
}
