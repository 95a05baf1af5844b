// The layout part of the document model: title block, 主送, signatures, 附件说明, pages, citations.
#include <catch2/catch.hpp>

#include "policylint/document.hpp"
#include "support.hpp"

using namespace policylint;

namespace {

std::string text_of(const Document& doc, Span span) { return std::string(doc.text().substr(span.begin, span.end - span.begin)); }

const char* const kNotice =
    "昆明市人民政府办公室关于印发\n"
    "昆明市城市更新行动实施方案的通知\n"
    "\n"
    "昆政办〔2024〕15号\n"
    "\n"
    "各县（市、区）人民政府，市政府各委、办、局：\n"
    "\n"
    "《昆明市城市更新行动实施方案》已经市人民政府同意，现印发给你们。\n"
    "\n"
    "昆明市人民政府办公室\n"
    "2024年5月20日\n"
    "\n"
    "（此件公开发布）\n"
    "\n"
    "昆明市城市更新行动实施方案\n"
    "\n"
    "一、工作目标\n"
    "\n"
    "落实《云南省城市更新行动方案》（云政发〔2023〕5号）和《昆明市国土空间规划》昆政发〔2022〕1号。\n"
    "\n"
    "附件：1.主要指标\n"
    "      2.重点项目清单\n"
    "\n"
    "附件1\n"
    "\n"
    "主要指标\n"
    "\n"
    "序号 指标 目标\n";

}  // namespace

TEST_CASE("the layout model finds the parts of a 印发 notice", "[layout]") {
  const Document doc = Document::from_text("notice.txt", kNotice);
  const Structure& s = doc.structure();
  REQUIRE(s.title_block);
  CHECK(s.title_block->first_line == 0);
  CHECK(s.title_block->last_line == 1);
  CHECK(s.title_block->text == "昆明市人民政府办公室关于印发昆明市城市更新行动实施方案的通知");
  REQUIRE(s.own_number);
  CHECK(text_of(doc, *s.own_number) == "昆政办〔2024〕15号");
  REQUIRE(s.addressee_line);
  CHECK(*s.addressee_line == 5);
  REQUIRE(s.signatures.size() == 1);
  CHECK(s.signatures[0].date_line == 10);
  CHECK(s.signatures[0].issuer_lines == std::vector<std::size_t>{9});
  CHECK(s.signatures[0].date == CivilDate{2024, 5, 20});
  REQUIRE(s.issued_title);
  CHECK(s.issued_title->text == "昆明市城市更新行动实施方案");
  CHECK(s.roles[14] == LineRole::Title);
}

TEST_CASE("the layout model reads the 附件说明 over several lines and the attachment pages", "[layout]") {
  const Document doc = Document::from_text("notice.txt", kNotice);
  const Structure& s = doc.structure();
  REQUIRE(s.attachment_items.size() == 2);
  CHECK(s.attachment_items[0].number == 1);
  CHECK(s.attachment_items[0].title == "主要指标");
  CHECK(s.attachment_items[1].number == 2);
  CHECK(s.attachment_items[1].title == "重点项目清单");
  CHECK(s.roles[21] == LineRole::Attachment);
  REQUIRE(s.attachment_pages.size() == 1);
  CHECK(s.attachment_pages[0].number == 1);
  CHECK(s.attachment_pages[0].title == "主要指标");
}

TEST_CASE("the layout model reads items on one line and a single unnumbered attachment", "[layout]") {
  const Document several = Document::from_text("a.txt", "正文。\n\n附件：1.申报表 2.汇总表。\n");
  REQUIRE(several.structure().attachment_items.size() == 2);
  CHECK(several.structure().attachment_items[1].title == "汇总表");
  const Document single = Document::from_text("b.txt", "正文。\n\n附件：申报表\n\n附件\n\n申报表\n");
  REQUIRE(single.structure().attachment_items.size() == 1);
  CHECK(single.structure().attachment_items[0].number == 0);
  REQUIRE(single.structure().attachment_pages.size() == 1);
  CHECK(single.structure().attachment_pages[0].number == 0);
}

