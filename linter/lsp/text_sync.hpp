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

}  // namespace policylint::lsp
