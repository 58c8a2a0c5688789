// The check runner: one forked process per check (crash and hang isolation), a
// poll loop in the parent that enforces deadlines, resource exclusion and parallelism.
//
// Child -> parent protocol on a pipe, one line per message:
//   "P <fraction>"   progress
//   "R <json>"       the final CheckResult (see result_json.h)
// A child that exits without "R" crashed; one that overruns its deadline is killed
// together with its process group (adb, ffmpeg helpers it spawned).
#include "probe/runner.h"

#include <algorithm>
#include <chrono>
#include <fmt/format.h>
#include <string>

#include "core/result_json.h"
#include "platform/process.h"

namespace examready::probe {
namespace {

using Clock = std::chrono::steady_clock;
using platform::ChildProcess;
using platform::Pipe;
constexpr std::size_t kStderrTail = 2048;
constexpr std::size_t kMaxResultBytes = 64 << 20;  // a result line is KBs; this bounds a bug

// The child's side: run the check, stream throttled progress, then the result line.
void run_child(const CheckSpec& spec, platform::Host& host, const ProbeOptions& options,
               platform::ResultPipe& out) {
  double last_sent = -1;
  auto last_time = Clock::now() - std::chrono::seconds(1);
  CheckContext ctx(host, options, [&](double fraction) {
    const auto now = Clock::now();
    if (fraction < 1.0 && fraction - last_sent < 0.01 && now - last_time < std::chrono::milliseconds(100)) {
      return;
    }
    last_sent = fraction;
    last_time = now;
    out.write(fmt::format("P {:.4f}\n", fraction));
  });
  const CheckResult result = run_measured(
      spec.name, ctx, [&spec](CheckContext& c) { return run_on_transport(spec, c); });
  out.write("R " + to_json(result).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
            "\n");
}

struct Child {
  explicit Child(ChildProcess p) : process(std::move(p)) {}
  const CheckSpec* spec = nullptr;
  std::size_t index = 0;
  ChildProcess process;
  Clock::time_point started;
  Clock::time_point deadline;
  std::string buffer;
  std::string stderr_tail;
  bool got_result = false;
  CheckResult result;
};

CheckResult failed(const CheckSpec& spec, CheckStatus status, std::string message, double duration_ms) {
  CheckResult r;
  r.name = std::string(spec.name);
  r.status = status;
  r.message = std::move(message);
  r.duration_ms = duration_ms;
  return r;
}

std::string last_line(const std::string& text) {
  std::string trimmed = text;
  while (!trimmed.empty() && (trimmed.back() == '\n' || trimmed.back() == '\r')) trimmed.pop_back();
  auto pos = trimmed.rfind('\n');
  return pos == std::string::npos ? trimmed : trimmed.substr(pos + 1);
}

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

class Runner {
 public:
  Runner(std::span<const CheckSpec* const> checks, platform::Host& host, const ProbeOptions& options,
         const ProgressHandler& on_event, const RunnerOptions& runner)
      : checks_(checks), host_(host), options_(options), on_event_(on_event), runner_(runner),
        results_(checks.size()) {}

  std::vector<CheckResult> run() {
    std::vector<std::size_t> pending;
    for (std::size_t i = 0; i < checks_.size(); ++i) pending.push_back(i);
    while (!pending.empty() || !running_.empty()) {
      start_ready(pending);
      wait_for_activity();
      reap_expired();
    }
    return std::move(results_);
  }

 private:
  bool resource_busy(std::string_view resource) const {
    if (resource.empty()) return false;
    return std::any_of(running_.begin(), running_.end(),
                       [&](const auto& c) { return c->spec->resource == resource; });
  }

  void start_ready(std::vector<std::size_t>& pending) {
    for (auto it = pending.begin(); it != pending.end();) {
      if (static_cast<int>(running_.size()) >= std::max(1, runner_.max_parallel)) return;
      const CheckSpec& spec = *checks_[*it];
      if (resource_busy(spec.resource)) {
        ++it;
        continue;
      }
      start(spec, *it);
      it = pending.erase(it);
    }
  }

  void start(const CheckSpec& spec, std::size_t index) {
    emit({ProgressEvent::Kind::kStarted, spec.name});
    if (!spec.run.on(options_.transport)) {
      // Nothing to run over this transport: the answer is "unsupported", given here, since a
      // process of its own would only say so (and on Windows cost a start of the program).
      CheckContext ctx(host_, options_, [](double) {});
      finish(index, run_measured(spec.name, ctx,
                                 [&spec](CheckContext& c) { return run_on_transport(spec, c); }));
      return;
    }
    ChildProcess process = ChildProcess::fork(
        spec.name, [&](platform::ResultPipe& out) { run_child(spec, host_, options_, out); });
    if (!process.started()) {
      finish(index, failed(spec, CheckStatus::kError, process.exec_error(), 0));
      return;
    }
    auto child = std::make_unique<Child>(std::move(process));
    child->spec = &spec;
    child->index = index;
    child->started = Clock::now();
    const auto budget = spec.deadline + (spec.deadline_extension ? spec.deadline_extension(options_)
                                                                 : std::chrono::milliseconds(0));
    child->deadline = child->started +
                      std::chrono::duration_cast<Clock::duration>(budget * runner_.deadline_scale);
    running_.push_back(std::move(child));
  }

