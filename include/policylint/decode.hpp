#pragma once
// Bytes on disk to UTF-8 text, and back, without losing the encoding or the BOM.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace policylint {

enum class Encoding { Utf8, Utf16LE, Utf16BE, Gb18030 };

const char* to_string(Encoding);
std::optional<Encoding> parse_encoding(std::string_view);

// Bytes that could not be decoded; each became one U+FFFD in the text at `text_offset`.
struct InvalidBytes {
  std::size_t text_offset = 0;
  std::string bytes;
};

struct Decoded {
  std::string text;  // UTF-8, BOM removed, line endings untouched
  Encoding encoding = Encoding::Utf8;
  bool bom = false;
  bool binary = false;
  std::vector<InvalidBytes> invalid;
};

Decoded decode(std::string_view bytes, std::optional<Encoding> forced = std::nullopt);
// The same; valid UTF-8 without a BOM, the common case, is moved into the text instead of copied.
Decoded decode_owned(std::string&& bytes, std::optional<Encoding> forced = std::nullopt);
// Encodes `text` back; returns nullopt when a character has no representation in `encoding`.
std::optional<std::string> encode(std::string_view text, Encoding encoding, bool bom);

}  // namespace policylint
