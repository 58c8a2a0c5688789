// Child processes on Windows: CreateProcessW, anonymous pipes, job objects, and fork()
// stood in for by a copy of this program (process.h).
//
// A job object is the process group: the child and everything it starts are in it, and it
// is made with KILL_ON_JOB_CLOSE, so killing it ends them all and they die with the process
// that started them (its handle to the job closes). Pipes are polled with PeekNamedPipe:
// anonymous pipes cannot be waited on.
#include "platform/process.h"

#include <fcntl.h>
#include <io.h>
#include <windows.h>

#include <fmt/format.h>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cwchar>
#include <memory>
#include <mutex>
#include <span>
#include <thread>
#include <utility>

#include "platform/windows/wide_text.h"

namespace examready::platform {
namespace {

using Clock = std::chrono::steady_clock;
using windows::last_error;
using windows::narrow;
using windows::widen;

// The copy of this program that stands in for a fork() carries the fork's name here.
constexpr wchar_t kStandInVariable[] = L"EXAMREADY_FORK_STAND_IN";
// The exit code of a process this program killed (TerminateJobObject).
constexpr UINT kKilledExitCode = 0x4B1D;

void close_handle(HANDLE& handle) {
  if (handle) ::CloseHandle(handle);
  handle = nullptr;
}

// Inheritable handles are made and handed to a child under this lock, so that no other
// child started at the same moment inherits them (a pipe whose write end lives on in a
// sibling never reports its end). The explicit handle list says the same to Windows.
std::mutex& inheritance_lock() {
  static std::mutex lock;
  return lock;
}

// Quotes one argument the way CommandLineToArgvW and the C runtime read it back.
void append_argument(std::wstring& line, const std::wstring& arg) {
  if (!line.empty()) line += L' ';
  if (!arg.empty() && arg.find_first_of(L" \t\n\v\"") == std::wstring::npos) {
    line += arg;
    return;
  }
  line += L'"';
  for (auto it = arg.begin();; ++it) {
    std::size_t backslashes = 0;
    while (it != arg.end() && *it == L'\\') {
      ++it;
      ++backslashes;
    }
    if (it == arg.end()) {
      line.append(backslashes * 2, L'\\');
      break;
    }
    line.append(*it == L'"' ? backslashes * 2 + 1 : backslashes, L'\\');
    line += *it;
  }
  line += L'"';
}

std::wstring self_path() {
  std::wstring path(MAX_PATH, L'\0');
  while (true) {
    const DWORD n = ::GetModuleFileNameW(nullptr, path.data(), static_cast<DWORD>(path.size()));
    if (n == 0) return {};
    if (n < path.size()) {
      path.resize(n);
      return path;
    }
    path.resize(path.size() * 2);
  }
}

// This process's environment with NAME=VALUE set (replacing any NAME), as a block for
// CreateProcessW with CREATE_UNICODE_ENVIRONMENT.
std::wstring environment_with(const std::wstring& name, const std::wstring& value) {
  const std::wstring prefix = name + L"=";
  std::wstring block;
  if (wchar_t* env = ::GetEnvironmentStringsW()) {
    for (const wchar_t* entry = env; *entry; entry += std::wcslen(entry) + 1) {
      if (::_wcsnicmp(entry, prefix.c_str(), prefix.size()) == 0) continue;
      block.append(entry);
      block += L'\0';
    }
    ::FreeEnvironmentStringsW(env);
  }
  block += prefix + value;
  block += L'\0';
  block += L'\0';
  return block;
}

std::optional<std::wstring> stand_in_name() {
  wchar_t buffer[512];
  const DWORD n = ::GetEnvironmentVariableW(kStandInVariable, buffer, 512);
  if (n == 0 || n >= 512) return std::nullopt;
  return std::wstring(buffer, n);
}

std::string& kept_stdin() {
  static std::string text;
  return text;
}

// A job that kills its processes when its last handle closes, and keeps a crashing one
// from waiting on the Windows Error Reporting dialog (it exits with its exception code).
HANDLE new_job() {
  HANDLE job = ::CreateJobObjectW(nullptr, nullptr);
  if (!job) return nullptr;
  JOBOBJECT_EXTENDED_LIMIT_INFORMATION limits{};
  limits.BasicLimitInformation.LimitFlags =
      JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE | JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION;
  ::SetInformationJobObject(job, JobObjectExtendedLimitInformation, &limits, sizeof limits);
  return job;
}

// The pieces of a started child, or the error that kept it from starting.
struct Started {
  HANDLE process = nullptr, job = nullptr, out = nullptr, err = nullptr;
  DWORD pid = 0;
  std::string error;
  bool made_process = false;
};

// Writes `text` to the child's stdin and closes it, on a thread of its own: the child reads
// it at its own pace, and a child that exits without reading ends the write.
void feed_stdin(HANDLE write_end, std::string text) {
  std::thread([write_end, text = std::move(text)] {
    std::size_t done = 0;
    while (done < text.size()) {
      DWORD written = 0;
      const DWORD chunk = static_cast<DWORD>(std::min<std::size_t>(text.size() - done, 1 << 20));
      if (!::WriteFile(write_end, text.data() + done, chunk, &written, nullptr)) break;
      done += written;
    }
    ::CloseHandle(write_end);
  }).detach();
}

Started start_process(const ChildProcess::Launch& request);

// A thread attribute list that lets a child inherit these handles and no others. When
// Windows refuses one, `list()` is null and the inheritance lock alone keeps siblings apart.
class InheritOnly {
 public:
  explicit InheritOnly(std::span<HANDLE> handles) {
    SIZE_T bytes = 0;
    ::InitializeProcThreadAttributeList(nullptr, 1, 0, &bytes);
    memory_ = std::make_unique<unsigned char[]>(bytes);
    auto* list = reinterpret_cast<LPPROC_THREAD_ATTRIBUTE_LIST>(memory_.get());
    if (!::InitializeProcThreadAttributeList(list, 1, 0, &bytes)) return;
    list_ = list;
    if (!::UpdateProcThreadAttribute(list, 0, PROC_THREAD_ATTRIBUTE_HANDLE_LIST, handles.data(),
                                     handles.size_bytes(), nullptr, nullptr)) {
      ::DeleteProcThreadAttributeList(std::exchange(list_, nullptr));
    }
  }
  InheritOnly(const InheritOnly&) = delete;
  InheritOnly& operator=(const InheritOnly&) = delete;
  ~InheritOnly() {
    if (list_) ::DeleteProcThreadAttributeList(list_);
  }
  LPPROC_THREAD_ATTRIBUTE_LIST list() const { return list_; }