  void wait_for_activity() {
    if (running_.empty()) return;
    auto timeout = std::chrono::milliseconds(50);
    const auto now = Clock::now();
    std::vector<ChildProcess*> processes;
    for (const auto& c : running_) {
      timeout = std::min(timeout, std::chrono::ceil<std::chrono::milliseconds>(c->deadline - now));
      processes.push_back(&c->process);
    }
    const auto ready = platform::wait_readable(processes, std::max(timeout, std::chrono::milliseconds(0)));
    if (runner_.on_tick) runner_.on_tick();
    for (const auto& [i, pipe] : ready) {
      Child& c = *running_[i];
      if (pipe == Pipe::kErr) {
        c.process.read(Pipe::kErr, c.stderr_tail, kStderrTail, /*keep_tail=*/true);
      } else if (c.process.read(Pipe::kOut, c.buffer, kMaxResultBytes)) {
        handle_lines(c);
      }
    }
    // Children whose result pipe closed are done (result or crash).
    for (std::size_t i = 0; i < running_.size();) {
      if (!running_[i]->process.open(Pipe::kOut)) {
        complete(i);
      } else {
        ++i;
      }
    }
  }

  void handle_lines(Child& c) {
    std::size_t pos;
    while ((pos = c.buffer.find('\n')) != std::string::npos) {
      const std::string line = c.buffer.substr(0, pos);
      c.buffer.erase(0, pos + 1);
      if (line.rfind("P ", 0) == 0) {
        ProgressEvent e{ProgressEvent::Kind::kProgress, c.spec->name};
        e.fraction = std::strtod(line.c_str() + 2, nullptr);
        emit(e);
      } else if (line.rfind("R ", 0) == 0) {
        try {
          c.result = core::check_result_from_json(nlohmann::json::parse(line.substr(2)));
        } catch (const std::exception& e) {
          c.result = failed(*c.spec, CheckStatus::kError, std::string("unreadable check result: ") + e.what(), 0);
        }
        c.got_result = true;
      }
    }
  }

  void complete(std::size_t i) {
    std::unique_ptr<Child> c = std::move(running_[i]);
    running_.erase(running_.begin() + static_cast<long>(i));
    // What is left of stderr, without blocking on grandchildren that keep it open.
    c->process.drain(Pipe::kErr, c->stderr_tail, kStderrTail, /*keep_tail=*/true);
    const platform::ExitStatus status = c->process.wait();
    c->process.kill();  // helpers the check left behind die with it
    if (c->got_result) {
      finish(c->index, std::move(c->result));
      return;
    }
    std::string why = status.signal ? fmt::format("check crashed ({})", status.signal_name())
                                    : fmt::format("check exited with code {} without a result",
                                                  status.exited ? status.code : -1);
    if (auto tail = last_line(c->stderr_tail); !tail.empty()) why += ": " + tail;
    finish(c->index, failed(*c->spec, CheckStatus::kError, why, ms_since(c->started)));
  }

  void reap_expired() {
    const auto now = Clock::now();
    for (std::size_t i = 0; i < running_.size();) {
      Child& c = *running_[i];
      if (now < c.deadline) {
        ++i;
        continue;
      }
      c.process.kill();
      c.process.wait();
      const auto limit = std::chrono::duration_cast<std::chrono::milliseconds>(c.deadline - c.started);
      CheckResult r = failed(*c.spec, CheckStatus::kTimeout,
                             fmt::format("did not finish within {} ms and was stopped", limit.count()),
                             ms_since(c.started));
      const std::size_t index = c.index;
      running_.erase(running_.begin() + static_cast<long>(i));
      finish(index, std::move(r));
    }
  }

  void finish(std::size_t index, CheckResult result) {
    result.name = std::string(checks_[index]->name);
    result.message = core::report_message(result.message);  // a crashed child's stderr too
    results_[index] = std::move(result);
    ProgressEvent e{ProgressEvent::Kind::kFinished, checks_[index]->name};
    e.fraction = 1.0;
    e.result = &results_[index];
    emit(e);
  }

  void emit(const ProgressEvent& e) {
    if (on_event_) on_event_(e);
  }

  std::span<const CheckSpec* const> checks_;
  platform::Host& host_;
  const ProbeOptions& options_;
  const ProgressHandler& on_event_;
  const RunnerOptions& runner_;
  std::vector<CheckResult> results_;
  std::vector<std::unique_ptr<Child>> running_;
};

}  // namespace

std::vector<CheckResult> run_checks(std::span<const CheckSpec* const> checks, platform::Host& host,
                                    const ProbeOptions& options, const ProgressHandler& on_event,
                                    const RunnerOptions& runner) {
  return Runner(checks, host, options, on_event, runner).run();
}

}  // namespace examready::probe
