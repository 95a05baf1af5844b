#pragma once
// UTF-8 helpers shared by the engine and the checks.
#include <cstddef>
#include <string>
#include <string_view>

namespace policylint::utf8 {

// Decodes the code point at `pos` and advances `pos`; returns U+FFFD for a malformed sequence.
char32_t next(std::string_view s, std::size_t& pos);
// The code point that ends at `pos` (pos moves back to its first byte).
char32_t prev(std::string_view s, std::size_t& pos);
void append(std::string& out, char32_t cp);
std::string encode(char32_t cp);
std::size_t count_code_points(std::string_view s);

bool is_han(char32_t cp);
bool is_cjk_punctuation(char32_t cp);
bool is_wide(char32_t cp);  // East Asian Wide or Fullwidth: two display columns.

// Full-width ASCII (U+FF01..U+FF5E) to ASCII, and back.
std::string to_halfwidth(std::string_view s);
std::string to_fullwidth(std::string_view s);

}  // namespace policylint::utf8