 private:
  std::unique_ptr<unsigned char[]> memory_;
  LPPROC_THREAD_ATTRIBUTE_LIST list_ = nullptr;
};

}  // namespace

struct ChildProcess::Launch {
  std::wstring application;  // empty: the first word of the command line, searched on PATH
  std::wstring command_line;
  const std::wstring* environment = nullptr;  // null: this process's
  const std::string* stdin_text = nullptr;    // null: stdin from NUL
};

namespace {

// A start that failed for want of a moment's resources is tried again, twice, 25 then 50 ms
// later: a check must not fail because the machine was busy for an instant. Under Wine 8
// on a loaded 2-core machine about one CreateProcessW in a few thousand fails with
// ERROR_INTERNAL_ERROR (1359) and the next one works; on Windows the memory and quota errors
// below are the momentary ones. Any other error (no such program, bad format, access denied)
// is final at once.
constexpr int kStartAttempts = 3;
constexpr DWORD kStartRetryPauseMs = 25;

bool is_momentary(DWORD error) {
  switch (error) {
    case ERROR_INTERNAL_ERROR:
    case ERROR_NOT_ENOUGH_MEMORY:
    case ERROR_OUTOFMEMORY:
    case ERROR_NO_SYSTEM_RESOURCES:
    case ERROR_COMMITMENT_LIMIT:
    case ERROR_NOT_ENOUGH_QUOTA:
      return true;
    default:
      return false;
  }
}

Started start_process(const ChildProcess::Launch& request) {
  Started s;
  SECURITY_ATTRIBUTES inheritable{sizeof(SECURITY_ATTRIBUTES), nullptr, TRUE};
  HANDLE out_write = nullptr, err_write = nullptr, in_read = nullptr, in_write = nullptr;
  std::lock_guard lock(inheritance_lock());
  auto fail = [&](std::string why) {
    for (HANDLE* h : {&s.out, &s.err, &out_write, &err_write, &in_read, &in_write})
      close_handle(*h);
    close_handle(s.job);
    s.error = std::move(why);
    return s;
  };
  if (!::CreatePipe(&s.out, &out_write, &inheritable, 0) ||
      !::CreatePipe(&s.err, &err_write, &inheritable, 0)) {
    return fail(last_error("CreatePipe"));
  }
  ::SetHandleInformation(s.out, HANDLE_FLAG_INHERIT, 0);
  ::SetHandleInformation(s.err, HANDLE_FLAG_INHERIT, 0);
  if (request.stdin_text) {
    const auto size =
        static_cast<DWORD>(std::min<std::size_t>(request.stdin_text->size() + 4096, 1 << 24));
    if (!::CreatePipe(&in_read, &in_write, &inheritable, size))
      return fail(last_error("CreatePipe"));
    ::SetHandleInformation(in_write, HANDLE_FLAG_INHERIT, 0);
  } else {
    in_read = ::CreateFileW(L"NUL", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, &inheritable,
                            OPEN_EXISTING, 0, nullptr);
    if (in_read == INVALID_HANDLE_VALUE) {
      in_read = nullptr;
      return fail(last_error("open NUL"));
    }
  }

  HANDLE inherited[] = {in_read, out_write, err_write};
  const InheritOnly inherit_only(inherited);

  STARTUPINFOEXW startup{};
  startup.StartupInfo.cb = sizeof startup;
  startup.StartupInfo.dwFlags = STARTF_USESTDHANDLES;
  startup.StartupInfo.hStdInput = in_read;
  startup.StartupInfo.hStdOutput = out_write;
  startup.StartupInfo.hStdError = err_write;
  startup.lpAttributeList = inherit_only.list();

  s.job = new_job();
  std::wstring command_line = request.command_line;  // CreateProcessW may write to it
  PROCESS_INFORMATION info{};
  DWORD flags = CREATE_SUSPENDED | CREATE_NO_WINDOW | CREATE_UNICODE_ENVIRONMENT;
  if (inherit_only.list()) flags |= EXTENDED_STARTUPINFO_PRESENT;
  std::fflush(nullptr);
  BOOL created = FALSE;
  DWORD create_error = 0;
  for (int attempt = 1;; ++attempt) {
    created = ::CreateProcessW(
        request.application.empty() ? nullptr : request.application.c_str(), command_line.data(),
        nullptr, nullptr, TRUE, flags,
        request.environment ? const_cast<wchar_t*>(request.environment->c_str()) : nullptr, nullptr,
        &startup.StartupInfo, &info);
    create_error = ::GetLastError();
    if (created || attempt == kStartAttempts || !is_momentary(create_error)) break;
    ::Sleep(kStartRetryPauseMs * attempt);
    command_line = request.command_line;
  }
  close_handle(out_write);
  close_handle(err_write);
  close_handle(in_read);
  if (!created) return fail(windows::error_text(create_error));
  // Into the job before it runs a single instruction, so nothing it starts escapes it.
  if (s.job && !::AssignProcessToJobObject(s.job, info.hProcess)) close_handle(s.job);
  ::ResumeThread(info.hThread);
  ::CloseHandle(info.hThread);
  s.process = info.hProcess;
  s.pid = info.dwProcessId;
  s.made_process = true;
  if (in_write) feed_stdin(in_write, *request.stdin_text);
  return s;
}

ExitStatus status_of(DWORD code) {
  ExitStatus status;
  // NTSTATUS error codes (0xC0000005 access violation…) are crashes, like a signal on Linux.
  if ((code & 0xF0000000u) == 0xC0000000u) {
    status.signal = static_cast<int>(code);
    status.code = static_cast<int>(code);
    return status;
  }
  status.exited = code != kKilledExitCode;
  status.code = static_cast<int>(code);
  return status;
}

}  // namespace

std::string ExitStatus::signal_name() const {
  switch (static_cast<DWORD>(signal)) {
    case 0:
      return "";
    case 0xC0000005u:
      return "access violation";
    case 0xC00000FDu:
      return "stack overflow";
    case 0xC0000409u:
      return "stack buffer overrun or fail-fast";
    case 0xC000001Du:
      return "illegal instruction";
    case 0xC0000094u:
      return "integer division by zero";
    default:
      return fmt::format("exception 0x{:08X}", static_cast<DWORD>(signal));
  }
}

void ResultPipe::write(std::string_view text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const int n = ::_write(fd_, text.data() + done, static_cast<unsigned>(text.size() - done));
    if (n <= 0) return;
    done += static_cast<std::size_t>(n);
  }
}

