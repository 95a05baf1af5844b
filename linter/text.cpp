#include "policylint/text.hpp"

#include <unicode/uchar.h>

namespace policylint::utf8 {

char32_t next_other(std::string_view s, std::size_t& pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) {
    ++pos;
    return lead;
  }
  int length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  if (length == 1 || pos + length > s.size()) {
    ++pos;
    return 0xFFFD;
  }
  char32_t cp = lead & (0x7F >> length);
  for (int i = 1; i < length; ++i) {
    const unsigned char c = byte(pos + i);
    if ((c & 0xC0) != 0x80) {
      ++pos;
      return 0xFFFD;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  pos += length;
  return cp;
}

char32_t prev(std::string_view s, std::size_t& pos) {
  std::size_t start = pos;
  do {
    --start;
  } while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80 && pos - start < 4);
  std::size_t probe = start;
  const char32_t cp = next(s, probe);
  if (probe != pos) {  // malformed: step back one byte only
    pos = pos - 1;
    return 0xFFFD;
  }
  pos = start;
  return cp;
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string encode(char32_t cp) {
  std::string out;
  append(out, cp);
  return out;
}

std::size_t count_code_points(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

bool is_cjk_punctuation(char32_t cp) {
  return (cp >= 0x3000 && cp <= 0x303F && cp != 0x3007) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
         (cp >= 0xFF1A && cp <= 0xFF20) || cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019 ||
         cp == 0x2014 || cp == 0x2026 || cp == 0xFF5E || cp == 0xFF08 || cp == 0xFF09;
}

bool is_wide(char32_t cp) {
  const auto width = u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_EAST_ASIAN_WIDTH);
  return width == U_EA_WIDE || width == U_EA_FULLWIDTH;
}

std::string to_halfwidth(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t pos = 0; pos < s.size();) {
    const char32_t cp = next(s, pos);
    append(out, cp >= 0xFF01 && cp <= 0xFF5E ? cp - 0xFEE0 : cp);
  }
  return out;
}

std::string to_fullwidth(std::string_view s) {
  std::string out;
  out.reserve(s.size() * 3);
  for (std::size_t pos = 0; pos < s.size();) {
    const char32_t cp = next(s, pos);
    append(out, cp >= 0x21 && cp <= 0x7E ? cp + 0xFEE0 : cp);
  }
  return out;
}

}  // namespace policylint::utf8
