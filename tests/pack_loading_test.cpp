// A malformed pack gets a precise path:line:col error for its author.
#include <catch2/catch.hpp>

#include "policylint/pack.hpp"

using namespace policylint;

namespace {

std::vector<std::string> errors_of(const std::string& toml) {
  SourceErrors errors;
  const auto pack = load_pack_text(toml, "p.toml", errors);
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(to_string(e));
  if (pack) CHECK(errors.empty());
  return out;
}

const std::string kHeader = "[pack]\nname = \"demo\"\n";

std::string rule(const std::string& extra) {
  return kHeader + "[[rules]]\nid = \"demo/x\"\nkind = \"pattern\"\nseverity = \"warning\"\nmessage = \"m\"\n"
                   "description = \"d\"\n" + extra;
}

}  // namespace

TEST_CASE("a valid pack loads", "[pack]") {
  SourceErrors errors;
  const auto pack = load_pack_text(rule("pattern = 'a'\n"), "p.toml", errors);
  REQUIRE(pack);
  CHECK(pack->name == "demo");
  CHECK(pack->rules.size() == 1);
}

TEST_CASE("invalid TOML is reported with its position", "[pack]") {
  const auto e = errors_of("[pack]\nname = \n");
  REQUIRE(e.size() == 1);
  CHECK(e[0].rfind("p.toml:2:", 0) == 0);
}

TEST_CASE("an unknown key gets a did-you-mean", "[pack]") {
  const auto e = errors_of(rule("pattern = 'a'\nunles = 'b'\n"));
  REQUIRE(e.size() == 1);
  CHECK(e[0] == "p.toml:10:1: error: rule 'demo/x': unknown key 'unles' (did you mean 'unless'?)");
}

TEST_CASE("an unknown kind, a missing field, a duplicate id", "[pack]") {
  CHECK(errors_of(kHeader + "[[rules]]\nid = \"demo/x\"\nkind = \"patern\"\nseverity = \"warning\"\nmessage = \"m\"\n"
                            "description = \"d\"\n")[0] ==
        "p.toml:5:8: error: rule 'demo/x': unknown kind 'patern' (did you mean 'pattern'?)");
  const auto missing = errors_of(rule(""));
  REQUIRE(missing.size() == 1);
  CHECK(missing[0].find("missing required key 'pattern'") != std::string::npos);
  const auto duplicate = errors_of(rule("pattern = 'a'\n") +
                                   "[[rules]]\nid = \"demo/x\"\nkind = \"pattern\"\nseverity = \"info\"\nmessage = \"m\"\n"
                                   "description = \"d\"\npattern = 'b'\n");
  REQUIRE(duplicate.size() == 1);
  CHECK(duplicate[0].find("duplicate rule id 'demo/x'") != std::string::npos);
}

TEST_CASE("an RE2 pattern that does not compile names the rule and RE2's reason", "[pack]") {
  const auto e = errors_of(rule("pattern = '(?<=a)b'\n"));
  REQUIRE(e.size() == 1);
  CHECK(e[0].rfind("p.toml:", 0) == 0);
  CHECK(e[0].find("rule 'demo/x': pattern does not compile: invalid perl operator: (?<") != std::string::npos);
}

TEST_CASE("rule ids are pack/kebab-name in their own pack", "[pack]") {
  CHECK(errors_of(kHeader + "[[rules]]\nid = \"other/x\"\nkind = \"pattern\"\nseverity = \"warning\"\n"
                            "message = \"m\"\ndescription = \"d\"\npattern = 'a'\n")[0]
            .find("does not belong to pack 'demo'") != std::string::npos);
  CHECK(errors_of(kHeader + "[[rules]]\nid = \"demo/Bad_Name\"\nkind = \"pattern\"\nseverity = \"warning\"\n"
                            "message = \"m\"\ndescription = \"d\"\npattern = 'a'\n")[0]
            .find("not of the form pack/kebab-name") != std::string::npos);
  CHECK(errors_of(rule("pattern = 'a'\n").replace(rule("").find("warning"), 7, "fatal"))[0].find("severity must be") !=
        std::string::npos);
}

TEST_CASE("every error in a pack is reported, not just the first", "[pack]") {
  const auto e = errors_of(kHeader + "[[rules]]\nid = \"demo/a\"\nkind = \"nope\"\nseverity = \"warning\"\n"
                                     "message = \"m\"\ndescription = \"d\"\n"
                                     "[[rules]]\nid = \"demo/b\"\nkind = \"pattern\"\nseverity = \"warning\"\n"
                                     "message = \"m\"\ndescription = \"d\"\npattern = '('\n");
  CHECK(e.size() == 2);
}
