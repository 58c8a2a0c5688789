// The network check's measurement loop: libcurl multi for HTTP, a UDP socket for the echo,
// every phase bounded in time, every transfer aborted at its phase's end. The phases run in
// order (connect, idle, download, upload, the server's upload series), one function each.
#include "probe/network/session.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>

#include "core/entropy.h"
#include "probe/network/transfer.h"
#include "probe/network/udp_echo_client.h"
#include "probe/network/upload_run_on.h"
#include "protocol/measure_endpoints.h"

namespace examready::probe::net {
namespace {

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

Clock::time_point after(Clock::time_point start, double seconds) {
  return start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

std::string random_session_id() { return core::random_hex(8); }

// The loaded-latency pings wait this long after each answer, as the web check's do. Back to
// back they took about 1 % of a 2 Mbit/s uplink (10 requests a second at 100 ms loaded RTT,
// each some 230 bytes on the wire with the ACKs of its answer), which the upload's own
// figure then lacked: it read 1.1 % under iperf3 with 1 % loss.
constexpr double kLoadedPingPause_s = 0.2;

// When a transfer phase ends: once the rate, watched live from the kernel's counts, has
// settled (no sooner than min_s), or at max_s; at fixed_s where there are no live counts.
class TransferEnd {
 public:
  TransferEnd(const MeasurePlan::TransferPhase& phase, Clock::time_point start)
      : phase_(phase), start_(start) {}

  Clock::time_point limit() const { return after(start_, phase_.max_s); }
  // `live_bins()`: bytes per bin_s so far, the last partial bin dropped; called at most
  // every 100 ms, and only when `live` (there are live counts).
  template <typename LiveBins>
  bool due(bool live, const LiveBins& live_bins, double bin_s) {
    const double elapsed = seconds_since(start_);
    if (!live) {
      live_ = false;
      return elapsed >= phase_.fixed_s;
    }
    if (elapsed < phase_.min_s || elapsed - last_look_s_ < 0.1) return false;
    last_look_s_ = elapsed;
    settled_ = core::net::throughput_settled(live_bins(), bin_s);
    return settled_;
  }
  core::net::PhaseEnd end() const {
    return !live_     ? core::net::PhaseEnd::kFixed
           : settled_ ? core::net::PhaseEnd::kSettled
                      : core::net::PhaseEnd::kLimit;
  }
  double length_s() const { return seconds_since(start_); }

 private:
  const MeasurePlan::TransferPhase& phase_;
  Clock::time_point start_;
  double last_look_s_ = 0;
  bool live_ = true, settled_ = false;
};

// Bins of a live cumulative count, without the last one (still filling).
std::vector<std::uint64_t> closed_bins(std::span<const core::net::CumulativeSample> counts,
                                       double bin_s) {
  auto bins = core::net::bins_from_cumulative(counts, bin_s);
  if (!bins.empty()) bins.pop_back();
  return bins;
}

// A phase's failure, which ends the measurement with this message; nullopt: carry on.
using PhaseFailure = std::optional<std::string>;

class Session {
 public:
  explicit Session(const MeasurePlan& plan) : plan_(plan), multi_(curl_multi_init()) {
    curl_multi_setopt(multi_, CURLMOPT_PIPELINING, CURLPIPE_NOTHING);
    last_progress_ = Clock::now();
  }
  ~Session() {
    for (auto* s : active_) curl_multi_remove_handle(multi_, s->easy.get());
    curl_multi_cleanup(multi_);
  }

  MeasureResult run();

 private:
  using OnDone = std::function<void(Stream&, CURLcode)>;

  PhaseFailure connect();
  PhaseFailure idle_phase();
  PhaseFailure download_phase();
  PhaseFailure upload_phase(const std::string& session);
  PhaseFailure fetch_upload_series(const std::string& session);

  std::unique_ptr<Stream> stream(std::string_view path) {
    return open_stream(plan_, path, &last_progress_);
  }
  void start(Stream& s) {
    curl_multi_add_handle(multi_, s.easy.get());
    active_.insert(&s);
  }
  void stop(Stream& s) {
    if (active_.erase(&s)) curl_multi_remove_handle(multi_, s.easy.get());
  }
  // Drives transfers until `done` or `until`; finished ones go to on_done. Returns false
  // when the link stalls (nothing arrived for plan.stall_s).
  bool pump(Clock::time_point until, const std::function<bool()>& done, const OnDone& on_done,
            bool udp = false);
  void wait(Clock::time_point until, bool udp);
  std::string stalled(std::string_view phase) const {
    return fmt::format("the link stalled during {}: nothing arrived for {:.1f} s", phase,
                       seconds_since(last_progress_));
  }

  // Pings back to back on the warm connection; RTT is curl's request-sent-to-first-byte time.
  // Starts a ping unless one is on its way, or the last one answered less than `pause_s`
  // ago.
  void next_ping(double pause_s = 0);
  void stop_ping();
  OnDone ping_counter(std::vector<double>& rtts, std::size_t& lost);
  void ping_done(Stream& s, CURLcode code, std::vector<double>& rtts, std::size_t& lost);
  void record_connection(CURL* ping);
  void progress() {
    const double fraction = seconds_since(t0_) / budget_s_;
    if (plan_.progress) plan_.progress(std::clamp(fraction, 0.0, 1.0));
  }

  const MeasurePlan& plan_;
  CURLM* multi_;
  std::set<Stream*> active_;
  Clock::time_point last_progress_;
  Clock::time_point t0_ = Clock::now();
  double budget_s_ = 1;
  Samples samples_;
  core::net::PhasePlan phases_;
  double best_ping_ms_ = 1e18;
  std::unique_ptr<Stream> ping_;
  bool ping_busy_ = false;
  Clock::time_point ping_answered_{};
  std::optional<UdpEchoClient> echo_;
};

bool Session::pump(Clock::time_point until, const std::function<bool()>& done,
                   const OnDone& on_done, bool udp) {
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
    if (udp && echo_) {
      echo_->send_due(phase_start);
      if (echo_->receive()) last_progress_ = Clock::now();
    }
    if (seconds_since(last_progress_) > plan_.stall_s) return false;
    wait(until, udp && echo_);
  }
  return true;
}

void Session::wait(Clock::time_point until, bool udp) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now());
  int timeout_ms = static_cast<int>(std::clamp<long long>(left.count(), 0, 50));
  curl_waitfd extra{};
  if (udp) {
    extra.fd = echo_->native();
    extra.events = CURL_WAIT_POLLIN;
    timeout_ms = std::min(timeout_ms, 2);
  }
  curl_multi_poll(multi_, udp ? &extra : nullptr, udp ? 1 : 0, timeout_ms, nullptr);
}

