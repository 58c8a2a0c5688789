// Child processes on Linux: fork, exec, pipes, process groups, PR_SET_PDEATHSIG, poll.
#include "platform/process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <utility>

namespace examready::platform {
namespace {

using Clock = std::chrono::steady_clock;

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

struct Pipes {
  int out[2] = {-1, -1};
  int err[2] = {-1, -1};
  bool ok = false;
  Pipes() {
    ok = ::pipe2(out, O_CLOEXEC) == 0 && ::pipe2(err, O_CLOEXEC) == 0;
  }
  void close_all() {
    for (int* fd : {&out[0], &out[1], &err[0], &err[1]}) close_fd(*fd);
  }
};

// In the child, before anything else: a group of its own (kill(-pid) reaches its helpers),
// death with the parent (a helper must not outlive a killed check), stdin from /dev/null.
void become_child(pid_t parent) {
  ::setpgid(0, 0);
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) ::_exit(127);  // the parent died before prctl
  const int devnull = ::open("/dev/null", O_RDONLY);
  ::dup2(devnull, STDIN_FILENO);
}

ExitStatus status_of(int raw) {
  ExitStatus status;
  if (WIFEXITED(raw)) {
    status.exited = true;
    status.code = WEXITSTATUS(raw);
  } else if (WIFSIGNALED(raw)) {
    status.signal = WTERMSIG(raw);
    status.code = 128 + status.signal;
  }
  return status;
}

}  // namespace

std::string ExitStatus::signal_name() const { return signal ? strsignal(signal) : ""; }

void ResultPipe::write(std::string_view text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd_, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    done += static_cast<std::size_t>(n);
  }
}

ChildProcess ChildProcess::start(const std::vector<std::string>& argv) {
  ChildProcess child;
  Pipes pipes;
  // Exec failure is reported through a third CLOEXEC pipe: it closes silently on success.
  int exec_pipe[2] = {-1, -1};
  if (argv.empty() || !pipes.ok || ::pipe2(exec_pipe, O_CLOEXEC) != 0) {
    pipes.close_all();
    child.exec_error_ = argv.empty() ? "nothing to run" : std::strerror(errno);
    return child;
  }
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  std::fflush(nullptr);  // nothing buffered may be written twice by the child
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid == 0) {
    become_child(parent);
    ::dup2(pipes.out[1], STDOUT_FILENO);
    ::dup2(pipes.err[1], STDERR_FILENO);
    ::execvp(args[0], args.data());
    const int err = errno;
    [[maybe_unused]] auto n = ::write(exec_pipe[1], &err, sizeof err);
    ::_exit(127);
  }
  close_fd(pipes.out[1]);
  close_fd(pipes.err[1]);
  close_fd(exec_pipe[1]);
  if (pid < 0) {
    child.exec_error_ = std::string("cannot fork: ") + std::strerror(errno);
    pipes.close_all();
    close_fd(exec_pipe[0]);
    return child;
  }
  ::setpgid(pid, pid);  // also in the parent, so kill(-pid) works before the child runs
  child.pid_ = pid;
  child.out_ = pipes.out[0];
  child.err_ = pipes.err[0];
  int exec_errno = 0;
  if (::read(exec_pipe[0], &exec_errno, sizeof exec_errno) == sizeof exec_errno) {
    child.exec_error_ = std::string("cannot run ") + argv[0] + ": " + std::strerror(exec_errno);
  }
  close_fd(exec_pipe[0]);
  return child;
}

ChildProcess ChildProcess::fork(std::string_view /*name*/,
                                const std::function<void(ResultPipe&)>& body) {
  ChildProcess child;
  Pipes pipes;
  if (!pipes.ok) {
    child.exec_error_ = std::string("cannot create pipe: ") + std::strerror(errno);
    pipes.close_all();
    return child;
  }
  std::fflush(nullptr);
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid == 0) {
    become_child(parent);
    // The parent's crash handlers (a test framework's, a GUI's) must not run here.
    for (int sig : {SIGPIPE, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTERM, SIGINT}) {
      ::signal(sig, SIG_DFL);
    }
    // Libraries print (FFmpeg, SDL, PulseAudio): keep the parent's stdout clean for --json.
    ::dup2(pipes.err[1], STDOUT_FILENO);
    ::dup2(pipes.err[1], STDERR_FILENO);
    ::close(pipes.out[0]);
    ::close(pipes.err[0]);
    ResultPipe result(pipes.out[1]);
    body(result);
    ::_exit(0);  // no atexit handlers: the parent's libraries (SDL, X11) share state with us
  }
  close_fd(pipes.out[1]);
  close_fd(pipes.err[1]);
  if (pid < 0) {
    child.exec_error_ = std::string("cannot fork: ") + std::strerror(errno);
    pipes.close_all();
    return child;
  }
  ::setpgid(pid, pid);
  child.pid_ = pid;
  child.out_ = pipes.out[0];
  child.err_ = pipes.err[0];
  return child;
}

