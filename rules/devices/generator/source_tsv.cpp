// The committed form of extracted facts (rules/devices/sources/*.tsv): write and read.
#include <cstdio>
#include <stdexcept>

#include "core/text.h"
#include "rules/devices/generator/source_facts.h"

namespace examready::devices::generator {
namespace {

using core::text::trim;

constexpr std::string_view kHeader =
    "brand\tmarketing_name\tmodel_codes\tcodenames\tclass\tlaunch\tdisplay_in";

bool clean(std::string_view value) {
  return value.find_first_of("\t\r\n;") == std::string_view::npos && !trim(value).empty();
}

std::string cell(std::string_view value) { return clean(value) ? std::string(trim(value)) : ""; }

std::string list_cell(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    if (!clean(item)) continue;
    if (!out.empty()) out += ';';
    out += trim(item);
  }
  return out;
}

std::string launch_cell(const SourceRow& row) {
  if (row.launch_year == 0) return {};
  char text[16];
  if (row.launch_month == 0) {
    std::snprintf(text, sizeof text, "%04d", row.launch_year);
  } else {
    std::snprintf(text, sizeof text, "%04d-%02d", row.launch_year, row.launch_month);
  }
  return text;
}

std::vector<std::string> list_of(std::string_view field) {
  std::vector<std::string> items;
  while (!field.empty()) {
    const auto semicolon = field.find(';');
    if (const auto item = trim(field.substr(0, semicolon)); !item.empty()) {
      items.emplace_back(item);
    }
    if (semicolon == std::string_view::npos) break;
    field.remove_prefix(semicolon + 1);
  }
  return items;
}

[[noreturn]] void fail(std::string_view file, std::size_t line, const std::string& what) {
  throw std::invalid_argument(std::string(file) + " line " + std::to_string(line) + ": " + what);
}

}  // namespace

std::string write_source_tsv(const std::vector<SourceRow>& rows, std::string_view comment) {
  std::string out;
  for (std::string_view line : core::text::lines(comment)) {
    out += "# ";
    out += line;
    out += '\n';
  }
  out += kHeader;
  out += '\n';
  for (const SourceRow& row : rows) {
    const std::string brand = cell(row.brand), name = cell(row.marketing_name);
    const std::string codes = list_cell(row.model_codes), codenames = list_cell(row.codenames);
    if (brand.empty() || name.empty()) continue;  // a name alone may still join by name
    char inches[32] = "";
    if (row.display_inches > 0) std::snprintf(inches, sizeof inches, "%g", row.display_inches);
    out += brand + '\t' + name + '\t' + codes + '\t' + codenames + '\t' + row.device_class + '\t' +
           launch_cell(row) + '\t' + inches + '\n';
  }
  return out;
}

std::vector<SourceRow> read_source_tsv(std::string_view text, std::string_view file) {
  std::vector<SourceRow> rows;
  bool header_seen = false;
  std::size_t number = 0;
  for (std::string_view line : core::text::lines(text)) {
    ++number;
    if (trim(line).empty() || line.front() == '#') continue;
    if (!header_seen) {
      if (line != kHeader) fail(file, number, "the header must be: " + std::string(kHeader));
      header_seen = true;
      continue;
    }
    const auto fields = core::text::split(line, '\t');
    if (fields.size() != 7) {
      fail(file, number,
           "expected 7 tab-separated columns, found " + std::to_string(fields.size()));
    }
    SourceRow row;
    row.brand = std::string(trim(fields[0]));
    row.marketing_name = std::string(trim(fields[1]));
    row.model_codes = list_of(fields[2]);
    row.codenames = list_of(fields[3]);
    row.device_class = std::string(trim(fields[4]));
    if (!row.device_class.empty() && row.device_class != "phone" && row.device_class != "tablet") {
      fail(file, number, "class '" + row.device_class + "' is not phone or tablet");
    }
    if (const std::string_view launch = trim(fields[5]); !launch.empty()) {
      const auto year = core::text::to_int(launch.substr(0, 4)).value_or(0);
      std::int64_t month = 0;
      if (launch.size() == 7 && launch[4] == '-') {
        month = core::text::to_int(launch.substr(5)).value_or(-1);
      } else if (launch.size() != 4) {
        month = -1;
      }
      if (year < 2000 || year > 2099 || month < 0 || month > 12 ||
          (launch.size() == 7 && month == 0)) {
        fail(file, number, "launch '" + std::string(launch) + "' is not YYYY or YYYY-MM");
      }
      row.launch_year = static_cast<int>(year);
      row.launch_month = static_cast<int>(month);
    }
    if (const std::string_view inches = trim(fields[6]); !inches.empty()) {
      const auto value = core::text::to_double(inches);
      if (!value || *value <= 0) fail(file, number, "display_in '" + std::string(inches) + "'");
      row.display_inches = *value;
    }
    if (row.brand.empty() || row.marketing_name.empty()) fail(file, number, "empty brand or name");
    rows.push_back(std::move(row));
  }
  if (!header_seen) fail(file, number, "no header line");
  return rows;
}

}  // namespace examready::devices::generator
