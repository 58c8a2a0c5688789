// Helpdesk bearer tokens. Only SHA-256 digests are kept in memory; a presented token is
// hashed and compared against every digest in constant time.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace examready::server {

// helpdesk: may read reports. uploader: a valid identity (e.g. a school's kiosk) that may
// not read reports: a 403, not a 401.
enum class TokenRole { kInvalid, kHelpdesk, kUploader };
std::optional<TokenRole> parse_token_role(std::string_view text);

class TokenStore {
 public:
  // `secret` is "sha256:<64 hex>" or the token itself (hashed here). False on a bad digest
  // or a token that fails valid_token_format.
  bool add(TokenRole role, std::string_view secret);
  // Lines "ROLE SECRET" ("helpdesk sha256:…"); '#' starts a comment. Returns the errors
  // as "file:line: message"; empty on success.
  std::vector<std::string> load_file(const std::string& path);
  // Comma-separated helpdesk secrets (EXAMREADY_HELPDESK_TOKENS).
  std::vector<std::string> load_env_list(std::string_view list);

  std::optional<TokenRole> check(std::string_view presented) const;
  std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    TokenRole role;
    std::array<unsigned char, 32> digest;
  };
  std::vector<Entry> entries_;
};

// What a token may look like: 16 to 256 characters of A-Z a-z 0-9 and . _ ~ + / = - (what
// `openssl rand -base64 24` or -hex 16 print). Anything else is refused as a token without
// being hashed or compared; tokens files may not hold weaker ones.
inline constexpr std::size_t kMinTokenLength = 16;
inline constexpr std::size_t kMaxTokenLength = 256;
bool valid_token_format(std::string_view token);

// "sha256:<hex>" for a token, as written in a tokens file.
std::string token_digest_text(std::string_view token);

// The token of an "Authorization: Bearer TOKEN" header value, or nullopt.
std::optional<std::string_view> bearer_token(std::string_view authorization);

}  // namespace examready::server
