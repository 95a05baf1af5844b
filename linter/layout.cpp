#include "layout.hpp"

#include <re2/re2.h>

#include <algorithm>

#include "policylint/document.hpp"
#include "policylint/text.hpp"

namespace policylint {

namespace {

constexpr std::size_t kMaxTitleLines = 4;
constexpr std::size_t kMaxBlankGap = 2;
constexpr std::size_t kAddresseeTop = 40;    // lines
constexpr std::size_t kAddresseeReach = 12;  // lines below the title block or 发文字号

bool is_space(char32_t cp) { return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0 || cp == '\r'; }

// The folded view of a line without leading and trailing white space, and where it starts.
struct FoldedLine {
  std::string_view text;
  std::size_t folded_begin = 0;  // offset of text in Document::folded()
};

FoldedLine trimmed_folded(const Document& doc, std::size_t index) {
  const Line& l = doc.lines()[index];
  const std::size_t b = l.folded_begin;
  std::string_view v = std::string_view(doc.folded()).substr(b, l.folded_end - b);
  std::size_t lead = 0;
  for (std::size_t pos = 0; pos < v.size() && is_space(utf8::next(v, pos));) lead = pos;
  v.remove_prefix(lead);
  std::size_t end = v.size();
  for (std::size_t pos = end; pos > 0 && is_space(utf8::prev(v, pos));) end = pos;
  return {v.substr(0, end), b + lead};
}

Span original_span(const Document& doc, const FoldedLine& line, std::string_view part) {
  const std::size_t b = line.folded_begin + static_cast<std::size_t>(part.data() - line.text.data());
  return doc.to_original(Span{b, b + part.size()});
}

std::string original_text(const Document& doc, Span span) {
  return std::string(doc.text().substr(span.begin, span.end - span.begin));
}

bool is_date_text(std::string_view folded) {
  static const RE2 date("(?:[0-9]{4}|[〇○零一二三四五六七八九]{4})年[0-9一二三四五六七八九十]{1,3}月[0-9一二三四五六七八九十]{1,3}日");
  return RE2::FullMatch(folded, date);
}

// "（此件公开发布）", "（信息公开形式：主动公开）": remarks under a signature, unlike a title's
// "（2021—2025年）" or "（试行）".
bool is_remark(std::string_view folded) {
  static const RE2 remark("^\\(.*(?:公开|此件|发布).*\\)$");
  return RE2::FullMatch(folded, remark);
}

class LayoutParser {
 public:
  LayoutParser(const Document& doc, Structure& s) : doc_(doc), s_(s), heading_line_(doc.lines().size(), false) {
    for (const Heading& h : s.headings) heading_line_[h.line] = true;
  }

  void run() {
    find_title_block();
    find_addressee();
    collect_signatures();
    find_issued_title();
    parse_attachment_notes();
    collect_attachment_pages();
    collect_citations();
  }

 private:
  std::size_t line_count() const { return doc_.lines().size(); }

  // A line that could belong to a title: short, without sentence punctuation or a colon.
  bool is_title_like(std::size_t i) const {
    switch (s_.roles[i]) {
      case LineRole::Body: case LineRole::Title: case LineRole::Layout: break;
      default: return false;
    }
    if (heading_line_[i]) return false;
    const std::string_view f = trimmed_folded(doc_, i).text;
    if (f.empty() || utf8::count_code_points(f) > 60) return false;
    for (const std::string_view mark : {"。", ",", ":", ";", "！", "？", "!", "?"})
      if (f.find(mark) != std::string_view::npos) return false;
    return !is_remark(f);
  }

  enum class Direction { Down, Up };

  // Title-like lines from `start` on, crossing short runs of blank lines.
  std::optional<TitleBlock> collect_title(std::size_t start, Direction direction) const {
    std::vector<std::size_t> lines;
    std::size_t blanks = 0;
    for (std::size_t i = start; i < line_count() && lines.size() < kMaxTitleLines;) {
      if (s_.roles[i] == LineRole::Blank) {
        if (++blanks > kMaxBlankGap) break;
      } else {
        if (!is_title_like(i)) break;
        blanks = 0;
        lines.push_back(i);
      }
      if (direction == Direction::Down) ++i;
      else if (i-- == 0) break;
    }
    if (lines.empty()) return std::nullopt;
    std::sort(lines.begin(), lines.end());
    TitleBlock t;
    t.first_line = lines.front();
    t.last_line = lines.back();
    for (const std::size_t i : lines) {
      const FoldedLine f = trimmed_folded(doc_, i);
      t.text += original_text(doc_, original_span(doc_, f, f.text));
    }
    return t;
  }

  void mark(const TitleBlock& t, LineRole role) {
    for (std::size_t i = t.first_line; i <= t.last_line; ++i)
      if (s_.roles[i] != LineRole::Blank) s_.roles[i] = role;
  }

