// The body against the annex tables, and a table's 合计 row against its column.
#include <cmath>

#include "checks/targets.hpp"
#include "policylint/targets.hpp"

namespace policylint {

namespace {

std::string shown(const Quantity& q) {
  const char* comparator = q.comparator == Comparator::AtLeast ? "≥" : q.comparator == Comparator::AtMost ? "≤" : "";
  return comparator + format_number(q.value / q.magnitude, q.decimals);
}

std::string written(const Document& doc, Span span) {
  return std::string(doc.text().substr(span.begin, span.end - span.begin));
}

// A link is clear when one row matches best, the value is exact and states a level, not a change.
bool clear_link(const TargetLink& link) {
  return link.rivals.empty() && !link.target.quantity.approximate;
}

}  // namespace

void check_table_mismatch(const Document& doc, const LintContext& ctx, Reporter& out) {
  for (const TargetLink& link : ctx.document_targets->links()) {
    if (!clear_link(link) || link.target.increment || !link.table_value) continue;
    if (same_value(link.target.quantity, *link.table_value)) continue;
    const std::string table = shown(*link.table_value) + unit_of(*link.table, *link.row, *link.cell);
    Diagnostic* d = out.report(link.target.span,
                               expand_template(out.rule().message, {{"body", written(doc, link.target.span)},
                                                                    {"indicator", link.row->name},
                                                                    {"year", link.target.year ? std::to_string(link.target.year) + "年" : ""},
                                                                    {"table", table}}));
    if (d) d->related.push_back({link.cell->span, "附表中“" + link.row->name + "”为" + table});
  }
}

void check_difference(const Document& doc, const LintContext& ctx, Reporter& out) {
  for (const TargetLink& link : ctx.document_targets->links()) {
    if (!clear_link(link) || !link.target.increment) continue;
    const TextTable& table = *link.table;
    const TableRow& row = *link.row;
    const TableCell *base = nullptr, *target = nullptr;
    int target_year = 0;
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
      if (!row.column_of[i] || !row.cells[i].value) continue;
      const TableColumn& col = table.columns[*row.column_of[i]];
      if (col.year == 0 || col.role != ColumnRole::Value) continue;
      if (col.target) target = &row.cells[i], target_year = col.year;
      else base = &row.cells[i];
    }
    if (!base || !target || (link.target.year != 0 && link.target.year != target_year)) continue;
    const auto from = cell_quantity(table, row, *base), to = cell_quantity(table, row, *target);
    if (!from || !to || from->comparator != Comparator::Equal || to->comparator != Comparator::Equal) continue;
    Quantity expected = *to;
    expected.value = to->value - from->value;
    expected.decimals = std::max(from->decimals, to->decimals);
    if (same_value(link.target.quantity, expected)) continue;
    const std::string unit = unit_of(table, row, *target);
    Diagnostic* d = out.report(link.target.span, expand_template(out.rule().message,
                                                                 {{"body", written(doc, link.target.span)},
                                                                  {"indicator", row.name},
                                                                  {"base", shown(*from) + unit},
                                                                  {"target", shown(*to) + unit},
                                                                  {"expected", shown(expected) + unit}}));
    if (d) d->related.push_back({target->span, "附表中“" + row.name + "”目标为" + shown(*to) + unit});
  }
}

void check_table_total(const Document& doc, const LintContext&, Reporter& out) {
  // Only a table's first total row: after 小计 rows, which rows a 合计 adds is not certain.
  for (const TextTable& table : doc.text_tables()) {
    const std::size_t first = 0;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      const TableRow& total_row = table.rows[r];
      if (!total_row.total) continue;
      for (std::size_t i = 0; i < total_row.cells.size(); ++i) {
        if (!total_row.column_of[i] || !total_row.cells[i].value) continue;
        const std::size_t column = *total_row.column_of[i];
        const Quantity& total = *total_row.cells[i].value;
        double sum = 0;
        int decimals = 0;
        std::size_t parts = 0;
        bool complete = r > first;
        for (std::size_t k = first; k < r && complete; ++k) {
          const TableCell* cell = table.rows[k].cell(column);
          // Rows in different units (个, 公里, %) do not add up, whatever the 合计 says.
          complete = cell && cell->value && cell->value->comparator == Comparator::Equal &&
                     (!table.columns[column].unit.empty() || table.rows[k].unit == table.rows[first].unit);
          if (!complete) break;
          sum += cell->value->value;
          decimals = std::max(decimals, cell->value->decimals);
          ++parts;
        }
        // A column of rates adds up only when it shares out a whole: its total is 100.
        const bool percent = table.columns[column].unit == "%" || total_row.unit == "%";
        if (!complete || parts < 2 || (percent && total.value != 100)) continue;
        const double step = std::pow(10.0, -std::max(decimals, total.decimals));
        const double tolerance = percent ? step * 0.5 * static_cast<double>(parts) : step * 0.5;
        if (std::fabs(sum - total.value) <= tolerance + 1e-9) continue;
        out.report(total_row.cells[i].span,
                   expand_template(out.rule().message, {{"total", total_row.cells[i].text},
                                                        {"column", table.columns[column].header},
                                                        {"sum", format_number(sum, decimals)}}));
      }
      break;
    }
  }
}

}  // namespace policylint
