// Helpdesk token storage and constant-time comparison.
#include "server/tokens.h"

#include <openssl/crypto.h>
#include <openssl/sha.h>

#include <algorithm>
#include <cctype>
#include <fstream>

#include "core/text.h"

namespace examready::server {
namespace {

std::array<unsigned char, 32> sha256(std::string_view text) {
  std::array<unsigned char, 32> digest{};
  SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest.data());
  return digest;
}

std::optional<std::array<unsigned char, 32>> parse_hex_digest(std::string_view hex) {
  if (hex.size() != 64) return std::nullopt;
  std::array<unsigned char, 32> digest{};
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (std::size_t i = 0; i < 32; ++i) {
    const int hi = nibble(hex[2 * i]), lo = nibble(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    digest[i] = static_cast<unsigned char>(hi * 16 + lo);
  }
  return digest;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<TokenRole> parse_token_role(std::string_view text) {
  if (text == "helpdesk") return TokenRole::kHelpdesk;
  if (text == "uploader") return TokenRole::kUploader;
  return std::nullopt;
}

bool TokenStore::add(TokenRole role, std::string_view secret) {
  if (secret.rfind("sha256:", 0) == 0) {
    auto digest = parse_hex_digest(secret.substr(7));
    if (!digest) return false;
    entries_.push_back({role, *digest});
    return true;
  }
  if (!valid_token_format(secret)) return false;
  entries_.push_back({role, sha256(secret)});
  return true;
}

std::vector<std::string> TokenStore::load_file(const std::string& path) {
  std::vector<std::string> errors;
  std::ifstream in(path);
  if (!in) return {path + ": cannot read"};
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    std::string_view text = line;
    if (auto hash = text.find('#'); hash != std::string_view::npos) text = text.substr(0, hash);
    text = trim(text);
    if (text.empty()) continue;
    const auto space = text.find_first_of(" \t");
    const auto role = parse_token_role(text.substr(0, space));
    const std::string_view secret = space == std::string_view::npos ? "" : trim(text.substr(space));
    const std::string where = path + ":" + std::to_string(number) + ": ";
    if (!role) {
      errors.push_back(where + "role must be helpdesk or uploader");
    } else if (!add(*role, secret)) {
      errors.push_back(where +
                       "expected sha256:<64 hex digits> or a token of 16 to 256 characters "
                       "(A-Z a-z 0-9 . _ ~ + / = -)");
    }
  }
  return errors;
}

std::vector<std::string> TokenStore::load_env_list(std::string_view list) {
  std::vector<std::string> errors;
  while (!list.empty()) {
    const auto comma = list.find(',');
    const std::string_view item = trim(list.substr(0, comma));
    if (!item.empty() && !add(TokenRole::kHelpdesk, item))
      errors.push_back(
          "EXAMREADY_HELPDESK_TOKENS: a bad digest or a token that is not 16 to "
          "256 characters of A-Z a-z 0-9 . _ ~ + / = -");
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return errors;
}

std::optional<TokenRole> TokenStore::check(std::string_view presented) const {
  const auto digest = sha256(presented);
  std::optional<TokenRole> found;
  // No early exit: the time taken does not depend on which entry matched.
  for (const auto& entry : entries_) {
    if (CRYPTO_memcmp(entry.digest.data(), digest.data(), digest.size()) == 0) found = entry.role;
  }
  return found;
}

bool valid_token_format(std::string_view token) {
  if (token.size() < kMinTokenLength || token.size() > kMaxTokenLength) return false;
  return std::all_of(token.begin(), token.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) ||
           std::string_view("._~+/=-").find(c) != std::string_view::npos;
  });
}

std::string token_digest_text(std::string_view token) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string text = "sha256:";
  for (unsigned char byte : sha256(token)) {
    text += kHex[byte >> 4];
    text += kHex[byte & 15];
  }
  return text;
}

std::optional<std::string_view> bearer_token(std::string_view authorization) {
  constexpr std::string_view kPrefix = "Bearer ";
  if (authorization.size() <= kPrefix.size()) return std::nullopt;
  if (!core::text::equals_ignoring_case(authorization.substr(0, kPrefix.size()), kPrefix)) {
    return std::nullopt;
  }
  std::string_view token = trim(authorization.substr(kPrefix.size()));
  if (token.empty()) return std::nullopt;
  return token;
}

}  // namespace examready::server
