#pragma once
// Applying textDocument/didChange edits to the server's copy of a document.
#include <cstddef>
#include <string>
#include <string_view>

#include "policylint/document.hpp"

namespace policylint::lsp {

// The byte offset of an LSP position (0-based line and character in `unit`). Lines end at
// "\n", "\r\n" or "\r", as in Document; positions past a line's end clamp to it.
std::size_t offset_of(std::string_view text, std::size_t line, std::size_t character, ColumnUnit unit);

// Document::position for increasing offsets: the next offset on the same line continues from the
// last one instead of rescanning the line, so positions for sorted diagnostics cost linear time
// even on long lines.
class PositionCursor {
 public:
  Position at(const Document& doc, std::size_t offset, ColumnUnit unit);
  void reset() { doc_ = nullptr; }

 private:
  const Document* doc_ = nullptr;
  ColumnUnit unit_ = ColumnUnit::Utf16;
  std::size_t line_ = 0;
  std::size_t offset_ = 0;
  std::size_t column_ = 0;  // 1-based, at offset_
};

}  // namespace policylint::lsp
