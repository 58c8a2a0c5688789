// Helpers the loader shares: located failures and strict key checks over toml++ nodes.
// Internal to the rules library.
#pragma once

#include <toml++/toml.h>
#include <initializer_list>
#include <string>
#include <string_view>

#include "rules/rule_set.h"

namespace examready::rules::detail {

// Throws RulesLoadError at the node's (or key's) first character.
[[noreturn]] void fail(const std::string& file, const toml::source_region& where,
                       std::string message);

// Every key of `table` must be one of `allowed`; `what` names the table in the message.
void check_keys(const std::string& file, const toml::table& table,
                std::initializer_list<std::string_view> allowed, std::string_view what);

// The key object of `name` in `table` (for its location), or nullptr.
const toml::key* find_key(const toml::table& table, std::string_view name);

std::string_view type_name(const toml::node& node);

// The file's TOML; throws RulesLoadError located at the syntax error.
toml::table parse_toml(const std::string& file, std::string_view text);

Condition parse_condition(const std::string& file, const toml::node& node);

}  // namespace examready::rules::detail
