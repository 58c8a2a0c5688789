// libavcodec behind H264Encoder. Hardware encoders whose input must live in GPU memory
// (VAAPI) get a device and a frame pool; the others take system-memory frames.
#include "platform/media/h264_encoder.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavutil/hwcontext.h>
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
}

#include <algorithm>
#include <cstring>

namespace examready::platform {
namespace {

bool is_hardware(const AVCodec* codec) {
  return (codec->capabilities & (AV_CODEC_CAP_HARDWARE | AV_CODEC_CAP_HYBRID)) != 0;
}

bool takes_yuv(const AVCodec* codec) {
  if (!codec->pix_fmts) return true;
  for (const AVPixelFormat* f = codec->pix_fmts; *f != AV_PIX_FMT_NONE; ++f) {
    if (*f == AV_PIX_FMT_YUV420P || *f == AV_PIX_FMT_NV12 || *f == AV_PIX_FMT_VAAPI) return true;
  }
  return false;
}

int errno_of(int averror) { return (averror < 0 && averror > -4096) ? -averror : 0; }

}  // namespace

std::vector<EncoderInfo> h264_encoders() {
  std::vector<EncoderInfo> found;
  void* iter = nullptr;
  while (const AVCodec* codec = av_codec_iterate(&iter)) {
    if (!av_codec_is_encoder(codec) || codec->id != AV_CODEC_ID_H264 || !takes_yuv(codec)) continue;
    found.push_back({codec->name, is_hardware(codec)});
  }
  std::stable_sort(found.begin(), found.end(), [](const EncoderInfo& a, const EncoderInfo& b) {
    return a.hardware > b.hardware;
  });
  return found;
}

struct H264Encoder::State {
  AVCodecContext* codec = nullptr;
  AVBufferRef* hw_device = nullptr;
  AVFrame* frame = nullptr;     // wraps the caller's image, no copy
  AVFrame* hw_frame = nullptr;  // GPU copy (VAAPI)
  AVPacket* packet = nullptr;
  AVPixelFormat input = AV_PIX_FMT_YUV420P;
  bool hardware = false;
  std::int64_t next_pts = 0;
  MediaError error;

  ~State() {
    av_packet_free(&packet);
    av_frame_free(&hw_frame);
    av_frame_free(&frame);
    avcodec_free_context(&codec);
    av_buffer_unref(&hw_device);
  }

  std::int64_t drain() {
    std::int64_t bytes = 0;
    for (;;) {
      int rc = avcodec_receive_packet(codec, packet);
      if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF) return bytes;
      if (rc < 0) {
        error = {errno_of(rc), "encoding failed: " + av_error_text(rc)};
        return -1;
      }
      bytes += packet->size;
      av_packet_unref(packet);
    }
  }
};

namespace {

// VAAPI encodes from GPU surfaces: open the render node and give the encoder an NV12 pool.
int attach_vaapi_frames(H264Encoder::State& s, int width, int height) {
  int rc = av_hwdevice_ctx_create(&s.hw_device, AV_HWDEVICE_TYPE_VAAPI, nullptr, nullptr, 0);
  if (rc < 0) return rc;
  AVBufferRef* frames = av_hwframe_ctx_alloc(s.hw_device);
  if (!frames) return AVERROR(ENOMEM);
  auto* ctx = reinterpret_cast<AVHWFramesContext*>(frames->data);
  ctx->format = AV_PIX_FMT_VAAPI;
  ctx->sw_format = AV_PIX_FMT_NV12;
  ctx->width = width;
  ctx->height = height;
  ctx->initial_pool_size = 8;
  if ((rc = av_hwframe_ctx_init(frames)) >= 0) s.codec->hw_frames_ctx = av_buffer_ref(frames);
  av_buffer_unref(&frames);
  return rc;
}

AVPixelFormat software_input(const AVCodec* codec) {
  if (!codec->pix_fmts) return AV_PIX_FMT_YUV420P;
  for (const AVPixelFormat* f = codec->pix_fmts; *f != AV_PIX_FMT_NONE; ++f) {
    if (*f == AV_PIX_FMT_YUV420P || *f == AV_PIX_FMT_NV12) return *f;
  }
  return AV_PIX_FMT_NONE;
}

}  // namespace

