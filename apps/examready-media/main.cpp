// examready-media: runs one FFmpeg check (camera or encoder) for the probe and prints its
// result as one JSON line (core/result_json.h). Kept apart so that FFmpeg's libraries load
// only when a camera or encoder is measured (see probe/media_helper.h).
// Usage: examready-media camera|encoder OPTIONS_JSON
#include <cstdio>
#include <cstring>
#include <string>

#include "platform/local_host.h"
#include "probe/media/camera.h"
#include "probe/media/encoder.h"
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
  const core::CheckResult result = probe::run_measured(
      argv[1], ctx, camera ? probe::media::capture_camera : probe::media::benchmark_encoders);
  // FFmpeg logs to stderr; stdout carries only the result line.
  std::printf("%s\n", core::to_json(result)
                          .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                          .c_str());
  return 0;
}
