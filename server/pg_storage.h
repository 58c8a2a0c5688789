// PostgreSQL backend (libpq): a small connection pool, prepared statements per connection.
#pragma once

#include <memory>
#include <string>

#include "server/storage.h"

namespace examready::server {

std::unique_ptr<Storage> open_pg_storage(const std::string& conninfo, int connections);

}  // namespace examready::server