ChildProcess ChildProcess::start(const std::vector<std::string>& argv) {
  ChildProcess child;
  if (argv.empty()) {
    child.exec_error_ = "nothing to run";
    return child;
  }
  Launch request;
  for (const auto& arg : argv) append_argument(request.command_line, widen(arg));
  return launch(request, "cannot run " + argv[0]);
}

ChildProcess ChildProcess::launch(const Launch& request, std::string_view failure) {
  ChildProcess child;
  Started s = start_process(request);
  if (!s.made_process) {
    child.exec_error_ = std::string(failure) + ": " + s.error;
    return child;
  }
  child.process_ = s.process;
  child.job_ = s.job;
  child.out_ = s.out;
  child.err_ = s.err;
  child.pid_ = static_cast<int>(s.pid);
  return child;
}

ChildProcess ChildProcess::fork(std::string_view name,
                                const std::function<void(ResultPipe&)>& body) {
  ChildProcess child;
  if (const auto wanted = stand_in_name()) {
    // The stand-in: run the body of the fork it was started for, then end like a fork does.
    if (*wanted != widen(name)) {
      child.exec_error_ = "not the fork this copy stands in for";
      return child;
    }
    // A crash ends the copy with its exception code for the parent to name, without the
    // Error Reporting dialog (or Wine's debugger) holding it until the deadline.
    ::SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX);
    ::SetUnhandledExceptionFilter([](EXCEPTION_POINTERS* e) -> LONG {
      ::TerminateProcess(::GetCurrentProcess(), e->ExceptionRecord->ExceptionCode);
      return EXCEPTION_EXECUTE_HANDLER;
    });
    std::fflush(nullptr);
    std::setvbuf(stderr, nullptr, _IONBF, 0);  // its last words reach the parent before a crash
    const int result_fd = ::_dup(1);
    ::_setmode(result_fd, _O_BINARY);
    ::_dup2(2, 1);  // libraries' prints go to stderr, keeping the result pipe clean
    ::SetStdHandle(STD_OUTPUT_HANDLE, ::GetStdHandle(STD_ERROR_HANDLE));
    ResultPipe result(result_fd);
    body(result);
    std::fflush(nullptr);
    ::_exit(0);  // no atexit handlers, as after a fork on Linux
  }
  Launch request;
  request.application = self_path();
  request.command_line = ::GetCommandLineW();
  const std::wstring environment = environment_with(kStandInVariable, widen(name));
  request.environment = &environment;
  if (!kept_stdin().empty()) request.stdin_text = &kept_stdin();
  return launch(request, "cannot start a copy of this program");
}

