// FFmpeg (libavdevice/libavformat/libavcodec) behind VideoInput. Initialised per use,
// not globally: checks run in forked children and must leave nothing behind.
#include "platform/media/video_input.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavdevice/avdevice.h>
#include <libavformat/avformat.h>
#include <libavutil/pixdesc.h>
}

#include <algorithm>
#include <cmath>
#include <thread>

namespace examready::platform {
namespace {

using Clock = std::chrono::steady_clock;

// AVERROR(e) is -e for errno values; FFmpeg's own tags are large negative numbers.
int errno_of(int averror) { return (averror < 0 && averror > -4096) ? -averror : 0; }

}  // namespace

std::string av_error_text(int averror) {
  char text[AV_ERROR_MAX_STRING_SIZE] = {};
  av_strerror(averror, text, sizeof text);
  return text;
}

struct VideoInput::State {
  AVFormatContext* format = nullptr;
  AVCodecContext* codec = nullptr;
  AVPacket* packet = nullptr;
  AVFrame* frame = nullptr;
  int stream = -1;
  bool pace = false;
  bool draining = false;
  std::chrono::milliseconds read_timeout{3000};
  Clock::time_point read_deadline;
  std::optional<Clock::time_point> pace_start;
  double first_pts = 0;
  MediaError error;

  ~State() {
    av_frame_free(&frame);
    av_packet_free(&packet);
    avcodec_free_context(&codec);
    avformat_close_input(&format);
  }

