#include <catch2/catch.hpp>

#include "policylint/decode.hpp"

using namespace policylint;

TEST_CASE("UTF-8 with and without a BOM", "[decode]") {
  const Decoded plain = decode("各单位：\n");
  CHECK(plain.encoding == Encoding::Utf8);
  CHECK_FALSE(plain.bom);
  CHECK(plain.text == "各单位：\n");
  const Decoded bom = decode("\xEF\xBB\xBF各单位：\n");
  CHECK(bom.encoding == Encoding::Utf8);
  CHECK(bom.bom);
  CHECK(bom.text == "各单位：\n");
  CHECK(*encode(bom.text, bom.encoding, bom.bom) == "\xEF\xBB\xBF各单位：\n");
}

TEST_CASE("UTF-16 LE and BE with a BOM, including surrogate pairs", "[decode]") {
  // "𠀀a" = U+20000 U+0061: D840 DC00 0061
  const std::string le("\xFF\xFE\x40\xD8\x00\xDC\x61\x00", 8);
  const Decoded a = decode(le);
  CHECK(a.encoding == Encoding::Utf16LE);
  CHECK(a.bom);
  CHECK(a.text == "𠀀a");
  CHECK(*encode(a.text, a.encoding, true) == le);
  const std::string be("\xFE\xFF\xD8\x40\xDC\x00\x00\x61", 8);
  const Decoded b = decode(be);
  CHECK(b.encoding == Encoding::Utf16BE);
  CHECK(b.text == "𠀀a");
  CHECK(*encode(b.text, b.encoding, true) == be);
}

TEST_CASE("GB18030 is the fallback when the bytes are not UTF-8", "[decode]") {
  // 各单位：请于月底前报送。 in GB18030
  const std::string gb = "\xB8\xF7\xB5\xA5\xCE\xBB\xA3\xBA\xC7\xEB\xD3\xDA\xD4\xC2\xB5\xD7\xC7\xB0\xB1\xA8\xCB\xCD\xA1\xA3";
  const Decoded d = decode(gb);
  CHECK(d.encoding == Encoding::Gb18030);
  CHECK(d.invalid.empty());
  CHECK(d.text == "各单位：请于月底前报送。");
  CHECK(*encode(d.text, Encoding::Gb18030, false) == gb);
}

TEST_CASE("a few bad bytes in UTF-8 text are reported where they stand", "[decode]") {
  const std::string text = "各单位：请于月底前报送材料，逾期不再受理。\xFF好的";
  const Decoded d = decode(text);
  CHECK(d.encoding == Encoding::Utf8);
  REQUIRE(d.invalid.size() == 1);
  CHECK(d.invalid[0].bytes == "\xFF");
  CHECK(d.text.substr(d.invalid[0].text_offset, 3) == "\xEF\xBF\xBD");
  CHECK(d.text.substr(d.invalid[0].text_offset + 3) == "好的");
}

TEST_CASE("a NUL byte marks a binary file", "[decode]") {
  CHECK(decode(std::string("PK\x03\x04\0\0", 6)).binary);
  CHECK_FALSE(decode("普通文本").binary);
}

TEST_CASE("a forced encoding wins over detection", "[decode]") {
  const Decoded d = decode("abc", Encoding::Gb18030);
  CHECK(d.encoding == Encoding::Gb18030);
  CHECK(d.text == "abc");
  CHECK(parse_encoding("GBK") == Encoding::Gb18030);
  CHECK(parse_encoding("utf-16le") == Encoding::Utf16LE);
  CHECK_FALSE(parse_encoding("latin1"));
}
