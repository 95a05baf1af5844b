// policylint dump-targets FILE: the tables as parsed, and every body target with the table cell it
// restates, so a reviewer can see what the targets checks compare and why they stay silent.
#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "cli/cli.hpp"
#include "policylint/targets.hpp"

namespace policylint::cli {

namespace {

std::string where(const Document& doc, Span span) {
  const Position p = doc.position(span.begin);
  return fmt::format("{}:{}", p.line, p.column);
}

std::string describe(const Quantity& q) {
  const char* comparator = q.comparator == Comparator::AtLeast ? "≥" : q.comparator == Comparator::AtMost ? "≤" : "";
  return fmt::format("{}{}{}", comparator, format_number(q.value / q.magnitude, q.decimals), q.approximate ? "(约)" : "");
}

void print_tables(const Document& doc) {
  for (const TextTable& table : doc.text_tables()) {
    fmt::print("表格 第{}—{}行\n  列：", table.header_line + 1, table.last_line + 1);
    for (const TableColumn& c : table.columns) {
      fmt::print(" {}[{}{}{}{}]", c.header, to_string(c.role), c.year ? fmt::format(" {}", c.year) : "",
                 c.target ? " 目标" : "", c.unit.empty() ? "" : " " + c.unit);
    }
    fmt::print("\n");
    for (const TableRow& row : table.rows) {
      fmt::print("  {}行 {}{}{}：", row.line + 1, row.total ? "[合计] " : "", row.name,
                 row.unit.empty() ? "" : "（" + row.unit + "）");
      for (std::size_t i = 0; i < row.cells.size(); ++i) {
        const std::string column = row.column_of[i] ? table.columns[*row.column_of[i]].header : "?";
        fmt::print(" [{}] {}", column, row.cells[i].text);
      }
      fmt::print("\n");
    }
  }
}

}  // namespace

int run_dump_targets(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    fmt::print(stderr, "policylint: error: 无法读取文件：{}\n", path);
    return 2;
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  const Document doc(path, decode(bytes.str()));
  print_tables(doc);
  std::size_t compared = 0;
  const std::vector<TargetLink> links = link_targets(doc);
  for (const TargetLink& link : links) {
    const BodyTarget& t = link.target;
    fmt::print("{}:{} {} {}{}{}  “{}”\n", path, where(doc, t.span), describe(t.quantity), t.unit,
               t.year ? fmt::format(" {}年", t.year) : "", t.increment ? " 新增" : "", t.phrase);
    fmt::print("    → {}行 {}", link.row->line + 1, link.row->name);
    if (link.table_value) {
      ++compared;
      fmt::print(" = {}（{}）\n", describe(*link.table_value), where(doc, link.cell->span));
    } else {
      fmt::print("（没有与年份和单位对应的单元格，不比对）");
      for (std::size_t i = 0; i < link.row->cells.size(); ++i) {
        if (!link.row->column_of[i] && link.row->cells[i].value)
          fmt::print(" 列不确定：{}", link.row->cells[i].text);
      }
      fmt::print("\n");
    }
    for (const TableRow* rival : link.rivals) fmt::print("    ？同样接近：{}行 {}\n", rival->line + 1, rival->name);
  }
  fmt::print("{} 个正文指标与表格行配对，其中 {} 个与具体单元格比对\n", links.size(), compared);
  return 0;
}

}  // namespace policylint::cli
