// examready-media: runs one FFmpeg check (camera or encoder) for the probe and prints its
// result as one JSON line (probe/result_json.h). Kept apart so that FFmpeg's libraries load
// only when a camera or encoder is measured (see probe/media_helper.h).
// Usage: examready-media camera|encoder OPTIONS_JSON
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

#include "platform/local_host.h"
#include "probe/camera.h"
#include "probe/encoder.h"
#include "probe/media_helper.h"
#include "core/result_json.h"

int main(int argc, char** argv) {
  using namespace examready;
  if (argc != 3 || (std::strcmp(argv[1], "camera") != 0 && std::strcmp(argv[1], "encoder") != 0)) {
    std::fprintf(stderr, "usage: examready-media camera|encoder OPTIONS_JSON\n");
    return 64;
  }
  probe::ProbeOptions options;
  try {
    options = probe::media_options_from_json(nlohmann::json::parse(argv[2]));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "examready-media: bad options: %s\n", e.what());
    return 64;
  }
  const bool camera = std::strcmp(argv[1], "camera") == 0;
  platform::LocalHost host;
  probe::CheckContext ctx(host, options);
  core::CheckResult result;
  result.name = argv[1];
  const auto start = std::chrono::steady_clock::now();
  try {
    probe::Outcome outcome = camera ? probe::run_camera_check(ctx) : probe::run_encoder_check(ctx);
    result.status = outcome.status;
    result.message = std::move(outcome.message);
  } catch (const std::exception& e) {
    result.status = core::CheckStatus::kError;
    result.message = std::string("internal error: ") + e.what();
  }
  result.duration_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  result.measurements = ctx.take_measurements();
  // FFmpeg logs to stderr; stdout carries only the result line.
  std::printf("%s\n", core::to_json(result)
                          .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                          .c_str());
  return 0;
}
