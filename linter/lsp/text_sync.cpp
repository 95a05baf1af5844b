#include "lsp/text_sync.hpp"

#include <algorithm>

#include "policylint/text.hpp"

namespace policylint::lsp {

namespace {

std::size_t line_start(std::string_view text, std::size_t line) {
  std::size_t pos = 0;
  for (std::size_t seen = 0; seen < line; ++seen) {
    const std::size_t brk = text.find_first_of("\r\n", pos);
    if (brk == std::string_view::npos) return text.size();
    pos = brk + 1;
    if (text[brk] == '\r' && pos < text.size() && text[pos] == '\n') ++pos;
  }
  return pos;
}

std::size_t units(char32_t cp, std::size_t bytes, ColumnUnit unit) {
  switch (unit) {
    case ColumnUnit::Byte: return bytes;
    case ColumnUnit::Utf16: return cp >= 0x10000 ? 2 : 1;
    case ColumnUnit::Display: return utf8::is_wide(cp) ? 2 : 1;
    case ColumnUnit::CodePoint: return 1;
  }
  return 1;
}

}  // namespace

std::size_t offset_of(std::string_view text, std::size_t line, std::size_t character, ColumnUnit unit) {
  std::size_t pos = line_start(text, line);
  for (std::size_t column = 0; pos < text.size() && column < character;) {
    if (text[pos] == '\r' || text[pos] == '\n') break;
    const std::size_t start = pos;
    const char32_t cp = utf8::next(text, pos);
    column += units(cp, pos - start, unit);
  }
  return pos;
}

Position PositionCursor::at(const Document& doc, std::size_t offset, ColumnUnit unit) {
  const std::size_t line = doc.line_index(std::min(offset, doc.text().size()));
  const bool continues = doc_ == &doc && unit_ == unit && line_ == line && offset >= offset_ &&
                         offset <= doc.lines()[line].end;
  if (!continues) {
    const Position p = doc.position(offset, unit);
    if (offset > doc.lines()[line].end) return p;  // inside a line break: not a place to resume from
    doc_ = &doc;
    unit_ = unit;
    line_ = line;
    offset_ = offset;
    column_ = p.column;
    return p;
  }
  const std::string_view text = doc.text();
  for (std::size_t pos = offset_; pos < offset;) {
    const std::size_t start = pos;
    const char32_t cp = utf8::next(text, pos);
    column_ += units(cp, pos - start, unit);
  }
  offset_ = offset;
  return {line + 1, column_};
}

}  // namespace policylint::lsp
