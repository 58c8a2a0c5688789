// The bad-input cases on disk and the examready binary run on them.
#pragma once

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "platform/command.h"

namespace examready::test::bad_inputs {

inline std::filesystem::path cases_dir() { return BAD_INPUTS_DIR; }

inline std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// One JSON object a line; blank lines and lines starting with '#' are comments.
inline std::vector<nlohmann::json> read_jsonl(const std::string& name) {
  std::vector<nlohmann::json> cases;
  std::ifstream in(cases_dir() / name);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line.front() == '#') continue;
    cases.push_back(nlohmann::json::parse(line));
  }
  return cases;
}

// A case's input given as "text" or, for bytes that are not UTF-8, as "hex".
inline std::string raw_input(const nlohmann::json& c) {
  if (c.contains("text")) return c["text"].get<std::string>();
  const std::string hex = c.at("hex").get<std::string>();
  std::string bytes;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    bytes += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  }
  return bytes;
}

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline CliRun run_examready(std::vector<std::string> args) {
  args.insert(args.begin(), EXAMREADY_BIN);
  const auto r = platform::run_process(args, std::chrono::seconds(60));
  return {r.exit_code, r.out, r.err};
}

// A private directory for the case files one test writes, removed at the end.
class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "examready-bad-XXXXXX").string();
    path_ = ::mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::filesystem::path write(const std::string& name, const std::string& bytes) const {
    const auto file = path_ / name;
    std::ofstream(file, std::ios::binary) << bytes;
    return file;
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace examready::test::bad_inputs