ChildProcess::ChildProcess(ChildProcess&& other) noexcept
    : process_(std::exchange(other.process_, nullptr)),
      job_(std::exchange(other.job_, nullptr)),
      out_(std::exchange(other.out_, nullptr)),
      err_(std::exchange(other.err_, nullptr)),
      pid_(std::exchange(other.pid_, -1)),
      reaped_(other.reaped_),
      exec_error_(std::move(other.exec_error_)) {}

ChildProcess& ChildProcess::operator=(ChildProcess&& other) noexcept {
  ChildProcess taken(std::move(other));  // our old child ends with `taken`
  std::swap(process_, taken.process_);
  std::swap(job_, taken.job_);
  std::swap(out_, taken.out_);
  std::swap(err_, taken.err_);
  std::swap(pid_, taken.pid_);
  std::swap(reaped_, taken.reaped_);
  std::swap(exec_error_, taken.exec_error_);
  return *this;
}

ChildProcess::~ChildProcess() {
  close_handle(out_);
  close_handle(err_);
  if (process_ && !reaped_) {
    kill();
    wait();
  }
  close_handle(job_);  // KILL_ON_JOB_CLOSE: helpers left behind end here at the latest
  close_handle(process_);
}

bool ChildProcess::read(Pipe pipe, std::string& sink, std::size_t max_bytes, bool keep_tail) {
  HANDLE& handle = pipe == Pipe::kOut ? out_ : err_;
  if (!handle) return false;
  DWORD waiting = 0;
  if (!::PeekNamedPipe(handle, nullptr, 0, nullptr, &waiting, nullptr)) {
    close_handle(handle);  // ERROR_BROKEN_PIPE: every writer has closed it
    return false;
  }
  if (waiting == 0) return true;
  char buffer[65536];
  DWORD n = 0;
  if (!::ReadFile(handle, buffer, std::min<DWORD>(waiting, sizeof buffer), &n, nullptr) || n == 0) {
    close_handle(handle);
    return false;
  }
  sink.append(buffer, n);
  if (sink.size() > max_bytes) {
    if (keep_tail)
      sink.erase(0, sink.size() - max_bytes);
    else
      sink.resize(max_bytes);
  }
  return true;
}

