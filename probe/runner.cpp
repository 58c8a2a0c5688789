// The check runner: one forked process per check (crash and hang isolation), a
// poll loop in the parent that enforces deadlines, resource exclusion and parallelism.
//
// Child -> parent protocol on a pipe, one line per message:
//   "P <fraction>"   progress
//   "R <json>"       the final CheckResult (see result_json.h)
// A child that exits without "R" crashed; one that overruns its deadline is killed
// together with its process group (adb, ffmpeg helpers it spawned).
#include "probe/runner.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fmt/format.h>
#include <string>

#include "core/result_json.h"

namespace examready::probe {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::size_t kStderrTail = 2048;

void write_all(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    done += static_cast<std::size_t>(n);
  }
}

[[noreturn]] void run_child(const CheckSpec& spec, platform::Host& host, const ProbeOptions& options,
                            int out_fd, int err_fd) {
  ::setpgid(0, 0);
  // The parent's crash handlers (a test framework's, a GUI's) must not run here: a crash in
  // a check is reported by the parent from the exit status.
  for (int sig : {SIGPIPE, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTERM, SIGINT}) ::signal(sig, SIG_DFL);
  // Libraries print (FFmpeg, SDL, PulseAudio): keep the parent's stdout clean for --json.
  int devnull = ::open("/dev/null", O_RDWR);
  ::dup2(devnull, STDIN_FILENO);
  ::dup2(err_fd, STDOUT_FILENO);
  ::dup2(err_fd, STDERR_FILENO);

  double last_sent = -1;
  auto last_time = Clock::now() - std::chrono::seconds(1);
  CheckContext ctx(host, options, [&](double fraction) {
    const auto now = Clock::now();
    if (fraction < 1.0 && fraction - last_sent < 0.01 && now - last_time < std::chrono::milliseconds(100)) {
      return;
    }
    last_sent = fraction;
    last_time = now;
    write_all(out_fd, fmt::format("P {:.4f}\n", fraction));
  });

  const CheckResult result = run_measured(
      spec.name, ctx, [&spec](CheckContext& c) { return run_on_transport(spec, c); });
  std::string line = "R " + to_json(result).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  write_all(out_fd, line);
  ::_exit(0);  // no atexit handlers: the parent's libraries (SDL, X11) share state with us
}

