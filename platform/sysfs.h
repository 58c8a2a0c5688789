// Reading sysfs-style attribute directories (one value per file) through a Host.
#pragma once

#include <initializer_list>
#include <map>
#include <string>

#include "platform/host.h"

namespace examready::platform {

// Reads every file directly under `dir` into name -> trimmed value. Files that cannot
// be read (permission, EIO from a driver) are left out; a missing directory gives {}.
std::map<std::string, std::string> read_attribute_dir(Host& host, const std::string& dir);

// Reads only the named attributes: for directories that also hold personal data
// (DMI serial numbers and UUIDs are never read).
std::map<std::string, std::string> read_attributes(Host& host, const std::string& dir,
                                                   std::initializer_list<const char*> names);

std::string trim(std::string text);

}  // namespace examready::platform
