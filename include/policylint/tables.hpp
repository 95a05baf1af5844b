#pragma once
// Tables written as plain text: a header row (序号 / 指标名称 / 2020年 / 2025年目标 / 责任单位),
// rows that start with a serial number, cells separated by tabs or spaces, long cells wrapped
// onto the following lines, and empty cells that leave no trace in the text.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "policylint/diagnostic.hpp"
#include "policylint/quantity.hpp"

namespace policylint {

enum class ColumnRole {
  Serial,       // 序号
  Name,         // 指标名称, 项目名称, 改革任务名称
  Content,      // 建设内容及规模, 重点工作举措
  Unit,         // 单位, 计量单位
  Value,        // a number column: 2020年, 2025年目标, 项目数（个）, 占比（%）
  Investment,   // 总投资（亿元）
  Responsible,  // 责任单位, 牵头单位
  Period,       // 建设年限
  Other,
};

const char* to_string(ColumnRole);

struct TableColumn {
  std::string header;   // folded text of the header cell
  Span span;
  ColumnRole role = ColumnRole::Other;
  int year = 0;          // 2025 for "2025年目标"; 0 when the header names no year
  bool target = false;   // a target year column (目标, 预期, or the latest year)
  std::string unit;      // from the header's parentheses: "总投资（亿元）" → "亿元"
};

struct TableCell {
  Span span;             // from the first to the last character, over wrapped lines
  std::string text;      // folded, wrapped pieces joined without the line breaks
  std::optional<Quantity> value;  // when the cell is a number or a comparator and a number
};

struct TableRow {
  std::size_t line = 0;              // 0-based line of the row's first line
  std::string group;                 // the section label above it, e.g. 养老方面
  bool total = false;                // a 合计 / 总计 row
  std::string name;                  // the indicator or project name, without its unit
  std::string unit;                  // from the name's parentheses, or the unit column
  std::vector<std::optional<std::size_t>> column_of;  // per cell: its column, nullopt when it cannot be told
  std::vector<TableCell> cells;      // in text order

  // The cell placed in `column`, if any.
  const TableCell* cell(std::size_t column) const;
};

struct TextTable {
  std::size_t header_line = 0;
  std::size_t last_line = 0;
  std::vector<TableColumn> columns;
  std::vector<TableRow> rows;
};

class Document;
struct Structure;
// Parses the cells of each table block that `structure.tables` found.
std::vector<TextTable> parse_tables(const Document& doc, const Structure& structure);

}  // namespace policylint
