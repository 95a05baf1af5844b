#pragma once
// The layout of a draft as GB/T 9704 describes it, parsed once per document.
// Later stages add to it (tables, attachments, signature); checks only read it.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "policylint/date.hpp"
#include "policylint/diagnostic.hpp"
#include "policylint/tables.hpp"

namespace policylint {

enum class LineRole {
  Blank,
  Title,       // the title block at the top
  DocNumber,   // the document's own 发文字号 line
  Addressee,   // 主送机关, ending in a colon
  Heading,
  Body,
  Table,       // a row (or wrapped continuation) of a text table
  Attachment,  // 附件说明 and the 附件N page headers
  Signature,   // issuing body and 成文日期 at the end of the notice
  Layout,      // metadata header fields, contact lines: spacing there is layout, not prose
};

const char* to_string(LineRole);

// GB/T 9704 heading levels: 一、 （一） 1. （1）; chapters and articles of 办法/条例 too.
enum class HeadingLevel { Chapter = 0, Section = 1, Sub = 2, Item = 3, SubItem = 4, Article = 5 };

struct Heading {
  std::size_t line = 0;        // 0-based line index
  HeadingLevel level = HeadingLevel::Section;
  int ordinal = 0;             // parsed value: 一 → 1, 二十五 → 25
  Span marker;                 // the whole marker, e.g. "（一）" or "一、"
  Span ordinal_text;           // just the numeral
  std::string punctuation;     // what follows the numeral as written: "、" "." "，" ")" "）、" …
};

struct Table {
  std::size_t header_line = 0;
  std::size_t first_line = 0;  // header line
  std::size_t last_line = 0;   // inclusive
};

struct Structure {
  std::vector<LineRole> roles;  // one per line
  std::vector<Heading> headings;
  std::vector<Table> tables;
  std::vector<TextTable> text_tables;  // the cells of each of `tables`
  std::vector<Span> titles;        // 《…》, including the marks
  std::vector<Span> doc_numbers;   // 机关代字〔年〕号 anywhere in the text
  std::vector<Span> urls;          // URLs and e-mail addresses
  std::optional<Span> own_number;  // the document's own number near the top
  std::optional<CivilDate> document_date;  // 成文日期 of the first signature block

  bool in_title(std::size_t offset) const;
  bool in_doc_number(std::size_t offset) const;
  bool in_url(std::size_t offset) const;
};

class Document;
Structure parse_structure(const Document&);

// Chinese ordinal numerals up to 九十九 (and 百 forms): "二十五" → 25; nullopt when not a numeral.
std::optional<int> parse_chinese_number(std::string_view);
std::string chinese_numeral(int);

}  // namespace policylint
