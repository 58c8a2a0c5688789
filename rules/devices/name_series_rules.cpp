// Launch years from marketing names: a name is cut into words, the brand dropped, and matched
// against the makers' generations below.
#include "rules/devices/name_series_rules.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <vector>

#include "core/text.h"
#include "rules/devices/device_db.h"

namespace examready::devices {
namespace {

// One generation of a numbered line: `base` is its name in the form words() gives ("mate70",
// "find x6", "iqoo neo7", "80"); `allowed` the words that may follow it, space-separated.
struct Generation {
  std::string_view brand;  // the series' brand: the row's, or the lead word's (kLeadWords)
  std::string_view rule;
  std::string_view base;
  int earliest, latest;
  std::string_view allowed;
};

// Sources: the makers' launch announcements and press pages, as the hand-checked rows of
// verified.tsv cite them (KHwang9883/MobileModels, read by hand). Years are first launches in
// any market; "Y, Y + 1" where the generation's phones came out over the turn of a year.
constexpr std::string_view kMateWords = "pro pro+ rs ultimate porsche design lite";
constexpr std::string_view kNovaWords = "pro ultra se 活力版";
constexpr std::string_view kMagicWords = "pro pro+ ultimate 至臻版 rsr porsche design lite";
constexpr std::string_view kPro = "pro";
constexpr std::string_view kProPlus = "pro pro+";
constexpr std::string_view kSamsungS = "+ ultra";

// A plain array: clang cannot deduce a std::array of this many elements.
constexpr Generation kGenerations[] = {
    // HUAWEI Mate (autumn launches), P / Pura (spring), foldables.
    Generation{"huawei", "huawei-mate", "mate8", 2015, 2015, ""},
    Generation{"huawei", "huawei-mate", "mate9", 2016, 2016, kPro},
    Generation{"huawei", "huawei-mate", "mate10", 2017, 2017, kMateWords},
    Generation{"huawei", "huawei-mate", "mate20", 2018, 2018, kMateWords},
    Generation{"huawei", "huawei-mate", "mate30", 2019, 2019, kMateWords},
    Generation{"huawei", "huawei-mate", "mate30e", 2020, 2020, kPro},
    Generation{"huawei", "huawei-mate", "mate40", 2020, 2020, kMateWords},
    Generation{"huawei", "huawei-mate", "mate50", 2022, 2022, kMateWords},
    Generation{"huawei", "huawei-mate", "mate60", 2023, 2023, kMateWords},
    Generation{"huawei", "huawei-mate", "mate70", 2024, 2024, kMateWords},
    Generation{"huawei", "huawei-mate", "mate80", 2025, 2025, "pro max rs"},
    Generation{"huawei", "huawei-p", "p9", 2016, 2016, kMateWords},
    Generation{"huawei", "huawei-p", "p9 plus", 2016, 2016, ""},
    Generation{"huawei", "huawei-p", "p10", 2017, 2017, kMateWords},
    Generation{"huawei", "huawei-p", "p20", 2018, 2018, kMateWords},
    Generation{"huawei", "huawei-p", "p30", 2019, 2019, kMateWords},
    Generation{"huawei", "huawei-p", "p40", 2020, 2020, kMateWords},
    Generation{"huawei", "huawei-p", "p50", 2021, 2021, "pro pocket"},
    Generation{"huawei", "huawei-p", "p60", 2023, 2023, "pro art"},
    Generation{"huawei", "huawei-p", "pura70", 2024, 2024, "pro pro+ ultra"},
    Generation{"huawei", "huawei-p", "pura80", 2025, 2025, "pro pro+ ultra"},
    Generation{"huawei", "huawei-foldable", "mate x", 2019, 2019, ""},
    Generation{"huawei", "huawei-foldable", "mate xs", 2020, 2020, ""},
    Generation{"huawei", "huawei-foldable", "mate xs2", 2022, 2022, ""},
    Generation{"huawei", "huawei-foldable", "mate x2", 2021, 2021, ""},
    Generation{"huawei", "huawei-foldable", "mate x3", 2023, 2023, ""},
    Generation{"huawei", "huawei-foldable", "mate x5", 2023, 2023, ""},
    Generation{"huawei", "huawei-foldable", "mate x6", 2024, 2024, ""},
    Generation{"huawei", "huawei-foldable", "mate xt", 2024, 2024, "ultimate design"},
    Generation{"huawei", "huawei-foldable", "pocket s", 2022, 2022, ""},
    Generation{"huawei", "huawei-foldable", "pocket2", 2024, 2024, ""},
    // nova: the December generations (8, 12) and nova 9 SE (2021-12 / 2022) span two years.
    Generation{"huawei", "huawei-nova", "nova2", 2017, 2017, "plus"},
    Generation{"huawei", "huawei-nova", "nova2s", 2017, 2017, ""},
    Generation{"huawei", "huawei-nova", "nova3", 2018, 2018, ""},
    Generation{"huawei", "huawei-nova", "nova3e", 2018, 2018, ""},
    Generation{"huawei", "huawei-nova", "nova3i", 2018, 2018, ""},
    Generation{"huawei", "huawei-nova", "nova4", 2018, 2018, ""},
    Generation{"huawei", "huawei-nova", "nova4e", 2019, 2019, ""},
    Generation{"huawei", "huawei-nova", "nova5i", 2019, 2019, kPro},
    Generation{"huawei", "huawei-nova", "nova5", 2019, 2019, kNovaWords},
    Generation{"huawei", "huawei-nova", "nova6", 2019, 2019, kNovaWords},
    Generation{"huawei", "huawei-nova", "nova7", 2020, 2020, kNovaWords},
    Generation{"huawei", "huawei-nova", "nova8", 2020, 2021, kNovaWords},
    Generation{"huawei", "huawei-nova", "nova9 se", 2022, 2022, ""},
    Generation{"huawei", "huawei-nova", "nova9", 2021, 2022, kNovaWords},
    Generation{"huawei", "huawei-nova", "nova10", 2022, 2022, kNovaWords},
    Generation{"huawei", "huawei-nova", "nova11", 2023, 2023, kNovaWords},
    Generation{"huawei", "huawei-nova", "nova12", 2023, 2023, "pro ultra 活力版"},
    Generation{"huawei", "huawei-nova", "nova12 lite", 2023, 2024, ""},
    Generation{"huawei", "huawei-nova", "nova13", 2024, 2025, kNovaWords},
    Generation{"huawei", "huawei-nova", "nova14", 2025, 2025, kNovaWords},
    // 畅享 (Enjoy, words() reads it as "enjoy"), China only; the 70X 活力版 a year after the 70X.
    Generation{"huawei", "huawei-enjoy", "enjoy10", 2019, 2019, "plus"},
    Generation{"huawei", "huawei-enjoy", "enjoy10s", 2019, 2019, ""},
    Generation{"huawei", "huawei-enjoy", "enjoy10e", 2020, 2020, ""},
    Generation{"huawei", "huawei-enjoy", "enjoy20", 2020, 2020, "pro plus"},
    Generation{"huawei", "huawei-enjoy", "enjoy60", 2023, 2023, kPro},
    Generation{"huawei", "huawei-enjoy", "enjoy60x", 2023, 2023, ""},
    Generation{"huawei", "huawei-enjoy", "enjoy70", 2023, 2023, kPro},
    Generation{"huawei", "huawei-enjoy", "enjoy70s", 2024, 2024, ""},
    Generation{"huawei", "huawei-enjoy", "enjoy70x", 2024, 2024, ""},
    Generation{"huawei", "huawei-enjoy", "enjoy70x 活力版", 2025, 2025, ""},
    Generation{"huawei", "huawei-enjoy", "enjoy80", 2025, 2025, ""},
    // HONOR: the number line twice a year since the 60 (November ones span two years).
    Generation{"honor", "honor-number", "4x", 2014, 2014, ""},
    Generation{"honor", "honor-number", "5x", 2015, 2015, ""},
    Generation{"honor", "honor-number", "6x", 2016, 2016, ""},
    Generation{"honor", "honor-number", "7x", 2017, 2017, ""},
    Generation{"honor", "honor-number", "8", 2016, 2016, ""},
    Generation{"honor", "honor-number", "8x", 2018, 2018, "max"},
    Generation{"honor", "honor-number", "8c", 2018, 2018, ""},
    Generation{"honor", "honor-number", "9", 2017, 2017, ""},
    Generation{"honor", "honor-number", "9x", 2019, 2019, ""},
    Generation{"honor", "honor-number", "10 lite", 2018, 2018, ""},
    Generation{"honor", "honor-number", "10", 2018, 2018, kPro},
    Generation{"honor", "honor-number", "20", 2019, 2019, kPro},
    Generation{"honor", "honor-number", "20i", 2019, 2019, ""},
    Generation{"honor", "honor-v", "v10", 2017, 2017, ""},
    Generation{"honor", "honor-v", "v20", 2018, 2018, ""},
    Generation{"honor", "honor-v", "v30", 2019, 2019, kPro},
    Generation{"honor", "honor-v", "v40", 2021, 2021, ""},
    Generation{"honor", "honor-number", "30", 2020, 2020, kProPlus},
    Generation{"honor", "honor-number", "50", 2021, 2021, "pro se"},
    Generation{"honor", "honor-number", "60 se", 2022, 2022, ""},
    Generation{"honor", "honor-number", "60", 2021, 2022, kPro},
    Generation{"honor", "honor-number", "70", 2022, 2022, kProPlus},
    Generation{"honor", "honor-number", "80", 2022, 2022, "pro se gt"},
    Generation{"honor", "honor-number", "80 pro 直屏版", 2023, 2023, ""},
    Generation{"honor", "honor-number", "90", 2023, 2023, "pro gt"},
    Generation{"honor", "honor-number", "100", 2023, 2024, kPro},
    Generation{"honor", "honor-number", "200", 2024, 2024, kPro},
    Generation{"honor", "honor-number", "300", 2024, 2024, "pro ultra"},
    Generation{"honor", "honor-number", "400", 2025, 2025, kPro},
    Generation{"honor", "honor-magic", "magic3", 2021, 2021, kMagicWords},
    Generation{"honor", "honor-magic", "magic4", 2022, 2022, kMagicWords},
    Generation{"honor", "honor-magic", "magic5", 2023, 2023, kMagicWords},
    Generation{"honor", "honor-magic", "magic6 lite", 2023, 2023, ""},
    Generation{"honor", "honor-magic", "magic6", 2023, 2024, ""},
    Generation{"honor", "honor-magic", "magic6 pro", 2024, 2024, ""},
    Generation{"honor", "honor-magic", "magic6 rsr", 2024, 2024, "porsche design"},
    Generation{"honor", "honor-magic", "magic6 至臻版", 2024, 2024, ""},
    Generation{"honor", "honor-magic", "magic6 ultimate", 2024, 2024, ""},
    Generation{"honor", "honor-magic", "magic7 lite", 2025, 2025, ""},
    Generation{"honor", "honor-magic", "magic7", 2024, 2025, kPro},
    Generation{"honor", "honor-magic", "magic7 rsr", 2024, 2024, "porsche design"},
    Generation{"honor", "honor-magic", "magic8", 2025, 2026, kPro},
    Generation{"honor", "honor-magic", "magic v", 2022, 2022, ""},
    Generation{"honor", "honor-magic", "magic v2", 2023, 2023, "至臻版 ultimate"},
    Generation{"honor", "honor-magic", "magic v3", 2024, 2024, ""},
    Generation{"honor", "honor-magic", "magic v5", 2025, 2025, ""},
    Generation{"honor", "honor-magic", "magic v flip", 2024, 2024, ""},
    Generation{"honor", "honor-magic", "magic v flip2", 2025, 2025, ""},
    Generation{"honor", "honor-magic", "magic vs", 2022, 2022, "至臻版 ultimate"},
    Generation{"honor", "honor-x", "x10", 2020, 2020, "max"},
    Generation{"honor", "honor-x", "x20", 2021, 2021, "se"},
    Generation{"honor", "honor-x", "x30", 2021, 2021, "max"},
    Generation{"honor", "honor-x", "x40", 2022, 2022, "gt"},
    Generation{"honor", "honor-x", "x40i", 2022, 2022, ""},
    Generation{"honor", "honor-x", "x50", 2023, 2023, "pro gt"},
    Generation{"honor", "honor-x", "x50i", 2023, 2023, ""},
    Generation{"honor", "honor-x", "x60", 2024, 2024, kPro},
    Generation{"honor", "honor-x", "x60i", 2024, 2024, ""},
    Generation{"honor", "honor-x", "x70", 2025, 2025, ""},
    // 畅玩 (Play, read as "play") and the Play line, China; the GT (2023-12) and GT Pro.
    Generation{"honor", "honor-play", "play7t", 2023, 2023, ""},
    Generation{"honor", "honor-play", "play8t", 2024, 2024, ""},
    Generation{"honor", "honor-play", "play9c", 2024, 2024, ""},
    Generation{"honor", "honor-play", "play9t", 2025, 2025, ""},
    Generation{"honor", "honor-play", "play40 plus", 2022, 2022, ""},
    Generation{"honor", "honor-play", "play50", 2024, 2024, "plus"},
    Generation{"honor", "honor-play", "play60 plus", 2025, 2025, ""},
    Generation{"honor", "honor-gt", "gt", 2023, 2024, ""},
    Generation{"honor", "honor-gt", "gt pro", 2025, 2025, ""},
    Generation{"honor", "honor-magic", "magic vs3", 2024, 2024, ""},
    Generation{"honor", "honor-magic", "v purse", 2023, 2023, ""},
    // OPPO Reno: May generations in one year, November ones (odd numbers since Reno5) over two.
    Generation{"oppo", "oppo-reno", "reno2", 2019, 2019, kPro},
    Generation{"oppo", "oppo-reno", "reno3", 2019, 2020, kPro},
    Generation{"oppo", "oppo-reno", "reno4", 2020, 2020, kProPlus},
    Generation{"oppo", "oppo-reno", "reno5", 2020, 2021, kProPlus},
    Generation{"oppo", "oppo-reno", "reno6", 2021, 2021, kProPlus},
    Generation{"oppo", "oppo-reno", "reno7", 2021, 2022, kProPlus},
    Generation{"oppo", "oppo-reno", "reno8", 2022, 2022, kProPlus},
    Generation{"oppo", "oppo-reno", "reno9", 2022, 2023, kProPlus},
    Generation{"oppo", "oppo-reno", "reno10", 2023, 2023, kProPlus},
    Generation{"oppo", "oppo-reno", "reno11", 2023, 2024, kPro},
    Generation{"oppo", "oppo-reno", "reno12", 2024, 2024, kPro},
    Generation{"oppo", "oppo-reno", "reno13", 2024, 2025, kPro},
    Generation{"oppo", "oppo-reno", "reno14", 2025, 2025, kPro},
    Generation{"oppo", "oppo-reno", "reno15", 2025, 2026, kPro},
    Generation{"oppo", "oppo-find", "find x2", 2020, 2020, "pro lite neo"},
    Generation{"oppo", "oppo-find", "find x3", 2021, 2021, "pro lite neo"},
    Generation{"oppo", "oppo-find", "find x5", 2022, 2022, "pro lite"},
    Generation{"oppo", "oppo-find", "find x6", 2023, 2023, kPro},
    Generation{"oppo", "oppo-find", "find x7", 2024, 2024, "ultra"},
    Generation{"oppo", "oppo-find", "find x8", 2024, 2024, kPro},
    Generation{"oppo", "oppo-find", "find x8 ultra", 2025, 2025, ""},
    Generation{"oppo", "oppo-find", "find x9", 2025, 2025, kPro},
    Generation{"oppo", "oppo-find", "find n", 2021, 2021, ""},
    Generation{"oppo", "oppo-find", "find n2", 2022, 2023, "flip"},
    Generation{"oppo", "oppo-find", "find n3", 2023, 2023, "flip"},
    Generation{"oppo", "oppo-find", "find n5", 2025, 2025, ""},
    Generation{"oppo", "oppo-k", "k9", 2021, 2021, kPro},
    Generation{"oppo", "oppo-k", "k10", 2022, 2022, kPro},
    Generation{"oppo", "oppo-k", "k11", 2023, 2023, ""},
    Generation{"oppo", "oppo-k", "k11x", 2023, 2023, ""},
    Generation{"oppo", "oppo-k", "k12", 2024, 2024, "plus"},
    Generation{"oppo", "oppo-k", "k12x", 2024, 2024, ""},
    Generation{"oppo", "oppo-k", "k12s", 2025, 2025, ""},
    Generation{"oppo", "oppo-k", "k13", 2025, 2025, "turbo pro"},
    // OnePlus: the number line (January launches since the 10, late-year ones since the 12).
    Generation{"oneplus", "oneplus-number", "7", 2019, 2019, kPro},
    Generation{"oneplus", "oneplus-number", "7t", 2019, 2019, kPro},
    Generation{"oneplus", "oneplus-number", "8", 2020, 2020, kPro},
    Generation{"oneplus", "oneplus-number", "8t", 2020, 2020, ""},
    Generation{"oneplus", "oneplus-number", "9", 2021, 2021, kPro},
    Generation{"oneplus", "oneplus-number", "9r", 2021, 2021, ""},
    Generation{"oneplus", "oneplus-number", "10", 2022, 2022, kPro},
    Generation{"oneplus", "oneplus-number", "10t", 2022, 2022, ""},
    Generation{"oneplus", "oneplus-number", "10r", 2022, 2022, ""},
    Generation{"oneplus", "oneplus-number", "11", 2023, 2023, ""},
    Generation{"oneplus", "oneplus-number", "11r", 2023, 2023, ""},
    Generation{"oneplus", "oneplus-number", "12", 2023, 2024, ""},
    Generation{"oneplus", "oneplus-number", "12r", 2024, 2024, ""},
    Generation{"oneplus", "oneplus-number", "13", 2024, 2025, ""},
    Generation{"oneplus", "oneplus-number", "15", 2025, 2025, ""},
    Generation{"oneplus", "oneplus-number", "13r", 2025, 2025, ""},
    Generation{"oneplus", "oneplus-ace", "ace", 2022, 2022, "pro 竞速版 racing race"},
    Generation{"oneplus", "oneplus-ace", "ace2", 2023, 2023, kPro},
    Generation{"oneplus", "oneplus-ace", "ace2v", 2023, 2023, ""},
    Generation{"oneplus", "oneplus-ace", "ace3", 2024, 2024, kPro},
    Generation{"oneplus", "oneplus-ace", "ace3v", 2024, 2024, ""},
    Generation{"oneplus", "oneplus-ace", "ace5", 2024, 2024, kPro},
    Generation{"oneplus", "oneplus-ace", "ace5 ultra", 2025, 2025, ""},
    Generation{"oneplus", "oneplus-ace", "ace5 竞速版", 2025, 2025, ""},
    Generation{"oneplus", "oneplus-ace", "ace5 race", 2025, 2025, ""},
    Generation{"oneplus", "oneplus-ace", "ace6", 2025, 2025, ""},
    Generation{"oneplus", "oneplus-nord", "nord", 2020, 2020, ""},
    Generation{"oneplus", "oneplus-nord", "nord2", 2021, 2021, ""},
    Generation{"oneplus", "oneplus-nord", "nord3", 2023, 2023, ""},
    Generation{"oneplus", "oneplus-nord", "nord4", 2024, 2024, ""},
    Generation{"oneplus", "oneplus-nord", "nord5", 2025, 2025, ""},
    Generation{"oneplus", "oneplus-nord", "nord ce", 2021, 2021, ""},
    Generation{"oneplus", "oneplus-nord", "nord ce2", 2022, 2022, "lite"},
    Generation{"oneplus", "oneplus-nord", "nord ce3", 2023, 2023, "lite"},
    Generation{"oneplus", "oneplus-nord", "nord ce4", 2024, 2024, "lite"},
    Generation{"oneplus", "oneplus-nord", "nord ce5", 2025, 2025, ""},
    // vivo X: the November generations since the X60 span two years; "s" issues the year after.
    Generation{"vivo", "vivo-x", "x50", 2020, 2020, "pro pro+ lite"},
    Generation{"vivo", "vivo-x", "x60 pro+", 2021, 2021, ""},
    Generation{"vivo", "vivo-x", "x60", 2020, 2021, kPro},
    Generation{"vivo", "vivo-x", "x70", 2021, 2021, kProPlus},
    Generation{"vivo", "vivo-x", "x80", 2022, 2022, "pro lite"},
    Generation{"vivo", "vivo-x", "x90", 2022, 2023, kProPlus},
    Generation{"vivo", "vivo-x", "x90s", 2023, 2023, ""},
    Generation{"vivo", "vivo-x", "x100 ultra", 2024, 2024, ""},
    Generation{"vivo", "vivo-x", "x100", 2023, 2024, kPro},
    Generation{"vivo", "vivo-x", "x100s", 2024, 2024, kPro},
    Generation{"vivo", "vivo-x", "x200 ultra", 2025, 2025, ""},
    Generation{"vivo", "vivo-x", "x200 fe", 2025, 2025, ""},
    Generation{"vivo", "vivo-x", "x200", 2024, 2025, "pro mini"},
    Generation{"vivo", "vivo-x", "x200s", 2025, 2025, ""},
    Generation{"vivo", "vivo-x", "x300", 2025, 2025, kPro},
    Generation{"vivo", "vivo-x", "x fold", 2022, 2022, ""},
    Generation{"vivo", "vivo-x", "x fold2", 2023, 2023, ""},
    Generation{"vivo", "vivo-x", "x fold3", 2024, 2024, kPro},
    Generation{"vivo", "vivo-x", "x fold5", 2025, 2025, ""},
    // vivo S (China): two generations a year, each launched at once; the S18e a month after the
    // S18 (2024-01).
    Generation{"vivo", "vivo-s", "s5", 2019, 2019, ""},
    Generation{"vivo", "vivo-s", "s6", 2020, 2020, ""},
    Generation{"vivo", "vivo-s", "s7", 2020, 2020, ""},
    Generation{"vivo", "vivo-s", "s9", 2021, 2021, ""},
    Generation{"vivo", "vivo-s", "s10", 2021, 2021, kPro},
    Generation{"vivo", "vivo-s", "s10e", 2021, 2021, ""},
    Generation{"vivo", "vivo-s", "s12", 2021, 2021, kPro},
    Generation{"vivo", "vivo-s", "s15", 2022, 2022, kPro},
    Generation{"vivo", "vivo-s", "s15e", 2022, 2022, ""},
    Generation{"vivo", "vivo-s", "s16", 2022, 2022, kPro},
    Generation{"vivo", "vivo-s", "s16e", 2022, 2022, ""},
    Generation{"vivo", "vivo-s", "s17", 2023, 2023, kPro},
    Generation{"vivo", "vivo-s", "s17e", 2023, 2023, ""},
    Generation{"vivo", "vivo-s", "s17t", 2023, 2023, ""},
    Generation{"vivo", "vivo-s", "s18", 2023, 2023, kPro},
    Generation{"vivo", "vivo-s", "s18e", 2024, 2024, ""},
    Generation{"vivo", "vivo-s", "s19", 2024, 2024, kPro},
    Generation{"vivo", "vivo-s", "s20", 2024, 2024, kPro},
    Generation{"vivo", "vivo-s", "s30", 2025, 2025, "pro mini"},
    // iQOO
    Generation{"iqoo", "iqoo-number", "9", 2022, 2022, "pro se"},
    Generation{"iqoo", "iqoo-number", "10", 2022, 2022, kPro},
    Generation{"iqoo", "iqoo-number", "11", 2022, 2023, kPro},
    Generation{"iqoo", "iqoo-number", "12", 2023, 2024, kPro},
    Generation{"iqoo", "iqoo-number", "13", 2024, 2025, ""},
    Generation{"iqoo", "iqoo-number", "15", 2025, 2025, ""},
    Generation{"iqoo", "iqoo-neo", "neo5", 2021, 2021, ""},
    Generation{"iqoo", "iqoo-neo", "neo6", 2022, 2022, "se"},
    Generation{"iqoo", "iqoo-neo", "neo7", 2022, 2023, "pro se 竞速版 racing"},
    Generation{"iqoo", "iqoo-neo", "neo8", 2023, 2023, kPro},
    Generation{"iqoo", "iqoo-neo", "neo9", 2023, 2024, kPro},
    Generation{"iqoo", "iqoo-neo", "neo9s", 2024, 2024, kPro},
    Generation{"iqoo", "iqoo-neo", "neo10", 2024, 2025, ""},
    Generation{"iqoo", "iqoo-neo", "neo10 pro", 2024, 2024, ""},
    Generation{"iqoo", "iqoo-neo", "neo10 pro+", 2025, 2025, ""},
    Generation{"iqoo", "iqoo-z", "z6", 2022, 2022, ""},
    Generation{"iqoo", "iqoo-z", "z6x", 2022, 2022, ""},
    Generation{"iqoo", "iqoo-z", "z7", 2023, 2023, kPro},
    Generation{"iqoo", "iqoo-z", "z7x", 2023, 2023, ""},
    Generation{"iqoo", "iqoo-z", "z8", 2023, 2023, ""},
    Generation{"iqoo", "iqoo-z", "z8x", 2023, 2023, ""},
    Generation{"iqoo", "iqoo-z", "z9", 2024, 2024, "turbo"},
    Generation{"iqoo", "iqoo-z", "z9x", 2024, 2024, ""},
    Generation{"iqoo", "iqoo-z", "z10", 2025, 2025, "turbo pro"},
    Generation{"iqoo", "iqoo-z", "z10x", 2025, 2025, ""},
    // realme: GT 7 Pro (2024-11) came before the GT 7 (2025-04); the GT 3 (2023) after the GT 5
    // in number only.
    Generation{"realme", "realme-gt", "gt", 2021, 2021, ""},
    Generation{"realme", "realme-gt", "gt2", 2022, 2022, kPro},
    Generation{"realme", "realme-gt", "gt3", 2023, 2023, ""},
    Generation{"realme", "realme-gt", "gt5", 2023, 2023, kPro},
    Generation{"realme", "realme-gt", "gt6", 2024, 2024, ""},
    Generation{"realme", "realme-gt", "gt6t", 2024, 2024, ""},
    Generation{"realme", "realme-gt", "gt7", 2025, 2025, ""},
    Generation{"realme", "realme-gt", "gt7 pro", 2024, 2024, ""},
    Generation{"realme", "realme-gt", "gt8", 2025, 2025, kPro},
    Generation{"realme", "realme-gt", "gt neo", 2021, 2021, ""},
    Generation{"realme", "realme-gt", "gt neo2", 2021, 2021, ""},
    Generation{"realme", "realme-gt", "gt neo3", 2022, 2022, ""},
    Generation{"realme", "realme-gt", "gt neo5", 2023, 2023, "se"},
    Generation{"realme", "realme-gt", "gt neo6", 2024, 2024, "se"},
    Generation{"realme", "realme-number", "8", 2021, 2021, kPro},
    Generation{"realme", "realme-number", "9", 2022, 2022, kProPlus},
    Generation{"realme", "realme-number", "10", 2022, 2023, kProPlus},
    Generation{"realme", "realme-number", "11", 2023, 2023, kProPlus},
    Generation{"realme", "realme-number", "12", 2024, 2024, "pro pro+ +"},
    Generation{"realme", "realme-number", "13", 2024, 2024, kProPlus},
    Generation{"realme", "realme-number", "14", 2025, 2025, kProPlus},
    Generation{"realme", "realme-number", "15", 2025, 2025, kPro},
    // Xiaomi: the number line launches in China in the autumn or December, abroad early the
    // next year (so two years), the Ultra / Lite / T issues apart; Civi in China only.
    Generation{"xiaomi", "xiaomi-number", "9", 2019, 2019, "se pro lite"},
    Generation{"xiaomi", "xiaomi-number", "10", 2020, 2020, "pro ultra lite"},
    Generation{"xiaomi", "xiaomi-number", "11", 2020, 2021, ""},
    Generation{"xiaomi", "xiaomi-number", "11 pro", 2021, 2021, ""},
    Generation{"xiaomi", "xiaomi-number", "11 ultra", 2021, 2021, ""},
    Generation{"xiaomi", "xiaomi-number", "11 lite", 2021, 2021, ""},
    Generation{"xiaomi", "xiaomi-number", "12", 2021, 2022, "pro x"},
    Generation{"xiaomi", "xiaomi-number", "12 lite", 2022, 2022, ""},
    Generation{"xiaomi", "xiaomi-number", "12s", 2022, 2022, "pro ultra"},
    Generation{"xiaomi", "xiaomi-number", "12t", 2022, 2022, kPro},
    Generation{"xiaomi", "xiaomi-number", "13", 2022, 2023, kPro},
    Generation{"xiaomi", "xiaomi-number", "13 ultra", 2023, 2023, ""},
    Generation{"xiaomi", "xiaomi-number", "13 lite", 2023, 2023, ""},
    Generation{"xiaomi", "xiaomi-number", "13t", 2023, 2023, kPro},
    Generation{"xiaomi", "xiaomi-number", "14", 2023, 2024, kPro},
    Generation{"xiaomi", "xiaomi-number", "14 ultra", 2024, 2024, ""},
    Generation{"xiaomi", "xiaomi-number", "14t", 2024, 2024, kPro},
    Generation{"xiaomi", "xiaomi-number", "15", 2024, 2025, kPro},
    Generation{"xiaomi", "xiaomi-number", "15 ultra", 2025, 2025, ""},
    Generation{"xiaomi", "xiaomi-number", "17", 2025, 2026, "pro max"},
    Generation{"xiaomi", "xiaomi-number", "civi", 2021, 2021, ""},
    Generation{"xiaomi", "xiaomi-number", "civi2", 2022, 2022, ""},
    Generation{"xiaomi", "xiaomi-number", "civi3", 2023, 2023, ""},
    Generation{"xiaomi", "xiaomi-number", "civi4", 2024, 2024, kPro},
    Generation{"xiaomi", "xiaomi-number", "14 civi", 2024, 2024, ""},
    // Redmi: K in China (K60 / K70 / K80 in the winter, their Ultra the next summer); Note in
    // China in the autumn since the Note 11, abroad the next year; the number line.
    Generation{"redmi", "redmi-k", "k20", 2019, 2019, kPro},
    Generation{"redmi", "redmi-k", "k30 pro", 2020, 2020, ""},
    Generation{"redmi", "redmi-k", "k30 ultra", 2020, 2020, ""},
    Generation{"redmi", "redmi-k", "k30", 2019, 2020, ""},
    Generation{"redmi", "redmi-k", "k40", 2021, 2021, "pro pro+ gaming"},
    Generation{"redmi", "redmi-k", "k50", 2022, 2022, "pro gaming ultra"},
    Generation{"redmi", "redmi-k", "k60", 2022, 2023, kPro},
    Generation{"redmi", "redmi-k", "k60e", 2022, 2022, ""},
    Generation{"redmi", "redmi-k", "k60 ultra", 2023, 2023, ""},
    Generation{"redmi", "redmi-k", "k70", 2023, 2024, kPro},
    Generation{"redmi", "redmi-k", "k70e", 2023, 2023, ""},
    Generation{"redmi", "redmi-k", "k70 ultra", 2024, 2024, ""},
    Generation{"redmi", "redmi-k", "k80", 2024, 2025, kPro},
    Generation{"redmi", "redmi-k", "k80 ultra", 2025, 2025, ""},
    Generation{"redmi", "redmi-k", "k90", 2025, 2025, "pro max"},
    Generation{"redmi", "redmi-note", "note7", 2019, 2019, kPro},
    Generation{"redmi", "redmi-note", "note8", 2019, 2019, kPro},
    Generation{"redmi", "redmi-note", "note8t", 2019, 2019, ""},
    Generation{"redmi", "redmi-note", "note9", 2020, 2020, "pro max 4g"},
    Generation{"redmi", "redmi-note", "note9s", 2020, 2020, ""},
    Generation{"redmi", "redmi-note", "note9t", 2021, 2021, ""},
    Generation{"redmi", "redmi-note", "note10", 2021, 2021, "pro max"},
    Generation{"redmi", "redmi-note", "note11", 2021, 2022, "pro pro+"},
    Generation{"redmi", "redmi-note", "note11s", 2022, 2022, ""},
    Generation{"redmi", "redmi-note", "note11e", 2022, 2022, kPro},
    Generation{"redmi", "redmi-note", "note11r", 2022, 2022, ""},
    Generation{"redmi", "redmi-note", "note12", 2022, 2023, kProPlus},
    Generation{"redmi", "redmi-note", "note12 pro speed", 2022, 2022, ""},
    Generation{"redmi", "redmi-note", "note12 discovery edition", 2022, 2022, ""},
    Generation{"redmi", "redmi-note", "note12 turbo", 2023, 2023, ""},
    Generation{"redmi", "redmi-note", "note12s", 2023, 2023, ""},
    Generation{"redmi", "redmi-note", "note12t", 2023, 2023, kPro},
    Generation{"redmi", "redmi-note", "note13", 2023, 2024, kProPlus},
    Generation{"redmi", "redmi-note", "note13r", 2024, 2024, ""},
    Generation{"redmi", "redmi-note", "note13r pro", 2023, 2023, ""},
    Generation{"redmi", "redmi-note", "note14", 2024, 2025, kProPlus},
    Generation{"redmi", "redmi-note", "note14s", 2025, 2025, ""},
    Generation{"redmi", "redmi-note", "note15", 2025, 2026, kProPlus},
    Generation{"redmi", "redmi-number", "9", 2020, 2020, "prime power"},
    Generation{"redmi", "redmi-number", "9a", 2020, 2020, ""},
    Generation{"redmi", "redmi-number", "9c", 2020, 2020, "nfc"},
    Generation{"redmi", "redmi-number", "9t", 2021, 2021, ""},
    Generation{"redmi", "redmi-number", "10", 2021, 2022, "prime power"},
    Generation{"redmi", "redmi-number", "12", 2023, 2023, ""},
    Generation{"redmi", "redmi-number", "12c", 2023, 2023, ""},
    Generation{"redmi", "redmi-number", "13", 2024, 2024, ""},
    Generation{"redmi", "redmi-number", "13c", 2023, 2024, ""},
    Generation{"redmi", "redmi-number", "14c", 2024, 2024, ""},
    Generation{"redmi", "redmi-number", "a3", 2024, 2024, ""},
    Generation{"redmi", "redmi-number", "a4", 2024, 2024, ""},
    Generation{"redmi", "redmi-number", "a5", 2025, 2025, ""},
    // POCO: the global and Indian issues of Redmi phones, a few months after them.
    Generation{"poco", "poco-line", "f3", 2021, 2021, "gt"},
    Generation{"poco", "poco-line", "f4", 2022, 2022, "gt"},
    Generation{"poco", "poco-line", "f5", 2023, 2023, kPro},
    Generation{"poco", "poco-line", "f6", 2024, 2024, kPro},
    Generation{"poco", "poco-line", "f7", 2025, 2025, "pro ultra"},
    Generation{"poco", "poco-line", "x3", 2020, 2021, "pro nfc gt"},
    Generation{"poco", "poco-line", "x4", 2022, 2022, "pro gt"},
    Generation{"poco", "poco-line", "x5", 2023, 2023, kPro},
    Generation{"poco", "poco-line", "x6", 2024, 2024, "pro neo"},
    Generation{"poco", "poco-line", "x7", 2025, 2025, kPro},
    Generation{"poco", "poco-line", "m3", 2020, 2021, kPro},
    Generation{"poco", "poco-line", "m4", 2021, 2022, kPro},
    Generation{"poco", "poco-line", "m5", 2022, 2022, ""},
    Generation{"poco", "poco-line", "m6", 2023, 2024, kPro},
    Generation{"poco", "poco-line", "m7", 2025, 2025, ""},
    Generation{"poco", "poco-line", "m7 pro", 2024, 2024, ""},
    Generation{"poco", "poco-line", "c40", 2022, 2022, ""},
    Generation{"poco", "poco-line", "c50", 2023, 2023, ""},
    Generation{"poco", "poco-line", "c51", 2023, 2023, ""},
    Generation{"poco", "poco-line", "c55", 2023, 2023, ""},
    Generation{"poco", "poco-line", "c61", 2024, 2024, ""},
    Generation{"poco", "poco-line", "c65", 2023, 2024, ""},
    Generation{"poco", "poco-line", "c71", 2025, 2025, ""},
    Generation{"poco", "poco-line", "c75", 2024, 2024, ""},
    // Tablets of the lines above.
    Generation{"oppo", "oppo-pad", "pad", 2022, 2022, ""},
    Generation{"oppo", "oppo-pad", "pad air", 2022, 2022, ""},
    Generation{"oppo", "oppo-pad", "pad2", 2023, 2023, ""},
    Generation{"oppo", "oppo-pad", "pad3", 2024, 2024, kPro},
    Generation{"oneplus", "oppo-pad", "pad", 2023, 2023, ""},
    Generation{"oneplus", "oppo-pad", "pad go", 2023, 2023, ""},
    Generation{"oneplus", "oppo-pad", "pad2", 2024, 2024, ""},
    Generation{"oneplus", "oppo-pad", "pad pro", 2024, 2024, ""},
    Generation{"realme", "oppo-pad", "pad", 2021, 2021, ""},
    Generation{"realme", "oppo-pad", "pad mini", 2022, 2022, ""},
    Generation{"realme", "oppo-pad", "pad x", 2022, 2022, ""},
    Generation{"realme", "oppo-pad", "pad2", 2023, 2023, ""},
    Generation{"xiaomi", "xiaomi-pad", "pad5", 2021, 2021, kPro},
    Generation{"xiaomi", "xiaomi-pad", "pad6", 2023, 2023, kPro},
    Generation{"xiaomi", "xiaomi-pad", "pad6 max", 2023, 2023, "14"},
    Generation{"xiaomi", "xiaomi-pad", "pad6s pro", 2024, 2024, "12.4"},
    Generation{"xiaomi", "xiaomi-pad", "pad7", 2024, 2024, kPro},
    Generation{"xiaomi", "xiaomi-pad", "pad7 ultra", 2025, 2025, ""},
    Generation{"redmi", "xiaomi-pad", "pad", 2022, 2022, ""},
    Generation{"redmi", "xiaomi-pad", "pad se", 2023, 2023, ""},
    Generation{"redmi", "xiaomi-pad", "pad pro", 2024, 2024, ""},
    Generation{"honor", "honor-pad", "pad8", 2022, 2022, ""},
    Generation{"honor", "honor-pad", "pad9", 2023, 2023, ""},
    Generation{"honor", "honor-pad", "pad9 pro", 2024, 2024, ""},
    Generation{"honor", "honor-pad", "pad v8 pro", 2023, 2023, ""},
    Generation{"honor", "honor-pad", "pad v9", 2024, 2024, "11.5"},
    // "Pad X9" is two tablets: HONOR's global one of 2023 (ELN-L09, the China 平板 X8 Pro)
    // and the China 平板 X9 of 2024.
    Generation{"honor", "honor-pad", "pad x9", 2023, 2024, ""},
    Generation{"honor", "honor-pad", "pad x9 pro", 2024, 2024, ""},
    Generation{"honor", "honor-pad", "pad gt pro", 2025, 2025, ""},
    Generation{"honor", "honor-pad", "pad magicpad", 2023, 2023, ""},
    Generation{"honor", "honor-pad", "pad magicpad2", 2024, 2024, ""},
    // HUAWEI MatePad: only the names of one issue. A size HUAWEI issued again (MatePad 11 of
    // 2021 and 2023, 11.5 of 2023 and 2024, 11.5 S, Pro 11, 12.2, 13.2, 10.4, the 2019 and
    // 2020 MatePad Pro) is told apart by the year in the later names only, and a later
    // tablet's firmware may give the bare name: not read (year-in-name reads the others).
    // Matomo writes the size first ("MatePad 11.5\" Air WiFi").
    Generation{"huawei", "huawei-matepad", "matepad se10.4", 2022, 2022, ""},
    Generation{"huawei", "huawei-matepad", "matepad air11.5", 2023, 2023, ""},
    Generation{"huawei", "huawei-matepad", "matepad11.5 air", 2023, 2023, ""},
    Generation{"huawei", "huawei-matepad", "matepad se10.1", 2023, 2023, ""},
    Generation{"huawei", "huawei-matepad", "matepad se11", 2024, 2024, ""},
    Generation{"huawei", "huawei-matepad", "matepad mini", 2025, 2025, ""},
    // Samsung Galaxy: S in January to March (FE and Lite issues come later: not read), Z in
    // August, the A3x / A5x / A7x in March since 2021.
    Generation{"samsung", "samsung-galaxy-s", "s8", 2017, 2017, "+"},
    Generation{"samsung", "samsung-galaxy-s", "s9", 2018, 2018, "+"},
    Generation{"samsung", "samsung-galaxy-s", "s10", 2019, 2019, "+"},
    Generation{"samsung", "samsung-galaxy-s", "s20", 2020, 2020, kSamsungS},
    Generation{"samsung", "samsung-galaxy-s", "s21", 2021, 2021, kSamsungS},
    Generation{"samsung", "samsung-galaxy-s", "s22", 2022, 2022, kSamsungS},
    Generation{"samsung", "samsung-galaxy-s", "s23", 2023, 2023, kSamsungS},
    Generation{"samsung", "samsung-galaxy-s", "s24", 2024, 2024, kSamsungS},
    Generation{"samsung", "samsung-galaxy-s", "s25", 2025, 2025, "+ ultra edge"},
    Generation{"samsung", "samsung-galaxy-z", "z fold2", 2020, 2020, ""},
    Generation{"samsung", "samsung-galaxy-z", "z fold3", 2021, 2021, ""},
    Generation{"samsung", "samsung-galaxy-z", "z fold4", 2022, 2022, ""},
    Generation{"samsung", "samsung-galaxy-z", "z fold5", 2023, 2023, ""},
    Generation{"samsung", "samsung-galaxy-z", "z fold6", 2024, 2024, ""},
    Generation{"samsung", "samsung-galaxy-z", "z fold7", 2025, 2025, ""},
    Generation{"samsung", "samsung-galaxy-z", "z flip3", 2021, 2021, ""},
    Generation{"samsung", "samsung-galaxy-z", "z flip4", 2022, 2022, ""},
    Generation{"samsung", "samsung-galaxy-z", "z flip5", 2023, 2023, ""},
    Generation{"samsung", "samsung-galaxy-z", "z flip6", 2024, 2024, ""},
    Generation{"samsung", "samsung-galaxy-z", "z flip7", 2025, 2025, "fe"},
    Generation{"samsung", "samsung-galaxy-a", "a32", 2021, 2021, ""},
    Generation{"samsung", "samsung-galaxy-a", "a33", 2022, 2022, ""},
    Generation{"samsung", "samsung-galaxy-a", "a34", 2023, 2023, ""},
    Generation{"samsung", "samsung-galaxy-a", "a35", 2024, 2024, ""},
    Generation{"samsung", "samsung-galaxy-a", "a36", 2025, 2025, ""},
    Generation{"samsung", "samsung-galaxy-a", "a52", 2021, 2021, ""},
    Generation{"samsung", "samsung-galaxy-a", "a53", 2022, 2022, ""},
    Generation{"samsung", "samsung-galaxy-a", "a54", 2023, 2023, ""},
    Generation{"samsung", "samsung-galaxy-a", "a55", 2024, 2024, ""},
    Generation{"samsung", "samsung-galaxy-a", "a56", 2025, 2025, ""},
    Generation{"samsung", "samsung-galaxy-a", "a72", 2021, 2021, ""},
    Generation{"samsung", "samsung-galaxy-a", "a73", 2022, 2022, ""},
    // Apple: the names as Apple gives them (DeviceKit and the verified rows write the iPad's size
    // and chip with or without parentheses; words() drops them). iPhone N launched in the autumn
    // of 2008 + N since the 11, its "e" issue the February after.
    Generation{"apple", "apple-iphone", "iphone4", 2010, 2010, ""},
    Generation{"apple", "apple-iphone", "iphone4s", 2011, 2011, ""},
    Generation{"apple", "apple-iphone", "iphone5", 2012, 2012, ""},
    Generation{"apple", "apple-iphone", "iphone5c", 2013, 2013, ""},
    Generation{"apple", "apple-iphone", "iphone5s", 2013, 2013, ""},
    Generation{"apple", "apple-iphone", "iphone6", 2014, 2014, "plus"},
    Generation{"apple", "apple-iphone", "iphone6s", 2015, 2015, "plus"},
    Generation{"apple", "apple-iphone", "iphone se", 2016, 2016, ""},
    Generation{"apple", "apple-iphone", "iphone se1st generation", 2016, 2016, ""},
    Generation{"apple", "apple-iphone", "iphone7", 2016, 2016, "plus"},
    Generation{"apple", "apple-iphone", "iphone8", 2017, 2017, "plus"},
    Generation{"apple", "apple-iphone", "iphone x", 2017, 2017, ""},
    Generation{"apple", "apple-iphone", "iphone xs", 2018, 2018, "max"},
    Generation{"apple", "apple-iphone", "iphone xr", 2018, 2018, ""},
    Generation{"apple", "apple-iphone", "iphone11", 2019, 2019, "pro max"},
    Generation{"apple", "apple-iphone", "iphone se2nd generation", 2020, 2020, ""},
    Generation{"apple", "apple-iphone", "iphone12", 2020, 2020, "mini pro max"},
    Generation{"apple", "apple-iphone", "iphone13", 2021, 2021, "mini pro max"},
    Generation{"apple", "apple-iphone", "iphone se3rd generation", 2022, 2022, ""},
    Generation{"apple", "apple-iphone", "iphone14", 2022, 2022, "plus pro max"},
    Generation{"apple", "apple-iphone", "iphone15", 2023, 2023, "plus pro max"},
    Generation{"apple", "apple-iphone", "iphone16", 2024, 2024, "plus pro max"},
    Generation{"apple", "apple-iphone", "iphone16e", 2025, 2025, ""},
    Generation{"apple", "apple-iphone", "iphone17", 2025, 2025, "pro max"},
    Generation{"apple", "apple-iphone", "iphone air", 2025, 2025, ""},
    // iPad, iPad Air, iPad mini and iPad Pro, by generation, size and chip.
    Generation{"apple", "apple-ipad", "ipad2", 2011, 2011, ""},
    Generation{"apple", "apple-ipad", "ipad3rd generation", 2012, 2012, ""},
    Generation{"apple", "apple-ipad", "ipad4th generation", 2012, 2012, ""},
    Generation{"apple", "apple-ipad", "ipad5th generation", 2017, 2017, ""},
    Generation{"apple", "apple-ipad", "ipad6th generation", 2018, 2018, ""},
    Generation{"apple", "apple-ipad", "ipad7th generation", 2019, 2019, ""},
    Generation{"apple", "apple-ipad", "ipad8th generation", 2020, 2020, ""},
    Generation{"apple", "apple-ipad", "ipad9th generation", 2021, 2021, ""},
    Generation{"apple", "apple-ipad", "ipad10th generation", 2022, 2022, ""},
    Generation{"apple", "apple-ipad", "ipad a16", 2025, 2025, ""},
    Generation{"apple", "apple-ipad", "ipad air", 2013, 2013, ""},
    Generation{"apple", "apple-ipad", "ipad air2", 2014, 2014, ""},
    Generation{"apple", "apple-ipad", "ipad air3rd generation", 2019, 2019, ""},
    Generation{"apple", "apple-ipad", "ipad air4th generation", 2020, 2020, ""},
    Generation{"apple", "apple-ipad", "ipad air5th generation", 2022, 2022, ""},
    Generation{"apple", "apple-ipad", "ipad air11-inch m2", 2024, 2024, ""},
    Generation{"apple", "apple-ipad", "ipad air13-inch m2", 2024, 2024, ""},
    Generation{"apple", "apple-ipad", "ipad air11-inch m3", 2025, 2025, ""},
    Generation{"apple", "apple-ipad", "ipad air13-inch m3", 2025, 2025, ""},
    Generation{"apple", "apple-ipad", "ipad mini", 2012, 2012, ""},
    Generation{"apple", "apple-ipad", "ipad mini2", 2013, 2013, ""},
    Generation{"apple", "apple-ipad", "ipad mini3", 2014, 2014, ""},
    Generation{"apple", "apple-ipad", "ipad mini4", 2015, 2015, ""},
    Generation{"apple", "apple-ipad", "ipad mini5th generation", 2019, 2019, ""},
    Generation{"apple", "apple-ipad", "ipad mini6th generation", 2021, 2021, ""},
    Generation{"apple", "apple-ipad", "ipad mini a17 pro", 2024, 2024, ""},
    Generation{"apple", "apple-ipad", "ipad pro12.9-inch", 2015, 2015, ""},
    Generation{"apple", "apple-ipad", "ipad pro9.7-inch", 2016, 2016, ""},
    Generation{"apple", "apple-ipad", "ipad pro10.5-inch", 2017, 2017, ""},
    Generation{"apple", "apple-ipad", "ipad pro12.9-inch 2nd generation", 2017, 2017, ""},
    Generation{"apple", "apple-ipad", "ipad pro11-inch", 2018, 2018, ""},
    Generation{"apple", "apple-ipad", "ipad pro11-inch 1st generation", 2018, 2018, ""},
    Generation{"apple", "apple-ipad", "ipad pro12.9-inch 3rd generation", 2018, 2018, ""},
    Generation{"apple", "apple-ipad", "ipad pro11-inch 2nd generation", 2020, 2020, ""},
    Generation{"apple", "apple-ipad", "ipad pro12.9-inch 4th generation", 2020, 2020, ""},
    Generation{"apple", "apple-ipad", "ipad pro11-inch 3rd generation", 2021, 2021, ""},
    Generation{"apple", "apple-ipad", "ipad pro12.9-inch 5th generation", 2021, 2021, ""},
    Generation{"apple", "apple-ipad", "ipad pro11-inch 4th generation", 2022, 2022, ""},
    Generation{"apple", "apple-ipad", "ipad pro12.9-inch 6th generation", 2022, 2022, ""},
    Generation{"apple", "apple-ipad", "ipad pro11-inch m4", 2024, 2024, ""},
    Generation{"apple", "apple-ipad", "ipad pro13-inch m4", 2024, 2024, ""},
    Generation{"apple", "apple-ipad", "ipad pro11-inch m5", 2025, 2025, ""},
    Generation{"apple", "apple-ipad", "ipad pro13-inch m5", 2025, 2025, ""},
};

// The lines whose every generation launched in mainland China first, the rest of the world up
// to a year later; a generation whose variants launched later apart (nova 9 SE, Redmi K30
// Pro, vivo X100 Ultra) has a row of its own. (Not so: the Redmi number line and POCO, whose
// China phones bear other names; realme, whose China codes look like its others.) Measured:
// every hand-checked row of these lines with a China code launched in the first year
// (tests/devicedb/name_series_rules_test.cpp).
constexpr std::array kChinaFirstLines = {
    std::string_view("huawei-nova"), std::string_view("honor-number"),
    std::string_view("honor-magic"), std::string_view("oppo-reno"),
    std::string_view("oppo-find"),   std::string_view("oneplus-number"),
    std::string_view("vivo-x"),      std::string_view("iqoo-number"),
    std::string_view("iqoo-neo"),    std::string_view("xiaomi-number"),
    std::string_view("redmi-k"),     std::string_view("redmi-note"),
};

// The words a name may start with, and the series brand they say (the brand column of a
// source may be the maker's: Matomo lists iQOO phones under vivo, old Honor ones under HUAWEI).
struct LeadWord {
  std::string_view word;
  std::string_view brand;
};
constexpr std::array kLeadWords = {
    LeadWord{"huawei", "huawei"}, LeadWord{"华为", "huawei"},     LeadWord{"honor", "honor"},
    LeadWord{"荣耀", "honor"},    LeadWord{"oppo", "oppo"},       LeadWord{"oneplus", "oneplus"},
    LeadWord{"vivo", "vivo"},     LeadWord{"iqoo", "iqoo"},       LeadWord{"realme", "realme"},
    LeadWord{"真我", "realme"},   LeadWord{"samsung", "samsung"}, LeadWord{"galaxy", "samsung"},
    LeadWord{"xiaomi", "xiaomi"}, LeadWord{"mi", "xiaomi"},       LeadWord{"redmi", "redmi"},
    LeadWord{"poco", "poco"},
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return c >= 'a' && c <= 'z'; }

bool all_letters(std::string_view word) {
  if (word.empty()) return false;
  for (char c : word) {
    if (!is_letter(c)) return false;
  }
  return true;
}

// Chinese words of the names read as the English ones the tables use.
struct Translation {
  std::string_view chinese, english;
};
constexpr std::array kTranslations = {
    Translation{"畅享", "enjoy"},
    Translation{"畅玩", "play"},
    Translation{"平板", "pad"},
};

// The length of the Chinese brand or line word (the Chinese words of kLeadWords and
// kTranslations) that `word` starts with and does not end with; 0 for none.
std::size_t chinese_word_prefix(std::string_view word) {
  const auto starts_with = [word](std::string_view chinese) {
    return static_cast<unsigned char>(chinese.front()) >= 0x80 && word.size() > chinese.size() &&
           word.starts_with(chinese);
  };
  for (const LeadWord& lead : kLeadWords) {
    if (starts_with(lead.word)) return lead.word.size();
  }
  for (const Translation& t : kTranslations) {
    if (starts_with(t.chinese)) return t.chinese.size();
  }
  return 0;
}

// A Chinese brand or line written together with what follows it ("华为畅享70X", "荣耀平板"):
// the words apart ("华为" "畅享" "70X").
void split_chinese_words(std::string_view word, std::vector<std::string_view>& out) {
  while (const std::size_t length = chinese_word_prefix(word)) {
    out.push_back(word.substr(0, length));
    word.remove_prefix(length);
  }
  out.push_back(word);
}

// The name's words: lower case, without the parentheses around them ("iPad Pro (11-inch)
// (M4)" is Apple's "iPad Pro 11-inch (M4)") and a size's inch mark (11.5"), Chinese words
// translated (畅享 -> enjoy), "5g", "wifi" and "lte" dropped (a network, not an issue), and a
// number's "+" split off ("s23+" -> "s23" "+").
std::vector<std::string> words(std::string_view name) {
  const std::string lowered = core::text::lower(name);
  std::vector<std::string_view> parts;
  for (std::string_view word : core::text::fields(lowered)) {
    split_chinese_words(word, parts);
  }
  std::vector<std::string> out;
  for (std::string_view word : parts) {
    if (word.starts_with('(')) word.remove_prefix(1);
    if (word.ends_with(')')) word.remove_suffix(1);
    if (word.ends_with('"') && word.size() > 1 && is_digit(word[word.size() - 2])) {
      word.remove_suffix(1);
    }
    for (const Translation& t : kTranslations) {
      if (word == t.chinese) word = t.english;
    }
    if (word.empty() || word == "5g" || word == "wifi" || word == "lte") continue;
    if (word.size() > 1 && word.back() == '+' && is_digit(word[word.size() - 2])) {
      out.emplace_back(word.substr(0, word.size() - 1));
      out.emplace_back("+");
    } else {
      out.emplace_back(word);
    }
  }
  return out;
}

// A word of letters joined to the number after it: "Reno 10" and "Reno10" are one name.
std::vector<std::string> joined_numbers(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (all_letters(words[i]) && i + 1 < words.size() && is_digit(words[i + 1].front())) {
      out.push_back(words[i] + words[i + 1]);
      ++i;
    } else {
      out.push_back(words[i]);
    }
  }
  return out;
}

// Whether `word` is one of the space-separated words of `list`.
bool listed(std::string_view list, std::string_view word) {
  while (!list.empty()) {
    const std::size_t blank = list.find(' ');
    if (list.substr(0, blank) == word) return true;
    if (blank == std::string_view::npos) break;
    list.remove_prefix(blank + 1);
  }
  return false;
}

// Whether `name` (its words after the brand, joined by blanks) is the generation: its base,
// then only words the generation allows. (Runs over every row of the table on each device
// check: no allocation.)
bool is_generation(std::string_view name, const Generation& g) {
  if (name.substr(0, g.base.size()) != g.base) return false;
  std::string_view rest = name.substr(g.base.size());
  if (rest.empty()) return true;
  if (rest.front() != ' ') return false;  // "reno10" is not "reno1"
  rest.remove_prefix(1);
  while (!rest.empty()) {
    const std::size_t blank = rest.find(' ');
    if (!listed(g.allowed, rest.substr(0, blank))) return false;
    if (blank == std::string_view::npos) break;
    rest.remove_prefix(blank + 1);
  }
  return true;
}

// "(2023)" or "2022" after the first word (words() has dropped the parentheses): the year the
// name carries, else 0.
int year_in_name(const std::vector<std::string>& name) {
  for (std::size_t i = 1; i < name.size(); ++i) {
    const std::string_view word = name[i];
    if (word.size() != 4 || word[0] != '2' || word[1] != '0' || !is_digit(word[2]) ||
        !is_digit(word[3])) {
      continue;
    }
    const int year = 2000 + (word[2] - '0') * 10 + (word[3] - '0');
    if (year >= 2010 && year <= 2030) return year;
  }
  return 0;
}

std::optional<NamedLaunch> launch_of_one_name(std::string_view brand, std::string_view name) {
  const std::vector<std::string> all = words(name);
  const std::string row_family = brand_family(brand);
  std::string series_brand = core::text::lower(core::text::trim(brand));
  // The brand words the name starts with ("HUAWEI", "Samsung Galaxy", "荣耀"), when they are
  // of the row's maker.
  std::size_t from = 0;
  for (; from < all.size(); ++from) {
    const auto lead = std::find_if(kLeadWords.begin(), kLeadWords.end(),
                                   [&](const LeadWord& l) { return l.word == all[from]; });
    if (lead == kLeadWords.end()) break;
    if (brand_family(lead->brand) != row_family) return std::nullopt;
    series_brand = std::string(lead->brand);
  }
  std::string rest;
  for (const std::string& word : joined_numbers(
           std::vector<std::string>(all.begin() + static_cast<std::ptrdiff_t>(from), all.end()))) {
    rest += (rest.empty() ? "" : " ") + word;
  }
  if (rest.empty()) return std::nullopt;
  for (const Generation& g : kGenerations) {
    if (g.brand == series_brand && is_generation(rest, g)) {
      NamedLaunch named{YearRange{g.earliest, g.latest}, std::string(g.rule), std::nullopt};
      if (std::find(kChinaFirstLines.begin(), kChinaFirstLines.end(), g.rule) !=
          kChinaFirstLines.end()) {
        named.china_launch = g.earliest;
      }
      return named;
    }
  }
  if (const int year = year_in_name(all); year != 0) {
    return NamedLaunch{YearRange{year - 1, year}, "year-in-name", std::nullopt};
  }
  return std::nullopt;
}

}  // namespace

std::optional<NamedLaunch> launch_from_marketing_name(std::string_view brand,
                                                      std::string_view name) {
  std::optional<NamedLaunch> answer;
  for (std::string_view part : core::text::split(name, '/')) {
    std::optional<NamedLaunch> one = launch_of_one_name(brand, core::text::trim(part));
    if (!one) return std::nullopt;
    if (answer && (answer->launch.earliest != one->launch.earliest ||
                   answer->launch.latest != one->launch.latest ||
                   answer->china_launch != one->china_launch)) {
      return std::nullopt;
    }
    answer = std::move(one);
  }
  return answer;
}

}  // namespace examready::devices
