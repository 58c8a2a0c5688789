// Helpdesk token parsing and checking.
#include <catch2/catch.hpp>
#include <fstream>

#include "server/tokens.h"
#include "tests/server/live_server.h"

using namespace examready::server;

TEST_CASE("tokens are kept as digests and matched by role") {
  TokenStore store;
  REQUIRE(store.add(TokenRole::kHelpdesk, "plain-secret-token"));
  REQUIRE(store.add(TokenRole::kUploader, token_digest_text("kiosk-device-token")));
  CHECK_FALSE(store.add(TokenRole::kHelpdesk, "sha256:abc"));
  CHECK(store.check("plain-secret-token") == TokenRole::kHelpdesk);
  CHECK(store.check("kiosk-device-token") == TokenRole::kUploader);
  CHECK_FALSE(store.check("plain-secret-toke"));
  CHECK_FALSE(store.check(""));
}

TEST_CASE("tokens must be 16 to 256 characters of a fixed alphabet") {
  TokenStore store;
  CHECK_FALSE(store.add(TokenRole::kHelpdesk, "short-token"));           // 11 characters
  CHECK_FALSE(store.add(TokenRole::kHelpdesk, "with space inside it"));  // not in the alphabet
  CHECK_FALSE(store.add(TokenRole::kHelpdesk, std::string(257, 'a')));
  CHECK_FALSE(store.add(TokenRole::kHelpdesk, "tab\tseparated-token-x"));
  CHECK(store.add(TokenRole::kHelpdesk, "Zm9vYmFyYmF6cXV4+/=._~-"));
  CHECK(valid_token_format(std::string(16, 'x')));
  CHECK_FALSE(valid_token_format(std::string(15, 'x')));
  CHECK_FALSE(valid_token_format("\xe4\xbd\xa0\xe5\xa5\xbd-token-token-token"));
}

TEST_CASE("tokens file: roles, comments and located errors") {
  examready::test::ScratchDir dir;
  const std::string path = (dir.path() / "tokens").string();
  std::ofstream(path) << "# staff\nhelpdesk " << token_digest_text("t1")
                      << "\n\nuploader kiosk-device-token # kiosk\n"
                      << "admin x\nhelpdesk sha256:zz\nhelpdesk too-short\n";
  TokenStore store;
  const auto errors = store.load_file(path);
  REQUIRE(errors.size() == 3);
  CHECK(errors[0] == path + ":5: role must be helpdesk or uploader");
  CHECK(errors[1].rfind(path + ":6: ", 0) == 0);
  CHECK(errors[2].rfind(path + ":7: ", 0) == 0);
  CHECK(store.check("t1") == TokenRole::kHelpdesk);
  CHECK(store.check("kiosk-device-token") == TokenRole::kUploader);
}

TEST_CASE("bearer header parsing") {
  CHECK(bearer_token("Bearer abc") == "abc");
  CHECK(bearer_token("bearer  abc ") == "abc");
  CHECK_FALSE(bearer_token("Basic abc"));
  CHECK_FALSE(bearer_token("Bearer "));
  CHECK_FALSE(bearer_token(""));
}
