// The network check's measurement loop: libcurl multi for HTTP, a UDP socket for the echo,
// every phase bounded in time, every transfer aborted at its phase's end.
#include "probe/network_session.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <linux/tcp.h>  // tcp_info with tcpi_segs_out (glibc's copy stops earlier)
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fmt/format.h>
#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstring>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

#include "protocol/random_payload.h"
#include "protocol/udp_echo_wire.h"

namespace examready::probe::net {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

std::int64_t unix_us() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string random_session_id() {
  std::random_device rd;
  return fmt::format("{:08x}{:08x}", rd(), rd());
}

struct EasyDeleter {
  void operator()(CURL* e) const { curl_easy_cleanup(e); }
};
using Easy = std::unique_ptr<CURL, EasyDeleter>;

// One transfer's callbacks write into this; `bins` is shared by the streams of a phase.
struct Stream {
  Easy easy;
  std::vector<std::uint64_t>* bins = nullptr;
  Clock::time_point phase_start;
  double bin_s = 0.05;
  Clock::time_point* last_progress = nullptr;
  std::size_t read_offset = 0;
  std::string body;                    // small responses (session series)
  std::int64_t server_time_us = 0;     // ping header
  int udp_port = 0;                    // ping header
  curl_socket_t fd = CURL_SOCKET_BAD;  // from the sockopt callback: curl reports the active
                                       // socket only once a transfer is done
  char error[CURL_ERROR_SIZE] = {};    // curl's detail, e.g. which certificate check failed
};

void add_bytes(Stream& s, std::size_t n) {
  const auto now = Clock::now();
  *s.last_progress = now;
  if (!s.bins) return;
  const auto bin = static_cast<std::size_t>(
      std::chrono::duration<double>(now - s.phase_start).count() / s.bin_s);
  if (bin > 4000) return;
  if (s.bins->size() <= bin) s.bins->resize(bin + 1, 0);
  (*s.bins)[bin] += n;
}

size_t on_write_count(char*, size_t size, size_t n, void* user) {
  add_bytes(*static_cast<Stream*>(user), size * n);
  return size * n;
}

size_t on_write_keep(char* data, size_t size, size_t n, void* user) {
  auto& s = *static_cast<Stream*>(user);
  if (s.body.size() < (1u << 20)) s.body.append(data, size * n);
  *s.last_progress = Clock::now();
  return size * n;
}

size_t on_read_payload(char* out, size_t size, size_t n, void* user) {
  auto& s = *static_cast<Stream*>(user);
  const std::string_view bytes = protocol::random_payload_at(s.read_offset, size * n);
  std::memcpy(out, bytes.data(), bytes.size());
  s.read_offset += bytes.size();
  *s.last_progress = Clock::now();
  return bytes.size();
}

size_t on_header(char* data, size_t size, size_t n, void* user) {
  auto& s = *static_cast<Stream*>(user);
  std::string line(data, size * n);
  std::string lower = line;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  auto value = [&](std::string_view name) -> std::optional<long long> {
    if (lower.rfind(name, 0) != 0) return std::nullopt;
    return std::strtoll(line.c_str() + name.size(), nullptr, 10);
  };
  if (auto v = value("x-examready-server-time-us:")) s.server_time_us = *v;
  if (auto v = value("x-examready-udp-echo:")) s.udp_port = static_cast<int>(*v);
  return size * n;
}

// Upload sockets: a small unsent queue keeps the host from hiding the link's queue (and lets
// an abort free the link at once); linger 0 makes that abort a reset, not a slow drain.
int on_upload_socket(void* user, curl_socket_t fd, curlsocktype) {
  static_cast<Stream*>(user)->fd = fd;
  int lowat = 128 * 1024;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NOTSENT_LOWAT, &lowat, sizeof(lowat));
  linger off{1, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &off, sizeof(off));
  return CURL_SOCKOPT_OK;
}

int on_download_socket(void* user, curl_socket_t fd, curlsocktype) {
  static_cast<Stream*>(user)->fd = fd;
  linger off{1, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &off, sizeof(off));
  return CURL_SOCKOPT_OK;
}

class Session {
 public:
  explicit Session(const MeasurePlan& plan) : plan_(plan), multi_(curl_multi_init()) {
    curl_multi_setopt(multi_, CURLMOPT_PIPELINING, CURLPIPE_NOTHING);
    last_progress_ = Clock::now();
  }
  ~Session() {
    for (auto* s : active_) curl_multi_remove_handle(multi_, s->easy.get());
    curl_multi_cleanup(multi_);
    if (udp_fd_ >= 0) ::close(udp_fd_);
  }

