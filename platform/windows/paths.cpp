// Where things are on Windows: the running .exe, the user's profile and %LOCALAPPDATA%.
#include <windows.h>

#include <cstdlib>

#include "platform/files.h"

namespace examready::platform {
namespace {

std::filesystem::path from_environment(const wchar_t* name) {
  const wchar_t* value = ::_wgetenv(name);
  return value && *value ? std::filesystem::path(value) : std::filesystem::path();
}

}  // namespace

std::filesystem::path executable_dir() {
  std::wstring path(MAX_PATH, L'\0');
  while (true) {
    const DWORD n = ::GetModuleFileNameW(nullptr, path.data(), static_cast<DWORD>(path.size()));
    if (n == 0) return {};
    if (n < path.size()) return std::filesystem::path(path.substr(0, n)).parent_path();
    path.resize(path.size() * 2);
  }
}

std::filesystem::path home_directory() {
  if (auto profile = from_environment(L"USERPROFILE"); !profile.empty()) return profile;
  return from_environment(L"SystemDrive") / "\\";
}

// %LOCALAPPDATA%\ExamReady: per user and per machine (not roamed), like the state
// directory on Linux.
std::filesystem::path state_directory() {
  if (auto local = from_environment(L"LOCALAPPDATA"); !local.empty()) return local / "ExamReady";
  return home_directory() / "AppData" / "Local" / "ExamReady";
}

}  // namespace examready::platform
