// examready-devicedb: the developer's tool that builds the device database from the public
// sources (rules/devices/README.md says which, under what licence, and how to fetch them).
//   examready-devicedb extract google-play devices.json --note "…" -o sources/google-play.tsv
//   examready-devicedb extract device-info device.js     --note "…" -o sources/device-info.tsv
//   examready-devicedb extract lineage-wiki DEVICES_DIR  --note "…" -o sources/lineage-wiki.tsv
//   examready-devicedb extract devicekit Device.swift.gyb --note "…" -o sources/devicekit.tsv
//   examready-devicedb extract endoflife PRODUCTS_DIR    --note "…" -o sources/endoflife.tsv
//   examready-devicedb build --verified verified.tsv --sources sources/
//       --out devices.tsv --conflicts conflicts.txt [--check]
// Never run at probe time; `build`'s outputs are committed. The build runs one more:
//   examready-devicedb web-cut devices.tsv --out devices_web.tsv --version-out version.txt
// for the web check's WebAssembly module (webcheck/CMakeLists.txt).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "rules/devices/device_db.h"
#include "rules/devices/generator/build_database.h"
#include "rules/devices/generator/source_facts.h"
#include "rules/devices/generator/source_files.h"
#include "rules/devices/generator/web_cut.h"

namespace {

namespace fs = std::filesystem;
using namespace examready::devices;
using namespace examready::devices::generator;

void write_file(const fs::path& path, const std::string& text) {
  // Written aside and renamed over the target: never over a device or a directory
  // (`--version-out /dev/null` once replaced /dev/null with a file).
  if (fs::exists(path) && !fs::is_regular_file(path)) {
    throw std::runtime_error("will not replace " + path.string() + ": not a regular file");
  }
  const fs::path partial = path.string() + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (!out || !out.write(text.data(), static_cast<std::streamsize>(text.size()))) {
      throw std::runtime_error("cannot write " + partial.string());
    }
  }
  fs::rename(partial, path);  // whole or not at all
}

// The LineageOS wiki's _data/devices/*.yml, in file-name order (stable output).
std::vector<SourceRow> extract_lineage_dir(const fs::path& dir) {
  const std::vector<fs::path> files =
      files_in(dir, [](const fs::path& path) { return path.extension() == ".yml"; });
  if (files.empty()) throw std::runtime_error("no .yml files in " + dir.string());
  std::vector<SourceRow> rows;
  for (const fs::path& file : files) {
    for (SourceRow& row : extract_lineage_device(read_text_file(file)))
      rows.push_back(std::move(row));
  }
  return rows;
}

// endoflife.date's products/*.md pages of the kept brands, in file-name order.
std::vector<SourceRow> extract_endoflife_dir(const fs::path& dir) {
  const std::vector<fs::path> files = files_in(dir, [](const fs::path& path) {
    return endoflife_product(path.filename().string()) != nullptr;
  });
  if (files.empty()) throw std::runtime_error("no product page of a kept brand in " + dir.string());
  std::vector<SourceRow> rows;
  for (const fs::path& file : files) {
    const EndoflifeProduct& product = *endoflife_product(file.filename().string());
    for (SourceRow& row : extract_endoflife(read_text_file(file), product))
      rows.push_back(std::move(row));
  }
  return rows;
}

int extract(const std::string& kind, const fs::path& input, const std::string& note,
            const fs::path& output) {
  std::vector<SourceRow> rows;
  if (kind == "google-play") {
    rows = extract_google_play(read_text_file(input));
  } else if (kind == "device-info") {
    rows = extract_device_info(read_text_file(input));
  } else if (kind == "devicekit") {
    rows = extract_devicekit(read_text_file(input));
  } else if (kind == "endoflife") {
    rows = extract_endoflife_dir(input);
  } else {
    rows = extract_lineage_dir(input);
  }
  write_file(output, write_source_tsv(rows, note));
  std::printf("%s: %zu models -> %s\n", kind.c_str(), rows.size(), output.c_str());
  return 0;
}

