#pragma once
// UTF-8 helpers shared by the engine and the checks.
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>

namespace policylint::utf8 {

// Decodes the code point at `pos` and advances `pos`; returns U+FFFD for a malformed sequence.
// Inline for ASCII and well-formed three-byte sequences (all of CJK), which every check walks.
char32_t next_other(std::string_view s, std::size_t& pos);
inline char32_t next(std::string_view s, std::size_t& pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) {
    ++pos;
    return lead;
  }
  if ((lead & 0xF0) == 0xE0 && pos + 2 < s.size() && (byte(pos + 1) & 0xC0) == 0x80 && (byte(pos + 2) & 0xC0) == 0x80) {
    const char32_t cp = (char32_t(lead & 0x0F) << 12) | (char32_t(byte(pos + 1) & 0x3F) << 6) | (byte(pos + 2) & 0x3F);
    pos += 3;
    return cp;
  }
  return next_other(s, pos);
}
// Whether `needle` occurs in `haystack`. string_view::find scans for the first byte, and the
// first byte of a Chinese character (E4–E9) starts most of Chinese text; the last byte of one
// is one of 64, so that is the byte looked for. (memmem sets up a table on every call.)
inline bool contains(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return true;
  const std::size_t n = needle.size();
  const char* const end = haystack.data() + haystack.size();
  for (const char* p = haystack.data() + n - 1; p < end; ++p) {
    p = static_cast<const char*>(std::memchr(p, needle.back(), static_cast<std::size_t>(end - p)));
    if (!p) return false;
    if (std::memcmp(p - (n - 1), needle.data(), n - 1) == 0) return true;
  }
  return false;
}
// The code point that ends at `pos` (pos moves back to its first byte).
char32_t prev(std::string_view s, std::size_t& pos);
void append(std::string& out, char32_t cp);
std::string encode(char32_t cp);
std::size_t count_code_points(std::string_view s);

inline bool is_han(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x3134F) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || cp == 0x3007;
}
bool is_cjk_punctuation(char32_t cp);
bool is_wide(char32_t cp);  // East Asian Wide or Fullwidth: two display columns.

// Full-width ASCII (U+FF01..U+FF5E) to ASCII, and back.
std::string to_halfwidth(std::string_view s);
std::string to_fullwidth(std::string_view s);

}  // namespace policylint::utf8
