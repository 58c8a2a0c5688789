// What a model's brand and marketing name say by themselves: the database's brand slug, the
// Redmi series a rule can name, and a tablet or foldable by its name. Each is a derived fact
// the generator records as such (class source "name").
#pragma once

#include <string>
#include <string_view>

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

// "tablet" for names that say so (Pad, Tab, Tablet, MediaPad, MatePad, iPad as a word),
// "phone" for foldables named as such (Fold, Flip, Mate X, Magic V, Find N, Razr), else empty.
std::string class_from_name(std::string_view name);

// "phone" when a maker that always says "Pad" (or 平板) in its tablets' names names a model
// without it: Xiaomi, Redmi, POCO, OPPO, OnePlus and realme (Xiaomi Pad, Redmi Pad, POCO Pad,
// OPPO Pad, OnePlus Pad, realme Pad), and the name is none of their other products (TV, box,
// stick, projector, watch, band…). Not for names that are a model code (Play lists vivo's
// Pad as "PA2170"), nor for makers whose tablets go by bare names (Huawei "T1 10", "M3";
// Samsung "Galaxy Note 10.1"; Google "Pixel C"; Nokia "T20"). Empty otherwise. Measured in
// tests/devicedb/generator_test.cpp against every row of known class.
std::string phone_by_tablet_naming(std::string_view brand_slug, std::string_view name);

// Foldables: a 7-8 inch inner screen on a phone. Used to keep display size from calling
// them tablets.
bool is_foldable_name(std::string_view name);

}  // namespace examready::devices::generator
