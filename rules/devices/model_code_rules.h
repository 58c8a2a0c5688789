// Device facts read from a phone's model code or codename by the makers' naming schemes, for
// devices the database (device_db.h) has no row for. Pure: no I/O. Every rule was measured against
// the hand-checked rows of devices.tsv (tests/devicedb/model_code_rules_test.cpp) and fires only on
// the shapes it held for; a code of any other shape derives nothing.
//
// Rules (ids as reported in DerivedDeviceFacts):
//  xiaomi-cert-date      Xiaomi / Redmi / POCO model codes carry their certification month:
//                        `M` YYMM… (2018-2021: M2003J15SG = 2020-03) or YYMM… (2021-:
//                        2201117TG = 2022-01, 23129RAA4G = 2023-12). Launch falls within
//                        -2..+6 months of it, so the range is the years of [cert - 2 months,
//                        cert + 6 months]: a code of March to June names one year. (Of
//                        the ~700 verified codes, 6 of 67 from January launched the
//                        December before (Xiaomi 12, 2201123C); none from February to June
//                        launched in another year but later variants: a lead of a month
//                        is seen, the window allows two.)
//                        Codes must be 8-11 letters and digits ending in a
//                        letter (the region), month 01-12, year 2015-2027; so the Japanese
//                        carrier codes (XIG01, A101XM), the 7-digit codes of 2012-2016
//                        (2014811) and 22200414R (month 20) derive nothing. An empty brand is
//                        taken as Xiaomi for these two shapes only: no other maker in
//                        KHwang9883/MobileModels (7,000+ codes) has one.
//  xiaomi-china-cert-date  The same for China codes (the market letter C last: 2410DPN6CC),
//                        which launch at home first: within -2..+4 months of the certificate
//                        (of the verified rows' 148 China codes, all from March to October
//                        launched that year; the latest, Xiaomi MIX Fold's M2011J18C, four
//                        months after), so a code of March to August names one year.
//  xiaomi-series-tablet  New-form codes since 2022 put a two-letter series after YYMM and one
//  xiaomi-series-phone   more character (23043RP34G): RP is the Xiaomi / Redmi Pad series
//                        (tablet); RA, RN, RK, RT, PN, PT, PX, PY (Redmi Note, Redmi, K, Turbo,
//                        Xiaomi number, T, MIX incl. foldables, Civi) are phones. PC (POCO)
//                        holds phones and the POCO Pads, VP is a car cockpit: no class.
//  huawei-wifi-tablet    Huawei / Honor `XXX-Wnn` (BAH3-W09, AGS3K-W20, AGS3-W09HN): Wi-Fi
//                        tablets.
//                        LTE tablets use -AL/-AN like phones, so nothing is said otherwise.
//                        (The Windows laptops share the shape, but never report an Android
//                        ro.product.model.)
//  samsung-tab-prefix    Samsung SM-T…, SM-X…, SM-P…: tablets.
//  samsung-phone-prefix  Samsung SM-S/G/N/A/M/F/E/J…: phones (SM-F: foldables and Galaxy F).
//                        SM-C, SM-R/L (watches), SM-W + 3 digits (TabPro S, Galaxy Book):
//                        none. A SIM suffix (SM-T505/DS) is ignored; an empty brand is
//                        Samsung for `SM-` codes.
//  samsung-w-series-year China Telecom's W series, SM-W[279]0YY (SM-W2018X, SM-W9025):
//                        phones, launched the autumn before the year they are named for
//                        (20YY - 1: W2016 in 2015, W25 in 2024).
//  samsung-flagship-block  Galaxy S, Note, Z Fold / Flip and Tab S / A / FE codes move one
//                        block a generation: SM-S91x (S23) 2023, SM-G97x (S10) 2019, SM-F94x
//                        (Fold5) 2023, SM-X71x (Tab S9) 2023; each block's years as the sources
//                        give them, unlisted blocks and TracFone's SM-S…L codes say nothing.
//  samsung-generation-digit  Galaxy A / M / F (SM-E) codes since 2019: the second digit is the
//                        generation G (SM-A546B: A54, 4), launched in 2018 + G or 2019 + G;
//                        the older codes ending in 0 (SM-A520F) and Japanese …J variants: none.
//  vivo-model-year       vivo / iQOO China codes V YY NN A (V2324A) and vivo Pad PA YY NN:
//  vivo-codename-year    launch in YY or YY + 1; codenames PD YY NN (phones) and DPD YY NN
//                        (tablets) likewise, used only when the model code is not a vivo code.
//                        Variant codes with a letter before the final A (V2324HA, V2352GA) are
//                        re-issues that launch up to two years later: no year (and then no
//                        fallback to the codename either).
//  vivo-model-class      V… model codes are phones, PA… / iPA… tablets; codenames PD… phones,
//  vivo-codename-class   DPD… tablets.
//  oppo-tablet-code      OPPO / OnePlus / realme: OPD + 4 digits (OPPO Pad, OnePlus Pad) and
//  oppo-tablet-year      RMP + 4 digits (realme Pad) are tablets, OPD / RMP YY NN launched in
//                        20YY or 20YY + 1 (25 tablets of known launch: no exception);
//  oppo-phone-code       CPH / RMX + 4 digits, the China codes P + 3 letters + 2 digits
//                        (PFFM10) or P + 2 letters + 3 digits (PJD110), and OnePlus's two
//                        letters + 4 digits (IN2010, LE2120) are phones. Measured on 276 codes
//                        of known class (verified rows, device-info, LineageOS): no exception.
//                        Other shapes (watches, the A-series of Japan's carriers) say nothing.
//  oppo-code-block       The CPH / RMX codes' first two digits and the China codes' second
//                        letter advance about once a year: each block's launch years as the
//                        sources give them (CPH24: 2022-2023, RMX37: 2023, PK: 2024-2025),
//                        the newest blocks open to the next year; unlisted blocks say nothing.
//  apple-iphone-identifier  iPhoneN,M launched in 2007 + N or the year after (iPhone12,1 =
//                        iPhone 11, 2019; iPhone12,8 = SE 2, 2020), from iPhone1,2 (2008) to
//                        iPhone18,x (2025); iPhone1,x: 2007-2008. (The class of an
//                        identifier: device_facts.h.)
//  apple-ipad-identifier  iPadN,M: N is the chip's generation, which served iPads over up to
//                        four years: a table of each N's years (iPad7: 2017-2019, iPad14:
//                        2021-2024), the newest open to the next year; an unlisted N: nothing.
//  google-pixel-name     Pixel phones report their name: "Pixel N[a] [Pro|XL|Fold|(5G)]…" is a
//                        phone launched in 2015 + N (Na: 2016 + N); Pixel / Pixel XL 2016,
//                        Pixel Fold 2023. Pixel C, Pixel Tablet, Pixel Slate, Watch: nothing.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace examready::devices {

