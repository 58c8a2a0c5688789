// The generator's merge: the verified rows plus what the public sources say, into the
// database the probe loads (the generated form of devices.tsv), with a report of where the
// sources disagree. Pure: text and rows in, text out.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "rules/devices/device_db.h"
#include "rules/devices/generator/source_facts.h"

namespace examready::devices::generator {

// One source's rows and the id its facts are credited to ("google-play", "device-info",
// "lineage-wiki"). The id is the source column's value; the database README names each.
struct SourceSet {
  std::string id;
  std::vector<SourceRow> rows;
};

struct BuildOptions {
  // Leave this fraction of the verified rows out (chosen by a hash of the row's name and
  // `seed`: the same rows every run), to measure the database on models it was not told.
  double hold_out_fraction = 0;
  std::uint32_t seed = 0;
  // Brands whose rows are kept even when no source gives them a class or a launch (the
  // name and codes alone still identify the maker and the model for the rules).
  std::vector<std::string> keep_brands;
};

struct BuildResult {
  std::string devices_tsv;                    // the generated database
  std::string conflicts;                      // one line per disagreement, and what was kept
  std::vector<const DeviceRecord*> held_out;  // verified rows left out (into `verified`)
  std::size_t rows = 0;
};

// True when `row` is among the held-out fraction for `seed`.
bool is_held_out(const DeviceRecord& row, double fraction, std::uint32_t seed);

BuildResult build_database(const DeviceDb& verified, const std::vector<SourceSet>& sources,
                           const BuildOptions& options);

// The brands kept by default: the makers the shipped rule sets name, and their families.
std::vector<std::string> default_keep_brands();

}  // namespace examready::devices::generator