  static bool names_a_subject(const TitleBlock& t) { return t.text.find("关于") != std::string::npos; }

  // The title stands below the 发文字号 in GB/T 9704 layout ("XX人民政府文件" above it), above it in
  // much extracted text, otherwise at the top. A "关于…" block wins over a bare agency name.
  void find_title_block() {
    std::size_t first = 0;
    while (first < line_count() && s_.roles[first] == LineRole::Blank) ++first;
    std::optional<TitleBlock> top;
    if (first < line_count()) top = collect_title(first, Direction::Down);
    if (top && top->last_line + 1 < line_count()) mark(*top, LineRole::Title);
    else top.reset();
    const auto number_line = std::find(s_.roles.begin(), s_.roles.end(), LineRole::DocNumber);
    if (number_line == s_.roles.end()) {
      s_.title_block = std::move(top);
      return;
    }
    const auto number = static_cast<std::size_t>(number_line - s_.roles.begin());
    auto above = number > 0 ? collect_title(number - 1, Direction::Up) : std::nullopt;
    auto below = collect_title(number + 1, Direction::Down);
    if (above) mark(*above, LineRole::Title);
    if (below && names_a_subject(*below) && !(above && names_a_subject(*above))) {
      mark(*below, LineRole::Title);
      s_.title_block = std::move(below);
    } else {
      s_.title_block = above ? std::move(above) : std::move(top);
    }
  }

  void find_addressee() {
    static const RE2 addressee("^(?:各|\\p{Han}*(?:人民政府|委员会|部门|单位|厅|局))");
    // A 主送 stands near the top, or shortly after the title and 发文字号 of a notice lower down.
    std::size_t near_header = s_.title_block ? s_.title_block->last_line + kAddresseeReach : 0;
    for (std::size_t i = 0; i < line_count(); ++i) {
      const LineRole role = s_.roles[i];
      if (role == LineRole::DocNumber) near_header = std::max(near_header, i + kAddresseeReach);
      if (role != LineRole::Body || (i >= kAddresseeTop && i > near_header)) continue;
      const std::string_view f = trimmed_folded(doc_, i).text;
      if (f.empty() || f.back() != ':' || utf8::count_code_points(f) > 120 || f.find("。") != std::string_view::npos)
        continue;
      if (!RE2::PartialMatch(f, addressee)) continue;
      s_.roles[i] = LineRole::Addressee;
      if (!s_.addressee_line) s_.addressee_line = i;
    }
  }

  static std::optional<CivilDate> parse_date(std::string_view folded) {
    static const RE2 arabic("([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日");
    static const RE2 chinese("([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日");
    CivilDate date;
    if (RE2::PartialMatch(folded, arabic, &date.year, &date.month, &date.day)) return is_valid(date) ? std::optional(date) : std::nullopt;
    std::string year, month, day;
    if (!RE2::PartialMatch(folded, chinese, &year, &month, &day)) return std::nullopt;
    date.year = 0;
    for (std::size_t pos = 0; pos < year.size();) {
      const std::size_t at = pos;
      utf8::next(year, pos);
      date.year = date.year * 10 + parse_chinese_number(std::string_view(year).substr(at, pos - at)).value_or(0);
    }
    date.month = parse_chinese_number(month).value_or(0);
    date.day = parse_chinese_number(day).value_or(0);
    return is_valid(date) ? std::optional(date) : std::nullopt;
  }

  void collect_signatures() {
    for (std::size_t i = 0; i < line_count(); ++i) {
      if (s_.roles[i] != LineRole::Signature) continue;
      const std::string_view f = trimmed_folded(doc_, i).text;
      if (!is_date_text(f)) continue;
      SignatureBlock block;
      block.date_line = i;
      block.date = parse_date(f);
      for (std::size_t j = i; j-- > 0;) {
        if (s_.roles[j] == LineRole::Blank) continue;
        if (s_.roles[j] != LineRole::Signature || is_date_text(trimmed_folded(doc_, j).text)) break;
        block.issuer_lines.insert(block.issuer_lines.begin(), j);
      }
      s_.signatures.push_back(std::move(block));
    }
  }

