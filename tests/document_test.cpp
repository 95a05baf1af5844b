#include <catch2/catch.hpp>

#include "policylint/document.hpp"

using namespace policylint;

TEST_CASE("lines end at CRLF, CR and LF alike", "[document]") {
  const Document doc = Document::from_text("t", "一\r\n二\r三\n四");
  REQUIRE(doc.lines().size() == 4);
  CHECK(doc.line_text(0) == "一");
  CHECK(doc.line_text(1) == "二");
  CHECK(doc.line_text(2) == "三");
  CHECK(doc.line_text(3) == "四");
}

TEST_CASE("columns in every unit, with characters outside the BMP", "[document]") {
  // 𠀀 is outside the BMP: 1 code point, 2 UTF-16 units, 4 bytes, 2 display columns.
  const Document doc = Document::from_text("t", "标题\n𠀀a，b🀄c");
  const std::size_t offset = doc.text().find("，");
  CHECK(doc.position(offset, ColumnUnit::CodePoint).line == 2);
  CHECK(doc.position(offset, ColumnUnit::CodePoint).column == 3);
  CHECK(doc.position(offset, ColumnUnit::Utf16).column == 4);
  CHECK(doc.position(offset, ColumnUnit::Byte).column == 6);
  CHECK(doc.position(offset, ColumnUnit::Display).column == 4);
  const std::size_t c = doc.text().find("c");
  CHECK(doc.position(c, ColumnUnit::CodePoint).column == 6);
  CHECK(doc.position(c, ColumnUnit::Utf16).column == 8);
  for (ColumnUnit unit : {ColumnUnit::CodePoint, ColumnUnit::Utf16, ColumnUnit::Byte, ColumnUnit::Display}) {
    CHECK(doc.offset_at(doc.position(offset, unit), unit) == offset);
    CHECK(doc.offset_at(doc.position(c, unit), unit) == c);
  }
}

TEST_CASE("the folded view maps every offset back to the original", "[document]") {
  const std::string text = "增长１２．５％（含𠀀），共３项";
  const Document doc = Document::from_text("t", text);
  CHECK(doc.folded() == "增长12.5%(含𠀀),共3项");
  const std::size_t folded_paren = doc.folded().find('(');
  CHECK(doc.to_original(folded_paren) == text.find("（"));
  const std::size_t folded_han = doc.folded().find("𠀀");
  CHECK(doc.to_original(folded_han) == text.find("𠀀"));
  const std::size_t folded_3 = doc.folded().find('3');
  CHECK(doc.to_original(folded_3) == text.find("３"));
  CHECK(doc.to_original(doc.folded().size()) == text.size());
  for (std::size_t o : {text.find("（"), text.find("𠀀"), text.find("项")}) {
    CHECK(doc.to_original(doc.to_folded(o)) == o);
  }
}

TEST_CASE("headings with their level and ordinal, full- or half-width", "[document]") {
  const Document doc = Document::from_text(
      "t", "标题\n\n一、总体要求\n（一）指导思想\n(二十五)加强保障\n1.工作目标\n（3）具体任务\n第十二条 附则\n2023年工作\n1.5亿元\n");
  const auto& h = doc.structure().headings;
  REQUIRE(h.size() == 6);
  CHECK(h[0].level == HeadingLevel::Section);
  CHECK(h[0].ordinal == 1);
  CHECK(h[1].level == HeadingLevel::Sub);
  CHECK(h[1].ordinal == 1);
  CHECK(h[2].level == HeadingLevel::Sub);
  CHECK(h[2].ordinal == 25);
  CHECK(h[3].level == HeadingLevel::Item);
  CHECK(h[3].ordinal == 1);
  CHECK(h[4].level == HeadingLevel::SubItem);
  CHECK(h[4].ordinal == 3);
  CHECK(h[5].level == HeadingLevel::Article);
  CHECK(h[5].ordinal == 12);
}

TEST_CASE("Chinese ordinals beyond ten", "[document]") {
  CHECK(parse_chinese_number("十") == 10);
  CHECK(parse_chinese_number("十一") == 11);
  CHECK(parse_chinese_number("二十五") == 25);
  CHECK(parse_chinese_number("一百零三") == 103);
  CHECK_FALSE(parse_chinese_number("第一"));
  CHECK(chinese_numeral(25) == "二十五");
  CHECK(chinese_numeral(10) == "十");
  CHECK(chinese_numeral(103) == "一百零三");
}

TEST_CASE("protected spans: titles, document numbers, URLs and e-mail", "[document]") {
  const std::string text = "根据《关于印发《办法》的通知》（云政发〔2023〕5号），见https://www.gov.cn/a.html 或 a.b@c.cn。";
  const Document doc = Document::from_text("t", text);
  const auto& s = doc.structure();
  CHECK(s.in_title(text.find("办法")));
  CHECK_FALSE(s.in_title(text.find("根据")));
  CHECK(s.in_doc_number(text.find("〔")));
  CHECK(s.in_url(text.find("gov")));
  CHECK(s.in_url(text.find("@")));
}
