// Launch years read from a phone's marketing name, for the rows of the database that have a
// name but no date (a model code only Google Play or Matomo's detector lists: "Mate 70 Pro+
// 5G", "Reno 10", "iQOO Neo 8 Pro"). Pure: no I/O, no regex (the core also runs in the
// browser).
//
// The makers' numbered lines launch one generation at a time: HUAWEI Mate 60 in 2023, OPPO
// Reno10 in 2023, vivo S16 in 2022. Each table row (name_series_rules.cpp) names a generation
// and the years every phone of it launched in, from the makers' launch announcements; a
// generation launched late in a year whose variants or other markets followed the next year
// (Reno11: China 2023-11, global 2024-01) is given both years. A name is read only when every
// word after the generation is one the row allows ("Pro", "Ultra", "RS"…): any other word may
// be a later re-issue (Mate 40 Pro 4G of 2021, Reno8 T of 2023, Galaxy S21 FE of 2022), and
// then nothing is said. Measured against every hand-checked row of the database and the
// sources' dated rows (tests/devicedb/name_series_rules_test.cpp).
//
// Rule ids (as in the launch's source, "name:RULE"): huawei-mate, huawei-p, huawei-nova,
// huawei-enjoy, huawei-foldable, huawei-matepad, honor-number, honor-v, honor-magic, honor-x,
// honor-play, honor-gt, honor-pad, oppo-reno, oppo-find, oppo-k, oppo-pad, oneplus-number,
// oneplus-ace, oneplus-nord, vivo-x, vivo-s, iqoo-number, iqoo-neo, iqoo-z, realme-gt,
// realme-number, xiaomi-number, xiaomi-pad, redmi-k, redmi-note, redmi-number, poco-line,
// samsung-galaxy-s, samsung-galaxy-z, samsung-galaxy-a, apple-iphone, apple-ipad, and
// year-in-name: a name that carries its year ("MatePad 11 (2023)", "Redmi 10 2022", "Galaxy
// A5 (2017)") launched that year or in the last months of the one before (Galaxy A8 (2018):
// 2017-12).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "rules/devices/model_code_rules.h"

namespace examready::devices {

struct NamedLaunch {
  YearRange launch;
  std::string rule;  // the rule id above
  // The year the generation's phones for mainland China launched, where the lines launch
  // there first and abroad up to a year later (Reno11: China 2023-11, abroad 2024-01; Redmi
  // Note 14: China 2024-09, abroad 2025-01): the first of the years. Unset for other lines.
  std::optional<int> china_launch;
};

// brand: the row's brand (lower or any case: "huawei", "Honor", "iqoo"); name: its marketing
// name, with or without the brand ("HUAWEI Mate 70 Pro+", "Mate 70 Pro+ 5G", "荣耀 80 GT").
// Names of several phones joined by " / " give a launch only when every part gives the same.
std::optional<NamedLaunch> launch_from_marketing_name(std::string_view brand,
                                                      std::string_view name);

}  // namespace examready::devices
