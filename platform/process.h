// Child processes with their output on pipes: the one way examready starts other programs
// (adb, ideviceinfo, the media helper: run_process in command.h) and isolates each check in a
// process of its own (probe/runner.cpp). A child leads a process group of its own, so killing
// it takes its helpers along, and it dies with the process that started it (a helper stuck
// opening a camera must not outlive its killed check and keep the camera busy).
// Linux: fork/exec, pipes, poll (platform/linux/process.cpp).
// Windows has no fork: fork() starts this program again with the same command line and
// stdin, and the copy runs main up to the same fork() call (found by name), which then runs
// the body there; a job object is the process group (platform/windows/process.cpp).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace examready::platform {

enum class Pipe { kOut, kErr };

struct ExitStatus {
  bool exited = false;  // returned from main or called exit
  int code = -1;        // when exited
  int signal = 0;       // when killed by a signal
  // "check crashed (Segmentation fault)" style text for messages.
  std::string signal_name() const;
};

// The child's end of its result pipe (ChildProcess::fork): lines for the parent.
class ResultPipe {
 public:
  explicit ResultPipe(int fd) : fd_(fd) {}  // a C runtime descriptor on Windows
  void write(std::string_view text);  // all of it, retried on interruption

 private:
  int fd_;
};

class ChildProcess {
 public:
  // Runs argv[0] (looked up on PATH) with stdin from /dev/null. When it cannot be executed,
  // started() is false and exec_error() says why.
  static ChildProcess start(const std::vector<std::string>& argv);
  // Runs `body` in a forked copy of this process: its results on kOut through the
  // ResultPipe, anything it (or a library) prints on kErr. The child ends with _exit(0) after
  // body returns, without the parent's atexit handlers. Crash handlers are reset in the child:
  // a crash is reported by the parent from the exit status. `name` tells this fork() from
  // the others of the same run (Windows finds the call again by it, see above): unique per
  // run, the same in every run with the same command line.
  static ChildProcess fork(std::string_view name, const std::function<void(ResultPipe&)>& body);

#ifdef _WIN32
  struct Launch;  // what CreateProcessW is given (platform/windows/process.cpp)
#endif

  ChildProcess(ChildProcess&& other) noexcept;
  ChildProcess& operator=(ChildProcess&& other) noexcept;
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;
  ~ChildProcess();  // kills the group if it still runs, and reaps it

  bool started() const { return pid_ > 0 && exec_error_.empty(); }
  // False when not even a process came to be (no fork, no pipe); exec failures have one.
  bool has_process() const { return pid_ > 0; }
  const std::string& exec_error() const { return exec_error_; }
  bool open(Pipe pipe) const { return fd(pipe) >= 0; }

  // Appends what is waiting on `pipe` to `sink`, keeping at most `max_bytes` of it (the rest
  // is read and dropped); with keep_tail the last bytes are kept instead of the first.
  // Returns false once the pipe reached its end (it is then closed).
  bool read(Pipe pipe, std::string& sink, std::size_t max_bytes, bool keep_tail = false);
  // Reads without blocking until nothing is waiting (the pipe stays open), for draining
  // after exit while grandchildren may hold it.
  void drain(Pipe pipe, std::string& sink, std::size_t max_bytes, bool keep_tail = false);
  void close(Pipe pipe);

  // SIGKILL to the whole process group, also once the child itself has exited and was
  // reaped (helpers it left behind).
  void kill();
  ExitStatus wait();  // blocks until it exits
  // Waits at most `timeout` for it to exit; nullopt when it still runs.
  std::optional<ExitStatus> wait_for(std::chrono::milliseconds timeout);

 private:
  friend std::vector<std::pair<std::size_t, Pipe>> wait_readable(
      std::span<ChildProcess* const>, std::chrono::milliseconds);
  ChildProcess() = default;
#ifdef _WIN32
  static ChildProcess launch(const Launch& request, std::string_view failure);
  using Handle = void*;  // HANDLE, without <windows.h> in every includer
  Handle handle(Pipe pipe) const { return pipe == Pipe::kOut ? out_ : err_; }
  int fd(Pipe pipe) const { return handle(pipe) ? 0 : -1; }
  Handle process_ = nullptr;
  Handle job_ = nullptr;  // the child and what it starts; closing it kills them all
  Handle out_ = nullptr, err_ = nullptr;
  int pid_ = -1;
#else
  int fd(Pipe pipe) const { return pipe == Pipe::kOut ? out_ : err_; }
  int pid_ = -1;
  int out_ = -1, err_ = -1;
#endif
  bool reaped_ = false;
  std::string exec_error_;
};

// True in a copy of this program that Windows started to stand in for fork(), until it
// reaches that fork: it must not show anything (no window, no progress) on the way there.
bool is_fork_stand_in();
// What the program read from its stdin, for the copies fork() starts on Windows (they read
// it again). A no-op where fork is the OS's.
void keep_stdin_for_forks(std::string_view text);

// This process's id: what a check leaves out when it lists who else uses a device.
int current_process_id();

// Whether `stream` (stdout, stderr) is a terminal: progress is redrawn in place and
// coloured only there.
bool is_terminal(std::FILE* stream);
// Whether standard input is a terminal (someone types or pastes; the text ends at Ctrl-D, or
// Ctrl-Z Enter on Windows). Changes no console mode.
bool stdin_is_terminal();
// What to tell someone pasting at that terminal.
#ifdef _WIN32
inline constexpr const char* kEndOfInputHint =
    "Paste the text, then press Ctrl-Z and Enter on a line of its own.\n";
#else
inline constexpr const char* kEndOfInputHint =
    "Paste the text, then press Ctrl-D on a line of its own.\n";
#endif

// Waits until some child's open pipe has data or ended, at most `timeout`. Returns which
// (child index, pipe) are ready; empty on timeout.
std::vector<std::pair<std::size_t, Pipe>> wait_readable(std::span<ChildProcess* const> children,
                                                        std::chrono::milliseconds timeout);

}  // namespace examready::platform