  // A 印发 notice is followed, after its signature and remarks like （此件公开发布）, by the
  // title of the document it issues.
  void find_issued_title() {
    if (!s_.title_block || s_.title_block->text.find("印发") == std::string::npos) return;
    const auto sig = std::find_if(s_.signatures.begin(), s_.signatures.end(),
                                  [&](const SignatureBlock& b) { return b.date_line > s_.title_block->last_line; });
    if (sig == s_.signatures.end()) return;
    std::size_t i = sig->date_line + 1;
    for (; i < line_count(); ++i) {
      if (s_.roles[i] == LineRole::Blank) continue;
      const std::string_view f = trimmed_folded(doc_, i).text;
      if (!f.empty() && !is_remark(f)) break;
    }
    if (i >= line_count()) return;
    // The issued document may be the notice's only attachment: "附件" with its title below.
    static const RE2 first_page("^附件[ \\t\\x{3000}]*1?");
    if (s_.roles[i] == LineRole::Attachment && RE2::FullMatch(trimmed_folded(doc_, i).text, first_page)) {
      const auto title = title_below(i);
      if (!title) return;
      i = *title;
    }
    if (auto t = collect_title(i, Direction::Down)) {
      mark(*t, LineRole::Title);
      s_.issued_title = std::move(t);
    }
  }

  // Items written "1.X 2.Y" (or "1、X"): numbers must run 1, 2, 3 … to count as item starts.
  void parse_items(std::size_t line, const FoldedLine& f, std::string_view rest, int& next_number) {
    static const RE2 item("(?:^|[ \\t\\x{3000};；,，]+)([0-9]{1,2})[.、][ \\t\\x{3000}]*");
    struct Start {
      int number;
      std::size_t marker_begin, title_begin;
    };
    std::vector<Start> starts;
    re2::StringPiece input(rest.data(), rest.size());
    re2::StringPiece groups[2];  // the whole item marker, its number
    std::size_t pos = 0;
    while (pos < rest.size() && item.Match(input, pos, rest.size(), RE2::UNANCHORED, groups, 2)) {
      const re2::StringPiece& whole = groups[0];
      const int n = std::atoi(std::string(groups[1].data(), groups[1].size()).c_str());
      const std::size_t b = static_cast<std::size_t>(whole.data() - rest.data());
      if (n == next_number) {
        starts.push_back({n, b, b + whole.size()});
        ++next_number;
      }
      pos = b + std::max<std::size_t>(whole.size(), 1);
    }
    for (std::size_t k = 0; k < starts.size(); ++k) {
      const std::size_t end = k + 1 < starts.size() ? starts[k + 1].marker_begin : rest.size();
      add_item(line, f, rest.substr(starts[k].title_begin, end - starts[k].title_begin), starts[k].number);
    }
  }

  void add_item(std::size_t line, const FoldedLine& f, std::string_view title, int number) {
    while (!title.empty()) {
      std::size_t pos = title.size();
      const char32_t cp = utf8::prev(title, pos);
      if (!is_space(cp) && cp != U'。' && cp != ';' && cp != U'；') break;
      title = title.substr(0, pos);
    }
    if (title.empty()) return;
    const Span span = original_span(doc_, f, title);
    s_.attachment_items.push_back({line, number, original_text(doc_, span), span});
  }

  // 附件说明: "附件：1.X" with "2.Y" on the following lines, or "附件：X" for a single attachment.
  // A file holding several documents may hold several.
  void parse_attachment_notes() {
    static const RE2 note("^附件[ \\t\\x{3000}]*:[ \\t\\x{3000}]*");
    for (std::size_t i = 0; i < line_count(); ++i) {
      const FoldedLine f = trimmed_folded(doc_, i);
      re2::StringPiece input(f.text.data(), f.text.size());
      if (!RE2::Consume(&input, note)) continue;
      s_.roles[i] = LineRole::Attachment;
      i = parse_attachment_note(i, f, std::string_view(input.data(), input.size()));
    }
  }

  // Returns the last line of the note.
  std::size_t parse_attachment_note(std::size_t line, const FoldedLine& f, std::string_view rest) {
    static const RE2 numbered("^[0-9]{1,2}[.、]");
    if (!rest.empty() && !RE2::PartialMatch(rest, numbered)) {
      add_item(line, f, rest, 0);
      return line;
    }
    int next_number = 1;
    parse_items(line, f, rest, next_number);
    std::size_t last = line, blanks = 0;
    for (std::size_t j = line + 1; j < line_count(); ++j) {
      if (s_.roles[j] == LineRole::Blank) {
        if (++blanks > kMaxBlankGap) break;
        continue;
      }
      blanks = 0;
      const FoldedLine g = trimmed_folded(doc_, j);
      if (!RE2::PartialMatch(g.text, numbered)) break;
      const int before = next_number;
      parse_items(j, g, g.text, next_number);
      if (next_number == before) break;
      s_.roles[j] = LineRole::Attachment;
      last = j;
    }
    return last;
  }

