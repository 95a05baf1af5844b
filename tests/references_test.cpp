// kind = "references": 发文字号 format, citations and the document's own number.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace policylint;
using testing::lint_text;
using testing::rule_ids;

TEST_CASE("docnumber-format fixes brackets, 第 and leading zeros", "[references]") {
  const auto d = lint_text("依据云政发[2023]第05号文件。", {"references/docnumber-format"});
  REQUIRE(d.size() == 1);
  REQUIRE(d[0].fix);
  CHECK(d[0].fix->safe);
  CHECK(d[0].fix->edits[0].replacement == "〔2023〕5号");
}

TEST_CASE("docnumber-format completes a two-digit year only when the document date is certain", "[references]") {
  LintContext dated;
  dated.document_date = CivilDate{2024, 5, 20};
  const auto certain = lint_text("依据云政发〔23〕5号文件。", {"references/docnumber-format"}, dated);
  REQUIRE(certain.size() == 1);
  CHECK_FALSE(certain[0].fix);
  CHECK(certain[0].message.find("〔2023〕5号") != std::string::npos);
  const auto undated = lint_text("依据云政发〔23〕5号文件。", {"references/docnumber-format"});
  REQUIRE(undated.size() == 1);
  CHECK(undated[0].message.find("四位年份") != std::string::npos);
}

TEST_CASE("citation-number-mismatch relates the later number to the first", "[references]") {
  const auto d = lint_text("依据《甲方案》（云政发〔2023〕5号）。\n落实《甲方案》（云政发〔2023〕6号）。\n",
                           {"references/citation-number-mismatch"});
  REQUIRE(d.size() == 1);
  REQUIRE(d[0].related.size() == 1);
  CHECK(d[0].related[0].span.begin < d[0].span.begin);
}

TEST_CASE("one number may stand for a notice and the document it issues", "[references]") {
  CHECK(lint_text("《国务院关于印发纲要的通知》（国发〔2021〕9号）与《纲要》（国发〔2021〕9号）。",
                  {"references/citation-number-mismatch"})
            .empty());
}

TEST_CASE("a number written two ways is still one number", "[references]") {
  CHECK(lint_text("依据《甲方案》（云政发[2023]第05号）。\n落实《甲方案》（云政发〔2023〕5号）。\n",
                  {"references/citation-number-mismatch"})
            .empty());
}

TEST_CASE("an abbreviated title under the same number is the same document", "[references]") {
  CHECK(lint_text("《云南省促进消费若干措施》（云政发〔2023〕5号）与《省促消费措施》（云政发〔2023〕5号）。",
                  {"references/citation-number-mismatch"})
            .empty());
}

TEST_CASE("self-number-mismatch needs the quote to name this document", "[references]") {
  const std::string head = "巍山县人民政府关于印发巍山县科普方案的通知\n\n巍政发〔2022〕18号\n\n各乡、镇人民政府：\n\n";
  CHECK(rule_ids(lint_text(head + "《巍山县科普方案》（巍政办发〔2022〕18号）已经同意。\n",
                           {"references/self-number-mismatch"})) ==
        std::vector<std::string>{"references/self-number-mismatch"});
  CHECK(lint_text(head + "依据《大理州科普方案》（大政发〔2022〕18号）制定。\n", {"references/self-number-mismatch"})
            .empty());
}

TEST_CASE("the repealed old version of a document is not a mismatch", "[references]") {
  const std::string text = "文山州人民政府关于印发文山州水资源管理办法的通知\n\n文政发〔2024〕3号\n\n各县（市）人民政府：\n\n"
                           "依据《文山州水资源管理办法》（文政发〔2024〕3号）执行。\n"
                           "《文山州水资源管理办法》（文政发〔2015〕8号）同时废止。\n";
  CHECK(lint_text(text, {"references/citation-number-mismatch", "references/self-number-mismatch"}).empty());
}

TEST_CASE("a pack naming an unknown check gets a did-you-mean", "[references]") {
  std::string out;
  const std::string pack = std::string(POLICYLINT_SOURCE_DIR) + "/tests/data/bad-references-pack.toml";
  CHECK(testing::run_cli("--no-config --pack " + pack + " -- " + pack + " 2>&1", out) == 2);
  CHECK(out.find("did you mean 'citation-form'") != std::string::npos);
}
