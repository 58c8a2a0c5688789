// webcheck_replay: runs a recorded web-check session through WebSession and prints every
// answer, one JSON document per line. Built natively and for node (WebAssembly), so that
// tests/webcheck can require both builds to print the same bytes for the same input.
//
// Usage: webcheck_replay SESSION.json [RULES.toml]
// SESSION: {"start": {...}, "steps": [{"check": NAME, "input": {...},
//            "frames": [{"width", "height", "rgba": [bytes] | "rgba_base64", "camera": "back"?}],
//            "samples": [floats] | "samples_base64" (float32 little-endian)}],
//           "now": "2026-12-03T10:00:00Z"}
// RULES: a rules file, handed over with the other .toml files of its folder as the bundle
// GET /v1/rules/NAME serves.
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "webcheck/web_session.h"

using nlohmann::json;

namespace {

void print(const json& value) {
  std::cout << value.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

json rules_bundle(const std::filesystem::path& main) {
  json files = json::object();
  for (const auto& entry : std::filesystem::directory_iterator(main.parent_path())) {
    if (entry.path().extension() == ".toml")
      files[entry.path().filename().string()] = read_text(entry.path());
  }
  return {{"main", main.filename().string()}, {"files", files}};
}

// Standard base64 (the recorded sessions of check_recorder.js); anything else throws.
std::vector<std::uint8_t> from_base64(const std::string& text) {
  static constexpr std::string_view kDigits =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::vector<std::uint8_t> bytes;
  std::uint32_t bits = 0;
  int count = 0;
  for (const char c : text) {
    if (c == '=') break;
    const auto digit = kDigits.find(c);
    if (digit == std::string_view::npos) throw std::invalid_argument("not base64");
    bits = (bits << 6) | static_cast<std::uint32_t>(digit);
    if ((count += 6) >= 8) bytes.push_back(static_cast<std::uint8_t>(bits >> (count -= 8)));
  }
  return bytes;
}

std::vector<float> floats_from_base64(const std::string& text) {
  const auto bytes = from_base64(text);
  std::vector<float> samples(bytes.size() / 4);
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const std::uint32_t word = bytes[4 * i] | bytes[4 * i + 1] << 8 | bytes[4 * i + 2] << 16 |
                               static_cast<std::uint32_t>(bytes[4 * i + 3]) << 24;
    std::memcpy(&samples[i], &word, sizeof word);  // no std::bit_cast in emscripten's libc++
  }
  return samples;
}

void hand_over_media(examready::webcheck::WebSession& session, const json& step) {
  if (const auto frames = step.find("frames"); frames != step.end()) {
    for (const auto& frame : *frames) {
      const auto rgba = frame.contains("rgba_base64")
                            ? from_base64(frame.at("rgba_base64").get<std::string>())
                            : frame.at("rgba").get<std::vector<std::uint8_t>>();
      const auto camera = frame.value("camera", std::string()) == "back"
                              ? examready::webcheck::WebSession::Camera::kBack
                              : examready::webcheck::WebSession::Camera::kFront;
      session.add_rgba_frame(rgba, frame.at("width").get<int>(), frame.at("height").get<int>(),
                             camera);
    }
  }
  if (const auto samples = step.find("samples"); samples != step.end())
    session.set_samples(samples->get<std::vector<float>>());
  if (const auto samples = step.find("samples_base64"); samples != step.end())
    session.set_samples(floats_from_base64(samples->get<std::string>()));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2 && argc != 3) {
    std::fprintf(stderr, "usage: webcheck_replay SESSION.json [RULES.toml]\n");
    return 64;
  }
  const json recorded = json::parse(read_text(argv[1]), nullptr, false);
  if (recorded.is_discarded()) {
    std::fprintf(stderr, "webcheck_replay: %s is not a JSON file\n", argv[1]);
    return 65;
  }
  try {
    examready::webcheck::WebSession session(recorded.value("start", json::object()));
    for (const auto& step : recorded.at("steps")) {
      hand_over_media(session, step);
      print(session.run(step.at("check").get<std::string>(), step.value("input", json::object())));
    }
    if (argc == 3)
      print(session.evaluate(rules_bundle(argv[2]), recorded.value("now", std::string())));
    print(session.report());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "webcheck_replay: %s\n", e.what());
    return 65;
  }
  return 0;
}