  // "附件2" (or "附件2：") alone on its line with the title below, or "附件2：标题" on one line.
  void collect_attachment_pages() {
    static const RE2 page("^(附件[ \\t\\x{3000}]*([0-9]{1,2}|[一二三四五六七八九十]{1,3})?)[ \\t\\x{3000}]*(?:(:)[ \\t\\x{3000}]*(.*))?");
    for (std::size_t i = 0; i < line_count(); ++i) {
      if (s_.roles[i] != LineRole::Attachment) continue;
      const FoldedLine f = trimmed_folded(doc_, i);
      re2::StringPiece marker, number, colon, inline_title;
      if (!RE2::FullMatch(f.text, page, &marker, &number, &colon, &inline_title)) continue;
      if (number.empty() && !colon.empty()) continue;  // "附件：X" is the 附件说明
      if (!inline_title.empty() && !s_.attachment_items.empty() && s_.attachment_items.back().line == i) continue;
      AttachmentPage p;
      p.line = i;
      p.marker = original_span(doc_, f, std::string_view(marker.data(), marker.size()));
      const std::string n(number.data(), number.size());
      p.number = n.empty() ? 0 : (n[0] >= '0' && n[0] <= '9') ? std::atoi(n.c_str()) : parse_chinese_number(n).value_or(0);
      if (!inline_title.empty()) {
        p.title_line = i;
        p.title = original_text(doc_, original_span(doc_, f, std::string_view(inline_title.data(), inline_title.size())));
      } else if (const auto j = title_below(i)) {
        s_.roles[*j] = LineRole::Title;
        p.title_line = j;
        const FoldedLine t = trimmed_folded(doc_, *j);
        p.title = original_text(doc_, original_span(doc_, t, t.text));
      }
      s_.attachment_pages.push_back(std::move(p));
    }
  }

  std::optional<std::size_t> title_below(std::size_t i) const {
    std::size_t j = i + 1;
    while (j < line_count() && j <= i + 1 + kMaxBlankGap && s_.roles[j] == LineRole::Blank) ++j;
    if (j < line_count() && is_title_like(j)) return j;
    return std::nullopt;
  }

  // The 发文字号 starting at `offset`, unless its 机关代字 runs on from prose ("和国务院国发〔…〕").
  std::optional<Span> number_at(std::size_t offset) const {
    static const RE2 prose("^\\p{Han}*[和及与的等按依据根照并或在对是为将由]");
    const auto it = std::lower_bound(s_.doc_numbers.begin(), s_.doc_numbers.end(), offset,
                                     [](const Span& s, std::size_t o) { return s.begin < o; });
    if (it == s_.doc_numbers.end() || it->begin != offset) return std::nullopt;
    const std::string_view text = std::string_view(doc_.text()).substr(it->begin, it->end - it->begin);
    const std::size_t bracket = text.find_first_of("〔[【(（［");
    if (RE2::PartialMatch(re2::StringPiece(text.data(), bracket == std::string_view::npos ? text.size() : bracket), prose))
      return std::nullopt;
    return *it;
  }

  std::size_t skip_spaces(std::size_t pos) const {
    const std::string& text = doc_.text();
    while (pos < text.size()) {
      std::size_t next = pos;
      const char32_t cp = utf8::next(text, next);
      if (!is_space(cp)) break;
      pos = next;
    }
    return pos;
  }

  void collect_citations() {
    const std::string& text = doc_.text();
    for (const Span& title : s_.titles) {
      Citation c;
      c.title = title;
      std::size_t pos = skip_spaces(title.end);
      std::size_t after_open = pos;
      if (pos < text.size()) {
        const char32_t cp = utf8::next(text, after_open);
        if (cp == '(' || cp == U'（') {
          if (auto number = number_at(skip_spaces(after_open))) {
            std::size_t close = skip_spaces(number->end);
            const char32_t closing = close < text.size() ? utf8::next(text, close) : 0;
            if (closing == ')' || closing == U'）') {
              c.number = number;
              c.parenthesized = true;
            }
          }
        } else {
          c.number = number_at(pos);
        }
      }
      s_.citations.push_back(c);
    }
  }

  const Document& doc_;
  Structure& s_;
  std::vector<bool> heading_line_;
};

}  // namespace

void parse_layout(const Document& doc, Structure& s) { LayoutParser(doc, s).run(); }

std::string comparable_title(std::string_view title) {
  const std::string folded = utf8::to_halfwidth(title);
  std::string out;
  for (std::size_t pos = 0; pos < folded.size();) {
    const char32_t cp = utf8::next(folded, pos);
    if (is_space(cp) || cp == U'《' || cp == U'》' || cp == U'〈' || cp == U'〉') continue;
    utf8::append(out, cp);
  }
  while (!out.empty()) {
    std::size_t pos = out.size();
    const char32_t cp = utf8::prev(out, pos);
    if (cp != U'。' && cp != ';' && cp != '.') break;
    out.resize(pos);
  }
  return out;
}

}  // namespace policylint