struct Child {
  const CheckSpec* spec = nullptr;
  std::size_t index = 0;
  pid_t pid = -1;
  int out_fd = -1;
  int err_fd = -1;
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

class Runner {
 public:
  Runner(std::span<const CheckSpec* const> checks, platform::Host& host, const ProbeOptions& options,
         const ProgressHandler& on_event, const RunnerOptions& runner)
      : checks_(checks), host_(host), options_(options), on_event_(on_event), runner_(runner),
        results_(checks.size()), done_(checks.size(), false) {}

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
                       [&](const Child& c) { return c.spec->resource == resource; });
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
    int out[2], err[2];
    if (::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0) {
      finish(index, failed(spec, CheckStatus::kError, std::string("cannot create pipe: ") + std::strerror(errno), 0));
      return;
    }
    std::fflush(nullptr);  // nothing buffered may be written twice by the child
    const pid_t pid = ::fork();
    if (pid == 0) {
      ::close(out[0]);
      ::close(err[0]);
      run_child(spec, host_, options_, out[1], err[1]);
    }
    ::close(out[1]);
    ::close(err[1]);
    if (pid < 0) {
      ::close(out[0]);
      ::close(err[0]);
      finish(index, failed(spec, CheckStatus::kError, std::string("cannot fork: ") + std::strerror(errno), 0));
      return;
    }
    ::setpgid(pid, pid);
    Child child;
    child.spec = &spec;
    child.index = index;
    child.pid = pid;
    child.out_fd = out[0];
    child.err_fd = err[0];
    child.started = Clock::now();
    const auto budget = spec.deadline + (spec.deadline_extension ? spec.deadline_extension(options_)
                                                                 : std::chrono::milliseconds(0));
    child.deadline = child.started +
                     std::chrono::duration_cast<Clock::duration>(budget * runner_.deadline_scale);
    running_.push_back(std::move(child));
  }

  void wait_for_activity() {
    if (running_.empty()) return;
    auto timeout = std::chrono::milliseconds(50);
    const auto now = Clock::now();
    for (const auto& c : running_) {
      timeout = std::min(timeout, std::chrono::ceil<std::chrono::milliseconds>(c.deadline - now));
    }
    std::vector<pollfd> fds;
    for (const auto& c : running_) {
      if (c.out_fd >= 0) fds.push_back({c.out_fd, POLLIN, 0});
      if (c.err_fd >= 0) fds.push_back({c.err_fd, POLLIN, 0});
    }
    int ready = ::poll(fds.data(), fds.size(), static_cast<int>(std::max<long>(0, timeout.count())));
    if (runner_.on_tick) runner_.on_tick();
    if (ready <= 0) return;
    for (const auto& pfd : fds) {
      if (!(pfd.revents & (POLLIN | POLLHUP | POLLERR))) continue;
      for (std::size_t i = 0; i < running_.size(); ++i) {
        if (running_[i].out_fd == pfd.fd) read_output(i);
        else if (running_[i].err_fd == pfd.fd) read_stderr(running_[i]);
      }
    }
    // Children whose result pipe closed are done (result or crash).
    for (std::size_t i = 0; i < running_.size();) {
      if (running_[i].out_fd < 0) {
        complete(i);
      } else {
        ++i;
      }
    }
  }

  void read_stderr(Child& c) {
    char buf[4096];
    ssize_t n = ::read(c.err_fd, buf, sizeof buf);
    if (n <= 0) {
      ::close(c.err_fd);
      c.err_fd = -1;
      return;
    }
    c.stderr_tail.append(buf, static_cast<std::size_t>(n));
    if (c.stderr_tail.size() > kStderrTail) c.stderr_tail.erase(0, c.stderr_tail.size() - kStderrTail);
  }

  void read_output(std::size_t i) {
    Child& c = running_[i];
    char buf[65536];
    ssize_t n = ::read(c.out_fd, buf, sizeof buf);
    if (n <= 0) {
      ::close(c.out_fd);
      c.out_fd = -1;
      return;
    }
    c.buffer.append(buf, static_cast<std::size_t>(n));
    std::size_t pos;
    while ((pos = c.buffer.find('\n')) != std::string::npos) {
      std::string line = c.buffer.substr(0, pos);
      c.buffer.erase(0, pos + 1);
      handle_line(c, line);
    }
  }

  void handle_line(Child& c, const std::string& line) {
    if (line.rfind("P ", 0) == 0) {
      ProgressEvent e{ProgressEvent::Kind::kProgress, c.spec->name};
      e.fraction = std::strtod(line.c_str() + 2, nullptr);
      emit(e);
    } else if (line.rfind("R ", 0) == 0) {
      try {
        c.result = core::check_result_from_json(nlohmann::json::parse(line.substr(2)));
        c.got_result = true;
      } catch (const std::exception& e) {
        c.result = failed(*c.spec, CheckStatus::kError, std::string("unreadable check result: ") + e.what(), 0);
        c.got_result = true;
      }
    }
  }

  void complete(std::size_t i) {
    Child c = std::move(running_[i]);
    running_.erase(running_.begin() + static_cast<long>(i));
    if (c.err_fd >= 0) {
      // Drain what is left of stderr without blocking on grandchildren that keep it open.
      ::fcntl(c.err_fd, F_SETFL, O_NONBLOCK);
      read_stderr(c);
      ::close(c.err_fd);
    }
    int status = 0;
    ::waitpid(c.pid, &status, 0);
    ::kill(-c.pid, SIGKILL);  // helpers the check left behind die with it
    const double elapsed = std::chrono::duration<double, std::milli>(Clock::now() - c.started).count();
    if (c.got_result) {
      finish(c.index, std::move(c.result));
      return;
    }
    std::string why = WIFSIGNALED(status) ? fmt::format("check crashed ({})", strsignal(WTERMSIG(status)))
                                          : fmt::format("check exited with code {} without a result",
                                                        WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    if (auto tail = last_line(c.stderr_tail); !tail.empty()) why += ": " + tail;
    finish(c.index, failed(*c.spec, CheckStatus::kError, why, elapsed));
  }

  void reap_expired() {
    const auto now = Clock::now();
    for (std::size_t i = 0; i < running_.size();) {
      Child& c = running_[i];
      if (now < c.deadline) {
        ++i;
        continue;
      }
      ::kill(-c.pid, SIGKILL);
      ::waitpid(c.pid, nullptr, 0);
      if (c.out_fd >= 0) ::close(c.out_fd);
      if (c.err_fd >= 0) ::close(c.err_fd);
      const double elapsed = std::chrono::duration<double, std::milli>(now - c.started).count();
      const auto limit = std::chrono::duration_cast<std::chrono::milliseconds>(c.deadline - c.started);
      CheckResult r = failed(*c.spec, CheckStatus::kTimeout,
                             fmt::format("did not finish within {} ms and was stopped", limit.count()), elapsed);
      std::size_t index = c.index;
      running_.erase(running_.begin() + static_cast<long>(i));
      finish(index, std::move(r));
    }
  }

  void finish(std::size_t index, CheckResult result) {
    result.name = std::string(checks_[index]->name);
    results_[index] = std::move(result);
    done_[index] = true;
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
  std::vector<bool> done_;
  std::vector<Child> running_;
};

}  // namespace

std::vector<CheckResult> run_checks(std::span<const CheckSpec* const> checks, platform::Host& host,
                                    const ProbeOptions& options, const ProgressHandler& on_event,
                                    const RunnerOptions& runner) {
  return Runner(checks, host, options, on_event, runner).run();
}

}  // namespace examready::probe