void Session::next_ping(double pause_s) {
  if (ping_busy_ || seconds_since(ping_answered_) < pause_s) return;
  ping_->server_time_us = 0;
  start(*ping_);
  ping_busy_ = true;
}

void Session::stop_ping() {
  if (!ping_busy_) return;
  stop(*ping_);
  ping_busy_ = false;
}

Session::OnDone Session::ping_counter(std::vector<double>& rtts, std::size_t& lost) {
  return [this, &rtts, &lost](Stream& s, CURLcode code) {
    if (&s == ping_.get()) ping_done(s, code, rtts, lost);
    progress();
  };
}

void Session::ping_done(Stream& s, CURLcode code, std::vector<double>& rtts, std::size_t& lost) {
  ping_busy_ = false;
  ping_answered_ = Clock::now();
  if (code == CURLE_OK) last_progress_ = Clock::now();  // an answer arrived
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
    const double local_ms = static_cast<double>(protocol::unix_time_us()) / 1000.0 - rtt_ms / 2;
    samples_.clock_skew_ms = local_ms - static_cast<double>(s.server_time_us) / 1000.0;
  }
}

// Connect: the first ping opens the connection the later pings reuse.
PhaseFailure Session::connect() {
  ping_ = stream(protocol::kPingPath);
  CURL* e = ping_->easy.get();
  curl_easy_setopt(e, CURLOPT_TIMEOUT_MS,
                   static_cast<long>((plan_.connect_timeout_s + plan_.ping_timeout_s) * 1000));
  curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(plan_.connect_timeout_s * 1000));
  CURLcode first_code = CURLE_OK;
  bool first_done = false;
  start(*ping_);
  pump(after(t0_, plan_.connect_timeout_s + plan_.ping_timeout_s), [&] { return first_done; },
       [&](Stream&, CURLcode code) { first_code = code, first_done = true; });
  long status = 0;
  curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &status);
  if (!first_done || first_code != CURLE_OK || status != 200) {
    stop(*ping_);
    const std::string why =
        !first_done ? "no answer in time"
        : first_code != CURLE_OK
            ? (ping_->error[0] ? ping_->error : curl_easy_strerror(first_code))
            : fmt::format("HTTP {} from {}", status, protocol::kPingPath);
    return fmt::format("cannot reach the collector at {}: {}", plan_.server_url, why);
  }
  record_connection(e);
  curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(plan_.ping_timeout_s * 1000));
  curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(plan_.ping_timeout_s * 1000));
  if (ping_->udp_port > 0 && ping_->udp_port < 65536) {
    echo_ = UdpEchoClient::open(samples_.server_ip, static_cast<std::uint16_t>(ping_->udp_port),
                                plan_.udp_packets_per_s);
  }
  progress();
  return std::nullopt;
}

