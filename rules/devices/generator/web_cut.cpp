// The web check's cut of the device database (web_cut.h).
#include "rules/devices/generator/web_cut.h"

#include <vector>

#include "core/text.h"

namespace examready::devices::generator {
namespace {

constexpr std::size_t kModelCodes = 6;  // columns of both forms (device_db.h, README)
constexpr std::size_t kCodenames = 7;
constexpr std::size_t kClassSource = 9;  // generated form only: "verified" on verified rows

}  // namespace

std::string web_cut(std::string_view devices_tsv) {
  std::string out;
  out.reserve(devices_tsv.size());
  bool header_seen = false;
  for (const std::string_view line : core::text::lines(devices_tsv)) {
    if (core::text::trim(line).empty() || line.front() == '#') continue;
    std::vector<std::string_view> fields = core::text::split(line, '\t');
    if (header_seen) {
      if (fields.size() <= kCodenames) {
        out.append(line).push_back('\n');  // malformed: the parser names it
        continue;
      }
      if (core::text::trim(fields[kModelCodes]).empty()) continue;
      const bool verified = fields.size() <= kClassSource || fields[kClassSource] == "verified";
      if (!verified) fields[kCodenames] = {};
    }
    header_seen = true;
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) out.push_back('\t');
      out.append(fields[i]);
    }
    out.push_back('\n');
  }
  return out;
}

}  // namespace examready::devices::generator
