// Setting an environment variable in a test, on Linux and on Windows.
#pragma once

#include <cstdlib>
#include <string>

namespace examready::test {

// An empty value unsets it where the OS can, and reads as unset everywhere else.
inline void set_environment(const std::string& name, const std::string& value) {
#ifdef _WIN32
  ::_putenv_s(name.c_str(), value.c_str());
#else
  if (value.empty())
    ::unsetenv(name.c_str());
  else
    ::setenv(name.c_str(), value.c_str(), 1);
#endif
}

}  // namespace examready::test
