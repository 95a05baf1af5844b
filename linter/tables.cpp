#include "policylint/tables.hpp"

#include <re2/re2.h>

#include <algorithm>

#include "policylint/document.hpp"
#include "policylint/structure.hpp"
#include "policylint/text.hpp"

namespace policylint {

const char* to_string(ColumnRole role) {
  switch (role) {
    case ColumnRole::Serial: return "serial";
    case ColumnRole::Name: return "name";
    case ColumnRole::Content: return "content";
    case ColumnRole::Unit: return "unit";
    case ColumnRole::Value: return "value";
    case ColumnRole::Investment: return "investment";
    case ColumnRole::Responsible: return "responsible";
    case ColumnRole::Period: return "period";
    case ColumnRole::Other: return "other";
  }
  return "other";
}

const TableCell* TableRow::cell(std::size_t column) const {
  for (std::size_t i = 0; i < cells.size(); ++i)
    if (column_of[i] == column) return &cells[i];
  return nullptr;
}

namespace {

enum class CellKind { Serial, Value, Agency, Period, Total, Text };

struct Token {
  Span folded;  // offsets into the folded text
  std::string text;
  // On a line with tabs, each tab ends a field, so an empty cell leaves a trace ("养老床位\t\t100"):
  // the token's field and the line's field count. Without tabs, both stay unknown (0 fields).
  std::size_t field = 0;
  std::size_t line_fields = 0;
};

std::vector<Token> split_cells(const Document& doc, std::size_t line) {
  const Line& l = doc.lines()[line];
  const std::size_t base = l.folded_begin;
  const std::string_view text = std::string_view(doc.folded()).substr(base, l.folded_end - base);
  std::vector<Token> out;
  const bool tabbed = text.find('\t') != std::string_view::npos;
  std::size_t tabs = 0;
  std::size_t start = std::string_view::npos;
  for (std::size_t pos = 0; pos <= text.size();) {
    const std::size_t here = pos;
    const char32_t cp = pos < text.size() ? utf8::next(text, pos) : U' ';
    if (pos == here) ++pos;  // the end sentinel
    const bool separator = cp == U' ' || cp == U'\t' || cp == U'\u3000' || cp == U'\u00A0' || cp == U'\r';
    if (separator && start != std::string_view::npos) {
      out.push_back({{base + start, base + here}, std::string(text.substr(start, here - start)), tabs, 0});
      start = std::string_view::npos;
    } else if (!separator && start == std::string_view::npos) {
      start = here;
    }
    if (cp == U'\t' && pos <= text.size()) ++tabs;
  }
  if (tabbed)
    for (Token& t : out) t.line_fields = tabs + 1;
  return out;
}

bool is_agency(std::string_view text) {
  static const RE2 agency(
      "(?:\\p{Han}|、|\\(|\\))*(?:局|委|厅|办|办公室|院|部|中心|政府|团委|妇联|残联|工会|科协|公司|集团|支行|分行|"
      "支队|大队|管委会|协会)、?");
  return utf8::count_code_points(text) >= 3 && RE2::FullMatch(text, agency);
}

CellKind kind_of(std::string_view text, bool first) {
  static const RE2 serial("[0-9]{1,3}");
  static const RE2 period("[0-9]{4}年?(?:—|-|～|~|至)[0-9]{4}年?|[0-9]{4}年");
  static const RE2 total("合计|总计|小计|全市合计|全省合计");
  if (first && RE2::FullMatch(text, serial)) return CellKind::Serial;
  if (first && RE2::FullMatch(text, total)) return CellKind::Total;
  if (parse_table_value(text)) return CellKind::Value;
  if (RE2::FullMatch(text, period)) return CellKind::Period;
  if (is_agency(text)) return CellKind::Agency;
  return CellKind::Text;
}

// "养老床位数(张)" → name "养老床位数", unit "张"; parentheses that hold no unit stay in the name.
void split_name_unit(std::string_view text, std::string& name, std::string& unit) {
  name = std::string(text);
  unit.clear();
  if (!text.ends_with(")")) return;
  const auto open = text.rfind('(');
  if (open == std::string_view::npos) return;
  unit = unit_in_parentheses(text.substr(open + 1, text.size() - open - 2));
  if (!unit.empty()) name = std::string(text.substr(0, open));
}

bool contains_any(std::string_view text, std::initializer_list<std::string_view> words) {
  return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return text.find(w) != std::string_view::npos; });
}

