// What a model's brand and marketing name say by themselves: the database's brand slug, the
// Redmi series a rule can name (and, from name_class.h, a tablet or foldable by its name). Each is
// a derived fact the generator records as such (class source "name").
#pragma once

#include <string>
#include <string_view>

#include "rules/devices/name_class.h"

namespace examready::devices::generator {

// The database's lower-case brand for a source's brand and name: LGE -> lg, "TCT (Alcatel)"
// -> tct-alcatel; a Xiaomi named "Redmi …" -> redmi, "POCO …"/"Pocophone …" -> poco; a Huawei
// named "Honor …" -> honor; a vivo named "iQOO …" -> iqoo. Empty when nothing is left.
std::string brand_slug(std::string_view source_brand, std::string_view name);

// The key two sources' names are compared by: lower case, letters and digits only, with a
// leading maker word (xiaomi, samsung, huawei…) dropped: "Galaxy A5(2016)" and
// "galaxy a5 (2016)" -> "galaxya52016".
std::string name_key(std::string_view name);

// The brand a marketing name begins with, of the makers whose lines share model codes
// (xiaomi, redmi, poco, huawei, honor, vivo, iqoo, oppo, oneplus, realme): "Redmi K50 Ultra"
// -> "redmi", "Xiaomi 12T Pro" -> "xiaomi"; "" for "H60" or "Galaxy S9".
std::string brand_in_name(std::string_view name);

// The Redmi family a name belongs to, as the verified rows cut them: "Redmi Note 9 Pro" ->
// redmi-note-9, "Redmi 10X 4G" -> redmi-10x, "Redmi 9C" -> redmi-9, "Redmi K40 Pro+" ->
// redmi-k40, "Redmi Pad SE" -> redmi-pad. Empty for other brands and unknown shapes.
std::string series_from_name(std::string_view brand_slug, std::string_view name);

// class_from_name, phone_by_tablet_naming and is_foldable_name: rules/devices/name_class.h,
// which the probe shares.
using devices::class_from_name;
using devices::is_foldable_name;
using devices::phone_by_tablet_naming;

}  // namespace examready::devices::generator
