#include "policylint/structure.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "layout.hpp"
#include "policylint/document.hpp"
#include "policylint/text.hpp"

namespace policylint {

const char* to_string(LineRole role) {
  switch (role) {
    case LineRole::Blank: return "blank";
    case LineRole::Title: return "title";
    case LineRole::DocNumber: return "docnumber";
    case LineRole::Addressee: return "addressee";
    case LineRole::Heading: return "heading";
    case LineRole::Body: return "body";
    case LineRole::Table: return "table";
    case LineRole::Attachment: return "attachment";
    case LineRole::Signature: return "signature";
    case LineRole::Layout: return "layout";
  }
  return "body";
}

namespace {

bool contains(const std::vector<Span>& spans, std::size_t offset) {
  auto it = std::upper_bound(spans.begin(), spans.end(), offset,
                             [](std::size_t o, const Span& s) { return o < s.begin; });
  return it != spans.begin() && offset < std::prev(it)->end;
}

}  // namespace

int chinese_digit(char32_t cp) {
  switch (cp) {
    case U'〇': case U'零': case U'○': return 0;
    case U'一': return 1;
    case U'二': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return -1;
  }
}

std::optional<int> parse_chinese_number(std::string_view s) {
  if (s.empty()) return std::nullopt;
  int total = 0;
  int current = -1;  // pending digit
  bool any = false;
  for (std::size_t pos = 0; pos < s.size();) {
    const char32_t cp = utf8::next(s, pos);
    if (const int d = cp == U'两' ? 2 : chinese_digit(cp); d >= 0) {
      current = d;
    } else if (cp == U'十' || cp == U'百' || cp == U'千') {
      const int unit = cp == U'十' ? 10 : cp == U'百' ? 100 : 1000;
      total += (current < 0 ? 1 : current) * unit;
      current = -1;
    } else {
      return std::nullopt;
    }
    any = true;
  }
  if (!any) return std::nullopt;
  return total + (current < 0 ? 0 : current);
}

std::string chinese_numeral(int n) {
  static const char* digits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n < 0 || n >= 1000) return std::to_string(n);
  if (n < 10) return digits[n];
  std::string out;
  if (n >= 100) {
    out += digits[n / 100];
    out += "百";
    n %= 100;
    if (n == 0) return out;
    if (n < 10) return out + "零" + digits[n];
    out += digits[n / 10];
    out += "十";
  } else {
    if (n / 10 > 1) out += digits[n / 10];
    out += "十";
  }
  if (n % 10) out += digits[n % 10];
  return out;
}

bool Structure::in_title(std::size_t offset) const { return contains(titles, offset); }
bool Structure::in_doc_number(std::size_t offset) const { return contains(doc_numbers, offset); }
bool Structure::in_url(std::size_t offset) const { return contains(urls, offset); }

