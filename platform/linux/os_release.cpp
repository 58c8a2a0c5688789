// The OS facts on Linux: os-release(5) for the distribution, uname for kernel and machine.
#include "platform/linux/os_release.h"

#include "core/text.h"
#include "platform/os_facts.h"

namespace examready::platform {

std::map<std::string, std::string> parse_os_release(std::string_view text) {
  std::map<std::string, std::string> values;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string line(core::text::trim(text.substr(pos, end - pos)));
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

ReleaseName release_name(const std::map<std::string, std::string>& release) {
  auto get = [&](const char* key) {
    auto it = release.find(key);
    return it == release.end() ? std::string() : it->second;
  };
  ReleaseName result;
  result.name = get("NAME");
  if (result.name.empty()) result.name = get("PRETTY_NAME");
  if (result.name.empty()) result.name = "Linux";
  result.version = get("VERSION_ID");
  return result;
}

std::optional<OsFacts> read_os_facts(Host& host, std::string& error) {
  const auto uname = host.uname();
  std::string source = "/etc/os-release";
  auto release_text = host.read_file(source);
  if (!release_text) {
    source = "/usr/lib/os-release";
    release_text = host.read_file(source);
  }
  if (!release_text && !uname) {
    error = "neither os-release nor uname is available";
    return std::nullopt;
  }
  OsFacts facts;
  facts.family = "linux";
  if (release_text) {
    const ReleaseName name = release_name(parse_os_release(*release_text));
    facts.name = name.name;
    facts.version = name.version;
    facts.source = source;
  } else {
    facts.source = "uname";
    facts.note = "no os-release file: distribution unknown";
  }
  if (uname) {
    facts.kernel = uname->release;
    facts.arch = uname->machine;
  }
  return facts;
}

}  // namespace examready::platform
