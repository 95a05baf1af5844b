// Plain-text tables in the document model: columns, cells, units, wrapped rows and empty cells.
#include <catch2/catch.hpp>

#include "policylint/document.hpp"
#include "support.hpp"

using namespace policylint;

namespace {

const char* kIndicators =
    "“十四五”期间具体指标如下：\n"
    "\n"
    "序号 具体指标 2020年完成 2025年目标 责任单位\n"
    "养老方面\n"
    "1 基本养老保险参保率（%） ≥90 市人力资源社会保障局\n"
    "2 养老床位数（张） 11022 12500 市民政局\n"
    "托育方面\n"
    "3 每千人口托位数（个） 4.5 市卫生健康委、\n"
    "\n"
    "市教育体育局\n";

std::string text_of(const Document& doc, Span span) {
  return std::string(doc.text().substr(span.begin, span.end - span.begin));
}

}  // namespace

TEST_CASE("table columns take their roles, years and units from the header", "[tables]") {
  const Document doc = Document::from_text("t.txt", kIndicators);
  REQUIRE(doc.text_tables().size() == 1);
  const TextTable& t = doc.text_tables()[0];
  REQUIRE(t.columns.size() == 5);
  CHECK(t.columns[0].role == ColumnRole::Serial);
  CHECK(t.columns[1].role == ColumnRole::Name);
  CHECK(t.columns[2].role == ColumnRole::Value);
  CHECK(t.columns[2].year == 2020);
  CHECK_FALSE(t.columns[2].target);
  CHECK(t.columns[3].year == 2025);
  CHECK(t.columns[3].target);
  CHECK(t.columns[4].role == ColumnRole::Responsible);
}

TEST_CASE("rows keep their group, name, unit and cell positions", "[tables]") {
  const Document doc = Document::from_text("t.txt", kIndicators);
  const TextTable& t = doc.text_tables()[0];
  REQUIRE(t.rows.size() == 3);
  const TableRow& beds = t.rows[1];
  CHECK(beds.group == "养老方面");
  CHECK(beds.name == "养老床位数");
  CHECK(beds.unit == "张");
  REQUIRE(beds.cell(3));
  CHECK(text_of(doc, beds.cell(3)->span) == "12500");
  CHECK(beds.cell(3)->value->value == 12500);
  CHECK(doc.position(beds.cell(3)->span.begin).line == 6);
}

TEST_CASE("a value whose column cannot be told from the cell kinds stays unplaced", "[tables]") {
  const Document doc = Document::from_text("t.txt", kIndicators);
  const TableRow& insurance = doc.text_tables()[0].rows[0];
  CHECK(insurance.unit == "%");
  CHECK(insurance.cell(2) == nullptr);
  CHECK(insurance.cell(3) == nullptr);
  REQUIRE(insurance.cells.size() == 4);
  CHECK_FALSE(insurance.column_of[2].has_value());
  CHECK(insurance.cells[2].value->comparator == Comparator::AtLeast);
  CHECK(insurance.column_of[3] == std::optional<std::size_t>(4));
}

TEST_CASE("a wrapped agency list joins the responsible cell across lines", "[tables]") {
  const Document doc = Document::from_text("t.txt", kIndicators);
  const TableRow& places = doc.text_tables()[0].rows[2];
  CHECK(places.group == "托育方面");
  REQUIRE(places.cell(4));
  CHECK(places.cell(4)->text == "市卫生健康委、市教育体育局");
  CHECK(doc.position(places.cell(4)->span.end).line == 10);
}

TEST_CASE("a long indicator name wraps onto the next line", "[tables]") {
  const Document doc = Document::from_text("t.txt",
                                            "指标如下：\n\n序号 指标名称 2020年 2025年目标 责任单位\n"
                                            "1 新建城区、居住小区养老服务设施\n配套率（%） 0 100 市民政局\n");
  const TableRow& row = doc.text_tables().at(0).rows.at(0);
  CHECK(row.name == "新建城区、居住小区养老服务设施配套率");
  CHECK(row.unit == "%");
  REQUIRE(row.cell(3));
  CHECK(row.cell(3)->value->value == 100);
}

TEST_CASE("a total row and unit columns are recognised", "[tables]") {
  const Document doc = Document::from_text("t.txt",
                                            "附件\n\n序号 项目类别 项目数（个） 总投资（亿元）\n"
                                            "1 交通运输 45 120.5\n合计 45 120.5\n");
  const TextTable& t = doc.text_tables().at(0);
  CHECK(t.columns[2].role == ColumnRole::Value);
  CHECK(t.columns[2].unit == "个");
  CHECK(t.columns[3].role == ColumnRole::Investment);
  CHECK(t.columns[3].unit == "亿元");
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[1].total);
  REQUIRE(t.rows[1].cell(3));
  CHECK(t.rows[1].cell(3)->value->value == 120.5);
}

TEST_CASE("quantities parse comparators, magnitudes and precision", "[tables]") {
  const auto found = find_quantities("养老床位达到1.25万张，占比55%以上，约300亿元左右，1—2个");
  REQUIRE(found.size() == 3);
  CHECK(found[0].quantity.value == 12500);
  CHECK(found[0].quantity.unit == "张");
  CHECK(found[0].quantity.decimals == 2);
  CHECK(found[1].quantity.comparator == Comparator::AtLeast);
  CHECK(found[2].quantity.approximate);
  Quantity rounded = found[0].quantity;
  Quantity exact;
  exact.value = 12480;
  CHECK(same_value(rounded, exact));
  exact.value = 12400;
  CHECK_FALSE(same_value(rounded, exact));
  CHECK(unit_in_parentheses("个/省") == "个/省");
  CHECK(unit_in_parentheses("特殊困难老年人家庭").empty());
}

TEST_CASE("in a tab-separated table two tabs mark an empty cell", "[tables]") {
  const Document doc = Document::from_text(
      "t.txt", "序号\t指标名称\t2020年\t2025年目标\t责任单位\n1\t街道养老服务中心覆盖率（%）\t\t100\t市民政局\n"
               "2\t养老床位数（张）\t11022\t\t市民政局\n");
  REQUIRE(doc.text_tables().size() == 1);
  const TextTable& t = doc.text_tables()[0];
  REQUIRE(t.rows.size() == 2);
  REQUIRE(t.rows[0].cell(3));
  CHECK(t.rows[0].cell(3)->text == "100");
  CHECK_FALSE(t.rows[0].cell(2));
  REQUIRE(t.rows[1].cell(2));
  CHECK(t.rows[1].cell(2)->text == "11022");
  CHECK_FALSE(t.rows[1].cell(3));
}
