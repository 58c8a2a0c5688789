// The zh-CN/en message table.
#include "ui/messages.h"

#include "core/verdict.h"

#include <cstdlib>
#include <string>

namespace examready::ui {
namespace {

struct Entry {
  Text key;
  std::string_view zh;
  std::string_view en;
};

constexpr Entry kTexts[] = {
    {Text::kChecking, "正在检测", "Checking"},
    {Text::kSummaryTitle, "检测结果", "Results"},
    {Text::kColumnCheck, "检测项", "Check"},
    {Text::kColumnStatus, "状态", "Status"},
    {Text::kColumnTime, "用时", "Time"},
    {Text::kColumnFindings, "测得", "Findings"},
    {Text::kVerdictReady, "可以参加考试", "Ready for the exam"},
    {Text::kVerdictWarnings, "可以考试，但有需要注意的问题", "Ready, with warnings"},
    {Text::kVerdictNotReady, "不能用于考试", "Not ready for the exam"},
    {Text::kVerdictIncomplete, "检测不完整，无法判断", "Incomplete: cannot decide"},
    {Text::kVerdictLabel, "结论", "Verdict"},
    {Text::kNoRules, "未指定考试平台规则（--rules），只显示测量结果",
     "No rules set given (--rules): measurements only"},
    {Text::kReportCode, "报告编号", "Report code"},
    {Text::kFix, "解决办法", "Fix"},
    {Text::kAdvice, "考前提醒", "Advice"},
    {Text::kNotChecked, "没能检测这一项，请自己确认", "Not checked here; make sure yourself"},
    {Text::kJudgedOn, "按考试日期判断：", "Judged as of the exam day: "},
};

}  // namespace

Language parse_language(std::string_view requested) {
  std::string lang(requested);
  if (lang.empty()) {
    for (const char* var : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
      const char* value = std::getenv(var);
      if (value && *value) {
        lang = value;
        break;
      }
    }
  }
  return lang.rfind("zh", 0) == 0 ? Language::kZh : Language::kEn;
}

std::string_view text(Text key, Language lang) {
  for (const auto& e : kTexts) {
    if (e.key == key) return lang == Language::kZh ? e.zh : e.en;
  }
  return "?";
}

std::string_view status_text(core::CheckStatus status, Language lang) {
  const bool zh = lang == Language::kZh;
  switch (status) {
    case core::CheckStatus::kOk: return zh ? "正常" : "ok";
    case core::CheckStatus::kUnsupported: return zh ? "不适用" : "unsupported";
    case core::CheckStatus::kDenied: return zh ? "无权限" : "denied";
    case core::CheckStatus::kTimeout: return zh ? "超时" : "timeout";
    case core::CheckStatus::kError: return zh ? "出错" : "error";
    case core::CheckStatus::kInvalid: break;
  }
  return "?";
}

std::string_view verdict_text(std::string_view verdict, Language lang) {
  switch (core::parse_verdict(verdict).value_or(core::Verdict::kInvalid)) {
    case core::Verdict::kReady: return text(Text::kVerdictReady, lang);
    case core::Verdict::kWarnings: return text(Text::kVerdictWarnings, lang);
    case core::Verdict::kNotReady: return text(Text::kVerdictNotReady, lang);
    case core::Verdict::kIncomplete: return text(Text::kVerdictIncomplete, lang);
    default: break;
  }
  return verdict;
}

}  // namespace examready::ui