std::unique_ptr<H264Encoder> H264Encoder::open(const EncoderSettings& settings, MediaError& error) {
  const AVCodec* codec = avcodec_find_encoder_by_name(settings.name.c_str());
  if (!codec) {
    error = {0, "FFmpeg has no encoder '" + settings.name + "'"};
    return nullptr;
  }
  auto state = std::make_unique<State>();
  State& s = *state;
  s.hardware = is_hardware(codec);
  s.codec = avcodec_alloc_context3(codec);
  s.codec->width = settings.width;
  s.codec->height = settings.height;
  s.codec->time_base = AVRational{1, settings.fps};
  s.codec->framerate = AVRational{settings.fps, 1};
  s.codec->thread_count = settings.threads;
  const bool vaapi = codec->pix_fmts && codec->pix_fmts[0] == AV_PIX_FMT_VAAPI;
  s.input = vaapi ? AV_PIX_FMT_NV12 : software_input(codec);
  if (s.input == AV_PIX_FMT_NONE) {
    error = {0, settings.name + " takes no YUV 4:2:0 input"};
    return nullptr;
  }
  s.codec->pix_fmt = vaapi ? AV_PIX_FMT_VAAPI : s.input;
  if (settings.name == "libx264") {
    av_opt_set(s.codec->priv_data, "preset", settings.preset.c_str(), 0);
    av_opt_set(s.codec->priv_data, "tune", settings.tune.c_str(), 0);
  }
  int rc = vaapi ? attach_vaapi_frames(s, settings.width, settings.height) : 0;
  if (rc >= 0) rc = avcodec_open2(s.codec, codec, nullptr);
  if (rc < 0) {
    error = {errno_of(rc), settings.name + ": " + av_error_text(rc)};
    return nullptr;
  }
  s.frame = av_frame_alloc();
  s.packet = av_packet_alloc();
  if (vaapi) s.hw_frame = av_frame_alloc();
  return std::unique_ptr<H264Encoder>(new H264Encoder(std::move(state)));
}

H264Encoder::H264Encoder(std::unique_ptr<State> state) : state_(std::move(state)) {}
H264Encoder::~H264Encoder() = default;

bool H264Encoder::hardware() const { return state_->hardware; }
int H264Encoder::input_pixel_format() const { return state_->input; }
const MediaError& H264Encoder::error() const { return state_->error; }

std::int64_t H264Encoder::encode(const Image& image) {
  State& s = *state_;
  if (image.width != s.codec->width || image.height != s.codec->height ||
      image.pixel_format != s.input) {
    s.error = {0, "image does not match the encoder's size or pixel format"};
    return -1;
  }
  AVFrame* frame = s.frame;
  frame->format = s.input;
  frame->width = image.width;
  frame->height = image.height;
  for (int i = 0; i < 4; ++i) {
    frame->data[i] = const_cast<std::uint8_t*>(image.planes[i]);
    frame->linesize[i] = image.strides[i];
  }
  frame->pts = s.next_pts++;
  int rc = 0;
  if (s.hw_frame) {
    av_frame_unref(s.hw_frame);
    rc = av_hwframe_get_buffer(s.codec->hw_frames_ctx, s.hw_frame, 0);
    if (rc >= 0) rc = av_hwframe_transfer_data(s.hw_frame, frame, 0);
    s.hw_frame->pts = frame->pts;
    frame = s.hw_frame;
  }
  if (rc >= 0) rc = avcodec_send_frame(s.codec, frame);
  if (rc < 0) {
    s.error = {errno_of(rc), "encoding failed: " + av_error_text(rc)};
    return -1;
  }
  return s.drain();
}

std::int64_t H264Encoder::flush() {
  int rc = avcodec_send_frame(state_->codec, nullptr);
  if (rc < 0 && rc != AVERROR_EOF) {
    state_->error = {errno_of(rc), "flushing failed: " + av_error_text(rc)};
    return -1;
  }
  return state_->drain();
}

}  // namespace examready::platform
