// examready: the probe's command line (check, checks, and later rules/evaluate/upload).
#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "apps/examready/commands.h"
#include "apps/examready/exit_codes.h"
#include "core/text.h"

int main(int argc, char** argv) {
  using namespace examready::app;
  CLI::App app{"ExamReady: checks that a device is ready for a remote exam (小艺帮, 艺术升)", "examready"};
  app.set_version_flag("--version", std::string("examready ") + EXAMREADY_VERSION);
  app.require_subcommand(1);
  // On Windows CLI11 would read "/work/x.toml" as the option "/work": options are --long only.
  app.allow_windows_style_options(false);

  int exit_code = kExitReady;
  add_check_command(app, exit_code);
  add_checks_command(app, exit_code);
  add_upload_command(app, exit_code);
  add_rules_command(app, exit_code);
  add_evaluate_command(app, exit_code);
  add_devices_command(app, exit_code);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  } catch (const UsageError& e) {  // messages may quote a file's or a device's text
    fmt::print(stderr, "examready: {}\n", examready::core::text::printable(e.what(), true));
    return kExitUsage;
  } catch (const InvalidInputError& e) {
    fmt::print(stderr, "examready: {}\n", examready::core::text::printable(e.what(), true));
    return kExitInvalidInput;
  } catch (const std::exception& e) {
    fmt::print(stderr, "examready: internal error: {}\n",
               examready::core::text::printable(e.what(), true));
    return kExitSoftware;
  }
  return exit_code;
}