  MeasureResult run();

 private:
  std::string url(std::string_view path) const {
    std::string base = plan_.server_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    return base + std::string(path);
  }
  std::unique_ptr<Stream> make_stream(std::string_view path);
  void start(Stream& s) {
    curl_multi_add_handle(multi_, s.easy.get());
    active_.insert(&s);
  }
  void stop(Stream& s) {
    if (active_.erase(&s)) curl_multi_remove_handle(multi_, s.easy.get());
  }
  // Drives transfers until `done` or `until`; finished ones go to on_done. Returns an error
  // message when the link stalls.
  std::string pump(Clock::time_point until, const std::function<bool()>& done,
                   const std::function<void(Stream&, CURLcode)>& on_done, bool udp = false);
  std::string phase_error(std::string_view phase) const;

  // Pings back to back on the warm connection; RTT is curl's request-sent-to-first-byte time.
  void ping_done(Stream& s, CURLcode code, std::vector<double>& rtts, std::size_t& lost);
  bool open_udp(int port);
  void udp_send_due(Clock::time_point start);
  void udp_receive();
  void report_progress(double fraction) {
    if (plan_.progress) plan_.progress(std::clamp(fraction, 0.0, 1.0));
  }

  const MeasurePlan& plan_;
  CURLM* multi_;
  std::set<Stream*> active_;
  Clock::time_point last_progress_;
  Samples samples_;
  double best_ping_ms_ = 1e18;
  std::unique_ptr<Stream> ping_;
  bool ping_busy_ = false;

  int udp_fd_ = -1;
  std::uint64_t udp_session_ = 0;
  std::uint32_t udp_sent_ = 0;
  std::vector<Clock::time_point> udp_sent_at_;         // by seq
  std::map<std::uint32_t, std::uint32_t> udp_echoed_;  // seq -> server's count when it echoed
};

std::unique_ptr<Stream> Session::make_stream(std::string_view path) {
  auto s = std::make_unique<Stream>();
  s->easy.reset(curl_easy_init());
  s->last_progress = &last_progress_;
  CURL* e = s->easy.get();
  curl_easy_setopt(e, CURLOPT_URL, url(path).c_str());
  curl_easy_setopt(e, CURLOPT_PRIVATE, s.get());
  curl_easy_setopt(e, CURLOPT_ERRORBUFFER, s->error);
  curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(e, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
  curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(plan_.connect_timeout_s * 1000));
  curl_easy_setopt(e, CURLOPT_USERAGENT, "examready-network/" EXAMREADY_VERSION);
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_write_keep);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, s.get());
  curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(e, CURLOPT_HEADERDATA, s.get());
  if (!plan_.ca_file.empty()) curl_easy_setopt(e, CURLOPT_CAINFO, plan_.ca_file.c_str());
  return s;
}

std::string Session::phase_error(std::string_view phase) const {
  return fmt::format("the link stalled during {}: nothing arrived for {:.1f} s", phase,
                     seconds_since(last_progress_));
}

std::string Session::pump(Clock::time_point until, const std::function<bool()>& done,
                          const std::function<void(Stream&, CURLcode)>& on_done, bool udp) {
  const auto phase_start = Clock::now();
  // Hard bound on iterations as well as time: each wait is at least ~1 ms or an event.
  for (int i = 0; i < 200000 && Clock::now() < until && !done(); ++i) {
    int running = 0;
    curl_multi_perform(multi_, &running);
    int queued = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi_, &queued)) {
      if (msg->msg != CURLMSG_DONE) continue;
      Stream* s = nullptr;
      curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &s);
      const CURLcode code = msg->data.result;
      stop(*s);
      on_done(*s, code);
    }
    if (udp) {
      udp_send_due(phase_start);
      udp_receive();
    }
    if (seconds_since(last_progress_) > plan_.stall_s) return "stall";
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
    int timeout_ms = static_cast<int>(std::clamp<long long>(left, 0, 50));
    curl_waitfd extra{};
    if (udp && udp_fd_ >= 0) {
      extra.fd = udp_fd_;
      extra.events = CURL_WAIT_POLLIN;
      timeout_ms = std::min(timeout_ms, 2);
    }
    curl_multi_poll(multi_, udp && udp_fd_ >= 0 ? &extra : nullptr, udp && udp_fd_ >= 0 ? 1 : 0,
                    timeout_ms, nullptr);
  }
  return {};
}

