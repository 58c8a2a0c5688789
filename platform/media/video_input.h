// Reads decoded video frames from any FFmpeg input: a camera (v4l2, avfoundation, dshow),
// a file, or a lavfi graph. File and graph inputs can be paced to their own frame rate so
// that they behave like a camera and a measured frame rate means something.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace examready::platform {

struct VideoInputSpec {
  std::string format;  // FFmpeg input format ("v4l2", "lavfi"); empty: probe the URL (files)
  std::string url;     // device node, file path or filter graph
  std::map<std::string, std::string> options;  // demuxer options (video_size, framerate…)
  bool pace = false;  // sleep until each frame's timestamp (files and graphs)
  // av_read_frame is aborted after this long without a frame (a hung device).
  std::chrono::milliseconds read_timeout{3000};
};

// One decoded frame, planes as FFmpeg laid them out; valid during the callback only.
struct VideoFrameView {
  int width = 0;
  int height = 0;
  int pixel_format = -1;  // AVPixelFormat
  const std::uint8_t* const* planes = nullptr;
  const int* strides = nullptr;
  double pts_seconds = 0;
};

struct MediaError {
  int errnum = 0;  // positive errno when the failure maps to one (EBUSY, EACCES, ENOENT…)
  std::string message;
};

class VideoInput {
 public:
  // nullptr with `error` filled when the input cannot be opened or has no video stream.
  static std::unique_ptr<VideoInput> open(const VideoInputSpec& spec, MediaError& error);
  ~VideoInput();
  VideoInput(const VideoInput&) = delete;
  VideoInput& operator=(const VideoInput&) = delete;

  int width() const;
  int height() const;
  std::string pixel_format_name() const;  // as negotiated with the device ("yuyv422", "mjpeg"…)
  double nominal_fps() const;             // 0 when the input does not say

  // Decodes the next frame and passes it to `on_frame`. False at end of input or on error
  // (then error() says which; end of input leaves it empty).
  bool next(const std::function<void(const VideoFrameView&)>& on_frame);
  const MediaError& error() const;

  struct State;

 private:
  explicit VideoInput(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// "Error text (errno name)" for an AVERROR code.
std::string av_error_text(int averror);

}  // namespace examready::platform
