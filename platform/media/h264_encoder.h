// An H.264 encoder from libavcodec: software (libx264) or the platform's hardware
// encoder (VAAPI, NVENC, QSV, V4L2 M2M, VideoToolbox, MediaCodec), fed raw images.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "platform/media/frame_converter.h"
#include "platform/media/video_input.h"

namespace examready::platform {

struct EncoderSettings {
  std::string name;  // FFmpeg encoder name: "libx264", "h264_vaapi"…
  int width = 1920;
  int height = 1080;
  int fps = 30;
  int threads = 0;  // 0: the encoder's automatic choice (as the ffmpeg CLI's default)
  // libx264 only: the realtime configuration a live-recording app uses.
  std::string preset = "veryfast";
  std::string tune = "zerolatency";
};

struct EncoderInfo {
  std::string name;
  bool hardware = false;
};

// H.264 encoders compiled into this FFmpeg, hardware ones first (they are what a
// recording app prefers). Only those taking YUV input are listed (not libx264rgb).
std::vector<EncoderInfo> h264_encoders();

class H264Encoder {
 public:
  static std::unique_ptr<H264Encoder> open(const EncoderSettings& settings, MediaError& error);
  ~H264Encoder();
  H264Encoder(const H264Encoder&) = delete;
  H264Encoder& operator=(const H264Encoder&) = delete;

  bool hardware() const;
  // The AVPixelFormat the images given to encode() must have (YUV420P or NV12).
  int input_pixel_format() const;

  // Encodes one image (the settings' size, input_pixel_format()); returns the bytes of the
  // packets that came out, or -1 on failure (error() says why).
  std::int64_t encode(const Image& image);
  // Drains delayed packets at the end of a run; bytes as encode().
  std::int64_t flush();
  const MediaError& error() const;

  struct State;

 private:
  explicit H264Encoder(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace examready::platform
