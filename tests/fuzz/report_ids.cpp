// Fuzz target: identifiers people type or clients send: a report code as read out over the
// phone (normalize_code, the helpdesk's lookup), timestamps (parse_utc) and short codes.
#include <cstdint>

#include "reports/ids.h"
#include "tests/fuzz/fuzz_support.h"

using namespace examready;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  if (const auto code = reports::normalize_code(text)) {
    if (code->size() != 9 || (*code)[4] != '-')
      fuzz::invariant_failed("a code not XXXX-XXXX", *code);
    if (reports::normalize_code(*code) != code) fuzz::invariant_failed("normalizing twice differs");
  }
  if (const auto time = reports::parse_utc(text)) {
    const std::string formatted = reports::format_utc(*time);
    const auto again = reports::parse_utc(formatted);
    if (!again) fuzz::invariant_failed("a formatted time does not parse", formatted);
    if (reports::format_utc(*again) != formatted)
      fuzz::invariant_failed("time round trip", formatted);
  }
  if (reports::short_code(text).size() != 9) fuzz::invariant_failed("a short code of odd length");
  return 0;
}