void ChildProcess::drain(Pipe pipe, std::string& sink, std::size_t max_bytes, bool keep_tail) {
  for (int i = 0; i < 64; ++i) {
    const std::size_t before = sink.size();
    if (!read(pipe, sink, max_bytes, keep_tail) || sink.size() == before) break;
  }
}

void ChildProcess::close(Pipe pipe) { close_handle(pipe == Pipe::kOut ? out_ : err_); }

void ChildProcess::kill() {
  // The job also after the child itself ended: helpers it left behind are still in it.
  if (job_)
    ::TerminateJobObject(job_, kKilledExitCode);
  else if (process_ && !reaped_)
    ::TerminateProcess(process_, kKilledExitCode);
}

ExitStatus ChildProcess::wait() {
  ::WaitForSingleObject(process_, INFINITE);
  DWORD code = 0;
  ::GetExitCodeProcess(process_, &code);
  reaped_ = true;
  return status_of(code);
}

std::optional<ExitStatus> ChildProcess::wait_for(std::chrono::milliseconds timeout) {
  const DWORD ms = static_cast<DWORD>(std::clamp<long long>(timeout.count(), 0, INFINITE - 1));
  if (::WaitForSingleObject(process_, ms) != WAIT_OBJECT_0) return std::nullopt;
  return wait();
}

std::vector<std::pair<std::size_t, Pipe>> wait_readable(std::span<ChildProcess* const> children,
                                                        std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  std::vector<std::pair<std::size_t, Pipe>> ready;
  while (true) {
    for (std::size_t i = 0; i < children.size(); ++i) {
      for (Pipe pipe : {Pipe::kOut, Pipe::kErr}) {
        HANDLE handle = children[i]->handle(pipe);
        if (!handle) continue;
        DWORD waiting = 0;
        // Data waiting, or a broken pipe (its end): either way read() has something to do.
        if (!::PeekNamedPipe(handle, nullptr, 0, nullptr, &waiting, nullptr) || waiting > 0) {
          ready.emplace_back(i, pipe);
        }
      }
    }
    if (!ready.empty() || Clock::now() >= deadline) return ready;
    ::Sleep(1);  // the timer's granularity (1-16 ms) bounds the latency
  }
}

int current_process_id() { return static_cast<int>(::GetCurrentProcessId()); }

bool is_terminal(std::FILE* stream) {
  HANDLE handle = reinterpret_cast<HANDLE>(::_get_osfhandle(::_fileno(stream)));
  DWORD mode = 0;
  if (handle == INVALID_HANDLE_VALUE || !::GetConsoleMode(handle, &mode)) return false;
  // A console: UTF-8 output and ANSI colours (Windows 10's console understands them once asked).
  ::SetConsoleOutputCP(CP_UTF8);
  ::SetConsoleMode(handle, mode | ENABLE_VIRTUAL_TERMINAL_PROCESSING);
  return true;
}

bool stdin_is_terminal() { return ::_isatty(::_fileno(stdin)) != 0; }

bool is_fork_stand_in() { return stand_in_name().has_value(); }

void keep_stdin_for_forks(std::string_view text) { kept_stdin() = std::string(text); }

}  // namespace examready::platform
