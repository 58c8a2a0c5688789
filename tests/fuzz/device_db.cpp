// Fuzz target: the device database's TSV (DeviceDb::parse, strict, line-numbered errors) and
// lookups in what it accepted, by model code, by codename and as an Apple identifier.
#include <cstdint>
#include <stdexcept>

#include "rules/devices/device_db.h"
#include "tests/fuzz/fuzz_support.h"

using namespace examready;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  (void)devices::is_apple_identifier(text);
  devices::DeviceDb db;
  try {
    db = devices::DeviceDb::parse(text);
  } catch (const std::invalid_argument& e) {
    if (std::string_view(e.what()).find("devices.tsv") != 0) {
      fuzz::invariant_failed("an error that does not name the file", e.what());
    }
    return 0;
  }
  // Every listed key finds its row: alone, or among the candidates when others share it.
  const auto finds = [](const devices::DeviceMatch& match, const devices::DeviceRecord& row) {
    for (const auto* candidate : match.candidates) {
      if (candidate == &row) return match.kind != devices::DeviceMatchKind::kNone;
    }
    return false;
  };
  for (const auto& record : db.records()) {
    for (const auto& code : record.model_codes) {
      if (!finds(db.lookup(code), record)) fuzz::invariant_failed("a listed model not found", code);
    }
    for (const auto& codename : record.codenames) {
      if (!finds(db.lookup("", codename, record.brand), record)) {
        fuzz::invariant_failed("a listed codename not found", codename);
      }
    }
  }
  const devices::DeviceMatch any = db.lookup(text, text, text);
  if ((any.record != nullptr) != (any.candidates.size() == 1)) {
    fuzz::invariant_failed("a match is one candidate, ambiguity several", text);
  }
  return 0;
}
