// The `os` check on the local machine (phones get theirs from getprop/ideviceinfo).
#include "probe/os.h"

#include "probe/android/identity.h"
#include "probe/ios/ios_checks.h"

#include "platform/sysfs.h"

namespace examready::probe {

std::map<std::string, std::string> parse_os_release(std::string_view text) {
  std::map<std::string, std::string> values;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string line = platform::trim(std::string(text.substr(pos, end - pos)));
    pos = end + 1;
    if (line.empty() || line.front() == '#') continue;
    auto eq = line.find('=');
    if (eq == std::string::npos) continue;
    std::string key = line.substr(0, eq);
    std::string raw = line.substr(eq + 1);
    std::string value;
    if (!raw.empty() && (raw.front() == '"' || raw.front() == '\'')) {
      const char quote = raw.front();
      for (std::size_t i = 1; i < raw.size() && raw[i] != quote; ++i) {
        if (raw[i] == '\\' && quote == '"' && i + 1 < raw.size()) ++i;
        value += raw[i];
      }
    } else {
      value = raw;
    }
    values[key] = value;
  }
  return values;
}

OsFacts os_facts_from_release(const std::map<std::string, std::string>& release) {
  auto get = [&](const char* key) {
    auto it = release.find(key);
    return it == release.end() ? std::string() : it->second;
  };
  OsFacts facts;
  facts.family = "linux";
  facts.name = get("NAME");
  if (facts.name.empty()) facts.name = get("PRETTY_NAME");
  if (facts.name.empty()) facts.name = "Linux";
  facts.version = get("VERSION_ID");
  return facts;
}

Outcome run_os_check(CheckContext& ctx) {
  switch (ctx.options().transport) {
    case Transport::kAdb:
    case Transport::kGetpropText:
      return android::run_os_check(ctx);
    case Transport::kIos:
      return ios::run_os_check(ctx);
    default:
      break;
  }
  auto& host = ctx.host();
  auto uname = host.uname();
  auto release_text = host.read_file("/etc/os-release");
  std::string source = "/etc/os-release";
  if (!release_text) {
    release_text = host.read_file("/usr/lib/os-release");
    source = "/usr/lib/os-release";
  }
  if (!release_text && !uname) return Outcome::error("neither os-release nor uname is available");

  if (release_text) {
    OsFacts facts = os_facts_from_release(parse_os_release(*release_text));
    ctx.emit(MetricId::kOsFamily, facts.family, source);
    ctx.emit(MetricId::kOsName, facts.name, source);
    if (!facts.version.empty()) ctx.emit(MetricId::kOsVersion, facts.version, source);
  } else {
    ctx.emit(MetricId::kOsFamily, std::string("linux"), "uname");
  }
  if (uname) {
    ctx.emit(MetricId::kOsKernel, uname->release, "uname");
    ctx.emit(MetricId::kOsArch, uname->machine, "uname");
  }
  return Outcome::ok(release_text ? "" : "no os-release file: distribution unknown");
}

}  // namespace examready::probe
