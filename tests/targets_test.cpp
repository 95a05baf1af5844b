// The targets kind: body targets linked to table rows, and the arithmetic checks.
#include <catch2/catch.hpp>

#include "policylint/document.hpp"
#include "policylint/targets.hpp"
#include "support.hpp"

using namespace policylint;
using testing::lint_text;
using testing::rule_ids;

namespace {

const std::string kTable =
    "\n\n序号 指标名称 2020年 2025年目标 责任单位\n"
    "1 养老床位数（张） 11022 12500 市民政局\n"
    "2 社区日间照料机构覆盖率（%） 66 90 市民政局\n"
    "3 3岁以下婴幼儿托位数（个） 1000 10000 市卫生健康委\n"
    "4 每千人口托位数（个） 0.4 4.5 市卫生健康委\n";

std::vector<std::string> ids(const std::string& body, const std::string& rule) {
  return rule_ids(lint_text(body + kTable, {rule}));
}

}  // namespace

TEST_CASE("body targets link to the row they name, in the column of their year", "[targets]") {
  const Document doc = Document::from_text("t.txt", "到2025年，社区日间照料机构覆盖率达到90%，每千人口拥有3岁以下婴幼儿托位数4.5个。" + kTable);
  const auto links = link_targets(doc);
  REQUIRE(links.size() == 2);
  CHECK(links[0].row->name == "社区日间照料机构覆盖率");
  REQUIRE(links[0].table_value);
  CHECK(links[0].table_value->value == 90);
  // 每千人口 never matches the absolute count, though its name is the longer match.
  CHECK(links[1].row->name == "每千人口托位数");
  CHECK(links[1].table_value->value == 4.5);
}

TEST_CASE("table-mismatch compares values across units and reports at the body", "[targets]") {
  CHECK(ids("到2025年，全市养老床位达到1.25万张。", "targets/table-mismatch").empty());
  CHECK(ids("到2025年，全市养老床位达到1.5万张。", "targets/table-mismatch") ==
        std::vector<std::string>{"targets/table-mismatch"});
  const auto d = lint_text("到2025年，社区日间照料机构覆盖率达到95%。" + kTable, {"targets/table-mismatch"});
  REQUIRE(d.size() == 1);
  REQUIRE(d[0].related.size() == 1);
  CHECK(d[0].message.find("2025年为90%") != std::string::npos);
}

TEST_CASE("an undated statement is compared when every year of the row agrees", "[targets]") {
  const std::string table = "\n\n序号 指标名称 2020年 2025年目标 责任单位\n1 特殊困难老年人月探访率（%） 100 100 市民政局\n";
  CHECK(lint_text("特殊困难老年人月探访率达到100%。" + table, {"targets/table-mismatch"}).empty());
  const auto d = lint_text("特殊困难老年人月探访率达到90%。" + table, {"targets/table-mismatch"});
  REQUIRE(d.size() == 1);
  CHECK(d[0].message.find("”为100%") != std::string::npos);
}

TEST_CASE("table-mismatch stays silent without a year, for changes and for other subjects", "[targets]") {
  CHECK(ids("目前全市3岁以下婴幼儿托位数1000个，养老床位8000张。", "targets/table-mismatch").empty());
  CHECK(ids("到2025年，社区日间照料机构覆盖率提高5个百分点，养老床位增加1000张。", "targets/table-mismatch").empty());
  CHECK(ids("到2025年，全市养老床位改造惠及老人3000人。", "targets/table-mismatch").empty());
  CHECK(ids("到2025年，全市养老床位约1.3万张。", "targets/table-mismatch").empty());
  CHECK(ids("到2025年，主城区社区日间照料机构覆盖率达到100%。", "targets/table-mismatch").empty());
}

TEST_CASE("difference compares 新增 with the target less the base", "[targets]") {
  CHECK(ids("“十四五”期间需新增养老床位1478张。", "targets/difference").empty());
  CHECK(ids("“十四五”期间需新增养老床位1500张。", "targets/difference") ==
        std::vector<std::string>{"targets/difference"});
}

TEST_CASE("parts and totals", "[targets]") {
  CHECK(rule_ids(lint_text("总投资300亿元，其中政府投资120亿元、社会投资200亿元。", {"targets"})) ==
        std::vector<std::string>{"targets/parts-exceed-total"});
  CHECK(rule_ids(lint_text("总投资300亿元，其中政府投资120亿元、社会投资150亿元。", {"targets"})) ==
        std::vector<std::string>{"targets/parts-total-mismatch"});
  CHECK(lint_text("总投资300亿元，其中政府投资120亿元、社会投资150亿元等。", {"targets"}).empty());
  CHECK(lint_text("幼儿园990个（公办907个、民办83个，普惠性977个）。", {"targets"}).empty());
  CHECK(lint_text("幼儿园990个，其中公办907个、民办83个，普惠性977个。", {"targets"}).empty());
}

