// One HTTP transfer of the network check on libcurl: the counters its callbacks fill (bytes
// per time bin, a small body, the ping headers) and the curl options of each kind of stream.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "platform/sockets.h"
#include "probe/network/curl_handles.h"
#include "probe/network/session.h"

namespace examready::probe::net {

using Clock = std::chrono::steady_clock;

struct Stream {
  CurlEasy easy;
  std::vector<std::uint64_t>* bins = nullptr;  // shared by the streams of a phase
  Clock::time_point phase_start;
  double bin_s = 0.05;
  Clock::time_point* last_progress = nullptr;  // any byte of any stream moves it
  std::uint64_t read_offset = 0;               // of the upload payload
  std::string body;                            // small responses (session series)
  std::int64_t server_time_us = 0;             // ping header
  int udp_port = 0;                            // ping header
  // From the sockopt callback: curl reports the active socket only once a transfer is done.
  platform::NativeSocket socket = platform::kNoSocket;
  char error[CURL_ERROR_SIZE] = {};  // curl's detail, e.g. which certificate check failed
};

// A GET of `path` on the collector that keeps a small body and reads the ping headers.
std::unique_ptr<Stream> open_stream(const MeasurePlan& plan, std::string_view path,
                                    Clock::time_point* last_progress);

// Download: counts received bytes into `bins`, on a connection of its own.
void count_download(Stream& stream, std::vector<std::uint64_t>& bins, Clock::time_point start,
                    double bin_s);
// Upload: POSTs the measurement payload (1 GiB announced, aborted at the phase's end) on a
// connection of its own; `headers` must outlive the transfer.
void send_upload(Stream& stream, curl_slist* headers);

}  // namespace examready::probe::net
