// Device facts from model codes and codenames: hand-written shape checks, no regex (the core
// also runs in the browser, and these run on every device check).
#include "rules/devices/model_code_rules.h"

#include <array>
#include <cstddef>
#include <string>

namespace examready::devices {
namespace {

constexpr int kFirstCodeYear = 2015;  // earliest year a code's date may name
constexpr int kLastCodeYear = 2027;   // latest plausible year (a later one is no date)

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_alnum(char c) { return is_digit(c) || is_upper(c); }

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
  return text;
}

std::string upper(std::string_view text) {
  std::string out(trim(text));
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

bool all_of(std::string_view text, bool (*pred)(char)) {
  for (char c : text) {
    if (!pred(c)) return false;
  }
  return true;
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// The two digits at `pos` as a number; -1 when they are not two digits.
int two_digits(std::string_view text, std::size_t pos) {
  if (pos + 2 > text.size() || !is_digit(text[pos]) || !is_digit(text[pos + 1])) return -1;
  return (text[pos] - '0') * 10 + (text[pos + 1] - '0');
}

// 20YY for a plausible two-digit year, else 0.
int code_year(int yy) {
  const int year = 2000 + yy;
  return yy >= 0 && year >= kFirstCodeYear && year <= kLastCodeYear ? year : 0;
}

enum class Family { kUnknown, kNone, kXiaomi, kHuawei, kSamsung, kVivo, kOppo, kApple, kGoogle };

// kUnknown: no brand given; kNone: a brand none of these rules knows.
Family family_of(std::string_view brand) {
  const std::string b = upper(brand);
  if (b.empty()) return Family::kUnknown;
  if (b == "XIAOMI" || b == "REDMI" || b == "POCO") return Family::kXiaomi;
  if (b == "HUAWEI" || b == "HONOR") return Family::kHuawei;
  if (b == "SAMSUNG") return Family::kSamsung;
  if (b == "VIVO" || b == "IQOO") return Family::kVivo;
  if (b == "OPPO" || b == "ONEPLUS" || b == "REALME") return Family::kOppo;
  if (b == "APPLE") return Family::kApple;
  if (b == "GOOGLE") return Family::kGoogle;
  return Family::kNone;
}

void set_launch(DerivedDeviceFacts& out, int earliest, int latest, std::string_view rule) {
  out.launch = YearRange{earliest, latest};
  out.launch_rule = std::string(rule);
}

void set_class(DerivedDeviceFacts& out, std::string_view device_class, std::string_view rule) {
  out.device_class = std::string(device_class);
  out.class_rule = std::string(rule);
}

// A run of model codes a maker issued in one period: the codes' prefix and the launch years
// of every code of it the sources date (the Samsung and OPPO tables below).
struct CodeBlock {
  std::string_view prefix;
  int earliest, latest;
};

// The launch of the block `prefix` names, by `rule`; nothing when no block is listed.
template <std::size_t N>
void set_block_launch(const std::array<CodeBlock, N>& blocks, std::string_view prefix,
                      std::string_view rule, DerivedDeviceFacts& out) {
  for (const CodeBlock& block : blocks) {
    if (block.prefix == prefix) {
      set_launch(out, block.earliest, block.latest, rule);
      return;
    }
  }
}

// --- Xiaomi / Redmi / POCO ------------------------------------------------------------------

struct CertDate {
  int year = 0;
  int month = 0;
};

enum class XiaomiForm { kNone, kOld, kNew };

// `M` YYMM letter …  or  YYMM …: 8-11 upper-case letters and digits ending in a letter, the
// new form with a letter somewhere after YYMM (7-digit codes are the 2012-2016 scheme).
XiaomiForm xiaomi_form(std::string_view code) {
  if (code.size() < 8 || code.size() > 11 || !all_of(code, is_alnum) || !is_upper(code.back())) {
    return XiaomiForm::kNone;
  }
  if (code[0] == 'M') {
    return all_of(code.substr(1, 4), is_digit) && is_upper(code[5]) ? XiaomiForm::kOld
                                                                    : XiaomiForm::kNone;
  }
  return all_of(code.substr(0, 4), is_digit) ? XiaomiForm::kNew : XiaomiForm::kNone;
}

std::optional<CertDate> xiaomi_cert_date(std::string_view code, XiaomiForm form) {
  const std::size_t at = form == XiaomiForm::kOld ? 1 : 0;
  const int year = code_year(two_digits(code, at));
  const int month = two_digits(code, at + 2);
  if (year == 0 || month < 1 || month > 12) return std::nullopt;
  return CertDate{year, month};
}

// Two-letter series after YYMM + one character (new form, 2022 on): "23043RP34G" -> "RP".
std::string_view xiaomi_series(std::string_view code, XiaomiForm form) {
  if (form != XiaomiForm::kNew || code.size() < 9 || !is_upper(code[5]) || !is_upper(code[6])) {
    return {};
  }
  return code.substr(5, 2);
}

constexpr std::array<std::string_view, 8> kXiaomiPhoneSeries = {"RA", "RN", "RK", "RT",
                                                                "PN", "PT", "PX", "PY"};

void derive_xiaomi(std::string_view code, DerivedDeviceFacts& out) {
  const XiaomiForm form = xiaomi_form(code);
  if (form == XiaomiForm::kNone) return;
  const auto cert = xiaomi_cert_date(code, form);
  if (!cert) return;  // a shape without a date says nothing else either
  out.certified_year = cert->year;
  out.certified_month = cert->month;
  const int index = cert->year * 12 + (cert->month - 1);  // months since year 0
  if (code.back() == 'C') {  // China: launched there within months of the certificate
    set_launch(out, (index - 2) / 12, (index + 4) / 12, "xiaomi-china-cert-date");
  } else {
    set_launch(out, (index - 2) / 12, (index + 6) / 12, "xiaomi-cert-date");
  }

  const std::string_view series = xiaomi_series(code, form);
  if (series == "RP") {
    set_class(out, "tablet", "xiaomi-series-tablet");
    return;
  }
  for (std::string_view phone : kXiaomiPhoneSeries) {
    if (series == phone) {
      set_class(out, "phone", "xiaomi-series-phone");
      return;
    }
  }
}

// --- Huawei / Honor -------------------------------------------------------------------------

// "BAH3-W09", "AGS3K-W20", "AGS3-W09HN": a 2-6 character prefix, '-W', two digits, at most
// two letters (a configuration or market: AGS3-W00D, -W09HN).
bool huawei_wifi_tablet(std::string_view code) {
  const std::size_t dash = code.find('-');
  if (dash == std::string_view::npos || dash < 2 || dash > 6) return false;
  if (!all_of(code.substr(0, dash), is_alnum)) return false;
  const std::string_view group = code.substr(dash + 1);
  if (group.size() < 3 || group.size() > 5 || group[0] != 'W') return false;
  return two_digits(group, 1) >= 0 && all_of(group.substr(3), is_upper);
}

// --- Samsung --------------------------------------------------------------------------------

// China Telecom's W series, SM-W + 4 digits (+ letters): W2014-W2022 (SM-W2018X), then
// SM-W9023 (fold) and SM-W7023 (flip) on. The last two digits name the year the phone is
// sold for; it launches in the autumn before (W2016: 2015; W25, SM-W9025: 2024): so for the
// 7 verified rows (W23-W26) and for W2014-W22 as their launches were reported. The TabPro S
// and Galaxy Books are SM-W + 3 digits (SM-W700, SM-W720): not this shape.
bool derive_samsung_w_series(std::string_view code, DerivedDeviceFacts& out) {
  if (code.size() < 8 || code[3] != 'W' || !all_of(code.substr(4, 4), is_digit) ||
      !all_of(code.substr(8), is_upper) || code[5] != '0' ||
      (code[4] != '2' && code[4] != '7' && code[4] != '9')) {
    return false;
  }
  const int yy = two_digits(code, 6);
  const int year = 2000 + yy;
  if (yy < 14 || year > kLastCodeYear) return false;  // SM- codes began with the W2014
  set_launch(out, year - 1, year - 1, "samsung-w-series-year");
  set_class(out, "phone", "samsung-w-series-year");
  return true;
}

// Flagship lines whose codes move one block a generation, a generation a year: SM- + the line's
// letter + two digits. Years as node-device-detector's device-info and the verified rows give
// them for every code of the block (and Google Play's list names no other phone in them):
// Galaxy S (G9x to 2021, S9x since 2022, S7x the FE), Note (N9x), Z Fold (F9x), Z Flip (F7x:
// the Flip7 skipped F75), Tab S (X7x-X9x) and the Tab A / S FE lines (X2x, X5x, X6x). A block
// holding two launches gives both years (N93: Note7 2016, Note FE 2017; G99: S21 2021, S21 FE
// January 2022; G90: S5 2014, S5 Neo 2015). Blocks not listed (S94, the Tab S11 X73/X93, the
// Galaxy F F4x, SM-G91x of 2013) say nothing.
// Prefix: the letter after SM- and the next two digits ("S91").
constexpr std::array<CodeBlock, 49> kSamsungFlagshipBlocks = {{
    {"G90", 2014, 2015}, {"G92", 2015, 2015}, {"G93", 2016, 2016}, {"G95", 2017, 2017},
    {"G96", 2018, 2018}, {"G97", 2019, 2019}, {"G98", 2020, 2020}, {"G99", 2021, 2022},
    {"S90", 2022, 2022}, {"S91", 2023, 2023}, {"S92", 2024, 2024}, {"S93", 2025, 2025},
    {"S71", 2023, 2023}, {"S72", 2024, 2024}, {"N90", 2013, 2013}, {"N91", 2014, 2014},
    {"N92", 2015, 2015}, {"N93", 2016, 2017}, {"N95", 2017, 2017}, {"N96", 2018, 2018},
    {"N97", 2019, 2019}, {"N98", 2020, 2020}, {"F90", 2019, 2019}, {"F91", 2020, 2020},
    {"F92", 2021, 2021}, {"F93", 2022, 2022}, {"F94", 2023, 2023}, {"F95", 2024, 2024},
    {"F96", 2025, 2025}, {"F70", 2020, 2020}, {"F71", 2021, 2021}, {"F72", 2022, 2022},
    {"F73", 2023, 2023}, {"F74", 2024, 2024}, {"F76", 2025, 2025}, {"X70", 2022, 2022},
    {"X71", 2023, 2023}, {"X80", 2022, 2022}, {"X81", 2023, 2023}, {"X82", 2024, 2024},
    {"X90", 2022, 2022}, {"X91", 2023, 2023}, {"X92", 2024, 2024}, {"X20", 2022, 2022},
    {"X21", 2023, 2023}, {"X51", 2023, 2023}, {"X52", 2025, 2025}, {"X61", 2023, 2023},
    {"X62", 2025, 2025},
}};

// What may follow a Galaxy S code's digits: nothing, the China 0 (SM-S9180), or a market letter
// and a digit (B, E, U, U1, W, N, C, Q). TracFone's SM-S codes end in L (SM-S920L, the 2014
// Grand Prime; SM-S727VL, a 2017 J7) and name other phones: they say nothing.
bool galaxy_s_suffix(std::string_view suffix) {
  if (suffix.empty() || suffix == "0") return true;
  const std::string_view markets = "BEUWNCQ";
  return suffix.size() <= 2 && markets.find(suffix[0]) != std::string_view::npos &&
         (suffix.size() == 1 || is_digit(suffix[1]));
}

// Both launch rules below read SM- + a letter + three digits (+ a suffix: SM-S928B,
// SM-A5360); derive_samsung checks the shape once for both.
bool samsung_numbered(std::string_view code) {
  return code.size() >= 7 && all_of(code.substr(4, 3), is_digit);
}

void derive_samsung_flagship_launch(std::string_view code, DerivedDeviceFacts& out) {
  if (code[3] == 'S' && !galaxy_s_suffix(code.substr(7))) return;
  set_block_launch(kSamsungFlagshipBlocks, code.substr(3, 3), "samsung-flagship-block", out);
}

// Galaxy A, M and F (SM-E) codes since 2019: SM-A + tier + generation digit + variant, the
// variant not 0 (SM-A536B: A53, generation 3; SM-M146B; SM-E546B). Generation G launched in
// 2018 + G or the year after: the low tiers come in the autumn before (A15, SM-A155F,
// December 2023), the others in spring (A55, SM-A556B, 2024). So for all 211 codes of known
// launch in device-info and the verified rows but one: SM-A102J, the Japanese Galaxy A21 of 2020
// on a 2019 A10e code. Japanese (J) variants are therefore left out. The 2014-2018 A and E
// codes end in 0 (SM-A520F, SM-E700H; the A6+ SM-A605 of 2018 fits generation 0): not this
// shape. TracFone's SM-S...DL copies of these codes are left to the database.
void derive_samsung_generation_launch(std::string_view code, DerivedDeviceFacts& out) {
  if ((code[3] != 'A' && code[3] != 'M' && code[3] != 'E') || code[6] == '0') return;
  const std::string_view suffix = code.substr(7);
  if (suffix.find('J') != std::string_view::npos) return;
  const int generation = code[5] - '0';
  const int year = 2018 + generation;
  if (year + 1 > kLastCodeYear) return;
  set_launch(out, year, year + 1, "samsung-generation-digit");
}

void derive_samsung(std::string_view code, DerivedDeviceFacts& out) {
  const std::size_t slash = code.find('/');  // SIM suffix: SM-T505/DS
  if (slash != std::string_view::npos) code = code.substr(0, slash);
  if (!starts_with(code, "SM-") || code.size() < 6 || !is_upper(code[3]) || !is_digit(code[4]) ||
      !all_of(code.substr(3), is_alnum)) {
    return;
  }
  if (derive_samsung_w_series(code, out)) return;
  if (samsung_numbered(code)) {
    derive_samsung_flagship_launch(code, out);
    if (!out.launch) derive_samsung_generation_launch(code, out);
  }
  switch (code[3]) {
    case 'T':
    case 'X':
    case 'P':
      set_class(out, "tablet", "samsung-tab-prefix");
      return;
    case 'S':
    case 'G':
    case 'N':
    case 'A':
    case 'M':
    case 'F':
    case 'E':
    case 'J':
      set_class(out, "phone", "samsung-phone-prefix");
      return;
    default:
      return;
  }
}

// --- vivo / iQOO ----------------------------------------------------------------------------

// `prefix` + 4 digits + `suffix` exactly; returns the two-digit year as 20YY (0: not this shape
// or not plausible).
int vivo_year(std::string_view code, std::string_view prefix, std::string_view suffix) {
  if (code.size() != prefix.size() + 4 + suffix.size() || !starts_with(code, prefix) ||
      code.substr(prefix.size() + 4) != suffix ||
      !all_of(code.substr(prefix.size(), 4), is_digit)) {
    return 0;
  }
  return code_year(two_digits(code, prefix.size()));
}

// V + 4 digits + letters only (V2324A, V2324HA, V2250): a vivo / iQOO phone model code.
bool vivo_phone_code(std::string_view code) {
  return code.size() >= 5 && code[0] == 'V' && all_of(code.substr(1, 4), is_digit) &&
         all_of(code.substr(5), is_upper);
}

bool vivo_pad_code(std::string_view code) {
  const std::string_view rest = starts_with(code, "IPA")  ? code.substr(3)
                                : starts_with(code, "PA") ? code.substr(2)
                                                          : std::string_view{};
  return rest.size() == 4 && all_of(rest, is_digit);
}

void derive_vivo(std::string_view model, std::string_view codename, DerivedDeviceFacts& out) {
  const bool phone_code = vivo_phone_code(model);
  const bool pad_code = vivo_pad_code(model);
  if (phone_code) set_class(out, "phone", "vivo-model-class");
  if (pad_code) set_class(out, "tablet", "vivo-model-class");

  int year = vivo_year(model, "V", "A");
  if (year == 0) year = vivo_year(model, "PA", "");
  if (year != 0) {
    set_launch(out, year, year + 1, "vivo-model-year");
    return;
  }
  // The codename speaks only when the model code is not one of vivo's own: a variant code
  // (V2324HA) may reuse its base model's codename and launch later than it.
  if (phone_code || pad_code) return;
  const int phone_year = vivo_year(codename, "PD", "");
  const int pad_year = vivo_year(codename, "DPD", "");
  if (phone_year != 0) {
    set_launch(out, phone_year, phone_year + 1, "vivo-codename-year");
    if (!out.device_class) set_class(out, "phone", "vivo-codename-class");
  } else if (pad_year != 0) {
    set_launch(out, pad_year, pad_year + 1, "vivo-codename-year");
    if (!out.device_class) set_class(out, "tablet", "vivo-codename-class");
  }
}

// --- OPPO / OnePlus / realme ------------------------------------------------------------------

// `letters` upper-case letters then `digits` digits, exactly.
bool letters_digits(std::string_view code, std::size_t letters, std::size_t digits) {
  return code.size() == letters + digits && all_of(code.substr(0, letters), is_upper) &&
         all_of(code.substr(letters), is_digit);
}

// The launch years of each block of codes: the sequence moves about one block a year. Read
// from every code of known launch in the verified rows, node-device-detector's device-info
// and the LineageOS wiki (372 codes). Two device-info years disagree and are that source's
// slips, a name reused years apart: "a57" CPH2407 2016 (the 2022 A57 5G) and "a3" CPH2669
// 2018 (the 2024 A3). The newest blocks allow the next year too (codes still being issued).
// Prefix: "CPH19", CPH + the first two digits; "PH", P + the first letter.
constexpr std::array<CodeBlock, 39> kOppoCodeBlocks = {{
    {"CPH17", 2016, 2018}, {"CPH18", 2017, 2018}, {"CPH19", 2018, 2019}, {"CPH20", 2019, 2020},
    {"CPH21", 2020, 2021}, {"CPH22", 2020, 2021}, {"CPH23", 2021, 2022}, {"CPH24", 2022, 2023},
    {"CPH25", 2023, 2024}, {"CPH26", 2024, 2025}, {"CPH27", 2025, 2026}, {"RMX18", 2018, 2019},
    {"RMX19", 2019, 2019}, {"RMX20", 2020, 2020}, {"RMX21", 2020, 2020}, {"RMX22", 2020, 2021},
    {"RMX30", 2021, 2021}, {"RMX31", 2021, 2021}, {"RMX32", 2021, 2022}, {"RMX33", 2021, 2022},
    {"RMX34", 2022, 2022}, {"RMX35", 2022, 2022}, {"RMX36", 2022, 2022}, {"RMX37", 2023, 2023},
    {"RMX38", 2023, 2024}, {"RMX39", 2024, 2024}, {"RMX50", 2024, 2025}, {"RMX51", 2025, 2026},
    {"PA", 2018, 2018},    {"PB", 2017, 2018},    {"PC", 2019, 2020},    {"PD", 2019, 2020},
    {"PE", 2020, 2021},    {"PF", 2021, 2022},    {"PG", 2022, 2023},    {"PH", 2022, 2024},
    {"PJ", 2023, 2025},    {"PK", 2024, 2025},    {"PL", 2025, 2026},
}};

// OPPO / OnePlus China codes: P + 3 letters + 2 digits (PGBM10) or P + 2 letters + 3 digits
// (PHM110).
bool oppo_china_code(std::string_view code) {
  return code.size() == 6 && code[0] == 'P' &&
         (letters_digits(code, 4, 2) || letters_digits(code, 3, 3));
}

// CPH/RMX codes are keyed by their first two digits, the China codes by their second letter.
void derive_oppo_launch(std::string_view code, bool china_code, DerivedDeviceFacts& out) {
  set_block_launch(kOppoCodeBlocks, code.substr(0, china_code ? 2 : 5), "oppo-code-block", out);
}

void derive_oppo(std::string_view brand, std::string_view code, DerivedDeviceFacts& out) {
  if ((starts_with(code, "OPD") || starts_with(code, "RMP")) && letters_digits(code, 3, 4)) {
    // OPD / RMP YY NN: launched in 20YY or the year after (OPD2101, OPPO Pad: 2022; OPD2404,
    // OnePlus Pad Pro: 2024): so for all 25 tablets of the verified rows and the sources.
    if (const int year = code_year(two_digits(code, 3)); year != 0) {
      set_launch(out, year, year + 1, "oppo-tablet-year");
    }
    set_class(out, "tablet", "oppo-tablet-code");
    return;
  }
  const bool global_code =
      (starts_with(code, "CPH") || starts_with(code, "RMX")) && letters_digits(code, 3, 4);
  const bool china_code = oppo_china_code(code);
  if (global_code || china_code) derive_oppo_launch(code, china_code, out);
  if (global_code || china_code || (upper(brand) == "ONEPLUS" && letters_digits(code, 2, 4))) {
    set_class(out, "phone", "oppo-phone-code");
  }
}

// --- Apple ----------------------------------------------------------------------------------

// "IPHONE12,1" -> 12 (the identifier's major number); 0 for other shapes.
int identifier_major(std::string_view code, std::string_view product) {
  if (!starts_with(code, product)) return 0;
  const std::string_view rest = code.substr(product.size());
  const auto comma = rest.find(',');
  if (comma == 0 || comma == std::string_view::npos || comma > 2 ||
      !all_of(rest.substr(0, comma), is_digit) || rest.size() == comma + 1 ||
      !all_of(rest.substr(comma + 1), is_digit)) {
    return 0;
  }
  return std::stoi(std::string(rest.substr(0, comma)));
}

// --- Google ---------------------------------------------------------------------------------

// Pixel phones report their name as the model code: "Pixel", "Pixel XL", "Pixel Fold",
// "Pixel N[a]" with Pro / XL / Fold / (5G) after it ("Pixel 9 Pro Fold", "Pixel 4a (5G)").
// Pixel N launched in 2015 + N (Pixel 2: 2017 ... Pixel 10: 2025, the Pro Folds too), Pixel Na
// in 2016 + N (3a: 2019 ... 9a: 2025); Pixel and Pixel XL in 2016, Pixel Fold in 2023: no
// exception among the 22 verified Pixel rows, nor the 29 Pixel phones the sources date
// (device-info and the LineageOS wiki, 2016-10 to 2025-04). Every other Pixel name is another
// kind of device and says nothing: Pixel C and Pixel Tablet (tablets), Pixel Slate (a
// Chromebook), Pixel Watch, Pixelbook; so do the G020x codes of the 3a.
void derive_google(std::string_view code, DerivedDeviceFacts& out) {
  if (!starts_with(code, "PIXEL") || (code.size() > 5 && code[5] != ' ')) return;
  int number = 0, words = 0;
  bool a_model = false, fold = false;
  for (std::string_view rest = code.substr(5); !rest.empty();) {
    rest.remove_prefix(1);  // the blank
    const std::string_view word = rest.substr(0, rest.find(' '));
    rest.remove_prefix(word.size());
    if (++words == 1 && !word.empty() && is_digit(word[0])) {  // N or Na
      a_model = word.back() == 'A';
      const std::string_view n = word.substr(0, word.size() - (a_model ? 1 : 0));
      if (n.size() > 2 || !all_of(n, is_digit)) return;
      number = std::stoi(std::string(n));
    } else if (word == "FOLD") {
      fold = true;
    } else if (word != "PRO" && word != "XL" && word != "(5G)" && word != "5G") {
      return;
    }
  }
  int year = 0;
  if (number == 0) {
    if (words > 1) return;  // Pixel, Pixel XL, Pixel Fold only
    year = fold ? 2023 : 2016;
  } else if (number >= (a_model ? 3 : 2)) {
    year = (a_model ? 2016 : 2015) + number;
  }
  if (year == 0 || year > kLastCodeYear) return;
  set_launch(out, year, year, "google-pixel-name");
  set_class(out, "phone", "google-pixel-name");
}

// iPadN,M: N is the chip's generation, and one chip served iPads launched over a few years
// (iPad7: the A10X Pros of 2017, the iPad of 2018 and of 2019), so each N gives the years of
// the iPads Apple numbered so (Apple's identifiers as the verified rows list them; iPad1-6 as
// Apple's support pages name the models). N = 9 and 10 were never used; the newest stay open
// to the next year (a later iPad on the same chip).
struct IpadGeneration {
  int major, earliest, latest;
};
constexpr std::array kIpadGenerations = {
    IpadGeneration{1, 2010, 2010},  IpadGeneration{2, 2011, 2012},  IpadGeneration{3, 2012, 2012},
    IpadGeneration{4, 2013, 2014},  IpadGeneration{5, 2014, 2015},  IpadGeneration{6, 2015, 2017},
    IpadGeneration{7, 2017, 2019},  IpadGeneration{8, 2018, 2020},  IpadGeneration{11, 2019, 2020},
    IpadGeneration{12, 2021, 2021}, IpadGeneration{13, 2020, 2022}, IpadGeneration{14, 2021, 2024},
    IpadGeneration{15, 2025, 2026}, IpadGeneration{16, 2024, 2026}, IpadGeneration{17, 2025, 2026},
    IpadGeneration{18, 2025, 2026},
};

void derive_ipad(std::string_view code, DerivedDeviceFacts& out) {
  const int major = identifier_major(code, "IPAD");
  for (const IpadGeneration& g : kIpadGenerations) {
    if (g.major == major) set_launch(out, g.earliest, g.latest, "apple-ipad-identifier");
  }
}

// The class of an Apple identifier is device_facts' (class_from_os); here only the launch.
void derive_apple(std::string_view code, DerivedDeviceFacts& out) {
  if (starts_with(code, "IPAD")) {
    derive_ipad(code, out);
    return;
  }
  const int major = identifier_major(code, "IPHONE");
  if (2008 + major > kLastCodeYear + 1) return;  // a made-up identifier, not a future iPhone
  if (major == 1) {
    set_launch(out, 2007, 2008, "apple-iphone-identifier");  // iPhone1,1 2007, iPhone1,2 2008
  } else if (major > 1) {
    set_launch(out, 2007 + major, 2008 + major, "apple-iphone-identifier");
  }
}

}  // namespace

DerivedDeviceFacts derive_from_model_code(std::string_view brand, std::string_view model,
                                          std::string_view codename) {
  DerivedDeviceFacts out;
  const std::string code = upper(model);
  const std::string device = upper(codename);
  switch (family_of(brand)) {
    case Family::kXiaomi:
      derive_xiaomi(code, out);
      break;
    case Family::kHuawei:
      if (huawei_wifi_tablet(code)) set_class(out, "tablet", "huawei-wifi-tablet");
      break;
    case Family::kSamsung:
      derive_samsung(code, out);
      break;
    case Family::kVivo:
      derive_vivo(code, device, out);
      break;
    case Family::kOppo:
      derive_oppo(brand, code, out);
      break;
    case Family::kApple:
      derive_apple(code, out);
      break;
    case Family::kGoogle:
      derive_google(code, out);
      break;
    case Family::kUnknown:  // only the shapes no other maker uses
      if (starts_with(code, "SM-")) {
        derive_samsung(code, out);
      } else if (starts_with(code, "IPHONE") || starts_with(code, "IPAD")) {
        derive_apple(code, out);
      } else {
        derive_xiaomi(code, out);
      }
      break;
    case Family::kNone:
      break;
  }
  out.rule = out.launch_rule;
  if (!out.class_rule.empty() && out.class_rule != out.launch_rule) {
    if (!out.rule.empty()) out.rule += '+';
    out.rule += out.class_rule;
  }
  return out;
}

std::string huawei_platform(std::string_view code) {
  const std::string text = upper(code);
  const std::size_t dash = text.find('-');
  if (dash == std::string::npos || dash < 2 || dash > 5 || !is_upper(text[0]) ||
      !all_of(std::string_view(text).substr(0, dash), is_alnum)) {
    return {};
  }
  // The variant: letters, digits, letters, counted in that order.
  const std::string_view variant = std::string_view(text).substr(dash + 1);
  std::size_t at = 0;
  const auto run = [&](bool (*pred)(char)) {
    const std::size_t start = at;
    while (at < variant.size() && pred(variant[at])) ++at;
    return at - start;
  };
  const std::size_t letters = run(is_upper), digits = run(is_digit), tail = run(is_upper);
  if (at != variant.size() || letters < 1 || letters > 3 || digits < 1 || digits > 3 || tail > 2) {
    return {};
  }
  return text.substr(0, dash);
}

bool china_market_code(std::string_view brand, std::string_view model) {
  const std::string code = upper(model);
  switch (family_of(brand)) {
    case Family::kXiaomi:  // the market letter ends the code: 2410DPN6CC, M2011K2C (G, I, R…)
      return xiaomi_form(code) != XiaomiForm::kNone && code.back() == 'C';
    case Family::kHuawei: {  // ALN-AL00, MAA-AN00, HPB-TN00 (abroad: -L29, -LX9, -NX9)
      if (huawei_platform(code).empty()) return false;
      const std::string_view variant = std::string_view(code).substr(code.find('-') + 1);
      return starts_with(variant, "AL") || starts_with(variant, "AN") ||
             starts_with(variant, "TL") || starts_with(variant, "TN");
    }
    case Family::kVivo:  // V2324A (abroad: V2309, no A; V2324HA: a later re-issue)
      return code.size() == 6 && code[0] == 'V' &&
             all_of(std::string_view(code).substr(1, 4), is_digit) && code.back() == 'A';
    case Family::kOppo:  // PGBM10, PHM110 (abroad: CPH, RMX; realme's China codes are RMX too)
      return oppo_china_code(code);
    default:
      return false;
  }
}

std::optional<int> launch_floor_from_first_api_level(int api_level) {
  // Release year of API level i + 1 (Android 1.0 .. 16).
  static constexpr std::array<int, 36> kReleaseYear = {
      2008, 2009, 2009, 2009, 2009, 2009, 2010, 2010, 2010, 2011, 2011, 2011,  //  1-12
      2011, 2011, 2011, 2012, 2012, 2013, 2013, 2014, 2014, 2015, 2015, 2016,  // 13-24
      2016, 2017, 2017, 2018, 2019, 2020, 2021, 2021, 2022, 2023, 2024, 2025,  // 25-36
  };
  if (api_level < 1 || api_level > static_cast<int>(kReleaseYear.size())) return std::nullopt;
  return kReleaseYear[static_cast<std::size_t>(api_level - 1)];
}

}  // namespace examready::devices
