#include "policylint/decode.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <memory>

#include "policylint/text.hpp"

namespace policylint {

const char* to_string(Encoding e) {
  switch (e) {
    case Encoding::Utf8: return "utf-8";
    case Encoding::Utf16LE: return "utf-16le";
    case Encoding::Utf16BE: return "utf-16be";
    case Encoding::Gb18030: return "gb18030";
  }
  return "utf-8";
}

std::optional<Encoding> parse_encoding(std::string_view name) {
  std::string lower;
  for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "utf-8" || lower == "utf8") return Encoding::Utf8;
  if (lower == "utf-16le" || lower == "utf16le") return Encoding::Utf16LE;
  if (lower == "utf-16be" || lower == "utf16be") return Encoding::Utf16BE;
  if (lower == "gb18030" || lower == "gbk" || lower == "gb2312") return Encoding::Gb18030;
  return std::nullopt;
}

namespace {

// Length of the valid UTF-8 sequence at `pos`, or 0 (strict: no overlongs, surrogates or > U+10FFFF).
std::size_t valid_utf8_length(std::string_view s, std::size_t pos) {
  const auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[pos + i]); };
  const std::size_t left = s.size() - pos;
  const unsigned char c = b(0);
  if (c < 0x80) return 1;
  const auto cont = [&](std::size_t i) { return i < left && (b(i) & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    if (c == 0xE0 && b(1) < 0xA0) return 0;
    if (c == 0xED && b(1) >= 0xA0) return 0;
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (c == 0xF0 && b(1) < 0x90) return 0;
    if (c == 0xF4 && b(1) >= 0x90) return 0;
    return 4;
  }
  return 0;
}

struct Utf8Scan {
  Decoded result;
  std::size_t multibyte = 0;
};

