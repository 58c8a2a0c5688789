// Helpdesk token parsing and checking.
#include <catch2/catch.hpp>
#include <fstream>

#include "server/tokens.h"
#include "tests/server/live_server.h"

using namespace examready::server;

TEST_CASE("tokens are kept as digests and matched by role") {
  TokenStore store;
  REQUIRE(store.add(TokenRole::kHelpdesk, "plain-secret"));
  REQUIRE(store.add(TokenRole::kUploader, token_digest_text("kiosk")));
  CHECK_FALSE(store.add(TokenRole::kHelpdesk, "sha256:abc"));
  CHECK(store.check("plain-secret") == TokenRole::kHelpdesk);
  CHECK(store.check("kiosk") == TokenRole::kUploader);
  CHECK_FALSE(store.check("plain-secre"));
  CHECK_FALSE(store.check(""));
}

TEST_CASE("tokens file: roles, comments and located errors") {
  examready::test::ScratchDir dir;
  const std::string path = (dir.path() / "tokens").string();
  std::ofstream(path) << "# staff\nhelpdesk " << token_digest_text("t1")
                      << "\n\nuploader kiosk # kiosk\n"
                      << "admin x\nhelpdesk sha256:zz\n";
  TokenStore store;
  const auto errors = store.load_file(path);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0] == path + ":5: role must be helpdesk or uploader");
  CHECK(errors[1].rfind(path + ":6: ", 0) == 0);
  CHECK(store.check("t1") == TokenRole::kHelpdesk);
  CHECK(store.check("kiosk") == TokenRole::kUploader);
}

TEST_CASE("bearer header parsing") {
  CHECK(bearer_token("Bearer abc") == "abc");
  CHECK(bearer_token("bearer  abc ") == "abc");
  CHECK_FALSE(bearer_token("Basic abc"));
  CHECK_FALSE(bearer_token("Bearer "));
  CHECK_FALSE(bearer_token(""));
}
