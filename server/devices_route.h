// GET /v1/devices: the device database this collector hands to probes, so a newer list
// reaches candidates without a new release (rules/devices/README.md). The text is the
// devices.tsv the server was started with (--devices FILE, else the built-in one), checked
// at startup and served from memory, gzip-compressed once.
#pragma once

#include <memory>
#include <string>

#include "server/http/router.h"

namespace examready::server {

struct ServedDevices {
  std::string text;     // devices.tsv
  std::string gzip;     // the same, gzip-compressed
  std::string version;  // devices::DeviceDb::version(): "N rows, <16 hex digits>"
  std::string hash;     // the 16 hex digits (the ETag)
  std::size_t rows = 0;
};

// Parses `text` as a device database; throws std::invalid_argument naming the line.
std::shared_ptr<const ServedDevices> serve_devices(std::string text);

// GET /v1/devices: the text (ETag: the hash; If-None-Match answers 304;
// X-ExamReady-Devices-Version: the version). GET /v1/devices/version: the version as JSON.
void add_devices_routes(http::Router& router, std::shared_ptr<const ServedDevices> devices);

}  // namespace examready::server
