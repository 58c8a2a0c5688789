// What a marketing name says of a device's class by itself: a tablet word (Pad, Tab, MatePad),
// a foldable (Fold, Flip, Mate X), or a maker's naming that puts "Pad" in every tablet's name.
// Used by the generator on the sources' names and by the probe on the name the phone's firmware
// gives itself (device_facts.h). Pure: no I/O, no regex (the core also runs in the browser).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace examready::devices {

// Lower-case words of ASCII letters and digits: "Galaxy Tab S6 Lite (Wi-Fi)" ->
// {galaxy, tab, s6, lite, wi, fi}. Other characters separate words.
std::vector<std::string> name_words(std::string_view name);

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

}  // namespace examready::devices
