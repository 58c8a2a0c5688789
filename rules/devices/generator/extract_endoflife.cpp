// endoflife.date's device products (products/samsung-mobile.md, pixel.md, …) -> source rows:
// a model's name and the date it went on sale, and for Samsung the model number the page
// links to (doc.samsungmobile.com/SM-A576B/…).
//
// A product page is Markdown with a YAML front matter between two `---` lines; its
// `releases:` list has one block per model:
//   - releaseCycle: "galaxy-a57-5g"
//     releaseLabel: "Galaxy A57 5G"
//     releaseDate: 2026-04-10 # https://news.samsung.com/…
//     link: https://doc.samsungmobile.com/SM-A576B/ECO/doc.html
// Only those keys are read, in that flat form.
#include <regex>
#include <stdexcept>

#include "core/text.h"
#include "rules/devices/generator/source_facts.h"
#include "rules/devices/generator/yaml_scalar.h"

namespace examready::devices::generator {
namespace {

using core::text::trim;

struct Release {
  std::string label;
  std::string date;          // YYYY-MM-DD
  std::string date_comment;  // what the line's comment cites
  std::string link;
};

// "key: value # comment" -> value and comment (a '#' inside quotes is the value's).
std::pair<std::string, std::string> value_and_comment(std::string_view rest) {
  bool quoted = false;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '"') quoted = !quoted;
    if (rest[i] == '#' && !quoted && (i == 0 || rest[i - 1] == ' ')) {
      return {unquote_yaml_scalar(rest.substr(0, i)), std::string(trim(rest.substr(i + 1)))};
    }
  }
  return {unquote_yaml_scalar(rest), {}};
}

// The front matter's `releases:` blocks.
std::vector<Release> releases_of(std::string_view page) {
  std::vector<std::string_view> lines = core::text::split(page, '\n');
  if (lines.empty() || trim(lines.front()) != "---") {
    throw std::invalid_argument("endoflife: no front matter (the page does not start with ---)");
  }
  std::vector<Release> releases;
  bool in_releases = false;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const std::string_view raw = lines[i];
    if (trim(raw) == "---") break;  // end of the front matter
    if (!raw.empty() && raw.front() != ' ' && raw.front() != '#') {
      in_releases = raw.starts_with("releases:");
      continue;
    }
    if (!in_releases) continue;
    std::string_view line = trim(raw);
    if (line.starts_with("- ")) {
      releases.emplace_back();
      line = trim(line.substr(2));
    }
    if (releases.empty()) continue;
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string_view key = line.substr(0, colon);
    auto [value, comment] = value_and_comment(line.substr(colon + 1));
    Release& release = releases.back();
    if (key == "releaseLabel") {
      release.label = std::move(value);
    } else if (key == "releaseDate") {
      release.date = std::move(value);
      release.date_comment = std::move(comment);
    } else if (key == "link") {
      release.link = std::move(value);
    }
  }
  return releases;
}

// The Samsung model number a doc.samsungmobile.com link names, upper case; else empty.
std::string samsung_model_of(const std::string& link) {
  static const std::regex kDoc(R"(doc\.samsungmobile\.com/(SM-[A-Za-z0-9]+))", std::regex::icase);
  std::smatch m;
  if (!std::regex_search(link, m, kDoc)) return {};
  std::string model = m[1];
  for (char& c : model) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return model;
}

// Samsung's page lists its watches too (Gear S3, Galaxy Watch).
bool is_phone_or_tablet_name(std::string_view label) {
  const std::string lowered = core::text::lower(label);
  for (std::string_view word : {"watch", "gear", "buds", "ring"}) {
    for (std::string_view field : core::text::fields(lowered)) {
      if (field == word) return false;
    }
  }
  return true;
}

}  // namespace

const EndoflifeProduct* endoflife_product(std::string_view page_name) {
  static const EndoflifeProduct kProducts[] = {
      {"samsung-mobile.md", "Samsung", "", ""},
      {"samsung-galaxy-tab.md", "Samsung", "", "tablet"},
      {"pixel.md", "Google", "", ""},
      {"oneplus.md", "OnePlus", "OnePlus ", ""},
      {"motorola-mobility.md", "Motorola", "", ""},
  };
  for (const EndoflifeProduct& product : kProducts) {
    if (product.page == page_name) return &product;
  }
  return nullptr;
}

std::vector<SourceRow> extract_endoflife(std::string_view page, const EndoflifeProduct& product) {
  std::vector<SourceRow> rows;
  for (const Release& release : releases_of(page)) {
    if (release.label.empty() || release.label.find("__") != std::string::npos) continue;
    if (!is_phone_or_tablet_name(release.label)) continue;
    // Dates a page takes from GSMArena are GSMArena's facts, not the project's: left out.
    if (core::text::lower(release.date_comment).find("gsmarena") != std::string::npos) continue;
    // releaseDate is YYYY-MM-DD.
    if (release.date.size() != 10 || release.date[4] != '-') continue;
    const std::string_view date = release.date;
    const auto year = core::text::to_int(date.substr(0, 4)).value_or(0);
    const auto month = core::text::to_int(date.substr(5, 2)).value_or(0);
    if (year < 2000 || year > 2099 || month < 1 || month > 12) continue;
    SourceRow row;
    row.brand = product.brand;
    row.marketing_name = release.label;
    if (!product.name_prefix.empty() && !release.label.starts_with(product.name_prefix)) {
      row.marketing_name = std::string(product.name_prefix) + release.label;  // "OnePlus 15R"
    }
    row.device_class = product.device_class;
    row.launch_year = static_cast<int>(year);
    row.launch_month = static_cast<int>(month);
    if (std::string model = samsung_model_of(release.link); !model.empty()) {
      if (model.starts_with("SM-R")) continue;  // a watch (Gear, Galaxy Watch)
      row.model_codes.push_back(std::move(model));
    }
    rows.push_back(std::move(row));
  }
  if (rows.empty()) throw std::invalid_argument("endoflife: no dated release on the page");
  return rows;
}

}  // namespace examready::devices::generator
