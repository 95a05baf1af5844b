#pragma once
// Targets stated in the body ("到2025年，社区日间照料机构覆盖率达到90%") and the table rows they
// restate. Matching is by name, unit and year; a link that is not clear is not made.
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policylint/diagnostic.hpp"
#include "policylint/quantity.hpp"
#include "policylint/tables.hpp"

namespace policylint {

class Document;

struct BodyTarget {
  Span span;              // the value with its comparator and unit, e.g. "90%", "8家"
  std::string phrase;     // the indicator phrase around it, folded
  std::string unit;       // as written, e.g. "万张"
  Quantity quantity;
  int year = 0;           // the nearest year before it in the sentence; 0 when none
  bool increment = false;  // 新增, 净增: a change, not a level
};

struct TargetLink {
  BodyTarget target;
  const TextTable* table = nullptr;
  const TableRow* row = nullptr;
  std::vector<const TableRow*> rivals;  // other rows that match the phrase almost as well
  const TableCell* cell = nullptr;      // the cell in the column of the target's year
  std::optional<Quantity> table_value;  // that cell's value in the target's base unit
};

// Every body quantity that names a table indicator, with the row it names. Empty, at no cost,
// when the document has no table.
std::vector<TargetLink> link_targets(const Document& doc);

// The links of one document, made on first use and shared by every rule that reads them
// (set in LintContext by lint(), like DocumentNames).
class DocumentTargets {
 public:
  explicit DocumentTargets(const Document& doc) : doc_(doc) {}
  const std::vector<TargetLink>& links() const;

 private:
  const Document& doc_;
  mutable std::once_flag linked_;
  mutable std::vector<TargetLink> links_;
};

// Calls `on(offset, sentence)` for each sentence of a folded line; a sentence ends after 。 ; ! ?.
void split_sentences(std::string_view folded_line, const std::function<void(std::size_t, std::string_view)>& on);

// A cell's quantity in base units: the row's or the column's unit decides the magnitude.
std::optional<Quantity> cell_quantity(const TextTable& table, const TableRow& row, const TableCell& cell);
// Which unit a row's values are in: the column's unit, else the row's.
std::string unit_of(const TextTable& table, const TableRow& row, const TableCell& cell);

}  // namespace policylint