ChildProcess::ChildProcess(ChildProcess&& other) noexcept
    : pid_(std::exchange(other.pid_, -1)),
      out_(std::exchange(other.out_, -1)),
      err_(std::exchange(other.err_, -1)),
      reaped_(other.reaped_),
      exec_error_(std::move(other.exec_error_)) {}

ChildProcess& ChildProcess::operator=(ChildProcess&& other) noexcept {
  ChildProcess taken(std::move(other));  // our old child ends with `taken`
  std::swap(pid_, taken.pid_);
  std::swap(out_, taken.out_);
  std::swap(err_, taken.err_);
  std::swap(reaped_, taken.reaped_);
  std::swap(exec_error_, taken.exec_error_);
  return *this;
}

ChildProcess::~ChildProcess() {
  close_fd(out_);
  close_fd(err_);
  if (pid_ > 0 && !reaped_) {
    kill();
    wait();
  }
}

bool ChildProcess::read(Pipe pipe, std::string& sink, std::size_t max_bytes, bool keep_tail) {
  int& fd = pipe == Pipe::kOut ? out_ : err_;
  if (fd < 0) return false;
  char buffer[65536];
  const ssize_t n = ::read(fd, buffer, sizeof buffer);
  if (n < 0 && (errno == EINTR || errno == EAGAIN)) return true;
  if (n <= 0) {
    close_fd(fd);
    return false;
  }
  sink.append(buffer, static_cast<std::size_t>(n));
  if (sink.size() > max_bytes) {
    if (keep_tail) sink.erase(0, sink.size() - max_bytes);
    else sink.resize(max_bytes);
  }
  return true;
}

void ChildProcess::drain(Pipe pipe, std::string& sink, std::size_t max_bytes, bool keep_tail) {
  const int fd = this->fd(pipe);
  if (fd < 0) return;
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
  for (int i = 0; i < 64; ++i) {
    const std::size_t before = sink.size();
    if (!read(pipe, sink, max_bytes, keep_tail) || sink.size() == before) break;
  }
}

void ChildProcess::close(Pipe pipe) { close_fd(pipe == Pipe::kOut ? out_ : err_); }

void ChildProcess::kill() {
  // Also after the leader was reaped: helpers it left behind keep the group alive.
  if (pid_ > 0) ::kill(-pid_, SIGKILL);
}

ExitStatus ChildProcess::wait() {
  int raw = 0;
  while (::waitpid(pid_, &raw, 0) < 0 && errno == EINTR) {
  }
  reaped_ = true;
  return status_of(raw);
}

std::optional<ExitStatus> ChildProcess::wait_for(std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  while (true) {
    int raw = 0;
    if (::waitpid(pid_, &raw, WNOHANG) == pid_) {
      reaped_ = true;
      return status_of(raw);
    }
    if (Clock::now() >= deadline) return std::nullopt;
    ::usleep(1000);
  }
}

std::vector<std::pair<std::size_t, Pipe>> wait_readable(std::span<ChildProcess* const> children,
                                                        std::chrono::milliseconds timeout) {
  std::vector<pollfd> fds;
  std::vector<std::pair<std::size_t, Pipe>> owners;
  for (std::size_t i = 0; i < children.size(); ++i) {
    for (Pipe pipe : {Pipe::kOut, Pipe::kErr}) {
      if (const int fd = children[i]->fd(pipe); fd >= 0) {
        fds.push_back({fd, POLLIN, 0});
        owners.emplace_back(i, pipe);
      }
    }
  }
  std::vector<std::pair<std::size_t, Pipe>> ready;
  const int n = ::poll(fds.data(), fds.size(), static_cast<int>(std::max<long>(0, timeout.count())));
  if (n <= 0) return ready;
  for (std::size_t k = 0; k < fds.size(); ++k) {
    if (fds[k].revents & (POLLIN | POLLHUP | POLLERR)) ready.push_back(owners[k]);
  }
  return ready;
}

int current_process_id() { return static_cast<int>(::getpid()); }

bool is_fork_stand_in() { return false; }

void keep_stdin_for_forks(std::string_view /*text*/) {}

bool is_terminal(std::FILE* stream) { return ::isatty(::fileno(stream)) != 0; }

bool stdin_is_terminal() { return ::isatty(STDIN_FILENO) != 0; }

}  // namespace examready::platform