// --check: the committed files must be what the generator makes of the committed inputs.
bool same_as_file(const fs::path& path, const std::string& text) {
  std::error_code error;
  if (!fs::exists(path, error)) return false;
  return read_text_file(path) == text;
}

int build(const fs::path& verified_path, const fs::path& sources_dir, const fs::path& out,
          const fs::path& conflicts, bool check) {
  const DeviceDb verified = DeviceDb::parse(read_text_file(verified_path));
  if (verified.generated()) {
    throw std::runtime_error(verified_path.string() + " is a generated file, not verified rows");
  }
  BuildOptions options;
  options.keep_brands = default_keep_brands();
  const BuildResult result = build_database(verified, read_source_dir(sources_dir), options);
  DeviceDb::parse(result.devices_tsv);  // never write a file the probe cannot load
  if (check) {
    const bool same =
        same_as_file(out, result.devices_tsv) && same_as_file(conflicts, result.conflicts);
    std::printf("%s: %s\n", out.c_str(),
                same ? "up to date" : "OUT OF DATE: run examready-devicedb build");
    return same ? 0 : 1;
  }
  write_file(out, result.devices_tsv);
  write_file(conflicts, result.conflicts);
  const auto lines = std::count(result.conflicts.begin(), result.conflicts.end(), '\n');
  std::printf("%zu rows -> %s, %td conflicts -> %s\n", result.rows, out.c_str(), lines,
              conflicts.c_str());
  return 0;
}

// The cut and the version of the whole file, which the module reports as its own: the page
// compares it with the collector's (GET /v1/devices/version) to know whether to fetch.
int write_web_cut(const fs::path& devices, const fs::path& cut, const fs::path& version) {
  const std::string text = read_text_file(devices);
  const DeviceDb whole = DeviceDb::parse(text);
  write_file(cut, web_cut(text));
  write_file(version, whole.version() + '\n');
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Builds ExamReady's device database from its verified rows and public sources"};
  app.require_subcommand(1);

  std::string kind, note;
  fs::path input, output;
  CLI::App* extract_cmd = app.add_subcommand("extract", "Extract one source's facts");
  extract_cmd
      ->add_option("kind", kind, "google-play | device-info | lineage-wiki | devicekit | endoflife")
      ->required()
      ->check(
          CLI::IsMember({"google-play", "device-info", "lineage-wiki", "devicekit", "endoflife"}));
  extract_cmd
      ->add_option("input", input,
                   "devices.json, device.js, the wiki's _data/devices directory, Device.swift.gyb, "
                   "or endoflife.date's products directory")
      ->required();
  extract_cmd
      ->add_option("--note", note, "source, version and licence, written at the top of the output")
      ->required();
  extract_cmd->add_option("-o,--output", output, "the extracted facts (TSV)")->required();

  fs::path verified, sources, out, conflicts;
  bool check = false;
  CLI::App* build_cmd = app.add_subcommand("build", "Merge verified rows and sources");
  build_cmd->add_option("--verified", verified, "the hand-checked rows")->required();
  build_cmd->add_option("--sources", sources, "directory of extracted facts (*.tsv)")->required();
  build_cmd->add_option("--out", out, "the generated database")->required();
  build_cmd->add_option("--conflicts", conflicts, "where the sources disagree")->required();
  build_cmd->add_flag("--check", check, "compare with the files instead of writing them");

  fs::path devices, cut, version;
  CLI::App* cut_cmd = app.add_subcommand(
      "web-cut", "The database as the web check's module carries it (generator/web_cut.h)");
  cut_cmd->add_option("devices", devices, "the database (devices.tsv)")->required();
  cut_cmd->add_option("--out", cut, "the cut")->required();
  cut_cmd->add_option("--version-out", version, "the whole database's version, one line")
      ->required();

  CLI11_PARSE(app, argc, argv);
  try {
    if (*extract_cmd) return extract(kind, input, note, output);
    if (*cut_cmd) return write_web_cut(devices, cut, version);
    return build(verified, sources, out, conflicts, check);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "examready-devicedb: %s\n", error.what());
    return 1;
  }
}
