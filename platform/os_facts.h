// The operating system of the machine examready runs on, for the local `os` check, read the
// way the OS keeps it (Linux: os-release and uname, platform/linux/os_release.cpp).
#pragma once

#include <optional>
#include <string>

#include "platform/host.h"

namespace examready::platform {

struct OsFacts {
  std::string family;   // linux, windows, macos
  std::string name;     // the distribution's or edition's name; empty when unknown
  std::string version;  // empty for rolling releases
  std::string kernel;   // empty when unknown
  std::string arch;
  std::string source;   // where family, name and version came from ("/etc/os-release")
  std::string kernel_source = "uname";  // where kernel and arch came from
  std::string note;     // what could not be read, for the check's message
};

// nullopt with `error` set when the OS says nothing at all.
std::optional<OsFacts> read_os_facts(Host& host, std::string& error);

}  // namespace examready::platform