TableColumn make_column(const Token& token) {
  static const RE2 year("([0-9]{4})年");
  TableColumn c;
  c.header = token.text;
  const std::string_view h = c.header;
  std::string name;
  split_name_unit(h, name, c.unit);
  if (h == "序号") c.role = ColumnRole::Serial;
  else if (contains_any(h, {"责任", "牵头", "实施单位", "主管"})) c.role = ColumnRole::Responsible;
  else if (contains_any(h, {"年限", "期限", "起止"})) c.role = ColumnRole::Period;
  else if (contains_any(h, {"投资"})) c.role = ColumnRole::Investment;
  else if (h == "单位" || h == "计量单位") c.role = ColumnRole::Unit;
  else if (RE2::PartialMatch(h, year, &c.year)) c.role = ColumnRole::Value;
  else if (!c.unit.empty()) c.role = ColumnRole::Value;
  else if (contains_any(h, {"属性"})) c.role = ColumnRole::Other;
  else if (contains_any(h, {"名称", "指标", "类别", "事项"})) c.role = ColumnRole::Name;
  else if (contains_any(h, {"内容", "举措", "规模", "措施"})) c.role = ColumnRole::Content;
  else if (contains_any(h, {"项目", "任务"})) c.role = ColumnRole::Name;
  c.target = c.year != 0 && contains_any(h, {"目标", "预期", "规划", "预计", "计划"});
  return c;
}

std::vector<TableColumn> make_columns(const Document& doc, const std::vector<Token>& header) {
  std::vector<TableColumn> columns;
  for (const Token& t : header) {
    columns.push_back(make_column(t));
    columns.back().span = doc.to_original(t.folded);
  }
  // Without 目标 in any header, the latest of several year columns is the target.
  const bool any_target = std::any_of(columns.begin(), columns.end(), [](const auto& c) { return c.target; });
  std::size_t years = 0;
  TableColumn* latest = nullptr;
  for (auto& c : columns) {
    if (c.year == 0) continue;
    ++years;
    if (!latest || c.year > latest->year) latest = &c;
  }
  if (!any_target && years >= 2) latest->target = true;
  return columns;
}

bool is_number_column(ColumnRole role) { return role == ColumnRole::Value || role == ColumnRole::Investment; }
bool is_text_column(ColumnRole role) {
  return role == ColumnRole::Content || role == ColumnRole::Other || role == ColumnRole::Unit;
}

struct RowBuilder {
  TableRow row;
  std::vector<CellKind> kinds;
  bool tabbed = false;                             // the row's first line has a field per column
  std::vector<std::optional<std::size_t>> fields;  // per cell: its tab field on that line
};

bool fits(CellKind kind, ColumnRole role) {
  switch (role) {
    case ColumnRole::Serial: return kind == CellKind::Serial;
    case ColumnRole::Value:
    case ColumnRole::Investment: return kind == CellKind::Value;
    case ColumnRole::Period: return kind == CellKind::Period;
    case ColumnRole::Name: return kind == CellKind::Text || kind == CellKind::Total;
    case ColumnRole::Responsible: return kind == CellKind::Agency || kind == CellKind::Text;
    default: return kind != CellKind::Serial && kind != CellKind::Total;
  }
}

std::optional<std::size_t> role_column(const std::vector<TableColumn>& columns, ColumnRole role) {
  for (std::size_t c = 0; c < columns.size(); ++c)
    if (columns[c].role == role) return c;
  return std::nullopt;
}

