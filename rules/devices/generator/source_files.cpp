// Reading the generator's inputs from disk.
#include "rules/devices/generator/source_files.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace examready::devices::generator {

namespace fs = std::filesystem;

std::string read_text_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<fs::path> files_in(const fs::path& dir,
                               const std::function<bool(const fs::path&)>& keep) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && keep(entry.path())) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<SourceSet> read_source_dir(const fs::path& dir) {
  std::vector<SourceSet> sources;
  for (const fs::path& file :
       files_in(dir, [](const fs::path& path) { return path.extension() == ".tsv"; })) {
    sources.push_back({file.stem().string(), read_source_tsv(read_text_file(file), file.string())});
  }
  return sources;
}

}  // namespace examready::devices::generator
