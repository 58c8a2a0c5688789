// Fuzz target: quantities with units, as rules files write them ("20 GB", "-70 dBm") for each
// unit a metric can have, and the upload-rehearsal size of the command line ("2GB").
#include <cmath>
#include <cstdint>
#include <variant>

#include "probe/network/rehearsal.h"
#include "rules/quantity.h"
#include "tests/fuzz/fuzz_support.h"

using namespace examready;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  for (int u = 0; u <= static_cast<int>(core::Unit::kRoundTripsPerMinute); ++u) {
    const auto unit = static_cast<core::Unit>(u);
    const auto parsed = rules::parse_quantity(text, unit);
    if (const auto* error = std::get_if<rules::QuantityError>(&parsed)) {
      if (error->message.empty()) fuzz::invariant_failed("an error without a message");
      continue;
    }
    const double value = std::get<double>(parsed);
    // Rules compare measurements with it: infinity or NaN would make a rule always pass or fail.
    if (!std::isfinite(value)) fuzz::invariant_failed("a quantity that is not finite");
    if (value < 0 && !rules::unit_allows_negative(unit)) {
      fuzz::invariant_failed("a negative quantity of a unit that cannot be negative");
    }
    (void)rules::format_quantity(value, unit);
  }
  if (const auto bytes = probe::net::parse_size(text);
      bytes && (*bytes < 1 || *bytes > probe::net::kMaxRehearsalBytes)) {
    fuzz::invariant_failed("a rehearsal size outside 1 byte..the maximum");
  }
  return 0;
}
