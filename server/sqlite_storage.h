// SQLite backend: WAL, one serialized writer connection, a pool of reader connections.
#pragma once

#include <memory>
#include <string>

#include "server/storage.h"

namespace examready::server {

std::unique_ptr<Storage> open_sqlite_storage(const std::string& path, int readers);

}  // namespace examready::server
