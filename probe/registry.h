// Every check the probe knows, in one explicit table.
#pragma once

#include <span>
#include <string_view>

#include "probe/check.h"

namespace examready::probe {

std::span<const CheckSpec> all_checks();
const CheckSpec* find_check(std::string_view name);

}  // namespace examready::probe
