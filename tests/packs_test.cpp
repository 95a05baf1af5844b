// Every shipped pack loads, and every rule's examples behave as the pack says.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace policylint;

TEST_CASE("every shipped pack loads without errors", "[packs]") {
  REQUIRE_FALSE(shipped_pack_files().empty());
  for (const auto& file : shipped_pack_files()) {
    SourceErrors errors;
    const auto pack = load_pack(file, errors);
    INFO(file.string());
    for (const auto& e : errors) FAIL(to_string(e));
    CHECK(pack.has_value());
  }
}

TEST_CASE("every shipped pack is named after its file", "[packs]") {
  // --select skips the files of packs it leaves no rule of by their names, before reading them.
  for (const auto& file : shipped_pack_files()) {
    SourceErrors errors;
    const auto pack = load_pack(file, errors);
    REQUIRE(pack);
    CHECK(pack->name == file.stem().string());
  }
}

TEST_CASE("every shipped rule has examples, a description and a Chinese message", "[packs]") {
  for (const Pack& pack : testing::shipped_packs()) {
    for (const Rule& rule : pack.rules) {
      INFO(rule.info.id);
      CHECK_FALSE(rule.info.examples_bad.empty());
      CHECK_FALSE(rule.info.examples_good.empty());
      CHECK_FALSE(rule.info.description.empty());
      CHECK_FALSE(rule.info.message.empty());
    }
  }
}

TEST_CASE("every shipped rule's examples fire or stay silent as declared", "[packs]") {
  for (const Pack& pack : testing::shipped_packs()) {
    for (const auto& failure : verify_examples(pack, testing::shipped_pack_pointers())) FAIL_CHECK(failure);
  }
}
