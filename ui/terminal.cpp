// Terminal progress and summary.
#include "ui/terminal.h"

#include <fmt/format.h>

#include <algorithm>

#include "ui/format.h"
#include "ui/presentation.h"

namespace examready::ui {
namespace {

constexpr const char* kSpinner[] = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};

std::string_view color_of(Tone tone) {
  switch (tone) {
    case Tone::kGood: return "\x1b[32m";
    case Tone::kCaution: return "\x1b[33m";
    case Tone::kQuiet: return "\x1b[2m";
    case Tone::kBad: break;
  }
  return "\x1b[31m";
}

std::string_view status_color(core::CheckStatus status) { return color_of(tone_of(status)); }

// The verdict line is bold.
std::string verdict_color(std::string_view verdict) {
  return "\x1b[1m" + std::string(color_of(tone_of_verdict(verdict)));
}

std::string paint(bool color, std::string_view code, std::string_view text) {
  return color ? fmt::format("{}{}\x1b[0m", code, text) : std::string(text);
}

std::string pad(std::string_view text, std::size_t width) {
  std::size_t w = display_width(text);
  return std::string(text) + std::string(w < width ? width - w : 0, ' ');
}

}  // namespace

TerminalProgress::TerminalProgress(std::FILE* out, bool tty, bool color, Language lang)
    : out_(out), tty_(tty), color_(color), lang_(lang) {}

void TerminalProgress::on_event(const probe::ProgressEvent& event) {
  const ProgressRow& row = rows_.apply(event);
  switch (event.kind) {
    case probe::ProgressEvent::Kind::kStarted:
      if (!tty_) fmt::print(out_, "{} {}…\n", text(Text::kChecking, lang_), event.check);
      break;
    case probe::ProgressEvent::Kind::kProgress:
      if (!tty_) return;
      break;
    case probe::ProgressEvent::Kind::kFinished:
      if (!tty_) fmt::print(out_, "{}\n", render(row));
      break;
  }
  if (tty_) redraw();
  std::fflush(out_);
}

void TerminalProgress::tick() {
  if (!tty_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(80)) return;
  ++frame_;
  redraw();
}

std::string TerminalProgress::render(const ProgressRow& row) const {
  if (!row.finished) {
    std::string percent = row.fraction > 0 ? fmt::format(" {:3.0f}%", row.fraction * 100) : "";
    return fmt::format("{} {}{}", kSpinner[frame_ % 10], pad(row.check, 12), percent);
  }
  const bool ok = row.status == core::CheckStatus::kOk;
  const char* symbol = ok ? "✔" : row.status == core::CheckStatus::kUnsupported ? "–" : "✘";
  std::string mark = paint(color_, status_color(row.status), symbol);
  return fmt::format("{} {} {} ({:.0f} ms)", mark, pad(row.check, 12),
                     paint(color_, status_color(row.status), status_text(row.status, lang_)), row.duration_ms);
}

void TerminalProgress::redraw() {
  last_draw_ = std::chrono::steady_clock::now();
  std::string frame;
  if (drawn_ > 0) frame += fmt::format("\x1b[{}F", drawn_);
  for (const auto& row : rows_.rows()) frame += "\x1b[2K" + render(row) + "\n";
  drawn_ = rows_.rows().size();
  std::fputs(frame.c_str(), out_);
  std::fflush(out_);
}

void print_summary(std::FILE* out, const reports::Report& report, bool color, Language lang) {
  fmt::print(out, "\n{}\n", paint(color, "\x1b[1m", text(Text::kSummaryTitle, lang)));
  std::size_t name_width = display_width(text(Text::kColumnCheck, lang));
  for (const auto& c : report.checks) name_width = std::max(name_width, c.name.size());
  const std::size_t status_width = 12;
  fmt::print(out, "  {} {} {:>8}  {}\n", pad(text(Text::kColumnCheck, lang), name_width),
             pad(text(Text::kColumnStatus, lang), status_width), text(Text::kColumnTime, lang),
             text(Text::kColumnFindings, lang));
  for (const auto& c : report.checks) {
    fmt::print(out, "  {} {} {:>6.0f}ms  {}\n", pad(c.name, name_width),
               paint(color, status_color(c.status), pad(status_text(c.status, lang), status_width)),
               c.duration_ms, summarize_check(c));
  }

  fmt::print(out, "\n{}: {}\n", text(Text::kReportCode, lang), paint(color, "\x1b[1m", report.code()));
  if (!report.evaluation) {
    fmt::print(out, "{}\n", text(Text::kNoRules, lang));
    return;
  }
  const auto& evaluation = *report.evaluation;
  const std::string verdict = evaluation.value("verdict", std::string());
  fmt::print(out, "{}: {}\n", text(Text::kVerdictLabel, lang),
             paint(color, verdict_color(verdict), verdict_text(verdict, lang)));
  if (auto exam = evaluation.value("judged_on", std::string()); !exam.empty())
    fmt::print(out, "{}{}\n", text(Text::kJudgedOn, lang), exam);
  // Keep the copy alive: the rules below point into it.
  const nlohmann::json rules = evaluation.value("rules", nlohmann::json::array());
  for (const ProblemRule& problem : problem_rules(rules)) {
    const nlohmann::json& rule = *problem.rule;
    const bool unknown = problem.outcome == core::RuleOutcome::kUnknown;
    const std::string mark = unknown ? "?" : problem.blocking ? "✘" : "!";
    fmt::print(out, "  {} [{}] {}\n",
               paint(color, problem.blocking ? "\x1b[31m" : "\x1b[33m", mark),
               rule.value("source", rule.value("id", "")), rule_statement(rule, lang));
    // An unknown outcome is a check that could not run, not a found problem. Its requirement
    // says so in its own words; an older evaluation without one gets the generic line.
    if (unknown && !rule.contains("requirement"))
      fmt::print(out, "      {}\n", text(Text::kNotChecked, lang));
    if (auto detail = rule.value("detail", std::string()); !detail.empty()) {
      fmt::print(out, "      ({})\n", detail);
    }
    if (auto fix = localized(rule.value("fix", nlohmann::json()), lang); !fix.empty()) {
      fmt::print(out, "      {}: {}\n", text(Text::kFix, lang), fix);
    }
  }
  const std::vector<const nlohmann::json*> advice = advice_rules(rules);
  if (!advice.empty()) {
    fmt::print(out, "{}:\n", text(Text::kAdvice, lang));
    for (const auto* rule : advice) {
      fmt::print(out, "  • {}\n", rule_statement(*rule, lang));
      if (auto fix = localized(rule->value("fix", nlohmann::json()), lang); !fix.empty())
        fmt::print(out, "    {}: {}\n", text(Text::kFix, lang), fix);
    }
  }
}

}  // namespace examready::ui
