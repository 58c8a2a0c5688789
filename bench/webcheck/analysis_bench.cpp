// The web check's analysis time per captured second, natively and (the same source built by
// emscripten, run in node) as WebAssembly: bench/webcheck/run.sh prints the two side by side.
// Frames go through WebSession::add_rgba_frame (RGBA -> luma, frame statistics) as the page
// hands them over; audio through the microphone and speaker checks.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/analysis/audio_analysis.h"
#include "webcheck/web_session.h"

namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

// A moving gradient: every frame differs, as a live camera's do.
std::vector<std::uint8_t> frame(int width, int height, int index) {
  std::vector<std::uint8_t> rgba(static_cast<std::size_t>(width) * height * 4);
  for (std::size_t i = 0; i < rgba.size(); ++i)
    rgba[i] = static_cast<std::uint8_t>(i * 7 + index * 13);
  return rgba;
}

// Prints "what  ms-per-captured-second" lines (two spaces before the figure: run.sh splits there).
// Milliseconds of analysis per second of 30 fps video at width x height (median of `runs`).
double video_ms_per_second(int width, int height, int runs) {
  std::vector<std::vector<std::uint8_t>> frames;
  for (int i = 0; i < 30; ++i) frames.push_back(frame(width, height, i));
  std::vector<double> times;
  for (int run = 0; run < runs; ++run) {
    examready::webcheck::WebSession session(json::object());
    const auto start = Clock::now();
    for (const auto& f : frames) session.add_rgba_frame(f, width, height);
    session.run("camera", {{"width", width}, {"height", height}, {"fps", 30}});
    times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

// Milliseconds per second of 48 kHz audio: levels (microphone) and tone detection (speaker).
double audio_ms_per_second(const char* check, int runs) {
  const auto samples = examready::core::make_tone(1000, 0.5, 10.0, 48000);
  std::vector<double> times;
  for (int run = 0; run < runs; ++run) {
    examready::webcheck::WebSession session(json::object());
    const auto start = Clock::now();
    session.set_samples(samples);
    session.run(check, {{"sample_rate_hz", 48000}, {"played", true}, {"frequency_hz", 1000}});
    times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count() / 10.0);
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

}  // namespace

int main() {
  std::printf("video 320x180 (what the page hands over)  %.3f\n",
              video_ms_per_second(320, 180, 15));
  std::printf("video 1280x720 (full frames)  %.3f\n", video_ms_per_second(1280, 720, 5));
  std::printf("audio microphone levels, 48 kHz  %.3f\n", audio_ms_per_second("microphone", 9));
  std::printf("audio speaker tone detection, 48 kHz  %.3f\n", audio_ms_per_second("speaker", 9));
  return 0;
}