struct YearRange {
  int earliest = 0;  // inclusive, earliest <= latest
  int latest = 0;
  bool contains(int year) const { return earliest <= year && year <= latest; }
};

struct DerivedDeviceFacts {
  std::optional<YearRange> launch;                     // launch year range implied by the code
  std::optional<int> certified_year, certified_month;  // when the code carries a date (Xiaomi)
  std::optional<std::string> device_class;  // "phone" or "tablet" when the scheme says so
  std::string rule;         // the rule ids used, '+'-joined (launch first); empty when none
  std::string launch_rule;  // the rule that gave `launch`; empty when none
  std::string class_rule;   // the rule that gave `device_class`; empty when none

  bool empty() const { return rule.empty(); }
};

// brand: ro.product.brand / manufacturer in any case ("Xiaomi", "Redmi", "POCO", "HUAWEI",
// "HONOR", "samsung", "vivo", "iQOO"); may be empty. model: ro.product.model ("M2003J15SG",
// "SM-X710", "BAH3-W09"); codename: ro.product.device ("merlin", "PD2324"); either may be
// empty. Case and surrounding blanks are ignored.
DerivedDeviceFacts derive_from_model_code(std::string_view brand, std::string_view model,
                                          std::string_view codename = {});

// The hardware platform a Huawei / Honor model code names: the part before the dash of
// "ALN-AL00", "BAH3-W09", "ELS-NX9" (2-5 letters and digits, starting with a letter), when
// the part after it is a variant (1-3 letters, 1-3 digits, at most 2 letters: AL00, LX1, W09HN).
// Variants of one platform are one design sold in other markets or networks, so they share
// the class (database rows: device_db.h). Upper case; empty for any other shape (docomo's
// HW-01K, C8813).
std::string huawei_platform(std::string_view code);

// Whether a model code is one of a phone as first sold in mainland China, by its maker's
// market mark: Xiaomi / Redmi / POCO codes ending in C (2410DPN6CC), Huawei / Honor variants
// AL, AN, TL, TN (ALN-AL00), vivo / iQOO V + 4 digits + A (V2324A; not the variants V2324HA,
// re-issues launched later), OPPO / OnePlus P codes (PHM110). False for other makers' codes
// and shapes (realme's China codes look like its others).
bool china_market_code(std::string_view brand, std::string_view model);

// Android's first API level (ro.product.first_api_level) -> the earliest year a device
// shipping with it can have launched: the year that Android version was released (21 -> 2014,
// 29 -> 2019, 34 -> 2023, 35 -> 2024, 36 -> 2025). nullopt for levels not released yet or
// not positive. 32 (12L, stable March 2022) gives 2021, its announcement year: a floor that is
// merely loose.
std::optional<int> launch_floor_from_first_api_level(int api_level);

}  // namespace examready::devices
