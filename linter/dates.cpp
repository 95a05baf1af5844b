#include "policylint/dates.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <memory>

#include "policylint/document.hpp"
#include "policylint/structure.hpp"
#include "policylint/text.hpp"

namespace policylint {

int plan_first_year(int number) { return 1971 + 5 * (number - 4); }

namespace {

constexpr int kEarliestYear = 1900;
constexpr int kLatestYear = 2100;

std::string_view view(const re2::StringPiece& p) { return {p.data(), p.size()}; }
bool present(const re2::StringPiece& p) { return p.data() != nullptr; }

int to_int(std::string_view digits) {
  int value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

bool plausible_year(int year) { return year >= kEarliestYear && year <= kLatestYear; }

// A written year may also use the letter O or the digit 0 for 〇 (二O二三).
int year_digit(char32_t cp) { return cp == U'O' || cp == U'0' ? 0 : chinese_digit(cp); }

// 二〇二三 → 2023: four numeral digits, read one by one.
std::optional<int> chinese_year(std::string_view s) {
  int value = 0;
  int count = 0;
  for (std::size_t pos = 0; pos < s.size();) {
    const int d = year_digit(utf8::next(s, pos));
    if (d < 0) return std::nullopt;
    value = value * 10 + d;
    ++count;
  }
  if (count != 4 || !plausible_year(value)) return std::nullopt;
  return value;
}

int weekday_index(std::string_view written) {
  if (written == "日" || written == "天") return 0;
  return parse_chinese_number(written).value_or(-1);
}

bool is_sentence_break(std::string_view between) {
  for (std::string_view mark : {"。", "；", ";", "\n", "\r", "！", "？"}) {
    if (between.find(mark) != std::string_view::npos) return true;
  }
  return false;
}

// Every notation as one alternative of a single pattern. Inner groups follow their alternative's
// named group in order.
struct DatePattern {
  std::unique_ptr<RE2> re = std::make_unique<RE2>(
      "(?P<year_range>([0-9]+)\\s*年?\\s*(?:—+|–|-|~|至|到)\\s*([0-9]+)\\s*年)"
      "|(?P<arabic>([0-9]+)年(?:(上|下)半年|第([0-9一二三四五六七八九十]+)季度|(底|末)|([0-9]+)月(?:([0-9]+)日|(底|末))?)?"
      "|([0-9]+)月([0-9]+)日)"
      "|(?P<separated>([0-9]+)(?:-([0-9]+)-([0-9]+)|/([0-9]+)/([0-9]+)|\\.([0-9]+)\\.([0-9]+)))"
      "|(?P<chinese>([〇○零O0一二三四五六七八九]+)年(?:([一二三四五六七八九十]+)月(?:([一二三四五六七八九十]+)日)?)?)"
      "|(?P<plan>十([一二三四五])五)");
  int year_range = group("year_range");
  int arabic = group("arabic");
  int separated = group("separated");
  int chinese = group("chinese");
  int plan = group("plan");

  int group(const std::string& name) const { return re->NamedCapturingGroups().at(name); }
};

class Extractor {
 public:
  Extractor(const Document& doc, const Structure& s) : doc_(doc), s_(s), text_(doc.folded()) {}

  DateIndex run() {
    scan_all();
    const auto signature = signature_line();
    if (signature) add_two_digit_signature(*signature);
    std::sort(out_.mentions.begin(), out_.mentions.end(),
              [](const DateMention& a, const DateMention& b) { return a.span.begin < b.span.begin; });
    link_ranges();
    resolve_context_years();
    if (signature) locate_signature(*signature);
    find_own_period();
    find_own_number_year();
    out_.arabic_full_dates = static_cast<std::size_t>(
        std::count_if(out_.mentions.begin(), out_.mentions.end(),
                      [](const DateMention& m) { return m.notation == DateNotation::Arabic && m.day > 0; }));
    return std::move(out_);
  }

 private:
  std::size_t at(const re2::StringPiece& p) const { return static_cast<std::size_t>(p.data() - text_.data()); }
  Span original(std::size_t fb, std::size_t fe) const { return doc_.to_original(Span{fb, fe}); }
  Span original(const re2::StringPiece& p) const { return original(at(p), at(p) + p.size()); }

  std::size_t line_start(std::size_t folded) const {
    return doc_.lines()[doc_.line_index(doc_.to_original(folded))].folded_begin;
  }
  std::size_t line_end(std::size_t folded) const {
    return doc_.lines()[doc_.line_index(doc_.to_original(folded))].folded_end;
  }
  // Up to `bytes` of the same line before `fb`, starting on a character boundary.
  std::string_view before(std::size_t fb, std::size_t bytes) const {
    std::size_t b = std::max(line_start(fb), fb > bytes ? fb - bytes : 0);
    while (b < fb && (static_cast<unsigned char>(text_[b]) & 0xC0) == 0x80) ++b;
    return std::string_view(text_).substr(b, fb - b);
  }
  std::string_view after(std::size_t fe) const {
    return std::string_view(text_).substr(fe, line_end(fe) - fe);
  }

  // One pass over the text finds every kind of date: the alternatives share the work of the scan,
  // and leftmost matching keeps 2020年 an Arabic year rather than the Chinese-numeral "0年".
  void scan_all() {
    static const DatePattern pattern;
    const RE2& re = *pattern.re;
    const int n = re.NumberOfCapturingGroups() + 1;
    std::vector<re2::StringPiece> g(static_cast<std::size_t>(n));
    const re2::StringPiece input(text_);
    std::size_t pos = 0;
    while (pos < text_.size() && re.Match(input, pos, text_.size(), RE2::UNANCHORED, g.data(), n)) {
      const auto at_group = [&](int index) { return g.data() + index; };
      if (present(g[static_cast<std::size_t>(pattern.year_range)])) on_year_range(at_group(pattern.year_range));
      else if (present(g[static_cast<std::size_t>(pattern.arabic)])) on_arabic(at_group(pattern.arabic));
      else if (present(g[static_cast<std::size_t>(pattern.separated)])) on_separated(at_group(pattern.separated));
      else if (present(g[static_cast<std::size_t>(pattern.chinese)])) on_chinese(at_group(pattern.chinese));
      else on_plan(at_group(pattern.plan));
      pos = at(g[0]) + std::max<std::size_t>(g[0].size(), 1);
    }
  }

  bool add(DateMention m, std::size_t fb, std::size_t fe) {
    m.span = original(fb, fe);
    if (s_.in_url(m.span.begin)) return false;
    m.in_title = s_.in_title(m.span.begin);
    annotate(m, fb, fe);
    out_.mentions.push_back(m);
    return true;
  }

  // What the words around a date say about it: a deadline, a target, a weekday, a header field.
  void annotate(DateMention& m, std::size_t fb, std::size_t fe) {
    static const RE2 every_year("每年度?的?$");
    static const RE2 target("(?:^|[^0-9年])到$");
    static const RE2 metadata("(?:日期|时间)\\s*:?\\s*$");
    // 请于…前 sets a deadline; 已按要求于…前, 原定于…前 and 对于 do not.
    static const RE2 deadline_prefix("(?:^|[^对])于$");
    static const RE2 past("(?:已|曾|原定|原计划)[^。,;]{0,8}$");
    static const RE2 deadline_label("截止(?:时间|日期)(?:为|是)?\\s*:?\\s*$");
    static const RE2 weekday(
        "^\\s*((?:\\(\\s*(?:星期|周|礼拜)([一二三四五六日天])\\s*\\)|(?:星期|礼拜)([一二三四五六日天])))");
    static const RE2 before_marker("^(?:之|以)?前");
    static const RE2 submission(
        "^(?:之|以)?前[^。;]{0,20}?(?:报送|上报|提交|报至|反馈|完成|办结|上传|发送|填报|报(?:省|市|州|县|区|国|备))");
    // 不晚于2024年2月5日提交 and 于2024年3月3日截止 set a deadline without 前.
    static const RE2 latest("(?:不晚于|不迟于)\\s*$");
    static const RE2 closing("^\\s*截止");
    static const RE2 closing_prefix("(?:于|至|到)$");
    // 2024年2月1日前已报…备案的项目 reports what was done, not what is due.
    static const RE2 done("^(?:之|以)?前(?:均|都)?已");
    // 2000年前建成的小区, 2022年12月31日前注册的企业: a cut-off that describes, not a deadline.
    static const RE2 descriptive("^(?:之|以)?前(?:已)?[^将把,。;]{1,4}的");
    const std::string_view prefix = before(fb, 36);
    m.every_year = RE2::PartialMatch(prefix, every_year);
    m.target = RE2::PartialMatch(prefix, target);
    m.metadata_field = RE2::PartialMatch(prefix, metadata);
    std::string_view suffix = after(fe);
    re2::StringPiece written, day_name, bare_day_name;
    if (m.day > 0 && RE2::PartialMatch(suffix, weekday, &written, &day_name, &bare_day_name)) {
      m.written_weekday = weekday_index(view(present(day_name) ? day_name : bare_day_name));
      m.weekday_span = original(written);
      suffix = after(at(written) + written.size());
    }
    const bool dated_before = RE2::PartialMatch(suffix, before_marker);
    const bool stated_past = RE2::PartialMatch(prefix, past) || RE2::PartialMatch(suffix, done);
    const bool described = RE2::PartialMatch(suffix, descriptive);
    const bool closes = RE2::PartialMatch(suffix, closing) && RE2::PartialMatch(prefix, closing_prefix);
    m.deadline = RE2::PartialMatch(prefix, deadline_label) ||
                 (!stated_past && !described && (RE2::PartialMatch(prefix, latest) || closes)) ||
                 (dated_before && !described && !stated_past &&
                  (RE2::PartialMatch(prefix, deadline_prefix) || RE2::PartialMatch(suffix, submission)));
  }

  void on_arabic(const re2::StringPiece* g) {
    DateMention m;
    m.notation = DateNotation::Arabic;
    const bool yearless = present(g[8]);
    const re2::StringPiece& month = yearless ? g[8] : g[5];
    const re2::StringPiece& day = yearless ? g[9] : g[6];
    if (!yearless) {
      if (g[1].size() != 4 || !plausible_year(to_int(view(g[1])))) return;
      m.year = to_int(view(g[1]));
      m.year_span = original(g[1]);
    }
    if (present(month) && (month.size() > 2 || (present(day) && day.size() > 2))) return;
    if (present(month)) m.month = to_int(view(month));
    if (present(day)) m.day = to_int(view(day));
    m.zero_padded = (month.size() == 2 && month[0] == '0') || (day.size() == 2 && day[0] == '0');
    if (present(g[2])) m.part = view(g[2]) == "上" ? YearPart::FirstHalf : YearPart::SecondHalf;
    if (present(g[3])) {
      m.part = YearPart::Quarter;
      const std::string_view q = view(g[3]);
      m.quarter = std::isdigit(static_cast<unsigned char>(q[0])) ? to_int(q) : parse_chinese_number(q).value_or(0);
    }
    if (present(g[4])) m.part = YearPart::End;
    const std::size_t fe = at(g[0]) + g[0].size();
    if (add(m, at(g[0]), fe) && m.day > 0) add_range_end_day(out_.mentions.back(), fe);
  }

  // 2024年3月1日至15日: the end writes only its day and borrows the month.
  void add_range_end_day(const DateMention& start, std::size_t start_end) {
    static const RE2 end_day("^(\\s*(?:\\(\\s*(?:星期|周|礼拜)[一二三四五六日天]\\s*\\))?\\s*(?:至|到|—+|–|~|-)\\s*)([0-9]{1,2})日");
    re2::StringPiece lead, day;
    const std::string_view suffix = after(start_end);
    if (!RE2::PartialMatch(suffix, end_day, &lead, &day)) return;
    DateMention end;
    end.notation = start.notation;
    end.month = start.month;
    end.day = to_int(view(day));
    add(end, at(day), at(day) + day.size() + std::string_view("日").size());
  }

  void on_separated(const re2::StringPiece* g) {
    const std::size_t b = at(g[0]);
    const std::size_t e = b + g[0].size();
    const auto word_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    if (b > 0 && (word_char(text_[b - 1]) || std::string_view("./-").find(text_[b - 1]) != std::string_view::npos))
      return;
    if (e < text_.size() && word_char(text_[e])) return;
    if (e + 1 < text_.size() && std::string_view("./-").find(text_[e]) != std::string_view::npos &&
        std::isdigit(static_cast<unsigned char>(text_[e + 1])))
      return;
    const int which = present(g[2]) ? 2 : present(g[4]) ? 4 : 6;
    const re2::StringPiece& month = g[static_cast<std::size_t>(which)];
    const re2::StringPiece& day = g[static_cast<std::size_t>(which + 1)];
    if (g[1].size() != 4 || month.size() > 2 || day.size() > 2) return;
    DateMention m;
    m.notation = which == 2 ? DateNotation::Hyphen : which == 4 ? DateNotation::Slash : DateNotation::Dot;
    m.year = to_int(view(g[1]));
    m.month = to_int(view(month));
    m.day = to_int(view(day));
    if (!plausible_year(*m.year) || m.month < 1 || m.month > 12 || m.day < 1 || m.day > 31) return;
    m.year_span = original(g[1]);
    add(m, b, e);
  }

  void on_chinese(const re2::StringPiece* g) {
    const auto year = chinese_year(view(g[1]));
    if (!year) return;
    DateMention m;
    m.notation = DateNotation::ChineseNumeral;
    m.year = *year;
    m.year_span = original(g[1]);
    if (present(g[2])) m.month = parse_chinese_number(view(g[2])).value_or(0);
    if (present(g[3])) m.day = parse_chinese_number(view(g[3])).value_or(0);
    add(m, at(g[0]), at(g[0]) + g[0].size());
  }

  // The 成文日期 line: the first date line below the body, else the first date line at all.
  std::optional<std::size_t> signature_line() const {
    std::optional<std::size_t> first;
    bool body_seen = false;
    for (std::size_t i = 0; i < s_.roles.size(); ++i) {
      const LineRole role = s_.roles[i];
      body_seen = body_seen || role == LineRole::Body || role == LineRole::Heading;
      if (role != LineRole::Signature) continue;
      const Line& l = doc_.lines()[i];
      const std::size_t fb = l.folded_begin;
      if (!parse_date_line(std::string_view(text_).substr(fb, l.folded_end - fb))) continue;
      if (body_seen) return i;
      if (!first) first = i;
    }
    return first;
  }

  // A two-digit year is no date anywhere else, but on the 成文日期 line it can only be one.
  void add_two_digit_signature(std::size_t line) {
    const Line& l = doc_.lines()[line];
    const std::size_t fb = l.folded_begin;
    const std::string_view folded = std::string_view(text_).substr(fb, l.folded_end - fb);
    static const RE2 two_digit("(([0-9]{2})年([0-9]{1,2})月([0-9]{1,2})日)");
    re2::StringPiece whole, year, month, day;
    if (!RE2::PartialMatch(folded, two_digit, &whole, &year, &month, &day)) return;
    if (at(year) > fb && std::isdigit(static_cast<unsigned char>(text_[at(year) - 1]))) return;
    DateMention m;
    m.two_digit_year = true;
    m.year = 2000 + to_int(view(year));
    m.year_span = original(year);
    m.month = to_int(view(month));
    m.day = to_int(view(day));
    add(m, at(whole), at(whole) + whole.size());
  }

  void locate_signature(std::size_t line) {
    for (std::size_t i = 0; i < out_.mentions.size(); ++i) {
      if (doc_.line_index(out_.mentions[i].span.begin) == line && out_.mentions[i].day > 0) {
        out_.mentions[i].signature = true;
        out_.signature = i;
        return;
      }
    }
  }

  void link_ranges() {
    static const RE2 joiner("^\\s*(?:\\(\\s*(?:星期|周|礼拜)[一二三四五六日天]\\s*\\))?\\s*(?:至|到|—+|–|~|-)\\s*$");
    auto& ms = out_.mentions;
    for (std::size_t i = 0; i + 1 < ms.size(); ++i) {
      if (ms[i].month == 0 || ms[i + 1].month == 0 || ms[i].span.end > ms[i + 1].span.begin) continue;
      const std::string_view gap =
          std::string_view(doc_.text()).substr(ms[i].span.end, ms[i + 1].span.begin - ms[i].span.end);
      if (gap.size() > 24 || !RE2::FullMatch(utf8::to_halfwidth(gap), joiner)) continue;
      out_.ranges.push_back({i, i + 1});
    }
  }

  // A date without a year takes it from the start of its range or an earlier date of the sentence,
  // whichever year puts it nearer: 2023年12月1日召开，1月5日前报送 is in 2024, but
  // 6月14日召开，5月28日前报送回执 stays in the same year.
  void resolve_context_years() {
    auto& ms = out_.mentions;
    std::size_t next_range = 0;
    for (std::size_t i = 0; i < ms.size(); ++i) {
      while (next_range < out_.ranges.size() && out_.ranges[next_range].last < i) ++next_range;
      DateMention& m = ms[i];
      if (m.year || m.every_year || m.month == 0) continue;
      const DateMention* context = nullptr;
      if (next_range < out_.ranges.size() && out_.ranges[next_range].last == i) {
        context = &ms[out_.ranges[next_range].first];
        m.every_year = context->every_year;
      } else {
        context = sentence_context(i);
      }
      const auto year = context ? (context->year ? context->year : context->context_year) : std::nullopt;
      if (year) m.context_year = *year + (context->month - m.month > 6 ? 1 : 0);
    }
  }

  const DateMention* sentence_context(std::size_t i) const {
    const auto& ms = out_.mentions;
    std::size_t boundary = ms[i].span.begin;
    for (std::size_t j = i; j-- > 0 && i - j <= 8;) {
      const DateMention& prev = ms[j];
      if (prev.span.end > boundary ||
          is_sentence_break(std::string_view(doc_.text()).substr(prev.span.end, boundary - prev.span.end)))
        return nullptr;
      if (prev.year && prev.month > 0) return &prev;
      boundary = prev.span.begin;
    }
    return nullptr;
  }

  void on_year_range(const re2::StringPiece* g) {
    if (g[1].size() != 4 || g[2].size() != 4) return;
    YearRange r;
    r.first = to_int(view(g[1]));
    r.last = to_int(view(g[2]));
    if (!plausible_year(r.first) || !plausible_year(r.last)) return;
    const std::size_t b = at(g[0]);
    const std::size_t e = b + g[0].size();
    if (b > 0 && (std::isdigit(static_cast<unsigned char>(text_[b - 1])) || text_[b - 1] == '.')) return;
    r.span = original(b, e);
    r.in_title = s_.in_title(r.span.begin);
    const std::string_view lead = before(b, 6);
    const std::string_view trail = after(e);
    r.bracketed = !lead.empty() && lead.back() == '(' && !trail.empty() && trail.front() == ')';
    out_.year_ranges.push_back(r);
  }

  void on_plan(const re2::StringPiece* g) {
  static const RE2 attached(
      "^[\"”]?(?:时期|期间|规划|期)?\\s*\\(\\s*(([0-9]{4})\\s*年?\\s*(?:(?:—+|–|-|~|至|到)\\s*([0-9]{4})\\s*年?)?)\\s*\\)");
    const std::string_view lead = before(at(g[0]), 3);
    if (!lead.empty() && std::string_view("一二三四五六七八九十百千万〇零两").find(lead) != std::string_view::npos) return;
    PlanPeriod p;
    p.number = 10 + parse_chinese_number(view(g[1])).value_or(0);
    p.first_year = plan_first_year(p.number);
    p.last_year = p.first_year + 4;
    p.span = original(g[0]);
    re2::StringPiece years, first, last;
    const std::size_t e = at(g[0]) + g[0].size();
    if (RE2::PartialMatch(after(e), attached, &years, &first, &last)) {
      YearRange r;
      r.span = original(years);
      r.first = to_int(view(first));
      r.last = present(last) ? to_int(view(last)) : r.first;
      r.bracketed = true;
      p.attached = r;
    }
    out_.plans.push_back(p);
  }

  // The plan's own span of years, from its title: 巍山县…实施方案（2021—2025年）.
  void find_own_period() {
    for (const YearRange& r : out_.year_ranges) {
      if (!r.bracketed || r.in_title) continue;
      const std::size_t line = doc_.line_index(r.span.begin);
      const std::string_view text = doc_.line_text(line);
      const bool title_role = s_.roles[line] == LineRole::Title;
      const bool title_like = utf8::count_code_points(text) <= 60 && text.find("。") == std::string_view::npos &&
                              text.find("，") == std::string_view::npos && text.find(",") == std::string_view::npos;
      if (title_role || title_like) {
        out_.own_period = r;
        return;
      }
    }
  }

  void find_own_number_year() {
    if (!s_.own_number) return;
    const std::size_t fb = doc_.to_folded(s_.own_number->begin);
    const std::string_view number = std::string_view(text_).substr(fb, doc_.to_folded(s_.own_number->end) - fb);
    static const RE2 year("(?:〔|\\[|【|\\(|［)\\s*([0-9]+)\\s*(?:〕|\\]|】|\\)|］)");
    re2::StringPiece digits;
    if (!RE2::PartialMatch(number, year, &digits) || digits.size() != 4) return;
    out_.own_number_year = to_int(view(digits));
    out_.own_number_year_span = original(digits);
  }

  const Document& doc_;
  const Structure& s_;
  const std::string& text_;
  DateIndex out_;
};

}  // namespace

std::optional<CivilDate> parse_date_line(std::string_view folded_line) {
  // A date line holds a date and layout spaces only; longer lines are prose, and skipping them
  // keeps the three full-line matches off every paragraph.
  if (folded_line.size() > 160) return std::nullopt;
  if (!utf8::contains(folded_line, "年") && folded_line.find_first_of("./-") == std::string_view::npos)
    return std::nullopt;
  static const RE2 arabic("^[ \t\u3000]*([0-9]{4}|[0-9]{2})年([0-9]{1,2})月([0-9]{1,2})日[ \t\u3000]*$");
  static const RE2 separated("^[ \t\u3000]*([0-9]{4})[./-]([0-9]{1,2})[./-]([0-9]{1,2})[ \t\u3000]*$");
  static const RE2 chinese(
      "^[ \t\u3000]*([〇○零O0一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日[ \t\u3000]*$");
  re2::StringPiece y, m, d;
  CivilDate date;
  if (RE2::FullMatch(folded_line, arabic, &y, &m, &d) || RE2::FullMatch(folded_line, separated, &y, &m, &d)) {
    date = {to_int(view(y)), to_int(view(m)), to_int(view(d))};
    if (y.size() == 2) date.year += 2000;
    return date;
  }
  if (!RE2::FullMatch(folded_line, chinese, &y, &m, &d)) return std::nullopt;
  const auto year = chinese_year(view(y));
  if (!year) return std::nullopt;
  return CivilDate{*year, parse_chinese_number(view(m)).value_or(0), parse_chinese_number(view(d)).value_or(0)};
}

DateIndex extract_dates(const Document& doc, const Structure& s) { return Extractor(doc, s).run(); }

}  // namespace policylint