// Places the cells of a tab-separated row by their fields, when every cell has one and fits it.
bool place_by_tabs(const std::vector<TableColumn>& columns, RowBuilder& b) {
  if (!b.tabbed) return false;
  for (std::size_t i = 0; i < b.row.cells.size(); ++i) {
    const auto& field = b.fields[i];
    if (!field || *field >= columns.size() || !fits(b.kinds[i], columns[*field].role)) return false;
    if (i > 0 && *field <= *b.fields[i - 1]) return false;
  }
  for (std::size_t i = 0; i < b.row.cells.size(); ++i) b.row.column_of[i] = b.fields[i];
  return true;
}

// Places each cell in a column by its kind. Cells whose column cannot be told stay unplaced.
void place_cells(const std::vector<TableColumn>& columns, RowBuilder& b) {
  const std::size_t n = b.row.cells.size();
  b.row.column_of.assign(n, std::nullopt);
  if (place_by_tabs(columns, b)) return;
  if (n == columns.size()) {
    bool all_fit = true;
    for (std::size_t i = 0; i < n; ++i) all_fit = all_fit && fits(b.kinds[i], columns[i].role);
    if (all_fit) {
      for (std::size_t i = 0; i < n; ++i) b.row.column_of[i] = i;
      return;
    }
  }
  std::vector<std::size_t> value_cells, text_cells;
  bool named = false;
  for (std::size_t i = 0; i < n; ++i) {
    const CellKind k = b.kinds[i];
    if (k == CellKind::Serial) b.row.column_of[i] = role_column(columns, ColumnRole::Serial);
    else if (k == CellKind::Value) value_cells.push_back(i);
    else if (k == CellKind::Period) b.row.column_of[i] = role_column(columns, ColumnRole::Period);
    else if (k == CellKind::Agency && i + 1 == n && named) b.row.column_of[i] = role_column(columns, ColumnRole::Responsible);
    else if (named) text_cells.push_back(i);
    else {
      b.row.column_of[i] = role_column(columns, ColumnRole::Name);
      named = true;
    }
  }
  const auto assign_in_order = [&](const std::vector<std::size_t>& cells, bool (*want)(ColumnRole)) {
    std::vector<std::size_t> targets;
    for (std::size_t c = 0; c < columns.size(); ++c)
      if (want(columns[c].role)) targets.push_back(c);
    if (targets.size() != cells.size()) return;
    for (std::size_t i = 0; i < cells.size(); ++i) b.row.column_of[cells[i]] = targets[i];
  };
  assign_in_order(value_cells, is_number_column);
  assign_in_order(text_cells, is_text_column);
}

bool unbalanced(std::string_view text) {
  int depth = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t cp = utf8::next(text, pos);
    if (cp == U'《' || cp == U'“' || cp == U'(') ++depth;
    if (cp == U'》' || cp == U'”' || cp == U')') --depth;
  }
  return depth > 0;
}

std::size_t text_column_count(const std::vector<TableColumn>& columns) {
  return std::count_if(columns.begin(), columns.end(), [](const TableColumn& c) {
    return c.role != ColumnRole::Responsible && c.role != ColumnRole::Period;
  });
}

void append_to_last(const Document& doc, RowBuilder& b, const Token& t, std::string_view joiner) {
  TableCell& last = b.row.cells.back();
  last.text += joiner;
  last.text += t.text;
  last.span.end = doc.to_original(t.folded.end);
  last.value.reset();
}

void add_cell(const Document& doc, RowBuilder& b, const Token& t, CellKind kind,
              std::optional<std::size_t> field = std::nullopt) {
  b.fields.push_back(field);
  TableCell cell;
  cell.span = doc.to_original(t.folded);
  cell.text = t.text;
  if (kind == CellKind::Value) cell.value = parse_table_value(t.text);
  b.row.cells.push_back(std::move(cell));
  b.kinds.push_back(kind);
}