  void fail(int averror, const std::string& what) {
    error = {errno_of(averror), what + ": " + av_error_text(averror)};
  }
};

namespace {

// Lets a blocked av_read_frame on a hung device return instead of waiting forever.
int interrupt_after_deadline(void* opaque) {
  auto* state = static_cast<VideoInput::State*>(opaque);
  return Clock::now() > state->read_deadline ? 1 : 0;
}

}  // namespace

std::unique_ptr<VideoInput> VideoInput::open(const VideoInputSpec& spec, MediaError& error) {
  avdevice_register_all();  // without it "v4l2" and "lavfi" are unknown formats
  const AVInputFormat* input_format = nullptr;
  if (!spec.format.empty()) {
    input_format = av_find_input_format(spec.format.c_str());
    if (!input_format) {
      error = {0, "FFmpeg has no input format '" + spec.format + "'"};
      return nullptr;
    }
  }
  auto state = std::make_unique<State>();
  state->pace = spec.pace;
  state->read_timeout = spec.read_timeout;
  state->read_deadline = Clock::now() + spec.read_timeout;
  state->format = avformat_alloc_context();
  state->format->interrupt_callback = {interrupt_after_deadline, state.get()};

  AVDictionary* options = nullptr;
  for (const auto& [key, value] : spec.options)
    av_dict_set(&options, key.c_str(), value.c_str(), 0);
  int rc = avformat_open_input(&state->format, spec.url.c_str(), input_format, &options);
  av_dict_free(&options);
  if (rc < 0) {  // avformat_open_input freed the context
    error = {errno_of(rc), "cannot open " + spec.url + ": " + av_error_text(rc)};
    return nullptr;
  }
  // Devices and lavfi describe their stream in the header; find_stream_info would read
  // ahead (seconds on a camera). Only containers that leave the size unknown need it.
  state->stream = av_find_best_stream(state->format, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
  if (state->stream >= 0 && state->format->streams[state->stream]->codecpar->width == 0) {
    avformat_find_stream_info(state->format, nullptr);
  }
  if (state->stream < 0) {
    error = {0, spec.url + " has no video stream"};
    return nullptr;
  }
  const AVCodecParameters* par = state->format->streams[state->stream]->codecpar;
  const AVCodec* decoder = avcodec_find_decoder(par->codec_id);
  if (!decoder) {
    error = {0, std::string("no decoder for ") + avcodec_get_name(par->codec_id)};
    return nullptr;
  }
  state->codec = avcodec_alloc_context3(decoder);
  avcodec_parameters_to_context(state->codec, par);
  state->codec->thread_count = 1;  // frames arrive at camera pace; threads only cost memory
  if ((rc = avcodec_open2(state->codec, decoder, nullptr)) < 0) {
    error = {errno_of(rc), "cannot open decoder: " + av_error_text(rc)};
    return nullptr;
  }
  state->packet = av_packet_alloc();
  state->frame = av_frame_alloc();
  return std::unique_ptr<VideoInput>(new VideoInput(std::move(state)));
}

VideoInput::VideoInput(std::unique_ptr<State> state) : state_(std::move(state)) {}
VideoInput::~VideoInput() = default;

int VideoInput::width() const { return state_->format->streams[state_->stream]->codecpar->width; }
int VideoInput::height() const { return state_->format->streams[state_->stream]->codecpar->height; }

std::string VideoInput::pixel_format_name() const {
  const AVCodecParameters* par = state_->format->streams[state_->stream]->codecpar;
  // A camera sending MJPEG negotiated "mjpeg", whatever the decoder turns it into.
  if (par->codec_id == AV_CODEC_ID_MJPEG) return "mjpeg";
  const char* name = av_get_pix_fmt_name(static_cast<AVPixelFormat>(par->format));
  return name ? name : avcodec_get_name(par->codec_id);
}

double VideoInput::nominal_fps() const {
  const AVStream* stream = state_->format->streams[state_->stream];
  AVRational rate = stream->avg_frame_rate.num > 0 ? stream->avg_frame_rate : stream->r_frame_rate;
  return rate.num > 0 && rate.den > 0 ? av_q2d(rate) : 0.0;
}

const MediaError& VideoInput::error() const { return state_->error; }

bool VideoInput::next(const std::function<void(const VideoFrameView&)>& on_frame) {
  State& s = *state_;
  for (;;) {
    int rc = avcodec_receive_frame(s.codec, s.frame);
    if (rc == 0) break;
    if (rc == AVERROR_EOF) return false;
    if (rc != AVERROR(EAGAIN)) {
      s.fail(rc, "decoding failed");
      return false;
    }
    if (s.draining) return false;
    s.read_deadline = Clock::now() + s.read_timeout;
    rc = av_read_frame(s.format, s.packet);
    if (rc == AVERROR_EOF) {
      s.draining = true;
      avcodec_send_packet(s.codec, nullptr);
      continue;
    }
    if (rc < 0) {
      s.fail(rc, Clock::now() > s.read_deadline ? "no frame within the read timeout"
                                                : "reading failed");
      return false;
    }
    if (s.packet->stream_index == s.stream) rc = avcodec_send_packet(s.codec, s.packet);
    av_packet_unref(s.packet);
    if (rc < 0 && rc != AVERROR(EAGAIN)) {
      s.fail(rc, "decoding failed");
      return false;
    }
  }

  const AVRational time_base = s.format->streams[s.stream]->time_base;
  const std::int64_t ts = s.frame->best_effort_timestamp;
  const double pts = ts == AV_NOPTS_VALUE ? 0.0 : static_cast<double>(ts) * av_q2d(time_base);
  if (s.pace) {
    const auto now = Clock::now();
    if (!s.pace_start) {
      s.pace_start = now;
      s.first_pts = pts;
    }
    // Bounded so that a timestamp jump in a file cannot stall the capture.
    const double ahead = std::clamp(pts - s.first_pts, 0.0, 1e6);
    const auto target = *s.pace_start + std::chrono::duration_cast<Clock::duration>(
                                            std::chrono::duration<double>(ahead));
    if (target > now)
      std::this_thread::sleep_for(std::min<Clock::duration>(target - now, std::chrono::seconds(1)));
  }
  VideoFrameView view;
  view.width = s.frame->width;
  view.height = s.frame->height;
  view.pixel_format = s.frame->format;
  view.planes = s.frame->data;
  view.strides = s.frame->linesize;
  view.pts_seconds = pts;
  on_frame(view);
  av_frame_unref(s.frame);
  return true;
}

}  // namespace examready::platform
