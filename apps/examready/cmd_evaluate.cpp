// `examready evaluate REPORT.json --rules FILE|NAME`: re-evaluates a stored report (the
// server and the helpdesk do this with the same rules library).
#include <fmt/format.h>

#include <cstdlib>

#include "apps/examready/commands.h"
#include "apps/examready/exit_codes.h"
#include "apps/examready/io.h"
#include "platform/process.h"
#include "reports/ids.h"
#include "reports/report.h"
#include "reports/schema.h"
#include "rules/evaluate.h"
#include "ui/terminal.h"

namespace examready::app {
namespace {

struct EvaluateArgs {
  std::string report;
  std::string rules;
  std::string lang;
  std::string date;
  bool json = false;
};

int run_evaluate(const EvaluateArgs& args) {
  const auto date = evaluation_time(args.date, "--date");
  const rules::RuleSet set = load_rules_argument(args.rules);
  const std::string text = read_input_file(args.report);
  nlohmann::json document = nlohmann::json::parse(text, nullptr, false);
  if (document.is_discarded()) throw InvalidInputError(fmt::format("{}: not JSON", args.report));
  const auto errors = reports::validate_report(document);
  if (!errors.empty()) {
    std::string message = fmt::format("{}: not a valid report:", args.report);
    for (const auto& e : errors)
      message += fmt::format("\n  {}: {}", e.path.empty() ? "/" : e.path, e.message);
    throw InvalidInputError(message);
  }
  reports::Report report;
  try {
    report = reports::report_from_json(document);
  } catch (const std::invalid_argument& e) {
    throw InvalidInputError(fmt::format("{}: {}", args.report, e.what()));
  }
  report.evaluation = rules::evaluate(set, report, date);
  const std::string verdict = (*report.evaluation)["verdict"].get<std::string>();
  if (args.json) {
    std::fputs((reports::to_json(report).dump(2) + "\n").c_str(), stdout);
  } else {
    const bool color = platform::is_terminal(stdout) && std::getenv("NO_COLOR") == nullptr;
    ui::print_summary(stdout, report, color, ui::parse_language(args.lang));
  }
  return exit_code_for_verdict(verdict);
}

}  // namespace

void add_evaluate_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<EvaluateArgs>();
  CLI::App* cmd = app.add_subcommand("evaluate", "Evaluate a stored report against a rules set");
  cmd->add_option("REPORT", args->report, "Report JSON file (- for stdin)")->required();
  cmd->add_option("--rules", args->rules, "Rules file, or a shipped set: xiaoyibang, yishusheng")
      ->required();
  cmd->add_flag("--json", args->json, "Print the report with its evaluation as JSON");
  cmd->add_option("--lang", args->lang, "Language of messages: zh or en (default: from LANG)")
      ->check(CLI::IsMember({"zh", "zh-CN", "en"}));
  cmd->add_option("--date", args->date,
                  "Evaluate as of this date (YYYY-MM-DD; default: now); a later exam_date in the "
                  "report is still the day dates count from");
  cmd->callback([args, &exit_code] { exit_code = run_evaluate(*args); });
}

}  // namespace examready::app