Utf8Scan decode_utf8(std::string_view bytes) {
  Utf8Scan scan;
  auto& out = scan.result;
  out.text.reserve(bytes.size());
  std::size_t run_start = 0;  // valid bytes are copied in runs, not one by one
  for (std::size_t pos = 0; pos < bytes.size();) {
    if (static_cast<unsigned char>(bytes[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const std::size_t n = valid_utf8_length(bytes, pos);
    if (n > 0) {
      ++scan.multibyte;
      pos += n;
      continue;
    }
    out.text.append(bytes.substr(run_start, pos - run_start));
    // Invalid bytes run until the next byte that can start a sequence.
    std::size_t end = pos + 1;
    while (end < bytes.size() && (static_cast<unsigned char>(bytes[end]) & 0xC0) == 0x80 && end - pos < 3) ++end;
    out.invalid.push_back({out.text.size(), std::string(bytes.substr(pos, end - pos))});
    utf8::append(out.text, 0xFFFD);
    pos = run_start = end;
  }
  out.text.append(bytes.substr(run_start));
  return scan;
}

Decoded decode_utf16(std::string_view bytes, bool little_endian) {
  Decoded out;
  out.encoding = little_endian ? Encoding::Utf16LE : Encoding::Utf16BE;
  const auto unit = [&](std::size_t i) -> char16_t {
    const auto lo = static_cast<unsigned char>(bytes[i + (little_endian ? 0 : 1)]);
    const auto hi = static_cast<unsigned char>(bytes[i + (little_endian ? 1 : 0)]);
    return static_cast<char16_t>(hi << 8 | lo);
  };
  std::size_t i = 0;
  for (; i + 1 < bytes.size(); i += 2) {
    const char16_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < bytes.size()) {
      const char16_t low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        utf8::append(out.text, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
        i += 2;
        continue;
      }
    }
    if (u >= 0xD800 && u <= 0xDFFF) {
      out.invalid.push_back({out.text.size(), std::string(bytes.substr(i, 2))});
      utf8::append(out.text, 0xFFFD);
      continue;
    }
    utf8::append(out.text, u);
  }
  if (i < bytes.size()) {
    out.invalid.push_back({out.text.size(), std::string(bytes.substr(i))});
    utf8::append(out.text, 0xFFFD);
  }
  return out;
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

// Decodes with ICU; bytes the converter rejects become U+FFFD and are recorded.
Decoded decode_gb18030(std::string_view bytes) {
  Decoded out;
  out.encoding = Encoding::Gb18030;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> conv(ucnv_open("GB18030", &status));
  if (U_FAILURE(status)) return out;
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  const char* source = bytes.data();
  const char* const limit = bytes.data() + bytes.size();
  // Convert one character at a time so that each error has its exact position and bytes.
  while (source < limit) {
    const char* start = source;
    status = U_ZERO_ERROR;
    const UChar32 cp = ucnv_getNextUChar(conv.get(), &source, limit, &status);
    if (U_FAILURE(status) || source == start) {
      if (source == start) ++source;
      out.invalid.push_back({out.text.size(), std::string(start, source)});
      utf8::append(out.text, 0xFFFD);
      ucnv_reset(conv.get());
      continue;
    }
    utf8::append(out.text, static_cast<char32_t>(cp));
  }
  return out;
}

struct DetectorCloser {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

bool detector_prefers_gb18030(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> det(ucsdet_open(&status));
  if (U_FAILURE(status)) return false;
  ucsdet_setText(det.get(), bytes.data(), static_cast<int32_t>(std::min<std::size_t>(bytes.size(), 1 << 16)),
                 &status);
  const UCharsetMatch* match = ucsdet_detect(det.get(), &status);
  if (U_FAILURE(status) || !match) return false;
  const std::string name = ucsdet_getName(match, &status);
  return name == "GB18030";
}

bool looks_binary(std::string_view bytes) {
  return bytes.substr(0, 8192).find('\0') != std::string_view::npos;
}

bool valid_utf8(std::string_view bytes) {
  for (std::size_t pos = 0; pos < bytes.size();) {
    if (static_cast<unsigned char>(bytes[pos]) < 0x80) {
      ++pos;
    } else if (const std::size_t n = valid_utf8_length(bytes, pos); n > 0) {
      pos += n;
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace

Decoded decode_owned(std::string&& bytes, std::optional<Encoding> forced) {
  const std::string_view view(bytes);
  const bool bom = view.starts_with("\xEF\xBB\xBF") || view.starts_with("\xFF\xFE") || view.starts_with("\xFE\xFF");
  if ((!forced || *forced == Encoding::Utf8) && !bom && !looks_binary(view) && valid_utf8(view)) {
    Decoded out;
    out.text = std::move(bytes);
    return out;
  }
  return decode(view, forced);
}

Decoded decode(std::string_view bytes, std::optional<Encoding> forced) {
  const bool utf8_bom = bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF";
  const bool le_bom = bytes.size() >= 2 && bytes.substr(0, 2) == "\xFF\xFE";
  const bool be_bom = bytes.size() >= 2 && bytes.substr(0, 2) == "\xFE\xFF";
  if (!forced) {
    if (le_bom || be_bom) forced = le_bom ? Encoding::Utf16LE : Encoding::Utf16BE;
    else if (utf8_bom) forced = Encoding::Utf8;
  }
  if (!forced && looks_binary(bytes)) {
    Decoded out;
    out.binary = true;
    return out;
  }
  if (forced) {
    Decoded out;
    switch (*forced) {
      case Encoding::Utf8: out = decode_utf8(bytes.substr(utf8_bom ? 3 : 0)).result; out.bom = utf8_bom; break;
      case Encoding::Utf16LE: out = decode_utf16(bytes.substr(le_bom ? 2 : 0), true); out.bom = le_bom; break;
      case Encoding::Utf16BE: out = decode_utf16(bytes.substr(be_bom ? 2 : 0), false); out.bom = be_bom; break;
      case Encoding::Gb18030: out = decode_gb18030(bytes); break;
    }
    return out;
  }
  Utf8Scan utf8 = decode_utf8(bytes);
  if (utf8.result.invalid.empty()) return std::move(utf8.result);
  // A few bad bytes in otherwise Chinese UTF-8 are damage, not another encoding.
  if (utf8.result.invalid.size() * 20 < utf8.multibyte) return std::move(utf8.result);
  Decoded gb = decode_gb18030(bytes);
  if (gb.invalid.size() < utf8.result.invalid.size()) return gb;
  if (gb.invalid.size() == utf8.result.invalid.size() && detector_prefers_gb18030(bytes)) return gb;
  return std::move(utf8.result);
}

std::optional<std::string> encode(std::string_view text, Encoding encoding, bool bom) {
  std::string out;
  switch (encoding) {
    case Encoding::Utf8:
      if (bom) out = "\xEF\xBB\xBF";
      out += text;
      return out;
    case Encoding::Utf16LE:
    case Encoding::Utf16BE: {
      const bool le = encoding == Encoding::Utf16LE;
      const auto put = [&](char16_t u) {
        const char lo = static_cast<char>(u & 0xFF), hi = static_cast<char>(u >> 8);
        out += le ? lo : hi;
        out += le ? hi : lo;
      };
      if (bom) put(0xFEFF);
      for (std::size_t pos = 0; pos < text.size();) {
        const char32_t cp = utf8::next(text, pos);
        if (cp >= 0x10000) {
          put(static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10)));
          put(static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
        } else {
          put(static_cast<char16_t>(cp));
        }
      }
      return out;
    }
    case Encoding::Gb18030: {
      UErrorCode status = U_ZERO_ERROR;
      std::unique_ptr<UConverter, ConverterCloser> conv(ucnv_open("GB18030", &status));
      if (U_FAILURE(status)) return std::nullopt;
      ucnv_setFromUCallBack(conv.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
      std::u16string utf16;
      for (std::size_t pos = 0; pos < text.size();) {
        const char32_t cp = utf8::next(text, pos);
        if (cp >= 0x10000) {
          utf16 += static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10));
          utf16 += static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF));
        } else {
          utf16 += static_cast<char16_t>(cp);
        }
      }
      out.resize(utf16.size() * 4 + 16);
      const int32_t n = ucnv_fromUChars(conv.get(), out.data(), static_cast<int32_t>(out.size()), utf16.data(),
                                        static_cast<int32_t>(utf16.size()), &status);
      if (U_FAILURE(status)) return std::nullopt;
      out.resize(static_cast<std::size_t>(n));
      return out;
    }
  }
  return std::nullopt;
}

}  // namespace policylint