TEST_CASE("counts after 其中 may overlap; only a part larger than the whole exceeds it", "[targets]") {
  CHECK(lint_text("从业人员2860人，其中女性1920人、少数民族1150人、持证上岗人员2100人。", {"targets"}).empty());
  CHECK(lint_text("托育机构320家，其中公办86家、普惠性210家、示范性45家。", {"targets"}).empty());
  CHECK(rule_ids(lint_text("从业人员286人，其中女性1920人、少数民族115人。", {"targets"})) ==
        std::vector<std::string>{"targets/parts-exceed-total"});
  CHECK(rule_ids(lint_text("床位12500张，其中护理型床位6875张、普通床位6625张。", {"targets"})) ==
        std::vector<std::string>{"targets/parts-exceed-total"});
}

TEST_CASE("分别 allows a few words between the verb and the amounts", "[targets]") {
  CHECK(rule_ids(lint_text("对新开通客运线路的县、乡、村分别给予一次性补助20万元、10万元、5万元、3万元。", {"targets"})) ==
        std::vector<std::string>{"targets/respectively-count"});
  CHECK(lint_text("对新开通客运线路的县、乡、村分别给予一次性补助20万元、10万元、5万元。", {"targets"}).empty());
}

TEST_CASE("percentage points follow the stated precision and direction", "[targets]") {
  CHECK(lint_text("比例为7.2%，比2015年的3.29%提高了3.91个百分点。", {"targets"}).empty());
  CHECK(lint_text("失业率由4.5%下降到3.5%，下降了1个百分点。", {"targets"}).empty());
  CHECK(rule_ids(lint_text("失业率由4.5%下降到3.5%，下降了1.5个百分点。", {"targets"})) ==
        std::vector<std::string>{"targets/percentage-points"});
  CHECK(lint_text("参保率达到95%，覆盖率比2020年的80%提高了5个百分点。", {"targets"}).empty());
}

TEST_CASE("分别 counts uses by 顿号 and by parallel 和", "[targets]") {
  CHECK(lint_text("分别安排5亿元、2亿元、2亿元，用于支持磨憨、瑞丽、河口基础设施和公共服务设施建设。", {"targets"}).empty());
  CHECK(lint_text("分别安排2亿元、1亿元，用于支持重大项目前期工作和项目后评价。", {"targets"}).empty());
  CHECK(rule_ids(lint_text("分别安排3亿元、2亿元，用于支持燃气管道、供水管道和排水管道更新改造。", {"targets"})) ==
        std::vector<std::string>{"targets/respectively-count"});
}

TEST_CASE("an unknown targets check is a pack error", "[targets]") {
  std::string out;
  const std::string pack = "/tmp/policylint-targets-bad-pack.toml";
  {
    std::FILE* f = std::fopen(pack.c_str(), "w");
    std::fputs("[pack]\nname = \"x\"\n[[rules]]\nid = \"x/y\"\nkind = \"targets\"\ncheck = \"table-mismach\"\n"
               "message = \"m\"\ndescription = \"d\"\n",
               f);
    std::fclose(f);
  }
  CHECK(testing::run_cli("check-pack " + pack + " 2>&1", out) == 2);
  CHECK(out.find("table-mismatch") != std::string::npos);
}

TEST_CASE("dump-targets prints each pair and the count", "[targets]") {
  std::string out;
  CHECK(testing::run_cli("dump-targets " POLICYLINT_SOURCE_DIR "/fixtures/targets/table-mismatch-clean.txt", out) == 0);
  CHECK(out.find("社区日间照料机构覆盖率 = 90") != std::string::npos);
  CHECK(out.find("个正文指标与表格行配对") != std::string::npos);
}

TEST_CASE("a 到YYYY年 sentence lends its year to the sentences after it in the paragraph", "[targets]") {
  const std::vector<std::string> mismatch{"targets/table-mismatch"};
  CHECK(ids("到2025年，全市养老床位达到12500张；社区日间照料机构覆盖率达到95%。", "targets/table-mismatch") == mismatch);
  CHECK(ids("到2025年，全市养老床位达到12500张。社区日间照料机构覆盖率达到95%。", "targets/table-mismatch") == mismatch);
  CHECK(ids("到2025年，全市养老床位达到12500张。目前，社区日间照料机构覆盖率为70%。", "targets/table-mismatch").empty());
  CHECK(ids("到2025年，全市养老床位达到12500张。2022年社区日间照料机构覆盖率达到70%。", "targets/table-mismatch").empty());
  CHECK(ids("到2025年，全市养老床位达到12500张。“十四五”期间，全市新增养老床位1478张。", "targets/difference").empty());
}

TEST_CASE("名 and 人 both count people", "[targets]") {
  const std::string table = "\n\n序号 指标名称 2020年 2025年目标 责任单位\n1 每万人口全科医生数（人） 2.8 4 市卫生健康委\n";
  CHECK(rule_ids(lint_text("到2025年，每万人口全科医生数达到5名。" + table, {"targets/table-mismatch"})) ==
        std::vector<std::string>{"targets/table-mismatch"});
  CHECK(lint_text("到2025年，每万人口全科医生数达到4名。" + table, {"targets/table-mismatch"}).empty());
}