TEST_CASE("the layout model pairs cited titles with their numbers", "[layout]") {
  const Document doc = Document::from_text("notice.txt", kNotice);
  std::vector<std::pair<std::string, bool>> numbered;
  for (const Citation& c : doc.structure().citations)
    if (c.number) numbered.emplace_back(text_of(doc, *c.number), c.parenthesized);
  CHECK(numbered == std::vector<std::pair<std::string, bool>>{{"云政发〔2023〕5号", true}, {"昆政发〔2022〕1号", false}});
}

TEST_CASE("the own number may come from a web page's metadata header", "[layout]") {
  const Document doc = Document::from_text("m.txt", "关于开展申报工作的通知\n\n主 题 词 养老产品 文\u00a0\u00a0号 工信厅联电子函〔2022〕303号\n\n正文。\n");
  REQUIRE(doc.structure().own_number);
  CHECK(text_of(doc, *doc.structure().own_number) == "工信厅联电子函〔2022〕303号");
}

TEST_CASE("a file holding an interpretation and then the notice takes the notice's title", "[layout]") {
  const Document doc = Document::from_text("w.txt",
                                           "解读《巍山县科普方案》\n\n一、出台背景\n\n按照部署制定。\n\n"
                                           "巍山县人民政府\n\n关于印发巍山县科普方案的通知\n\n巍政发〔2022〕18号\n\n"
                                           "各乡、镇人民政府：\n\n正文。\n");
  REQUIRE(doc.structure().title_block);
  CHECK(doc.structure().title_block->text == "巍山县人民政府关于印发巍山县科普方案的通知");
  CHECK(doc.structure().roles[0] == LineRole::Title);
}

TEST_CASE("comparable_title ignores width, white space, book-title marks and a final 。", "[layout]") {
  CHECK(comparable_title("《城市更新方案（2021—2025年）》。") == comparable_title("城市更新方案(2021—2025年)"));
  CHECK(comparable_title("重大 改革清单") == "重大改革清单");
}

TEST_CASE("an attachment page may carry its title on the header line", "[layout]") {
  const Document doc = Document::from_text("p.txt", "正文。\n\n附件：1.名单；2.职责。\n\n附件1：名单\n\n张三\n");
  const Structure& s = doc.structure();
  REQUIRE(s.attachment_items.size() == 2);
  CHECK(s.attachment_items[0].title == "名单");
  CHECK(s.attachment_items[1].title == "职责");
  REQUIRE(s.attachment_pages.size() == 1);
  CHECK(s.attachment_pages[0].number == 1);
  CHECK(s.attachment_pages[0].title == "名单");
  CHECK(text_of(doc, s.attachment_pages[0].marker) == "附件1");
}

TEST_CASE("a number whose agency code runs on from prose is not the title's citation", "[layout]") {
  const Document doc = Document::from_text("c.txt", "落实《条例》和国务院国发〔2023〕5号文件。\n");
  REQUIRE(doc.structure().citations.size() == 1);
  CHECK_FALSE(doc.structure().citations[0].number);
}

TEST_CASE("a title's （2021—2025年） line belongs to it; （此件公开发布） does not", "[layout]") {
  const Document doc = Document::from_text("t.txt",
                                           "县人民政府关于印发科普方案（2021—2025年）的通知\n\n各乡镇：\n\n"
                                           "《科普方案（2021—2025年）》已经同意。\n\n县人民政府\n2022年11月27日\n\n"
                                           "（此件公开发布）\n\n科普方案\n（2021—2025年）\n\n一、总体要求\n");
  REQUIRE(doc.structure().issued_title);
  CHECK(doc.structure().issued_title->text == "科普方案（2021—2025年）");
}

TEST_CASE("in GB/T 9704 layout the title stands below the 发文字号", "[layout]") {
  const Document doc = Document::from_text("g.txt",
                                           "昆明市人民政府文件\n\n昆政发〔2024〕5号\n\n昆明市人民政府关于印发城市更新方案的通知\n\n"
                                           "各县（市、区）人民政府：\n\n现将《城市更新方案》印发给你们。\n\n昆明市人民政府\n2024年5月20日\n\n"
                                           "附件\n\n城市更新方案\n\n一、总体要求\n");
  const Structure& s = doc.structure();
  REQUIRE(s.title_block);
  CHECK(s.title_block->text == "昆明市人民政府关于印发城市更新方案的通知");
  REQUIRE(s.addressee_line);
  CHECK(*s.addressee_line == 6);
  REQUIRE(s.issued_title);
  CHECK(s.issued_title->text == "城市更新方案");
}
