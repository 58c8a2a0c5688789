// The probe's own user-facing strings in zh-CN and en. Verdict reasons and fixes
// come from the rules file; everything else the terminal and window print is here.
#pragma once

#include <string_view>

#include "core/check_result.h"

namespace examready::ui {

enum class Language { kZh, kEn };

// From --lang ("zh", "zh-CN", "en") or, when empty, from LANGUAGE/LC_ALL/LC_MESSAGES/LANG.
Language parse_language(std::string_view requested);

enum class Text {
  kChecking,
  kSummaryTitle,
  kColumnCheck,
  kColumnStatus,
  kColumnTime,
  kColumnFindings,
  kVerdictReady,
  kVerdictWarnings,
  kVerdictNotReady,
  kVerdictIncomplete,
  kVerdictLabel,
  kNoRules,
  kReportCode,
  kFix,
  kAdvice,
  kNotChecked,
  kJudgedOn,  // followed by the exam date
};

std::string_view text(Text key, Language lang);
std::string_view status_text(core::CheckStatus status, Language lang);
// "ready", "warnings", "not_ready", "incomplete" -> localized label.
std::string_view verdict_text(std::string_view verdict, Language lang);

}  // namespace examready::ui
