// The encoder check and measure_encoding on real frames through libavcodec.
#include <catch2/catch.hpp>

#include <algorithm>

#include "platform/media/video_input.h"
#include "probe/media/encoder.h"
#include "tests/media/media_test_support.h"

extern "C" {
#include <libavutil/pixfmt.h>
}

using namespace examready;
using core::MetricId;

TEST_CASE("encoder check: libx264 encodes 1080p and 720p test frames") {
  auto run = test::run_check(probe::media::benchmark_encoders, probe::ProbeOptions{});
  INFO(run.outcome.message);
  REQUIRE(run.outcome.status == core::CheckStatus::kOk);
  const auto available = run.get<std::vector<std::string>>(MetricId::kEncoderAvailable)
                             .value_or(std::vector<std::string>{});
  CHECK(std::find(available.begin(), available.end(), "libx264") != available.end());
  CHECK(run.get<std::string>(MetricId::kEncoderName).has_value());
  const double fps1080 = run.get<double>(MetricId::kEncoderFps1080p).value_or(0);
  const double fps720 = run.get<double>(MetricId::kEncoderFps720p).value_or(0);
  CHECK(fps1080 > 1);
  CHECK(fps720 > 1);
  CHECK(run.get<double>(MetricId::kEncoderRealtimeFactor1080p).value_or(0) == Approx(fps1080 / 30));
  CHECK(run.get<double>(MetricId::kEncoderCpuSeconds).value_or(0) > 0.05);
  // testsrc2 at 1080p30, x264 veryfast CRF 23: about 9 Mbit/s (RECIPES §5 measured 9230 kb/s).
  const double bitrate = run.get<double>(MetricId::kEncoderBitrateBps).value_or(0);
  CHECK(bitrate > 2e6);
  CHECK(bitrate < 30e6);
}

TEST_CASE("measure_encoding counts frames and bytes and stops at its frame limit") {
  platform::MediaError error;
  auto encoder = platform::H264Encoder::open({"libx264", 320, 240, 30}, error);
  REQUIRE(encoder);
  CHECK_FALSE(encoder->hardware());
  REQUIRE(encoder->input_pixel_format() == AV_PIX_FMT_YUV420P);
  auto input =
      platform::VideoInput::open({"lavfi", "testsrc2=size=320x240:rate=30", {}, false}, error);
  REQUIRE(input);
  platform::FrameConverter converter(encoder->input_pixel_format());
  probe::media::ImageSupplier next = [&]() -> const platform::Image* {
    const platform::Image* image = nullptr;
    input->next([&](const platform::VideoFrameView& frame) { image = converter.convert(frame); });
    return image;
  };
  std::string message;
  auto m = probe::media::measure_encoding(*encoder, next, 30.0, 45, message);
  INFO(message);
  REQUIRE(m);
  CHECK(m->frames == 45);
  CHECK(m->bytes > 1000);
  CHECK(m->encode_seconds > 0);
  CHECK(m->fps() > 0);

  // A frame of the wrong size is refused with a message, not encoded.
  platform::Image wrong;
  platform::allocate_image(wrong, 640, 480, AV_PIX_FMT_YUV420P);
  probe::media::ImageSupplier bad = [&]() -> const platform::Image* { return &wrong; };
  CHECK_FALSE(probe::media::measure_encoding(*encoder, bad, 1.0, 5, message));
  CHECK(message.find("does not match") != std::string::npos);
}

TEST_CASE("opening an encoder FFmpeg does not have is an error value") {
  platform::MediaError error;
  CHECK_FALSE(platform::H264Encoder::open({"h264_examready_none", 320, 240, 30}, error));
  CHECK(error.message == "FFmpeg has no encoder 'h264_examready_none'");
  const auto all = platform::h264_encoders();
  CHECK(std::any_of(all.begin(), all.end(),
                    [](const auto& e) { return e.name == "libx264" && !e.hardware; }));
  CHECK(std::none_of(all.begin(), all.end(), [](const auto& e) { return e.name == "libx264rgb"; }));
}
