// The camera check on real FFmpeg inputs: a lavfi graph and video files recorded at test
// time with the ffmpeg CLI (normal, black, frozen), a missing device and no camera.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "platform/command.h"
#include "platform/camera_devices.h"
#include "probe/media/camera.h"
#include "tests/media/media_test_support.h"
#include "tests/support/fake_host.h"

using namespace examready;
using core::MetricId;

namespace {

class TempDir {
 public:
  TempDir() {
    char pattern[] = "/tmp/examready-camera-XXXXXX";
    path_ = ::mkdtemp(pattern);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// Records 3 s of `graph` as H.264 in MP4, the way a phone or webcam app would store it.
// `lossless` keeps repeated pictures bit-identical, as a frozen driver's repeated buffer
// is (lossy x264 keeps refining a still picture for a few frames).
std::string record(const TempDir& dir, const std::string& name, const std::string& graph,
                   bool lossless = false) {
  const std::string path = dir.file(name);
  std::vector<std::string> argv = {"ffmpeg",  "-v",        "error",    "-y",     "-f",   "lavfi",
                                   "-i",      graph,       "-t",       "3",      "-c:v", "libx264",
                                   "-preset", "ultrafast", "-pix_fmt", "yuv420p"};
  if (lossless) argv.insert(argv.end(), {"-qp", "0"});
  argv.push_back(path);
  auto result = platform::run_process(argv, std::chrono::seconds(60));
  INFO(result.err);
  REQUIRE(result.ok());
  return path;
}

probe::ProbeOptions source_options(const std::string& source, double seconds = 1.0) {
  probe::ProbeOptions options;
  options.camera_source = source;
  options.capture_seconds = seconds;
  return options;
}

}  // namespace

TEST_CASE("camera from a lavfi testsrc2 graph, paced like a camera") {
  auto run = test::run_check(probe::media::capture_camera,
                             source_options("lavfi:testsrc2=size=640x360:rate=30"));
  INFO(run.outcome.message);
  REQUIRE(run.outcome.status == core::CheckStatus::kOk);
  CHECK(run.get<bool>(MetricId::kCameraOpened) == true);
  CHECK(run.get<std::int64_t>(MetricId::kCameraWidthPx) == 640);
  CHECK(run.get<std::int64_t>(MetricId::kCameraHeightPx) == 360);
  CHECK(run.get<std::string>(MetricId::kCameraPixelFormat) == "yuv420p");
  CHECK(run.get<double>(MetricId::kCameraFps).value_or(0) == Approx(30).margin(3));
  CHECK(run.get<double>(MetricId::kCameraMeanLuma).value_or(0) > 60);
  CHECK(run.get<double>(MetricId::kCameraDarkFrameRatio) == 0.0);
  CHECK(run.get<double>(MetricId::kCameraFrozenFrameRatio) == 0.0);
}

TEST_CASE("camera from recorded files: normal, black and frozen clips") {
  TempDir dir;
  SECTION("normal") {
    auto run =
        test::run_check(probe::media::capture_camera,
                        source_options(record(dir, "normal.mp4", "testsrc2=size=640x360:rate=30")));
    INFO(run.outcome.message);
    REQUIRE(run.outcome.status == core::CheckStatus::kOk);
    CHECK(run.get<double>(MetricId::kCameraFps).value_or(0) == Approx(30).margin(3));
    CHECK(run.get<double>(MetricId::kCameraDarkFrameRatio) == 0.0);
    CHECK(run.get<double>(MetricId::kCameraFrozenFrameRatio).value_or(1) < 0.05);
  }
  SECTION("black: a covered lens") {
    auto run = test::run_check(
        probe::media::capture_camera,
        source_options(record(dir, "black.mp4", "color=c=black:size=640x360:rate=30")));
    REQUIRE(run.outcome.status == core::CheckStatus::kOk);
    CHECK(run.get<double>(MetricId::kCameraDarkFrameRatio).value_or(0) > 0.9);
    CHECK(run.get<double>(MetricId::kCameraMeanLuma).value_or(255) < 20);
  }
  SECTION("frozen: one picture repeated") {
    const std::string graph =
        "testsrc2=size=640x360:rate=30,trim=end_frame=1,loop=loop=89:size=1:start=0";
    auto run = test::run_check(probe::media::capture_camera,
                               source_options(record(dir, "frozen.mp4", graph, true)));
    REQUIRE(run.outcome.status == core::CheckStatus::kOk);
    CHECK(run.get<double>(MetricId::kCameraFrozenFrameRatio).value_or(0) > 0.9);
    CHECK(run.get<double>(MetricId::kCameraDarkFrameRatio) == 0.0);
  }
  SECTION("a clip shorter than the capture ends the capture early") {
    auto run = test::run_check(
        probe::media::capture_camera,
        source_options(record(dir, "short.mp4", "testsrc2=size=320x240:rate=30"), 10.0));
    REQUIRE(run.outcome.status == core::CheckStatus::kOk);
    CHECK(run.get<double>(MetricId::kCameraFps).value_or(0) == Approx(30).margin(3));
  }
}

TEST_CASE("camera: a named device that does not exist is an error, no camera is unsupported") {
  probe::ProbeOptions options;
  options.camera_device = "/dev/video-examready-missing";
  auto run = test::run_check(probe::media::capture_camera, options);
  CHECK(run.outcome.status == core::CheckStatus::kError);
  CHECK(run.outcome.message.find("No such file or directory") != std::string::npos);
  CHECK(run.get<bool>(MetricId::kCameraOpened) == false);

  if (platform::list_camera_devices().empty()) {  // this machine has no camera
    auto none = test::run_check(probe::media::capture_camera, probe::ProbeOptions{});
    CHECK(none.outcome.status == core::CheckStatus::kUnsupported);
    CHECK(none.outcome.message == "no camera");
    CHECK(none.get<std::int64_t>(MetricId::kCameraCount) == 0);
  }
}

TEST_CASE("cameras come from the host's discovery: none is unsupported, the first is opened") {
  test::FakeHost none;
  auto run = test::run_check(probe::media::capture_camera, probe::ProbeOptions{}, none);
  CHECK(run.outcome.status == core::CheckStatus::kUnsupported);
  CHECK(run.outcome.message == "no camera");
  CHECK(run.get<std::int64_t>(MetricId::kCameraCount) == 0);

  test::FakeHost two;
  two.set_cameras({"/dev/video-examready-first", "/dev/video-examready-second"});
  run = test::run_check(probe::media::capture_camera, probe::ProbeOptions{}, two);
  CHECK(run.get<std::int64_t>(MetricId::kCameraCount) == 2);
  CHECK(run.outcome.status == core::CheckStatus::kError);
  CHECK(run.outcome.message.find("video-examready-first") != std::string::npos);
}

TEST_CASE("camera discovery ignores nodes that are not capture devices") {
  TempDir dir;
  for (const char* name : {"video0", "video1x", "videos"}) {
    std::FILE* f = std::fopen(dir.file(name).c_str(), "w");
    REQUIRE(f);
    std::fclose(f);
  }
  CHECK(platform::list_camera_devices(dir.file(""))
            .empty());  // regular files fail VIDIOC_QUERYCAP
  CHECK(platform::camera_modes(dir.file("video0")).empty());
}

TEST_CASE("the camera is asked for the mode an exam recording uses, not its default") {
  using Mode = platform::CameraMode;
  // A USB 2 webcam of the C920 kind: raw YUYV is fast only at small sizes, MJPEG and H.264
  // reach 1080p at 30 fps.
  const std::vector<Mode> usb2_webcam = {
      {"yuyv422", 640, 480, 30},    {"yuyv422", 1280, 720, 10}, {"yuyv422", 1920, 1080, 5},
      {"yuyv422", 2304, 1536, 2},   {"h264", 1920, 1080, 30},   {"mjpeg", 640, 480, 30},
      {"mjpeg", 1280, 720, 30},     {"mjpeg", 1920, 1080, 30}};
  auto chosen = probe::media::choose_capture_mode(usb2_webcam);
  REQUIRE(chosen);
  CHECK(chosen->pixel_format == "mjpeg");  // 1080p at 30: MJPEG before H.264
  CHECK(chosen->width == 1920);
  CHECK(chosen->height == 1080);

  // A laptop camera: raw 720p at 30 preferred over MJPEG at the same size.
  const std::vector<Mode> laptop = {{"mjpeg", 1280, 720, 30}, {"yuyv422", 1280, 720, 30},
                                    {"yuyv422", 640, 480, 30}, {"", 1280, 720, 30}};
  chosen = probe::media::choose_capture_mode(laptop);
  REQUIRE(chosen);
  CHECK(chosen->pixel_format == "yuyv422");
  CHECK(chosen->width == 1280);

  // Nothing reaches 30 fps: the fastest, then the largest of those; 4K is beyond a recording.
  const std::vector<Mode> slow = {{"yuyv422", 3840, 2160, 30}, {"yuyv422", 1920, 1080, 10},
                                  {"yuyv422", 1280, 720, 15}, {"yuyv422", 800, 600, 15}};
  chosen = probe::media::choose_capture_mode(slow);
  REQUIRE(chosen);
  CHECK(chosen->width == 1280);
  CHECK(chosen->max_fps == 15);

  // Portrait sensors fit too; formats FFmpeg cannot name and empty lists give nothing.
  chosen = probe::media::choose_capture_mode(std::vector<Mode>{{"nv12", 1080, 1920, 30}});
  REQUIRE(chosen);
  CHECK(chosen->height == 1920);
  CHECK_FALSE(probe::media::choose_capture_mode(std::vector<Mode>{{"", 1280, 720, 30}}));
  CHECK_FALSE(probe::media::choose_capture_mode(std::vector<Mode>{}));
}
