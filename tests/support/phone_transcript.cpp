// Replaying a recorded phone's shell answers (phone_transcript.h).
#include "tests/support/phone_transcript.h"

#include <fstream>
#include <map>
#include <sstream>

#include "core/text.h"
#include "platform/android/getprop.h"

namespace examready::test {

namespace fs = std::filesystem;

std::optional<std::string> slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> split_shell_words(std::string_view line) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == ' ' || c == '\t' || c == '\n') {
      if (in_word) words.push_back(std::move(word));
      word.clear();
      in_word = false;
      continue;
    }
    in_word = true;
    if (c == '\'') {
      const std::size_t end = line.find('\'', i + 1);
      word += line.substr(i + 1, end == std::string_view::npos ? end : end - i - 1);
      if (end == std::string_view::npos) break;
      i = end;
    } else if (c == '"') {
      for (++i; i < line.size() && line[i] != '"'; ++i) {
        if (line[i] == '\\' && i + 1 < line.size()) ++i;
        word += line[i];
      }
    } else if (c == '\\' && i + 1 < line.size()) {
      word += line[++i];
    } else {
      word += c;
    }
  }
  if (in_word) words.push_back(std::move(word));
  return words;
}

std::string recorded_prop(const fs::path& device_dir, std::string_view name) {
  const std::optional<std::string> text = slurp(device_dir / "getprop.txt");
  if (!text) return {};
  return platform::android::prop(platform::android::parse_getprop(*text), std::string(name));
}

platform::CommandResult replay_phone_command(const fs::path& dir,
                                             const std::vector<std::string>& argv) {
  platform::CommandResult r;
  r.started = true;
  r.exit_code = 0;
  if (argv.empty()) return r;
  const std::string& cmd = argv[0];
  if (cmd == "sh" && argv.size() == 3 && argv[1] == "-c") {
    const std::string& script = argv[2];
    constexpr std::string_view kAndEcho = " && echo ";
    const std::size_t and_pos = script.find(kAndEcho);
    r = replay_phone_command(dir, split_shell_words(script.substr(0, and_pos)));
    if (r.exit_code == 0 && and_pos != std::string::npos) {
      r.out += script.substr(and_pos + kAndEcho.size()) + "\n";
    }
    return r;
  }
  const auto file = [&](const std::string& name) {
    if (auto text = slurp(dir / name)) {
      r.out = std::move(*text);
    } else {
      r.exit_code = 1;
      r.err = name + ": No such file or directory\n";
    }
  };
  const auto arg = [&](std::size_t i) { return i < argv.size() ? argv[i] : std::string(); };
  // Commands whose output is one recorded file whatever their arguments.
  static const std::map<std::string, std::string, std::less<>> kRecordedOutput = {
      {"stat", "stat_f.txt"},         {"df", "df.txt"},   {"uname", "uname.txt"},
      {"pm", "pm_list_packages.txt"}, {"ps", "ps_A.txt"}, {"ls", "vendor_etc.ls"}};
  if (const auto recorded = kRecordedOutput.find(cmd); recorded != kRecordedOutput.end()) {
    file(recorded->second);
  } else if (cmd == "getprop" && argv.size() == 1) {
    file("getprop.txt");
  } else if (cmd == "getprop") {
    r.out = recorded_prop(dir, arg(1)) + "\n";
  } else if (cmd == "settings") {  // settings get NAMESPACE KEY
    std::istringstream lines(slurp(dir / "settings.txt").value_or(""));
    std::string ns, key, value;
    r.out = "null\n";
    while (lines >> ns >> key >> value) {
      if (ns == arg(2) && key == arg(3)) r.out = value + "\n";
    }
  } else if (cmd == "dumpsys") {
    // A service the phone lacks: dumpsys says so and still exits 0.
    if (auto text = slurp(dir / ("dumpsys_" + arg(1) + ".txt")))
      r.out = std::move(*text);
    else
      r.out = "Can't find service: " + arg(1) + "\n";
  } else if (cmd == "cat" && core::text::starts_with(arg(1), "/vendor/etc/")) {
    file("vendor_etc/" + fs::path(arg(1)).filename().string());
  } else if (cmd == "cat") {
    r.exit_code = 1;
    r.err = "cat: " + arg(1) + ": No such file or directory\n";
  } else {
    r.exit_code = 127;
    r.err = "/system/bin/sh: " + cmd + ": inaccessible or not found\n";
  }
  return r;
}

}  // namespace examready::test