void Session::ping_done(Stream& s, CURLcode code, std::vector<double>& rtts, std::size_t& lost) {
  ping_busy_ = false;
  long status = 0;
  curl_easy_getinfo(s.easy.get(), CURLINFO_RESPONSE_CODE, &status);
  if (code != CURLE_OK || status != 200) {
    lost++;
    return;
  }
  curl_off_t pre = 0, first = 0;
  curl_easy_getinfo(s.easy.get(), CURLINFO_PRETRANSFER_TIME_T, &pre);
  curl_easy_getinfo(s.easy.get(), CURLINFO_STARTTRANSFER_TIME_T, &first);
  const double rtt_ms = static_cast<double>(first - pre) / 1000.0;
  rtts.push_back(rtt_ms);
  if (s.server_time_us > 0 && rtt_ms < best_ping_ms_) {
    best_ping_ms_ = rtt_ms;
    // The server stamps its answer about half a round trip before it arrives here.
    const double local_ms = static_cast<double>(unix_us()) / 1000.0 - rtt_ms / 2;
    samples_.clock_skew_ms = local_ms - static_cast<double>(s.server_time_us) / 1000.0;
  }
}

bool Session::open_udp(int port) {
  sockaddr_storage addr{};
  socklen_t len = 0;
  auto* v4 = reinterpret_cast<sockaddr_in*>(&addr);
  auto* v6 = reinterpret_cast<sockaddr_in6*>(&addr);
  if (inet_pton(AF_INET, samples_.server_ip.c_str(), &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
    v4->sin_port = htons(static_cast<std::uint16_t>(port));
    len = sizeof(*v4);
  } else if (inet_pton(AF_INET6, samples_.server_ip.c_str(), &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons(static_cast<std::uint16_t>(port));
    len = sizeof(*v6);
  } else {
    return false;
  }
  udp_fd_ = ::socket(addr.ss_family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (udp_fd_ < 0) return false;
  if (::connect(udp_fd_, reinterpret_cast<sockaddr*>(&addr), len) != 0) {
    ::close(udp_fd_);
    udp_fd_ = -1;
    return false;
  }
  std::random_device rd;
  udp_session_ = (static_cast<std::uint64_t>(rd()) << 32) | rd();
  return true;
}

void Session::udp_send_due(Clock::time_point start) {
  if (udp_fd_ < 0) return;
  const auto due = static_cast<std::uint32_t>(seconds_since(start) * plan_.udp_packets_per_s) + 1;
  unsigned char packet[64] = {};
  for (int burst = 0; udp_sent_ < due && burst < 16; ++burst) {
    protocol::udp_echo::Packet p;
    p.session = udp_session_;
    p.seq = udp_sent_;
    p.client_time_us = static_cast<std::uint64_t>(unix_us());
    protocol::udp_echo::encode_request(p, packet);
    if (::send(udp_fd_, packet, sizeof(packet), 0) < 0) break;
    udp_sent_at_.push_back(Clock::now());
    udp_sent_++;
  }
}

void Session::udp_receive() {
  if (udp_fd_ < 0) return;
  unsigned char buffer[256];
  for (int i = 0; i < 256; ++i) {
    const ssize_t n = ::recv(udp_fd_, buffer, sizeof(buffer), 0);
    if (n <= 0) return;
    auto p = protocol::udp_echo::decode_reply(buffer, static_cast<std::size_t>(n));
    if (!p || p->session != udp_session_ || p->seq >= udp_sent_) continue;
    last_progress_ = Clock::now();
    udp_echoed_.emplace(p->seq, p->server_received);
  }
}

MeasureResult Session::run() {
  const auto t0 = Clock::now();
  const double budget_s =
      plan_.connect_timeout_s + plan_.idle_max_s + plan_.download_s + plan_.upload_s;
  auto progress = [&] { report_progress(seconds_since(t0) / budget_s); };

  // Connect: the first ping opens the connection the later pings reuse.
  ping_ = make_stream("/v1/probe/ping");
  curl_easy_setopt(ping_->easy.get(), CURLOPT_TIMEOUT_MS,
                   static_cast<long>((plan_.connect_timeout_s + plan_.ping_timeout_s) * 1000));
  CURLcode first_code = CURLE_OK;
  bool first_done = false;
  start(*ping_);
  pump(
      t0 + std::chrono::duration_cast<Clock::duration>(
               std::chrono::duration<double>(plan_.connect_timeout_s + plan_.ping_timeout_s)),
      [&] { return first_done; },
      [&](Stream&, CURLcode code) { first_code = code, first_done = true; });
  long status = 0;
  curl_easy_getinfo(ping_->easy.get(), CURLINFO_RESPONSE_CODE, &status);
  if (!first_done || first_code != CURLE_OK || status != 200) {
    stop(*ping_);
    std::string why = !first_done ? "no answer in time"
                      : first_code != CURLE_OK
                          ? (ping_->error[0] ? ping_->error : curl_easy_strerror(first_code))
                          : fmt::format("HTTP {} from /v1/probe/ping", status);
    return {std::nullopt,
            fmt::format("cannot reach the collector at {}: {}", plan_.server_url, why)};
  }
  {
    CURL* e = ping_->easy.get();
    curl_off_t dns = 0, connect = 0, app = 0;
    curl_easy_getinfo(e, CURLINFO_NAMELOOKUP_TIME_T, &dns);
    curl_easy_getinfo(e, CURLINFO_CONNECT_TIME_T, &connect);
    curl_easy_getinfo(e, CURLINFO_APPCONNECT_TIME_T, &app);
    samples_.dns_ms = static_cast<double>(dns) / 1000.0;
    samples_.connect_ms = static_cast<double>(connect - dns) / 1000.0;
    if (app > 0) samples_.tls_ms = static_cast<double>(app - connect) / 1000.0;
    char* ip = nullptr;
    curl_easy_getinfo(e, CURLINFO_PRIMARY_IP, &ip);
    if (ip) samples_.server_ip = ip;
    long version = 0;
    curl_easy_getinfo(e, CURLINFO_HTTP_VERSION, &version);
    samples_.http_version = version == CURL_HTTP_VERSION_2_0 ? "2"
                            : version == CURL_HTTP_VERSION_3 ? "3"
                                                             : "1.1";
  }
  curl_easy_setopt(ping_->easy.get(), CURLOPT_TIMEOUT_MS,
                   static_cast<long>(plan_.ping_timeout_s * 1000));
  curl_easy_setopt(ping_->easy.get(), CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(plan_.ping_timeout_s * 1000));
  if (ping_->udp_port > 0 && ping_->udp_port < 65536) open_udp(ping_->udp_port);
  progress();

  // Idle: pings back to back, the UDP echo alongside (both light next to any link).
  auto ping_loop = [&](std::vector<double>& rtts, std::size_t& lost) {
    return [&](Stream& s, CURLcode code) {
      if (&s == ping_.get()) ping_done(s, code, rtts, lost);
      progress();
    };
  };
  auto next_ping = [&] {
    if (!ping_busy_) {
      ping_->server_time_us = 0;
      start(*ping_);
      ping_busy_ = true;
    }
  };
  const auto idle_start = Clock::now();
  auto idle_done = ping_loop(samples_.idle_rtts_ms, samples_.idle_lost);
  bool idle_enough = false;
  auto idle_until = idle_start + std::chrono::duration_cast<Clock::duration>(
                                     std::chrono::duration<double>(plan_.idle_max_s));
  const std::string idle_error = pump(
      idle_until,
      [&] {
        const std::size_t n = samples_.idle_rtts_ms.size() + samples_.idle_lost;
        idle_enough = n >= static_cast<std::size_t>(plan_.min_pings) &&
                      seconds_since(idle_start) >= plan_.idle_min_s;
        if (!idle_enough) next_ping();
        return idle_enough;
      },
      idle_done, /*udp=*/true);
  if (!idle_error.empty()) return {std::nullopt, phase_error("the idle latency test")};
  // Let the last ping finish (bounded by its own timeout) so the connection stays warm.
  pump(
      Clock::now() + std::chrono::milliseconds(static_cast<long>(plan_.ping_timeout_s * 1000)),
      [&] { return !ping_busy_; }, idle_done);
  if (ping_busy_) {
    stop(*ping_);
    ping_busy_ = false;
  }
  if (udp_fd_ >= 0 && !udp_echoed_.empty()) {
    // Echoes of the last packets may still be on their way (jitter also reorders them):
    // count only packets sent at least three round trips before the end.
    const double rtt_s =
        samples_.idle_rtts_ms.empty() ? 0.1 : *core::net::percentile(samples_.idle_rtts_ms, 0.9) / 1000.0;
    const auto cutoff =
        Clock::now() - std::chrono::duration_cast<Clock::duration>(
                           std::chrono::duration<double>(std::clamp(3 * rtt_s + 0.05, 0.05, 0.6)));
    auto last = udp_echoed_.end();
    for (auto it = udp_echoed_.begin(); it != udp_echoed_.end(); ++it) {
      if (udp_sent_at_[it->first] <= cutoff) last = it;
    }
    if (last != udp_echoed_.end()) {
      samples_.echo =
          core::net::EchoCounts{static_cast<std::uint64_t>(last->first) + 1, last->second,
                     static_cast<std::uint64_t>(std::distance(udp_echoed_.begin(), last)) + 1};
    }
  }

  // Download: parallel streams, counted here as bytes arrive.
  {
    std::vector<std::unique_ptr<Stream>> streams;
    const auto phase_start = Clock::now();
    for (int i = 0; i < plan_.streams; ++i) {
      auto s = make_stream("/v1/probe/download?bytes=536870912");
      s->bins = &samples_.download_bins;
      s->phase_start = phase_start;
      s->bin_s = samples_.bin_s;
      curl_easy_setopt(s->easy.get(), CURLOPT_WRITEFUNCTION, on_write_count);
      curl_easy_setopt(s->easy.get(), CURLOPT_SOCKOPTFUNCTION, on_download_socket);
      curl_easy_setopt(s->easy.get(), CURLOPT_SOCKOPTDATA, s.get());
      // A connection of its own: never the pings' warm one, and never reused by them.
      curl_easy_setopt(s->easy.get(), CURLOPT_FRESH_CONNECT, 1L);
      curl_easy_setopt(s->easy.get(), CURLOPT_FORBID_REUSE, 1L);
      start(*s);
      streams.push_back(std::move(s));
    }
    last_progress_ = Clock::now();
    std::string failure;
    int completed = 0;
    // The kernel's counts of bytes and data segments received, read as often as the loop
    // turns: unlike the write callback, they do not bunch up when this process is scheduled
    // late (and segments are counted even out of order, see core::net::arrivals_from_segments).
    std::vector<core::net::ReceiverSample> kernel_counts;
    bool kernel_ok = true;
    auto sample_kernel = [&] {
      if (!kernel_counts.empty() && seconds_since(phase_start) - kernel_counts.back().t_s < 0.005)
        return;
      std::uint64_t total = 0, segments = 0;
      for (auto& s : streams) {
        const curl_socket_t fd = s->fd;
        if (fd == CURL_SOCKET_BAD) continue;
        tcp_info info{};
        socklen_t len = sizeof(info);
        if (::getsockopt(fd, IPPROTO_TCP, TCP_INFO, &info, &len) != 0 ||
            len < offsetof(tcp_info, tcpi_data_segs_in) + sizeof(info.tcpi_data_segs_in)) {
          kernel_ok = false;
          continue;
        }
        total += info.tcpi_bytes_received;
        segments += info.tcpi_data_segs_in;
      }
      kernel_counts.push_back({seconds_since(phase_start), total, segments});
    };
    const std::string error = pump(
        phase_start + std::chrono::duration_cast<Clock::duration>(
                          std::chrono::duration<double>(plan_.download_s)),
        [&] {
          sample_kernel();
          // A stream that received its whole (capped) volume means the link outruns what
          // the streams can ask for (a collector on the LAN or loopback): the phase is over,
          // and the silence that follows is not a stall.
          return completed > 0;
        },
        [&](Stream&, CURLcode code) {
          if (code != CURLE_OK && failure.empty()) failure = curl_easy_strerror(code);
          if (code == CURLE_OK) ++completed;
        });
    sample_kernel();
    for (auto& s : streams) stop(*s);
    if (kernel_ok && kernel_counts.size() > 10) {
      samples_.download_bins =
          core::net::bins_from_cumulative(core::net::arrivals_from_segments(kernel_counts), samples_.bin_s);
      samples_.download_source = "kernel segment counts";
    }
    samples_.download_outran = completed > 0;
    if (!error.empty()) return {std::nullopt, phase_error("the download test")};
    if (!failure.empty()) return {std::nullopt, "download test failed: " + failure};
    progress();
  }

  // Upload: parallel streams, pings alongside on the warm connection for loaded latency.
  const std::string session = random_session_id();
  {
    std::vector<std::unique_ptr<Stream>> streams;
    curl_slist* headers = curl_slist_append(nullptr, "Expect:");
    headers = curl_slist_append(headers, "Content-Type: application/octet-stream");
    for (int i = 0; i < plan_.streams; ++i) {
      auto s = make_stream("/v1/probe/upload?session=" + session);
      CURL* e = s->easy.get();
      curl_easy_setopt(e, CURLOPT_POST, 1L);
      curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(1) << 30);
      curl_easy_setopt(e, CURLOPT_READFUNCTION, on_read_payload);
      curl_easy_setopt(e, CURLOPT_READDATA, s.get());
      curl_easy_setopt(e, CURLOPT_HTTPHEADER, headers);
      curl_easy_setopt(e, CURLOPT_SOCKOPTFUNCTION, on_upload_socket);
      curl_easy_setopt(e, CURLOPT_SOCKOPTDATA, s.get());
      curl_easy_setopt(e, CURLOPT_FRESH_CONNECT, 1L);
      curl_easy_setopt(e, CURLOPT_FORBID_REUSE, 1L);
      start(*s);
      streams.push_back(std::move(s));
    }
    const auto phase_start = Clock::now();
    last_progress_ = phase_start;
    std::string failure;
    int completed = 0;
    auto loaded_done = ping_loop(samples_.loaded_rtts_ms, samples_.loaded_lost);
    const std::string error = pump(
        phase_start + std::chrono::duration_cast<Clock::duration>(
                          std::chrono::duration<double>(plan_.upload_s)),
        [&] {
          // Loaded pings start once the streams had a moment to fill the queue.
          if (seconds_since(phase_start) > 0.3) next_ping();
          return completed > 0;  // the whole capped volume went out: see the download phase
        },
        [&](Stream& s, CURLcode code) {
          if (&s == ping_.get()) return loaded_done(s, code);
          if (code != CURLE_OK && failure.empty()) failure = curl_easy_strerror(code);
          if (code == CURLE_OK) ++completed;
        });
    for (auto& s : streams) {
      const curl_socket_t fd = s->fd;
      tcp_info info{};
      socklen_t len = sizeof(info);
      if (fd != CURL_SOCKET_BAD && ::getsockopt(fd, IPPROTO_TCP, TCP_INFO, &info, &len) == 0) {
        samples_.upload_retrans += info.tcpi_total_retrans;
        samples_.upload_segs_out += info.tcpi_segs_out;
      }
      stop(*s);
    }
    curl_slist_free_all(headers);
    if (ping_busy_) {
      stop(*ping_);
      ping_busy_ = false;
    }
    samples_.upload_outran = completed > 0;
    if (!error.empty()) return {std::nullopt, phase_error("the upload test")};
    if (!failure.empty()) return {std::nullopt, "upload test failed: " + failure};
  }

  // The server's arrival series for the upload.
  {
    // A new connection: on a lossy link its SYN or the answer may be lost once (TCP
    // retransmits a SYN after 1 s), which must not cost the whole measurement (1 s failed
    // about 1 run in 50 at 1 % loss).
    auto s = make_stream("/v1/probe/session?id=" + session);
    curl_easy_setopt(s->easy.get(), CURLOPT_TIMEOUT_MS, 2500L);
    CURLcode code = CURLE_OK;
    bool done = false;
    start(*s);
    pump(
        Clock::now() + std::chrono::milliseconds(2700), [&] { return done; },
        [&](Stream&, CURLcode c) { code = c, done = true; });
    stop(*s);
    long http = 0;
    curl_easy_getinfo(s->easy.get(), CURLINFO_RESPONSE_CODE, &http);
    if (!done || code != CURLE_OK || http != 200) {
      return {std::nullopt, fmt::format("the collector did not return the upload series: {}",
                                        !done              ? "timed out"
                                        : code != CURLE_OK ? curl_easy_strerror(code)
                                                           : fmt::format("HTTP {}", http))};
    }
    try {
      const auto json = nlohmann::json::parse(s->body);
      samples_.upload_bin_s = json.at("bin_ms").get<double>() / 1000.0;
      samples_.upload_bins = json.at("bins").get<std::vector<std::uint64_t>>();
    } catch (const std::exception& e) {
      return {std::nullopt, std::string("the collector's upload series is malformed: ") + e.what()};
    }
  }
  report_progress(1.0);
  return {std::move(samples_), {}};
}

}  // namespace

MeasureResult measure_network(const MeasurePlan& plan) {
  curl_global_init(CURL_GLOBAL_DEFAULT);
  MeasureResult result = Session(plan).run();
  curl_global_cleanup();
  return result;
}

}  // namespace examready::probe::net
