// Subcommands of `examready`, each in its own file. A command's callback stores its
// exit code in `exit_code`.
#pragma once

#include <CLI/CLI.hpp>

namespace examready::app {

void add_check_command(CLI::App& app, int& exit_code);
void add_checks_command(CLI::App& app, int& exit_code);
void add_upload_command(CLI::App& app, int& exit_code);

// Thrown by command callbacks for bad arguments that CLI11 cannot catch itself
// (unknown check names, a missing directory): printed and mapped to exit code 64.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Thrown for input files that do not parse: exit code 65.
struct InvalidInputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace examready::app
