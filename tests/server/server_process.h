// The real examready-server binary as a child process on a loopback port, for tests of what
// only a whole process shows: crashes, peak memory, SIGTERM, threads held by slow clients.
#pragma once

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace examready::test {

class ServerProcess {
 public:
  // `args` come after --db/--listen/--port-file/--quiet; `env` entries are NAME=VALUE.
  explicit ServerProcess(const std::filesystem::path& dir, std::vector<std::string> args = {},
                         std::vector<std::string> env = {}, std::string db = "")
      : dir_(dir) {
    const std::string port_file = (dir / "port").string();
    std::filesystem::remove(port_file);
    std::vector<std::string> argv = {EXAMREADY_SERVER_BIN,
                                     "--db",
                                     db.empty() ? "sqlite:" + (dir / "collector.db").string() : db,
                                     "--listen",
                                     "127.0.0.1:0",
                                     "--port-file",
                                     port_file,
                                     "--quiet"};
    argv.insert(argv.end(), args.begin(), args.end());
    const std::string log = (dir / "server.log").string();
    pid_ = ::fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // a test that crashes takes its server with it
      for (const auto& e : env) ::putenv(const_cast<char*>(e.c_str()));
      std::freopen(log.c_str(), "a", stderr);
      std::vector<char*> raw;
      for (auto& a : argv) raw.push_back(a.data());
      raw.push_back(nullptr);
      ::execv(raw[0], raw.data());
      std::_Exit(127);
    }
    for (int i = 0; i < 400 && port_ == 0; ++i) {
      std::ifstream in(port_file);
      if (!(in >> port_)) port_ = 0;
      if (port_ == 0) std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    INFO("server log: " << log_text());
    REQUIRE(port_ > 0);
  }
  ~ServerProcess() {
    if (pid_ > 0 && !reaped_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  int port() const { return port_; }
  pid_t pid() const { return pid_; }

  // False once the process has exited (crashed or stopped); keeps its wait status.
  bool alive() {
    if (reaped_) return false;
    const pid_t r = ::waitpid(pid_, &status_, WNOHANG);
    if (r == pid_) reaped_ = true;
    return !reaped_;
  }
  int wait_status() const { return status_; }

  // Peak resident set (VmHWM) so far, in MiB.
  double peak_rss_mib() const { return status_field("VmHWM:") / 1024.0; }
  double rss_mib() const { return status_field("VmRSS:") / 1024.0; }

  // Sends SIGTERM and waits at most `limit`; returns the seconds it took, or -1 (then kills).
  double terminate(std::chrono::seconds limit) {
    const auto start = std::chrono::steady_clock::now();
    ::kill(pid_, SIGTERM);
    while (std::chrono::steady_clock::now() - start < limit) {
      if (!alive()) {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return -1;
  }

  std::string log_text() const {
    std::ifstream in(dir_ / "server.log");
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

 private:
  long status_field(const std::string& name) const {
    std::ifstream in("/proc/" + std::to_string(pid_) + "/status");
    std::string key;
    long value = 0;
    while (in >> key) {
      if (key == name) {
        in >> value;
        return value;
      }
      std::getline(in, key);
    }
    return 0;
  }

  std::filesystem::path dir_;
  pid_t pid_ = -1;
  int port_ = 0;
  int status_ = 0;
  bool reaped_ = false;
};

}  // namespace examready::test
