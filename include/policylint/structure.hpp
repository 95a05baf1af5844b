#pragma once
// The layout of a draft as GB/T 9704 describes it, parsed once per document.
// Later stages add to it (tables, attachments, signature); checks only read it.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "policylint/date.hpp"
#include "policylint/dates.hpp"
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

// The parts of a notice as GB/T 9704 names them; filled by parse_layout (linter/layout.cpp).
struct TitleBlock {
  std::size_t first_line = 0;  // 0-based, inclusive; blank lines inside are part of it
  std::size_t last_line = 0;
  std::string text;            // the non-blank lines, trimmed and joined without separators
};

// One entry of the 附件说明: "附件：1.X" → {1, "X"}; "附件：X" (a single attachment) → {0, "X"}.
struct AttachmentItem {
  std::size_t line = 0;
  int number = 0;
  std::string title;  // as written, without a final 。/；
  Span span;          // the title as written
};

// A page headed "附件N" (or "附件" for a single attachment), with the title line below it.
struct AttachmentPage {
  std::size_t line = 0;
  int number = 0;                   // 0 for a bare "附件"
  Span marker;                      // "附件2"
  std::optional<std::size_t> title_line;
  std::string title;                // trimmed, empty when the page has no title line
};

// 发文机关署名 and 成文日期.
struct SignatureBlock {
  std::vector<std::size_t> issuer_lines;  // the issuing bodies above the date, top to bottom
  std::size_t date_line = 0;
  std::optional<CivilDate> date;
};

// A cited document: 《title》, optionally followed by its 发文字号.
struct Citation {
  Span title;                  // including 《》
  std::optional<Span> number;  // the 发文字号 right after the title
  bool parenthesized = false;  // 《…》（国发〔2023〕5号） rather than 《…》国发〔2023〕5号
};

// One unit named in a 责任单位/牵头单位/配合单位 list, without "牵头", "等有关部门" and the like.
struct ListItem {
  Span name;
  Span alias;  // "县委统战部(县民宗局)": the name in brackets; empty when none
};

// What every document gets parsed into; the heavier parts only some rules read (dates, unit
// lists, table cells) are Document's, parsed on first use.
struct Structure {
  std::vector<LineRole> roles;  // one per line
  std::vector<Heading> headings;
  std::vector<Table> tables;
  std::vector<Span> titles;        // 《…》, including the marks
  std::vector<Span> doc_numbers;   // 机关代字〔年〕号 anywhere in the text
  std::vector<Span> urls;          // URLs and e-mail addresses
  std::optional<Span> own_number;  // the document's own number near the top (just the number)
  std::optional<CivilDate> document_date;  // 成文日期 of the first signature block

  std::optional<TitleBlock> title_block;        // the notice's title
  std::optional<std::size_t> addressee_line;    // 主送机关
  std::optional<TitleBlock> issued_title;       // the title line of the document a 印发 notice issues
  std::vector<AttachmentItem> attachment_items; // the 附件说明, in order
  std::vector<AttachmentPage> attachment_pages;
  std::vector<SignatureBlock> signatures;
  std::vector<Citation> citations;

  bool in_title(std::size_t offset) const;
  bool in_doc_number(std::size_t offset) const;
  bool in_url(std::size_t offset) const;
};

class Document;
Structure parse_structure(const Document&);
std::vector<std::vector<ListItem>> parse_unit_lists(const Document&);

// Chinese ordinal numerals up to 九十九 (and 百 forms): "二十五" → 25; nullopt when not a numeral.
// 〇/○/零 → 0, 一…九 → 1…9; -1 for anything else.
int chinese_digit(char32_t);
std::optional<int> parse_chinese_number(std::string_view);
std::string chinese_numeral(int);

// A title reduced for comparison: folded, without white space, 《》〈〉 or a final 。；.
std::string comparable_title(std::string_view);

}  // namespace policylint