void Session::record_connection(CURL* e) {
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

// Idle: pings back to back, the UDP echo alongside (both light next to any link).
PhaseFailure Session::idle_phase() {
  const auto idle_start = Clock::now();
  const OnDone idle_done = ping_counter(samples_.idle_rtts_ms, samples_.idle_lost);
  const bool flowing = pump(
      after(idle_start, plan_.idle_max_s),
      [&] {
        const std::size_t n = samples_.idle_rtts_ms.size() + samples_.idle_lost;
        const bool enough = n >= static_cast<std::size_t>(plan_.min_pings) &&
                            seconds_since(idle_start) >= plan_.idle_min_s;
        if (!enough) next_ping();
        return enough;
      },
      idle_done, /*udp=*/true);
  if (!flowing) return stalled("the idle latency test");
  // Let the last ping finish (bounded by its own timeout) so the connection stays warm.
  pump(after(Clock::now(), plan_.ping_timeout_s), [&] { return !ping_busy_; }, idle_done);
  stop_ping();
  if (echo_) {
    const double rtt_s = samples_.idle_rtts_ms.empty()
                             ? 0.1
                             : *core::net::percentile(samples_.idle_rtts_ms, 0.9) / 1000.0;
    samples_.echo = echo_->counts(rtt_s);
  }
  return std::nullopt;
}

// Download: parallel streams, counted here as bytes arrive.
PhaseFailure Session::download_phase() {
  std::vector<std::unique_ptr<Stream>> streams;
  const auto phase_start = Clock::now();
  for (int i = 0; i < plan_.streams; ++i) {
    auto s = stream(std::string(protocol::kDownloadPath) + "?bytes=536870912");
    count_download(*s, samples_.download_bins, phase_start, samples_.bin_s);
    start(*s);
    streams.push_back(std::move(s));
  }
  last_progress_ = Clock::now();
  std::string failure;
  int completed = 0;
  // The kernel's counts of bytes and data segments received on each stream, read as often
  // as the loop turns: unlike the write callback, they do not bunch up when this process is
  // scheduled late (and segments are counted even out of order, see
  // core::net::arrivals_from_streams).
  std::vector<std::vector<core::net::ReceiverSample>> kernel_counts(streams.size());
  bool kernel_ok = true;
  auto sample_kernel = [&] {
    const double t = seconds_since(phase_start);
    if (kernel_counts.empty() ||
        (!kernel_counts[0].empty() && t - kernel_counts[0].back().t_s < 0.005)) {
      return;
    }
    for (std::size_t i = 0; i < streams.size(); ++i) {
      core::net::ReceiverSample sample{t, 0, 0};
      if (streams[i]->socket != platform::kNoSocket) {
        if (const auto counters = platform::tcp_counters(streams[i]->socket)) {
          sample.bytes_received = counters->bytes_received;
          sample.data_segs_in = counters->data_segments_in;
        } else {
          kernel_ok = false;
        }
      }
      kernel_counts[i].push_back(sample);
    }
  };
  TransferEnd end(plan_.download, phase_start);
  auto live_bins = [&] {
    return closed_bins(core::net::arrivals_from_streams(kernel_counts), samples_.bin_s);
  };
  const bool flowing = pump(
      end.limit(),
      [&] {
        sample_kernel();
        // A stream that received its whole (capped) volume means the link outruns what
        // the streams can ask for (a collector on the LAN or loopback): the phase is over,
        // and the silence that follows is not a stall.
        if (completed > 0) return true;
        return end.due(kernel_ok, live_bins, samples_.bin_s);
      },
      [&](Stream&, CURLcode code) {
        if (code != CURLE_OK && failure.empty()) failure = curl_easy_strerror(code);
        if (code == CURLE_OK) ++completed;
      });
  sample_kernel();
  for (auto& s : streams) stop(*s);
  phases_.download_s = end.length_s();
  phases_.download_end = completed > 0 ? core::net::PhaseEnd::kFixed : end.end();
  if (kernel_ok && !kernel_counts.empty() && kernel_counts[0].size() > 10) {
    samples_.download_bins = core::net::bins_from_cumulative(
        core::net::arrivals_from_streams(kernel_counts), samples_.bin_s);
    samples_.download_source = "kernel segment counts";
  }
  samples_.download_outran = completed > 0;
  if (!flowing) return stalled("the download test");
  if (!failure.empty()) return "download test failed: " + failure;
  progress();
  return std::nullopt;
}

// Upload: parallel streams, pings alongside on the warm connection for loaded latency.
PhaseFailure Session::upload_phase(const std::string& session) {
  std::vector<std::unique_ptr<Stream>> streams;
  CurlHeaders headers(curl_slist_append(nullptr, "Expect:"));
  curl_slist_append(headers.get(), "Content-Type: application/octet-stream");
  for (int i = 0; i < plan_.streams; ++i) {
    auto s = stream(std::string(protocol::kUploadPath) + "?session=" + session);
    send_upload(*s, headers.get());
    start(*s);
    streams.push_back(std::move(s));
  }
  const auto phase_start = Clock::now();
  last_progress_ = phase_start;
  std::string failure;
  int completed = 0;
  const OnDone loaded_done = ping_counter(samples_.loaded_rtts_ms, samples_.loaded_lost);
  // The bytes the server acknowledged, as the kernel counts them: the live view of the
  // rate (the figure itself is the server's series, fetched afterwards), and the progress
  // that tells a slow link from a stalled one: on a 1 Mbit/s link the first writes fill the
  // send buffers for seconds, and libcurl asks for no more data meanwhile.
  std::vector<core::net::CumulativeSample> acked;
  std::vector<std::uint64_t> stream_acked(streams.size(), 0);
  bool kernel_ok = true;
  auto sample_acked = [&] {
    const double t = seconds_since(phase_start);
    if (!acked.empty() && t - acked.back().t_s < 0.005) return;
    std::uint64_t total = 0;
    for (std::size_t i = 0; i < streams.size(); ++i) {
      if (streams[i]->socket == platform::kNoSocket) continue;
      const auto counters = platform::tcp_counters(streams[i]->socket);
      if (!counters) {
        kernel_ok = false;
        continue;
      }
      stream_acked[i] = counters->bytes_acked;
      total += counters->bytes_acked;
    }
    if (!acked.empty() && total > acked.back().bytes) last_progress_ = Clock::now();
    acked.push_back({t, total});
  };
  TransferEnd end(plan_.upload, phase_start);
  auto live_bins = [&] { return closed_bins(acked, samples_.bin_s); };
  std::optional<UploadRunOn> run_on;  // once the rate settled
  const bool flowing = pump(
      end.limit(),
      [&] {
        sample_acked();
        const double t = seconds_since(phase_start);
        // Loaded pings start once the streams had a moment to fill the queue.
        if (t > 0.3) next_ping(kLoadedPingPause_s);
        if (completed > 0) return true;  // the whole capped volume went out: see the download
        if (run_on) return run_on->done(stream_acked, t);
        if (!end.due(kernel_ok, live_bins, samples_.bin_s)) return false;
        if (end.end() != core::net::PhaseEnd::kSettled) return true;
        run_on.emplace(stream_acked, t);
        return false;
      },
      [&](Stream& s, CURLcode code) {
        if (&s == ping_.get()) return loaded_done(s, code);
        if (code != CURLE_OK && failure.empty()) failure = curl_easy_strerror(code);
        if (code == CURLE_OK) ++completed;
      });
  phases_.upload_s = end.length_s();
  phases_.upload_end = completed > 0 ? core::net::PhaseEnd::kFixed : end.end();
  for (auto& s : streams) {
    if (const auto counters = platform::tcp_counters(s->socket)) {
      samples_.upload_retrans += counters->retransmitted;
      samples_.upload_segs_out += counters->segments_out;
    }
    stop(*s);
  }
  stop_ping();
  samples_.upload_outran = completed > 0;
  if (!flowing) return stalled("the upload test");
  if (!failure.empty()) return "upload test failed: " + failure;
  return std::nullopt;
}

// The server's arrival series for the upload.
PhaseFailure Session::fetch_upload_series(const std::string& session) {
  // A new connection: on a lossy link its SYN or the answer may be lost once (TCP
  // retransmits a SYN after 1 s), which must not cost the whole measurement (1 s failed
  // about 1 run in 50 at 1 % loss).
  auto s = stream(std::string(protocol::kSessionPath) + "?id=" + session);
  curl_easy_setopt(s->easy.get(), CURLOPT_TIMEOUT_MS, 2500L);
  CURLcode code = CURLE_OK;
  bool done = false;
  start(*s);
  pump(after(Clock::now(), 2.7), [&] { return done; },
       [&](Stream&, CURLcode c) { code = c, done = true; });
  stop(*s);
  long http = 0;
  curl_easy_getinfo(s->easy.get(), CURLINFO_RESPONSE_CODE, &http);
  if (!done || code != CURLE_OK || http != 200) {
    return fmt::format("the collector did not return the upload series: {}",
                                   !done              ? "timed out"
                                   : code != CURLE_OK ? curl_easy_strerror(code)
                                                      : fmt::format("HTTP {}", http));
  }
  try {
    const auto json = nlohmann::json::parse(s->body);
    samples_.upload_bin_s = json.at("bin_ms").get<double>() / 1000.0;
    samples_.upload_bins = json.at("bins").get<std::vector<std::uint64_t>>();
    // The bins every request's bytes are in (an older collector does not say: all of them).
    if (json.contains("complete_bins")) {
      samples_.upload_bins.resize(
          std::min(samples_.upload_bins.size(), json.at("complete_bins").get<std::size_t>()));
    }
  } catch (const std::exception& e) {
    return std::string("the collector's upload series is malformed: ") + e.what();
  }
  return std::nullopt;
}

MeasureResult Session::run() {
  t0_ = Clock::now();
  budget_s_ =
      plan_.connect_timeout_s + plan_.idle_max_s + plan_.download.max_s + plan_.upload.max_s;
  phases_.streams = plan_.streams;
  const std::string session = random_session_id();
  const std::function<PhaseFailure()> phases[] = {
      [&] { return connect(); },
      [&] { return idle_phase(); },
      [&] { return download_phase(); },
      [&] { return upload_phase(session); },
      [&] { return fetch_upload_series(session); },
  };
  for (const auto& phase : phases) {
    if (PhaseFailure failure = phase()) return {std::nullopt, phases_, std::move(*failure)};
  }
  if (plan_.progress) plan_.progress(1.0);
  return {std::move(samples_), phases_, {}};
}

}  // namespace

MeasureResult measure_network(const MeasurePlan& plan) {
  curl_global_init(CURL_GLOBAL_DEFAULT);
  MeasureResult result = Session(plan).run();
  curl_global_cleanup();
  return result;
}

}  // namespace examready::probe::net
