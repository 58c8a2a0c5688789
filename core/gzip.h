// gzip (RFC 1952) compression with zlib: the probe's upload bodies and the files the
// collector serves compressed. Outside examready_core: the browser build has no zlib.
#pragma once

#include <string>
#include <string_view>

namespace examready::core {

// gzip of `data` at the best compression; throws std::runtime_error on zlib failure.
std::string gzip_compress(std::string_view data);

}  // namespace examready::core
