// The names kind and the name index behind it: longest match, level prefixes, regions, lists.
#include <catch2/catch.hpp>

#include "policylint/names.hpp"
#include "support.hpp"

using namespace policylint;

namespace {

std::vector<Diagnostic> lint_agencies(const std::string& text, const std::string& date = "2024-05-20",
                                      const std::string& region = "") {
  LintContext ctx;
  ctx.document_date = parse_iso_date(date);
  ctx.region = region;
  return testing::lint_text(text, {"agencies"}, ctx);
}

std::optional<Pack> pack_from(const std::string& toml, SourceErrors& errors) {
  return load_pack_text(toml, "office.toml", errors);
}

}  // namespace

TEST_CASE("the longest name wins: a canonical name is never reported for what it contains", "[names]") {
  CHECK(lint_agencies("国家发展改革委、省工业和信息化厅、省发展和改革委员会按职责负责。").empty());
  const auto d = lint_agencies("由省发改委和国家发改委牵头。");
  REQUIRE(d.size() == 2);
  CHECK(d[0].message == "“省发改委”不是规范简称，应为“省发展改革委”");
  CHECK(d[1].message == "“国家发改委”不是规范简称，应为“国家发展改革委”");
}

TEST_CASE("a level prefix is generic and the fix keeps it", "[names]") {
  for (const std::string level : {"省", "自治区", "市", "州", "盟", "县", "区"}) {
    const auto d = lint_agencies("由" + level + "卫健委牵头。");
    REQUIRE(d.size() == 1);
    CHECK(d[0].rule == "agencies/informal-name");
    REQUIRE(d[0].fix);
    CHECK(d[0].fix->edits[0].replacement == level + "卫生健康委");
  }
}

TEST_CASE("titles, document numbers and words that only contain a name stay silent", "[names]") {
  CHECK(lint_agencies("按照《工信部关于印发某某办法的通知》（工信厅联电子函〔2022〕303号）执行。").empty());
  CHECK(lint_agencies("各地工信部门、住建部门要加强指导，工信部长出席。").empty());
}

TEST_CASE("full-width text is matched on the folded view", "[names]") {
  const auto d = lint_agencies("（责任单位：市发改委，市财政局）");
  REQUIRE(d.size() == 1);
  CHECK(d[0].rule == "agencies/informal-name");
}

TEST_CASE("renames follow the document date", "[names]") {
  const std::string text = "（责任单位：云南省人民政府，中国银保监会、人民银行昆明中心支行）";
  CHECK(lint_agencies(text, "2023-01-17", "云南省").empty());
  CHECK(testing::rule_ids(lint_agencies(text, "2024-05-20", "云南省")) ==
        std::vector<std::string>{"agencies/renamed", "agencies/renamed"});
  LintContext undated;
  undated.region = "云南省";
  CHECK(testing::lint_text(text, {"agencies"}, undated).empty());
}

TEST_CASE("a regional pack counts only in its region", "[names]") {
  const std::string text = "（责任单位：人民银行昆明中心支行）";
  CHECK(lint_agencies(text, "2024-05-20", "贵州省").empty());
  CHECK(lint_agencies(text, "2024-05-20", "云南省").size() == 1);
  CHECK(lint_agencies("昆明市人民政府关于印发某某方案的通知\n\n" + text, "2024-05-20").size() == 1);
  CHECK(lint_agencies("关于印发某某方案的通知\n\n" + text, "2024-05-20").empty());
}

TEST_CASE("unconfirmed entries report at info, whatever the rule's level", "[names]") {
  const auto d = lint_agencies("（责任单位：人民银行临沧市中心支行）", "2024-05-20", "云南省");
  REQUIRE(d.size() == 1);
  CHECK(d[0].severity == Severity::Info);
}

TEST_CASE("authors of a cited document keep their names of the time", "[names]") {
  CHECK(lint_agencies("按照国家卫生计生委办公厅、民政部《关于某某的通知》执行。").empty());
  CHECK(lint_agencies("由国家卫生计生委负责。").size() == 1);
}

TEST_CASE("a list writes the level once at its head", "[names]") {
  CHECK(lint_agencies("（责任单位：省发展改革委、财政厅、商务厅）").empty());
  CHECK(testing::rule_ids(lint_agencies("（责任单位：省财政厅、商务厅、财政厅）")) ==
        std::vector<std::string>{"agencies/duplicate-in-list"});
  CHECK(lint_agencies("（责任单位：省财政厅、市财政局、县财政局）").empty());
  CHECK(lint_agencies("（责任单位：省财政厅，省直有关部门）", "2024-05-20", "云南省").empty());
}

TEST_CASE("lists end at their bracket and skip units named in general", "[names]") {
  const Document doc = Document::from_text(
      "t.txt", "（牵头单位：县委统战部（县民宗局），责任单位：县财政局等有关部门和单位，各州、市人民政府）其后。");
  const auto& lists = doc.unit_lists();
  REQUIRE(lists.size() == 2);
  REQUIRE(lists[0].size() == 1);
  CHECK(doc.text().substr(lists[0][0].alias.begin, lists[0][0].alias.end - lists[0][0].alias.begin) == "县民宗局");
  REQUIRE(lists[1].size() == 1);
  CHECK(doc.text().substr(lists[1][0].name.begin, lists[1][0].name.end - lists[1][0].name.begin) == "县财政局");
}

TEST_CASE("an office adds names with a data pack, without C++", "[names]") {
  SourceErrors errors;
  const auto office = pack_from(R"(
[pack]
name = "agencies-ouroffice"
[[bodies]]
name = "{县}银发经济促进中心"
informal = ["{县}银发中心"]
level = "county"
source = "县委编办批复（2024年）"
)", errors);
  REQUIRE(errors.empty());
  REQUIRE(office->names);
  std::vector<const Pack*> packs = testing::shipped_pack_pointers();
  packs.push_back(&*office);
  const Document doc = Document::from_text("t.txt", "（责任单位：县民政局、县银发中心）");
  RuleSelection select;
  select.select = {"agencies"};
  const auto d = lint(doc, packs, select, {});
  REQUIRE(d.size() == 1);
  CHECK(d[0].message == "“县银发中心”不是规范简称，应为“县银发经济促进中心”");
}

TEST_CASE("a malformed name pack is reported with its place", "[names]") {
  SourceErrors errors;
  CHECK_FALSE(pack_from(R"(
[pack]
name = "agencies-bad"
[[bodies]]
name = "县某某局"
level = "town"
sorce = "x"
)", errors));
  const auto messages = [&] {
    std::string all;
    for (const auto& e : errors) all += to_string(e) + "\n";
    return all;
  }();
  CHECK(messages.find("office.toml:7:9: error: unknown key 'sorce' in [[bodies]] (did you mean 'source'?)") != std::string::npos);
  CHECK(messages.find("'level' must be national, province, prefecture or county") != std::string::npos);
  CHECK(messages.find("needs a 'source'") != std::string::npos);
}

TEST_CASE("a rule of kind names needs a known check", "[names]") {
  SourceErrors errors;
  CHECK_FALSE(pack_from(R"(
[pack]
name = "agencies"
[[rules]]
id = "agencies/x"
kind = "names"
check = "informl"
severity = "warning"
message = "m"
description = "d"
)", errors));
  REQUIRE(errors.size() == 1);
  CHECK(to_string(errors[0]).find("unknown check 'informl' (did you mean 'informal'?)") != std::string::npos);
}
