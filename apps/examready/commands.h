// Subcommands of `examready`, each in its own file. A command's callback stores its
// exit code in `exit_code`.
#pragma once

#include <CLI/CLI.hpp>

#include "rules/rule_set.h"

namespace examready::app {

void add_check_command(CLI::App& app, int& exit_code);
void add_checks_command(CLI::App& app, int& exit_code);
void add_upload_command(CLI::App& app, int& exit_code);
void add_rules_command(CLI::App& app, int& exit_code);
void add_evaluate_command(CLI::App& app, int& exit_code);
void add_devices_command(CLI::App& app, int& exit_code);

// Thrown by command callbacks for bad arguments that CLI11 cannot catch itself
// (unknown check names, a missing directory): printed and mapped to exit code 64.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Thrown for input files that do not parse: exit code 65.
struct InvalidInputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// --rules FILE|NAME: a rules file or a shipped set's name. Throws UsageError when nothing
// is found, InvalidInputError (with file:line:col) when the file is invalid.
rules::RuleSet load_rules_argument(const std::string& name_or_path);

}  // namespace examready::app