namespace {

// The 机关代字 of a document number: CJK ideographs of the Basic Multilingual Plane. Spelled out
// rather than \\p{Han}, which compiles 16 times over in {1,16} at about 0.5 ms each time.
#define ISSUER_CHARS "[\\x{3400}-\\x{4DBF}\\x{4E00}-\\x{9FFF}\\x{F900}-\\x{FAFF}]"

constexpr std::string_view kNumerals = "[一二三四五六七八九十百〇零]+";

struct HeadingPattern {
  HeadingLevel level;
  std::unique_ptr<RE2> re;  // groups: marker, numeral, punctuation
  bool chinese;
};

std::vector<HeadingPattern> make_heading_patterns() {
  const std::string n(kNumerals);
  std::vector<HeadingPattern> out;
  const auto add = [&](HeadingLevel level, const std::string& re, bool chinese) {
    out.push_back({level, std::make_unique<RE2>(re), chinese});
  };
  // Matched on the folded line: （一） is (一), ， is , and ． is . there.
  add(HeadingLevel::Chapter, "^[ \t\u3000]*(第(" + n + ")章)()", true);
  add(HeadingLevel::Article, "^[ \t\u3000]*(第(" + n + ")条)()", true);
  add(HeadingLevel::Section, "^[ \t\u3000]*((" + n + ")[ \t]*(、|\\.|,)?)", true);
  add(HeadingLevel::Sub, "^[ \t\u3000]*(\\((" + n + ")\\)(、|\\.|,)?)", true);
  add(HeadingLevel::Item, "^[ \t\u3000]*(([0-9]{1,3})(\\.|、)?)", false);
  add(HeadingLevel::SubItem, "^[ \t\u3000]*(\\(([0-9]{1,3})\\)(、|\\.)?)", false);
  return out;
}

const std::vector<HeadingPattern>& heading_patterns() {
  static const std::vector<HeadingPattern> patterns = make_heading_patterns();
  return patterns;
}

bool is_blank(std::string_view line) {
  for (std::size_t pos = 0; pos < line.size();) {
    const char32_t cp = utf8::next(line, pos);
    if (cp != ' ' && cp != '\t' && cp != 0x3000 && cp != 0xA0 && cp != 0xFEFF) return false;
  }
  return true;
}

// The first character after the marker decides whether an ordinal-looking start is a heading:
// "一、" and "1." are; "一是", "2023年" and "1.5亿元" are not.
bool plausible_heading(const HeadingPattern& p, std::string_view folded_line, std::size_t marker_end,
                       std::string_view punctuation) {
  const std::string_view rest = folded_line.substr(marker_end);
  if (p.level == HeadingLevel::Chapter || p.level == HeadingLevel::Article) return true;
  if (p.level == HeadingLevel::Section) return !punctuation.empty() && punctuation != ".";
  if (p.level == HeadingLevel::Sub || p.level == HeadingLevel::SubItem) return !rest.empty();
  // Item: "1." or "1、" followed by text, never a digit (a decimal) or 年/月/日/% (a quantity).
  if (punctuation.empty() || rest.empty()) return false;
  const char c = rest.front();
  return !(c >= '0' && c <= '9');
}

// Whether the line's first visible character can open a heading marker: 一…十, 第, (, or a digit.
bool may_open_heading(std::string_view folded) {
  for (std::size_t pos = 0; pos < folded.size();) {
    const char32_t cp = utf8::next(folded, pos);
    if (cp == ' ' || cp == '\t' || cp == 0x3000) continue;
    return cp == '(' || cp == U'第' || (cp >= '0' && cp <= '9') || chinese_digit(cp) > 0 || cp == U'十' ||
           cp == U'百';
  }
  return false;
}

std::optional<Heading> parse_heading(const Document& doc, std::size_t index) {
  const Line& line = doc.lines()[index];
  const std::size_t fbegin = line.folded_begin;
  const std::size_t fend = line.folded_end;
  const std::string_view folded = std::string_view(doc.folded()).substr(fbegin, fend - fbegin);
  if (!may_open_heading(folded)) return std::nullopt;
  for (const auto& p : heading_patterns()) {
    re2::StringPiece marker_piece, numeral_piece, punctuation_piece;
    if (!RE2::PartialMatch(folded, *p.re, &marker_piece, &numeral_piece, &punctuation_piece)) continue;
    const std::string_view marker(marker_piece.data(), marker_piece.size());
    const std::string_view numeral(numeral_piece.data(), numeral_piece.size());
    const std::string_view punctuation(punctuation_piece.data(), punctuation_piece.size());
    const std::size_t marker_begin = static_cast<std::size_t>(marker.data() - folded.data());
    const std::size_t marker_end = marker_begin + marker.size();
    if (!plausible_heading(p, folded, marker_end, punctuation)) continue;
    Heading h;
    h.line = index;
    h.level = p.level;
    h.ordinal = p.chinese ? parse_chinese_number(numeral).value_or(0) : std::atoi(std::string(numeral).c_str());
    if (h.ordinal <= 0) continue;
    h.marker = doc.to_original(Span{fbegin + marker_begin, fbegin + marker_end});
    const std::size_t nb = static_cast<std::size_t>(numeral.data() - folded.data());
    h.ordinal_text = doc.to_original(Span{fbegin + nb, fbegin + nb + numeral.size()});
    h.punctuation = std::string(doc.text().substr(doc.to_original(fbegin + nb + numeral.size()),
                                                  h.marker.end - doc.to_original(fbegin + nb + numeral.size())));
    return h;
  }
  return std::nullopt;
}

// Document numbers need 号 and URLs need @ or a scheme, so only such lines are searched.
void collect_line_spans(const Document& doc, const RE2& re, std::string_view needed_any,
                        std::vector<Span>& out) {
  const std::string& text = doc.text();
  for (const Line& line : doc.lines()) {
    const std::string_view view = std::string_view(text).substr(line.begin, line.end - line.begin);
    bool candidate = false;
    for (std::size_t b = 0, e; b < needed_any.size() && !candidate; b = e + 1) {
      e = needed_any.find('|', b);
      if (e == std::string_view::npos) e = needed_any.size();
      candidate = utf8::contains(view, needed_any.substr(b, e - b));
    }
    if (!candidate) continue;
    re2::StringPiece input(view.data(), view.size());
    re2::StringPiece m;
    while (RE2::FindAndConsume(&input, re, &m)) {
      const std::size_t b = static_cast<std::size_t>(m.data() - text.data());
      out.push_back({b, b + m.size()});
    }
  }
}

void collect_spans(const Document& doc, Structure& s) {
  static const RE2 doc_number(
      "(" ISSUER_CHARS "{1,16}(?:〔|\\[|【|\\(|（|［)\\s*[0-9]{2,4}\\s*(?:〕|\\]|】|\\)|）|］)\\s*第?[0-9]{1,4}\\s*号)");
  static const RE2 url("((?:https?://|www\\.)[A-Za-z0-9._~:/?#@!$&'*+,;=%\\-]+|[A-Za-z0-9._%+\\-]+@[A-Za-z0-9.\\-]+\\.[A-Za-z]{2,})");
  collect_line_spans(doc, doc_number, "号", s.doc_numbers);
  collect_line_spans(doc, url, "@|http|www.", s.urls);
  // 《…》 with nesting: the outermost pair is the title span. 《 is E3 80 8A and 》 E3 80 8B.
  // A title never spans lines.
  const std::string& text = doc.text();
  for (const Line& line : doc.lines()) {
    int depth = 0;
    std::size_t open = 0;
    for (std::size_t pos = line.begin; pos + 2 < line.end; ++pos) {
      const void* mark = std::memchr(text.data() + pos, '\xE3', line.end - pos - 2);
      if (!mark) break;
      pos = static_cast<std::size_t>(static_cast<const char*>(mark) - text.data());
      if (text[pos + 1] != '\x80') continue;
      if (text[pos + 2] == '\x8A' && depth++ == 0) open = pos;
      if (text[pos + 2] == '\x8B' && depth > 0 && --depth == 0) s.titles.push_back({open, pos + 3});
    }
  }
}

bool is_layout_line(std::string_view line) {
  // Runs of spaces inside a line lay out fields (metadata headers, contact lines, name lists).
  return utf8::contains(line, "  ") || utf8::contains(line, "\xE3\x80\x80\xE3\x80\x80");
}

bool is_table_header(std::string_view folded_line) {
  static const RE2 header("^[ \t]*序号[ \t\u3000]+\\S");
  return utf8::contains(folded_line, "序号") && RE2::PartialMatch(folded_line, header);
}

std::string_view folded_line(const Document& doc, std::size_t index) {
  const Line& l = doc.lines()[index];
  const std::size_t b = l.folded_begin;
  return std::string_view(doc.folded()).substr(b, l.folded_end - b);
}

// `part` lies inside `folded`, the folded view of line `index`; returns its span in the text.
Span folded_subspan(const Document& doc, std::size_t index, std::string_view folded, re2::StringPiece part) {
  const std::size_t base = doc.lines()[index].folded_begin;
  const std::size_t b = base + static_cast<std::size_t>(part.data() - folded.data());
  return doc.to_original(Span{b, b + part.size()});
}

void assign_roles(const Document& doc, Structure& s) {
  const std::size_t n = doc.lines().size();
  s.roles.assign(n, LineRole::Body);
  for (std::size_t i = 0; i < n; ++i) {
    if (is_blank(doc.line_text(i))) s.roles[i] = LineRole::Blank;
    else if (is_layout_line(doc.line_text(i))) s.roles[i] = LineRole::Layout;
  }
  for (const Heading& h : s.headings) {
    // A heading that runs on into its paragraph ("（一）大力开展招商引资。强化…") is body text.
    const std::string_view line = doc.line_text(h.line);
    if (line.find("。") == std::string_view::npos || line.rfind("。") + 3 >= line.size()) {
      if (utf8::count_code_points(line) <= 40) s.roles[h.line] = LineRole::Heading;
    }
  }
  std::size_t i = 0;

  static const RE2 own_number("^[ \t\u3000]*(" ISSUER_CHARS "{1,16}(?:〔|\\[|【|\\(|［)[0-9]{2,4}(?:〕|\\]|】|\\)|］)第?[0-9]{1,4}号)[ \t\u3000]*$");
  // Web pages put the number in a metadata header: "文    号 工信厅联电子函〔2022〕303号".
  static const RE2 metadata_number("(?:^|[ \t\u3000\u00A0])文[ \t\u3000\u00A0]*号[ \t\u3000\u00A0:]+(" ISSUER_CHARS "{1,16}(?:〔|\\[|【|\\(|［)[0-9]{2,4}(?:〕|\\]|】|\\)|］)第?[0-9]{1,4}号)");
  static const RE2 attachment("^[ \t\u3000]*附件[ \t\u3000]*[0-9一二三四五六七八九十]*[ \t\u3000]*(:|$)");
  bool table = false;
  for (i = 0; i < n; ++i) {
    const std::string_view f = folded_line(doc, i);
    if (s.roles[i] == LineRole::Blank) continue;
    // Each pattern below needs a literal that most lines lack; looking for it first is cheaper.
    const bool has_number = utf8::contains(f, "号");
    re2::StringPiece number;
    if (has_number && RE2::PartialMatch(f, own_number, &number)) {
      s.roles[i] = LineRole::DocNumber;
      if (!s.own_number) s.own_number = folded_subspan(doc, i, f, number);
      continue;
    }
    if (!s.own_number && has_number && RE2::PartialMatch(f, metadata_number, &number)) {
      s.own_number = folded_subspan(doc, i, f, number);
    }
    if (utf8::contains(f, "附件") && RE2::PartialMatch(f, attachment)) {
      s.roles[i] = LineRole::Attachment;
      table = false;
      continue;
    }
    if (is_table_header(f)) {
      s.tables.push_back({i, i, i});
      table = true;
    }
    if (table) {
      if (s.roles[i] == LineRole::Heading && s.tables.back().header_line != i) {
        table = false;
      } else {
        s.roles[i] = LineRole::Table;
        s.tables.back().last_line = i;
        continue;
      }
    }
    if (const auto date = parse_date_line(f)) {
      s.roles[i] = LineRole::Signature;
      // The issuing bodies stand just above the date, over blank lines.
      for (std::size_t j = i; j-- > 0 && i - j <= 6;) {
        if (s.roles[j] == LineRole::Blank) continue;
        // A heading-like line ("2.申报书") above the date ends the 附件说明, not a signature.
        if (s.roles[j] != LineRole::Body && s.roles[j] != LineRole::Layout) break;
        const std::string_view above = doc.line_text(j);
        if (above.find("。") != std::string_view::npos || above.find(",") != std::string_view::npos ||
            above.find("，") != std::string_view::npos || utf8::count_code_points(above) > 40)
          break;
        s.roles[j] = LineRole::Signature;
      }
      continue;
    }
  }
}

// The 成文日期 follows the body; a date line above all prose (once the title block is known) is a
// web page's publication date, taken only when there is no other.
void choose_document_date(const Document& doc, Structure& s) {
  std::optional<CivilDate> above_body;
  bool body_seen = false;
  for (std::size_t i = 0; i < s.roles.size() && !s.document_date; ++i) {
    if (s.roles[i] == LineRole::Body || s.roles[i] == LineRole::Heading) body_seen = true;
    if (s.roles[i] != LineRole::Signature) continue;
    const auto date = parse_date_line(folded_line(doc, i));
    if (!date || !is_valid(*date)) continue;
    if (body_seen) s.document_date = date;
    else if (!above_body) above_body = date;
  }
  if (!s.document_date) s.document_date = above_body;
}

}  // namespace

Structure parse_structure(const Document& doc) {
  Structure s;
  for (std::size_t i = 0; i < doc.lines().size(); ++i) {
    if (auto h = parse_heading(doc, i)) s.headings.push_back(std::move(*h));
  }
  collect_spans(doc, s);
  assign_roles(doc, s);
  parse_layout(doc, s);
  choose_document_date(doc, s);
  return s;
}

}  // namespace policylint
