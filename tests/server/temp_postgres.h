// A throwaway PostgreSQL for tests (RECIPES §2): initdb as the postgres user into a
// short temp dir, Unix socket only, stopped and removed by the destructor.
#pragma once

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

namespace examready::test {

class TempPostgres {
 public:
  // The process-wide instance, or nullptr with `reason` set when PostgreSQL is unavailable.
  static TempPostgres* shared(std::string& reason) {
    static std::string why;
    static std::unique_ptr<TempPostgres> instance = [] {
      auto pg = std::unique_ptr<TempPostgres>(new TempPostgres());
      if (!pg->start(why)) pg.reset();
      return pg;
    }();
    reason = why;
    return instance.get();
  }

  ~TempPostgres() {
    if (!dir_.empty()) {
      as_postgres(bin_ + "/pg_ctl -D " + dir_ + "/data -m immediate -w stop >/dev/null 2>&1");
      std::filesystem::remove_all(dir_);
    }
  }

  // A fresh, empty database; returns its libpq URI.
  std::string new_database() {
    static std::atomic<int> counter{0};
    const std::string name = "t" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    PGconn* conn =
        PQconnectdb(("host=" + dir_ + " port=5432 user=postgres dbname=postgres").c_str());
    PQclear(PQexec(conn, ("CREATE DATABASE " + name).c_str()));
    PQfinish(conn);
    return "postgresql:///" + name + "?host=" + dir_ + "&port=5432&user=postgres";
  }
  const std::string& socket_dir() const { return dir_; }

 private:
  TempPostgres() = default;

  int as_postgres(const std::string& command) const {
    return std::system(("cd " + dir_ + " && runuser -u postgres -- " + command).c_str());
  }

  bool start(std::string& reason) {
    bin_ = "/usr/lib/postgresql/15/bin";
    if (!std::filesystem::exists(bin_ + "/initdb")) {
      reason = "initdb not found in " + bin_ + " (apt-get install postgresql)";
      return false;
    }
    if (std::system("id postgres >/dev/null 2>&1") != 0) {
      reason = "no postgres user to run initdb as";
      return false;
    }
    char templ[] = "/tmp/pg.XXXXXX";  // short: the socket path must stay under 108 bytes
    if (!::mkdtemp(templ)) {
      reason = "mkdtemp failed";
      return false;
    }
    dir_ = templ;
    if (std::system(("chown postgres: " + dir_).c_str()) != 0 ||
        as_postgres(bin_ + "/initdb -D " + dir_ +
                    "/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >" + dir_ +
                    "/initdb.log 2>&1") != 0 ||
        as_postgres(
            bin_ + "/pg_ctl -D " + dir_ + "/data -l " + dir_ +
            "/log -w -o \"-c listen_addresses='' -c port=5432 -c unix_socket_directories=" + dir_ +
            " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c "
            "max_connections=200\" start >/dev/null") != 0) {
      reason = "initdb/pg_ctl failed, see " + dir_;
      dir_.clear();
      return false;
    }
    return true;
  }

  std::string bin_;
  std::string dir_;
};

}  // namespace examready::test
