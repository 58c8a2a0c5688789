// The camera and encoder checks' pure choices: source parsing, open-failure mapping and
// encoder choice.
#include <catch2/catch.hpp>

#include <cerrno>
#include <vector>

#include "probe/media/camera.h"
#include "probe/media/encoder.h"

using namespace examready::probe;
using namespace examready::probe::media;

TEST_CASE("camera sources: lavfi graphs, device prefixes and plain files") {
  CameraSource s = parse_camera_source("lavfi:testsrc2=size=1280x720:rate=30");
  CHECK(s.format == "lavfi");
  CHECK(s.url == "testsrc2=size=1280x720:rate=30");
  CHECK_FALSE(s.device);
  s = parse_camera_source("v4l2:/dev/video2");
  CHECK((s.format == "v4l2" && s.url == "/dev/video2" && s.device));
  s = parse_camera_source("/tmp/clip.mp4");
  CHECK((s.format.empty() && s.url == "/tmp/clip.mp4" && !s.device));
  s = parse_camera_source("file:C:/clip.mp4");  // an FFmpeg protocol, not an input format
  CHECK((s.format.empty() && s.url == "file:C:/clip.mp4"));
}

TEST_CASE("camera open failures map to denied and busy") {
  CHECK(camera_open_failure(EACCES, "cannot open /dev/video0: Permission denied", {}).status ==
        CheckStatus::kDenied);
  CHECK(camera_open_failure(EPERM, "x", {}).status == CheckStatus::kDenied);
  Outcome busy =
      camera_open_failure(EBUSY, "Device or resource busy", {"zoom (pid 4242)", "obs (pid 7)"});
  CHECK(busy.status == CheckStatus::kError);
  CHECK(busy.message == "busy: held by zoom (pid 4242), obs (pid 7)");
  CHECK(camera_open_failure(EBUSY, "x", {}).message.rfind("busy:", 0) == 0);
  Outcome other =
      camera_open_failure(ENOENT, "cannot open /dev/video9: No such file or directory", {});
  CHECK(other.status == CheckStatus::kError);
  CHECK(other.message == "cannot open /dev/video9: No such file or directory");
}

TEST_CASE("encoder choice prefers hardware, then libx264") {
  using examready::platform::EncoderInfo;
  const std::vector<EncoderInfo> soft = {{"libx264", false}, {"libopenh264", false}};
  CHECK(choose_encoder(soft) == "libx264");
  const std::vector<EncoderInfo> hard = {
      {"libopenh264", false}, {"h264_vaapi", true}, {"libx264", false}};
  CHECK(choose_encoder(hard) == "h264_vaapi");
  const std::vector<EncoderInfo> other = {{"libopenh264", false}};
  CHECK(choose_encoder(other) == "libopenh264");
  CHECK(choose_encoder({}).empty());
  CHECK(realtime_factor(45) == Approx(1.5));
  EncodeMeasurement m{90, 1.5, 2.0, 3'000'000};
  CHECK(m.fps() == Approx(60));
  CHECK(m.bitrate_bps(30) == Approx(8'000'000));  // 3 MB over 3 s of video
}