// A line that does not start a row continues the last one: agencies join the agency list,
// wrapped text joins the cell it broke out of.
// In 序号 / 指标名称 / 2020年 …, a text line under a row that has only its serial and name yet
// is the rest of a long name.
bool name_wraps(const std::vector<TableColumn>& columns, const RowBuilder& b) {
  const bool name_then_values = columns.size() >= 3 && columns[0].role == ColumnRole::Serial &&
                                columns[1].role == ColumnRole::Name && is_number_column(columns[2].role);
  return name_then_values && b.kinds.size() == 2 && b.kinds[0] == CellKind::Serial && b.kinds[1] == CellKind::Text;
}

void continue_row(const Document& doc, const std::vector<TableColumn>& columns, RowBuilder& b,
                  const std::vector<Token>& tokens) {
  for (const Token& t : tokens) {
    const CellKind kind = kind_of(t.text, false);
    const CellKind last_kind = b.kinds.back();
    const std::string& last = b.row.cells.back().text;
    if (kind == CellKind::Agency && last_kind == CellKind::Agency) {
      append_to_last(doc, b, t, last.ends_with("、") ? "" : "、");
    } else if (kind == CellKind::Text && last_kind == CellKind::Text &&
               (unbalanced(last) || name_wraps(columns, b) || b.row.cells.size() >= text_column_count(columns))) {
      append_to_last(doc, b, t, "");
    } else {
      add_cell(doc, b, t, kind);
    }
  }
}

bool row_complete(const RowBuilder& b) {
  const CellKind k = b.kinds.back();
  return (k == CellKind::Agency && !b.row.cells.back().text.ends_with("、")) || k == CellKind::Value ||
         k == CellKind::Period;
}

void finish_row(const std::vector<TableColumn>& columns, RowBuilder& b, TextTable& table) {
  place_cells(columns, b);
  for (std::size_t i = 0; i < b.row.cells.size(); ++i) {
    if (!b.row.column_of[i]) continue;
    const TableColumn& col = columns[*b.row.column_of[i]];
    if (col.role == ColumnRole::Name) split_name_unit(b.row.cells[i].text, b.row.name, b.row.unit);
    if (col.role == ColumnRole::Unit) b.row.unit = b.row.cells[i].text;
  }
  b.row.total = b.kinds.front() == CellKind::Total;
  table.rows.push_back(std::move(b.row));
}

TextTable parse_table(const Document& doc, const Table& block) {
  TextTable table;
  table.header_line = block.header_line;
  table.last_line = block.last_line;
  const std::vector<Token> header = split_cells(doc, block.header_line);
  table.columns = make_columns(doc, header);
  // A header with one cell per tab field lets tab-separated rows show their empty cells.
  bool tab_header = !header.empty() && header.front().line_fields == header.size();
  for (std::size_t i = 0; i < header.size(); ++i) tab_header = tab_header && header[i].field == i;
  std::optional<RowBuilder> current;
  std::string group;
  for (std::size_t line = block.header_line + 1; line <= block.last_line; ++line) {
    const std::vector<Token> tokens = split_cells(doc, line);
    if (tokens.empty()) continue;
    const CellKind first = kind_of(tokens.front().text, true);
    if ((first == CellKind::Serial && tokens.size() > 1) || first == CellKind::Total) {
      if (current) finish_row(table.columns, *current, table);
      current.emplace();
      current->row.line = line;
      current->row.group = group;
      current->tabbed = tab_header && tokens.front().line_fields == table.columns.size();
      for (std::size_t i = 0; i < tokens.size(); ++i)
        add_cell(doc, *current, tokens[i], kind_of(tokens[i].text, i == 0), tokens[i].field);
    } else if (tokens.size() == 1 && first == CellKind::Text && (!current || row_complete(*current))) {
      if (current) finish_row(table.columns, *current, table);
      current.reset();
      group = tokens.front().text;
    } else if (current) {
      continue_row(doc, table.columns, *current, tokens);
    }
  }
  if (current) finish_row(table.columns, *current, table);
  return table;
}

}  // namespace

std::vector<TextTable> parse_tables(const Document& doc, const Structure& structure) {
  std::vector<TextTable> out;
  for (const Table& block : structure.tables) out.push_back(parse_table(doc, block));
  return out;
}

}  // namespace policylint
