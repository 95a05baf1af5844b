#pragma once
// One draft, decoded, folded, indexed and parsed once. Every check reads this and nothing else.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policylint/decode.hpp"
#include "policylint/diagnostic.hpp"
#include "policylint/structure.hpp"

namespace policylint {

enum class ColumnUnit { CodePoint, Display, Byte, Utf16 };
std::optional<ColumnUnit> parse_column_unit(std::string_view);

struct Position {
  std::size_t line = 1;    // 1-based
  std::size_t column = 1;  // 1-based, in the requested unit
};

struct Line {
  std::size_t begin = 0;  // text offset of the first byte
  std::size_t end = 0;    // text offset of the line terminator (or end of text)
  std::size_t folded_begin = 0;  // the same two places in the folded view
  std::size_t folded_end = 0;
};

// The folded view maps each full-width ASCII character to its ASCII form. Folding only ever
// shrinks a 3-byte character to 1 byte, so the map is a sorted list of those places.
class FoldMap {
 public:
  void add(std::size_t folded_offset, std::size_t original_offset);
  std::size_t to_original(std::size_t folded_offset) const;
  std::size_t to_folded(std::size_t original_offset) const;
  // Sets the folded offsets of lines in ascending order, in one pass instead of a search each.
  void fold_lines(std::vector<Line>& lines) const;

 private:
  struct Point {
    std::size_t folded;    // folded offset just after a folded character
    std::size_t original;  // original offset just after it
  };
  std::vector<Point> points_;
};

class Document {
 public:
  Document(std::string path, Decoded decoded);
  static Document from_text(std::string path, std::string text);
  Document(Document&&) noexcept;
  Document& operator=(Document&&) noexcept;
  ~Document();

  const std::string& path() const { return path_; }
  const std::string& text() const { return decoded_.text; }
  const Decoded& source() const { return decoded_; }
  const std::string& folded() const { return folded_; }
  const std::vector<Line>& lines() const { return lines_; }
  const Structure& structure() const { return structure_; }
  // Parsed on first use, once, so that only the rules reading them pay for them.
  const DateIndex& dates() const;                                 // every date, range and plan period
  const std::vector<std::vector<ListItem>>& unit_lists() const;  // lists of responsible units
  const std::vector<TextTable>& text_tables() const;             // the cells of each table

  std::size_t to_original(std::size_t folded_offset) const { return fold_map_.to_original(folded_offset); }
  Span to_original(Span folded) const;
  std::size_t to_folded(std::size_t offset) const { return fold_map_.to_folded(offset); }

  std::size_t line_index(std::size_t offset) const;  // 0-based
  std::string_view line_text(std::size_t index) const;
  std::string_view folded_line(std::size_t index) const;
  Position position(std::size_t offset, ColumnUnit unit = ColumnUnit::CodePoint) const;
  // Inverse of position(): clamps a column past the end of the line to its end.
  std::size_t offset_at(Position, ColumnUnit unit) const;
  LineRole role_at(std::size_t offset) const;

 private:
  std::string path_;
  Decoded decoded_;
  std::string folded_;
  FoldMap fold_map_;
  std::vector<Line> lines_;
  Structure structure_;
  struct Lazy;
  std::unique_ptr<Lazy> lazy_;
};

}  // namespace policylint
