// The device database measured on phones it was not told: a fixed 20 % of the verified rows
// is held out of the generator, and the probe's answer for each held-out phone (the generated
// database, then the model-code rules, as device_facts gives it) is compared with the row.
// Wrong answers are counted apart from unknown ones. The baseline is the verified rows alone
// (what the probe knew before the generator). The held-out phones are judged twice: by model
// code and codename alone (the web check, iOS), and with the name a getprop dump shows for them
// (own_name_in_getprop: adb and pasted dumps). Then the Redmi Note 9 / Redmi 9 families held
// out whole, and lookup and load times of the shipped database.
// Usage: devices_bench [SOURCE_DIR [SEED]]  (default: the source tree it was built from, and
// the seed below; another seed holds out another 20 %, to see the figures are not the one
// draw's)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "rules/devices/device_db.h"
#include "rules/devices/device_facts.h"
#include "rules/devices/generator/build_database.h"
#include "rules/devices/generator/source_files.h"

namespace {

namespace fs = std::filesystem;
using namespace examready::devices;
using namespace examready::devices::generator;

constexpr double kHoldOut = 0.2;
constexpr std::uint32_t kDefaultSeed = 20261204;

struct Tally {
  int rows = 0;
  int class_right = 0, class_wrong = 0, class_unknown = 0;
  int year_exact = 0, year_within_one = 0, year_in_wider_range = 0, year_wrong = 0,
      year_unknown = 0;
  int redmi = 0, redmi_right = 0;
  int family = 0, family_right = 0;  // Redmi Note 9 / Redmi 9 rows: series named right
  std::vector<std::string> wrong;    // what was stated wrongly, for a developer to look at
  std::vector<std::string> class_unknown_rows;  // and whose class nothing told
  std::vector<std::string> year_unknown_rows;   // or whose launch
  std::map<std::string, int> class_unknown_by_brand, year_unknown_by_brand;
  std::map<std::string, int> year_range_by_source;  // answers that are a range, not one year
};

bool in_family(const DeviceRecord& row) {
  return row.series == "redmi-note-9" || row.series == "redmi-9";
}

// The name a phone's firmware gives itself (platform::android::kOwnNameProperties), as a getprop
// dump shows it: the makers that set one (Xiaomi's ro.product.marketname since MIUI 12.5,
// Huawei/Honor, OPPO/OnePlus/realme, vivo/iQOO), on phones launched from 2021, which all ship
// with it; the first of a row's names ("荣耀 Play8T / 畅玩 50 Plus" -> "荣耀 Play8T"). Samsung,
// Google and Apple: none. Older phones: none either, although many got it with an update.
std::optional<SourcedFact> own_name_in_getprop(const DeviceRecord& truth) {
  static const std::vector<std::string> kNamingMakers = {
      "xiaomi", "redmi", "poco", "huawei", "honor", "oppo", "oneplus", "realme", "vivo", "iqoo"};
  if (std::find(kNamingMakers.begin(), kNamingMakers.end(), truth.brand) == kNamingMakers.end() ||
      truth.launch_year < 2021) {
    return std::nullopt;
  }
  std::string name = truth.marketing_name.substr(0, truth.marketing_name.find(" / "));
  return SourcedFact{std::move(name), "getprop"};
}

// What the probe says of one verified phone, reporting its first model code and codename (and,
// `with_own_name`, the name its firmware gives itself).
void judge(const DeviceDb& db, const DeviceRecord& truth, Tally& tally,
           bool with_own_name = false) {
  const std::string model = truth.model_codes.empty() ? "" : truth.model_codes.front();
  const std::string codename = truth.codenames.empty() ? "" : truth.codenames.front();
  DeviceClues clues{model, codename, truth.brand, {}, std::nullopt, std::nullopt, std::nullopt};
  if (with_own_name) clues.own_name = own_name_in_getprop(truth);
  const DeviceFacts facts = device_facts(db, clues);
  const std::string label = truth.brand + " " + truth.marketing_name + " (" + model + ")";
  ++tally.rows;
  if (!facts.device_class) {
    ++tally.class_unknown;
    ++tally.class_unknown_by_brand[truth.brand];
    tally.class_unknown_rows.push_back(truth.device_class + ": " + label);
  } else if (facts.device_class->value == truth.device_class) {
    ++tally.class_right;
  } else {
    ++tally.class_wrong;
    tally.wrong.push_back("class " + facts.device_class->value + " [" + facts.device_class->source +
                          "], verified " + truth.device_class + ": " + label);
  }
  if (!facts.launch) {
    ++tally.year_unknown;
    ++tally.year_unknown_by_brand[truth.brand];
    tally.year_unknown_rows.push_back(std::to_string(truth.launch_year) + ": " + label);
  } else {
    const LaunchFact& launch = *facts.launch;
    const int year = truth.launch_year;
    if (launch.earliest != launch.latest) ++tally.year_range_by_source[launch.source];
    if (launch.earliest == launch.latest && launch.earliest == year) {
      ++tally.year_exact;
    } else if (year - 1 <= launch.earliest && launch.latest <= year + 1) {
      ++tally.year_within_one;  // every year the answer allows is within one of the truth
    } else if (launch.earliest <= year && year <= launch.latest) {
      ++tally.year_in_wider_range;
    } else if (launch.earliest - 1 <= year && year <= launch.latest + 1) {
      ++tally.year_within_one;
    } else {
      ++tally.year_wrong;
      tally.wrong.push_back("launch " + std::to_string(launch.earliest) + ".." +
                            std::to_string(launch.latest) + " [" + launch.source + "], verified " +
                            std::to_string(year) + ": " + label);
    }
  }
  if (truth.brand == "redmi") {
    ++tally.redmi;
    if (facts.brand && facts.brand->value == "redmi") {
      ++tally.redmi_right;
    } else {  // a rule on Redmi phones (YSS-4) would miss it: listed with the wrong answers
      tally.wrong.push_back("brand " + (facts.brand ? facts.brand->value : "unknown") + " [" +
                            (facts.brand ? facts.brand->source : "") +
                            "], verified redmi: " + label);
    }
  }
  if (in_family(truth)) {
    ++tally.family;
    if (facts.series && facts.series->value == truth.series) {
      ++tally.family_right;
    } else {
      tally.wrong.push_back("series " + (facts.series ? facts.series->value : "unknown") +
                            ", verified " + truth.series + ": " + label);
    }
  }
}

double percent(int part, int whole) { return whole == 0 ? 0 : 100.0 * part / whole; }

void print(const char* title, const Tally& t, bool show_wrong) {
  std::printf("%s: %d held-out phones\n", title, t.rows);
  std::printf("  class      right %5.1f %%  wrong %4.1f %% (%d)  unknown %4.1f %%\n",
              percent(t.class_right, t.rows), percent(t.class_wrong, t.rows), t.class_wrong,
              percent(t.class_unknown, t.rows));
  std::printf(
      "  launch     exact %5.1f %%  within one year %5.1f %%  (in a wider range %4.1f %%)  "
      "wrong (>1 y) %4.1f %% (%d)  unknown %4.1f %%\n",
      percent(t.year_exact, t.rows), percent(t.year_exact + t.year_within_one, t.rows),
      percent(t.year_in_wider_range, t.rows), percent(t.year_wrong, t.rows), t.year_wrong,
      percent(t.year_unknown, t.rows));
  const int known = t.rows - t.year_unknown;
  std::printf("  of the %d with an answer: exact %5.1f %%, within one year %5.1f %%\n", known,
              percent(t.year_exact, known), percent(t.year_exact + t.year_within_one, known));
  std::printf("  Redmi brand %d/%d   Redmi Note 9 / Redmi 9 series %d/%d\n", t.redmi_right, t.redmi,
              t.family_right, t.family);
  const auto by_brand = [](const char* what, const std::map<std::string, int>& counts) {
    std::printf("  %s unknown by brand:", what);
    for (const auto& [brand, count] : counts) std::printf(" %s %d", brand.c_str(), count);
    std::printf("\n");
  };
  by_brand("class", t.class_unknown_by_brand);
  by_brand("launch", t.year_unknown_by_brand);
  std::printf("  launch a range of years, by source:");
  for (const auto& [source, count] : t.year_range_by_source)
    std::printf(" %s %d", source.c_str(), count);
  std::printf("\n");
  if (!show_wrong) return;
  for (const std::string& line : t.wrong) std::printf("    %s\n", line.c_str());
  for (const std::string& line : t.class_unknown_rows)
    std::printf("    class unknown, verified %s\n", line.c_str());
  for (const std::string& line : t.year_unknown_rows)
    std::printf("    launch unknown, verified %s\n", line.c_str());
}

DeviceDb verified_only(const DeviceDb& verified,
                       const std::function<bool(const DeviceRecord&)>& out) {
  std::string tsv =
      "brand\tseries\tmarketing_name\tclass\tlaunch_year\tprice_tier\tmodel_codes\tcodenames\t"
      "source\n";
  const auto join = [](const std::vector<std::string>& items) {
    std::string text;
    for (const std::string& item : items) text += (text.empty() ? "" : ";") + item;
    return text;
  };
  for (const DeviceRecord& row : verified.records()) {
    if (out(row)) continue;
    char launch[16];
    std::snprintf(launch, sizeof launch, row.launch_month ? "%04d-%02d" : "%04d", row.launch_year,
                  row.launch_month);
    tsv += row.brand + '\t' + row.series + '\t' + row.marketing_name + '\t' + row.device_class +
           '\t' + launch + '\t' + row.price_tier + '\t' + join(row.model_codes) + '\t' +
           join(row.codenames) + '\t' + row.source + '\n';
  }
  return DeviceDb::parse(tsv);
}

template <typename F>
double median_seconds(int runs, F&& run) {
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    run();
    times.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  const fs::path root = argc > 1 ? fs::path(argv[1]) : fs::path(EXAMREADY_SOURCE_DIR);
  const std::uint32_t seed =
      argc > 2 ? static_cast<std::uint32_t>(std::stoul(argv[2])) : kDefaultSeed;
  const fs::path dir = root / "rules" / "devices";
  const DeviceDb verified = DeviceDb::parse(read_text_file(dir / "verified.tsv"));
  const std::vector<SourceSet> sources = read_source_dir(dir / "sources");

  BuildOptions options;
  options.keep_brands = default_keep_brands();
  options.hold_out_fraction = kHoldOut;
  options.seed = seed;
  const BuildResult held = build_database(verified, sources, options);
  const DeviceDb generated = DeviceDb::parse(held.devices_tsv);
  const DeviceDb baseline = verified_only(
      verified, [&](const DeviceRecord& row) { return is_held_out(row, kHoldOut, seed); });
  Tally with_sources, alone, with_own_name;
  for (const DeviceRecord* row : held.held_out) {
    judge(generated, *row, with_sources);
    judge(baseline, *row, alone);
    judge(generated, *row, with_own_name, true);
  }
  std::printf("== %.0f %% of %zu verified rows held out (seed %u); generated database: %zu rows\n",
              kHoldOut * 100, verified.records().size(), seed, held.rows);
  print("verified rows alone (before the generator)", alone, false);
  print("generated database + model-code rules (model code and codename: the web check, iOS)",
        with_sources, true);
  print("+ the name the firmware gives the phone (a getprop dump or adb, makers that set one)",
        with_own_name, true);

  // The families XYB-4 names, held out whole: the sources and the names must find them.
  BuildOptions family_options;
  family_options.keep_brands = default_keep_brands();
  {
    const DeviceDb without = verified_only(verified, in_family);
    const BuildResult built = build_database(without, sources, family_options);
    const DeviceDb db = DeviceDb::parse(built.devices_tsv);
    Tally family;
    for (const DeviceRecord& row : verified.records()) {
      if (in_family(row)) judge(db, row, family);
    }
    print("Redmi Note 9 / Redmi 9 families held out whole", family, true);
  }

  // Speed of the shipped database: the probe parses it once and looks one device up.
  const DeviceDb& shipped = DeviceDb::shipped();
  std::vector<std::string> codes;
  for (const DeviceRecord& row : shipped.records()) {
    for (const std::string& code : row.model_codes) codes.push_back(code);
  }
  std::size_t found = 0;
  const double lookups = median_seconds(5, [&] {
    for (const std::string& code : codes) found += shipped.lookup(code, {}, "").candidates.size();
  });
  const double facts = median_seconds(5, [&] {
    for (const std::string& code : codes) {
      found += device_facts(shipped, code, {}, "xiaomi", {}).brand.has_value();
    }
  });
  const std::string text = read_text_file(dir / "devices.tsv");
  const double load = median_seconds(5, [&] { found += DeviceDb::parse(text).records().size(); });
  std::printf("== speed (goals: lookup <= 5 us, load <= 50 ms): %zu rows, %zu codes, %.1f KB\n",
              shipped.records().size(), codes.size(), text.size() / 1024.0);
  std::printf(
      "  lookup %.2f us   device_facts (lookup + model-code rules) %.2f us   load %.1f ms\n",
      lookups / codes.size() * 1e6, facts / codes.size() * 1e6, load * 1e3);
  return found == 0 ? 1 : 0;
}
