#include "checks/references.hpp"

#include <fmt/format.h>
#include <re2/re2.h>

#include <map>

#include "policylint/text.hpp"

namespace policylint {

namespace {

using Values = std::map<std::string, std::string>;

struct Messages {
  std::string note;
  std::string converse;
};

using CheckFunction = void (*)(const Document&, const LintContext&, Reporter&, const Messages&);

std::string text_of(const Document& doc, Span span) {
  return std::string(doc.text().substr(span.begin, span.end - span.begin));
}

// 云政发[2023]第05号 and 云政发〔2023〕5号 are the same number written two ways.
std::string comparable_number(std::string_view number) {
  static const RE2 parts("^(\\p{Han}+?)\\s*[〔\\[【(（［]\\s*([0-9]{2,4})\\s*[〕\\]】)）］]\\s*第?0*([0-9]+)\\s*号$");
  std::string agency, year, serial;
  if (!RE2::FullMatch(re2::StringPiece(number.data(), number.size()), parts, &agency, &year, &serial))
    return std::string(number);
  return agency + "〔" + year + "〕" + serial + "号";
}

void report(Reporter& out, Span span, const Values& values, std::optional<Span> related, const std::string& note) {
  Diagnostic* d = out.report(span, expand_template(out.rule().message, values));
  if (d && related) d->related.push_back({*related, expand_template(note, values)});
}

// ---- docnumber-format -------------------------------------------------------------------------

struct NumberParts {
  std::size_t bracket_offset = 0;  // where 〔 stands, relative to the number's start
  std::string open, year, close, di, serial;
};

std::optional<NumberParts> split_number(std::string_view number) {
  static const RE2 parts("^\\p{Han}+?((〔|\\[|【|\\(|（|［)\\s*([0-9]{2,4})\\s*(〕|\\]|】|\\)|）|］)\\s*(第?)([0-9]{1,4})\\s*号)$");
  re2::StringPiece tail;
  NumberParts p;
  if (!RE2::FullMatch(re2::StringPiece(number.data(), number.size()), parts, &tail, &p.open, &p.year, &p.close, &p.di,
                      &p.serial))
    return std::nullopt;
  p.bracket_offset = static_cast<std::size_t>(tail.data() - number.data());
  return p;
}

// The four-digit year a two-digit one stands for, when the document date leaves no doubt.
std::optional<int> certain_year(const std::string& two_digits, const LintContext& ctx) {
  if (!ctx.document_date || ctx.document_date->year < 2000) return std::nullopt;
  const int year = 2000 + std::atoi(two_digits.c_str());
  return year <= ctx.document_date->year ? std::optional(year) : std::nullopt;
}

void check_docnumber_format(const Document& doc, const LintContext& ctx, Reporter& out, const Messages&) {
  for (const Span& number : doc.structure().doc_numbers) {
    const std::string text = text_of(doc, number);
    const auto p = split_number(text);
    if (!p) continue;
    std::vector<std::string> problems;
    std::string year = p->year;
    bool certain = true;
    if (p->open != "〔" || p->close != "〕") problems.push_back("年份应使用六角括号“〔〕”");
    if (year.size() != 4) {
      const auto full = year.size() == 2 ? certain_year(year, ctx) : std::nullopt;
      problems.push_back("年份应写全四位");
      certain = false;
      year = full ? std::to_string(*full) : "四位年份";
    }
    if (!p->di.empty()) problems.push_back("序号前不加“第”");
    if (p->serial.size() > 1 && p->serial.front() == '0') problems.push_back("序号不编虚位（不加“0”）");
    if (problems.empty()) continue;
    std::string problem;
    for (const auto& item : problems) {
      if (!problem.empty()) problem += "，";
      problem += item;
    }
    const Span span{number.begin + p->bracket_offset, number.end};
    const std::string expected = fmt::format("〔{}〕{}号", year, std::atoi(p->serial.c_str()));
    const Values values{{"found", text_of(doc, span)}, {"problem", problem}, {"expected", expected}};
    Diagnostic* d = out.report(span, expand_template(out.rule().message, values));
    if (d && certain) d->fix = Fix{{Edit{span, expected}}, true};
  }
}

// ---- citations --------------------------------------------------------------------------------

// 《方案》 and 《省促消费措施》 abbreviate a longer title: their characters appear in it in order.
bool abbreviates(std::string_view shorter, std::string_view longer) {
  std::size_t at = 0;
  for (std::size_t pos = 0; pos < shorter.size();) {
    const std::size_t begin = pos;
    utf8::next(shorter, pos);
    at = longer.find(shorter.substr(begin, pos - begin), at);
    if (at == std::string_view::npos) return false;
    at += pos - begin;
  }
  return true;
}

bool one_abbreviates_other(const std::string& a, const std::string& b) {
  return a.size() <= b.size() ? abbreviates(a, b) : abbreviates(b, a);
}

// "《X办法》（云政发〔2015〕1号）同时废止" names the old version of a document of the same title.
bool repealed(const Document& doc, const Citation& c) {
  const std::size_t from = c.number->end;
  const std::size_t line_end = doc.lines()[doc.line_index(from)].end;
  std::string_view rest = std::string_view(doc.text()).substr(from, line_end - from);
  rest = rest.substr(0, rest.find("。"));
  return rest.find("废止") != std::string_view::npos;
}

void check_citation_numbers(const Document& doc, const LintContext&, Reporter& out, const Messages& messages) {
  std::map<std::string, const Citation*> by_title, by_number;
  for (const Citation& c : doc.structure().citations) {
    if (!c.number || repealed(doc, c)) continue;
    const std::string title = comparable_title(text_of(doc, c.title));
    const std::string number = comparable_number(text_of(doc, *c.number));
    const auto [t, new_title] = by_title.emplace(title, &c);
    const auto [n, new_number] = by_number.emplace(number, &c);
    if (!new_title && comparable_number(text_of(doc, *t->second->number)) != number) {
      const Values values{{"title", text_of(doc, c.title)},
                          {"found", text_of(doc, *c.number)},
                          {"expected", text_of(doc, *t->second->number)}};
      report(out, *c.number, values, *t->second->number, messages.note);
    } else if (!new_number && !one_abbreviates_other(comparable_title(text_of(doc, n->second->title)), title)) {
      const Values values{{"title", text_of(doc, c.title)},
                          {"found", text_of(doc, *c.number)},
                          {"expected", text_of(doc, n->second->title)}};
      Diagnostic* d = out.report(c.title, expand_template(messages.converse, values));
      if (d) d->related.push_back({n->second->title, expand_template(messages.note, values)});
    }
  }
}

// The titles the document goes by: its own title, the document it issues, and what it 印发.
std::vector<std::string> own_titles(const Structure& s) {
  std::vector<std::string> out;
  if (s.title_block) {
    out.push_back(comparable_title(s.title_block->text));
    static const RE2 issued("印发(.+)的通知$");
    std::string subject;
    if (RE2::PartialMatch(out.back(), issued, &subject)) out.push_back(comparable_title(subject));
  }
  if (s.issued_title) out.push_back(comparable_title(s.issued_title->text));
  return out;
}

void check_self_number(const Document& doc, const LintContext&, Reporter& out, const Messages& messages) {
  const Structure& s = doc.structure();
  if (!s.own_number) return;
  const std::string own = comparable_number(text_of(doc, *s.own_number));
  const auto titles = own_titles(s);
  for (const Citation& c : s.citations) {
    if (!c.number || comparable_number(text_of(doc, *c.number)) == own || repealed(doc, c)) continue;
    const std::string title = comparable_title(text_of(doc, c.title));
    if (std::find(titles.begin(), titles.end(), title) == titles.end()) continue;
    const Values values{{"title", text_of(doc, c.title)},
                        {"found", text_of(doc, *c.number)},
                        {"expected", text_of(doc, *s.own_number)}};
    report(out, *c.number, values, *s.own_number, messages.note);
  }
}

void check_citation_form(const Document& doc, const LintContext&, Reporter& out, const Messages&) {
  for (const Citation& c : doc.structure().citations) {
    if (!c.number || c.parenthesized) continue;
    const Values values{{"title", text_of(doc, c.title)}, {"found", text_of(doc, *c.number)}};
    out.report(*c.number, expand_template(out.rule().message, values));
  }
}

// ---- title-mismatch ---------------------------------------------------------------------------

// "现将《X》印发给你们" and "《X》已经…同意" quote the issued document's title.
bool quotes_issued_document(const Document& doc, const Citation& c) {
  static const RE2 after("^\\s*(?:已经|已由|印发给|经)");
  static const RE2 before("(?:现将|印发)\\s*$");
  const Line& line = doc.lines()[doc.line_index(c.title.begin)];
  const std::string_view text(doc.text());
  const std::string_view rest = text.substr(c.title.end, line.end - c.title.end);
  const std::string_view head = text.substr(line.begin, c.title.begin - line.begin);
  return RE2::PartialMatch(re2::StringPiece(rest.data(), rest.size()), after) ||
         RE2::PartialMatch(re2::StringPiece(head.data(), head.size()), before);
}

void check_title_mismatch(const Document& doc, const LintContext&, Reporter& out, const Messages& messages) {
  const Structure& s = doc.structure();
  if (!s.title_block || !s.issued_title) return;
  const std::string issued = comparable_title(s.issued_title->text);
  const Line& issued_line = doc.lines()[s.issued_title->first_line];
  const Span issued_span{issued_line.begin, doc.lines()[s.issued_title->last_line].end};
  std::vector<std::string> reported;
  const auto compare = [&](const std::string& quoted, std::optional<Span> at) {
    const std::string key = comparable_title(quoted);
    if (key == issued || std::find(reported.begin(), reported.end(), key) != reported.end()) return;
    reported.push_back(key);
    const Values values{{"found", s.issued_title->text}, {"expected", quoted}};
    report(out, issued_span, values, at, messages.note);
  };
  static const RE2 issuing("印发(.+)的通知$");
  std::string subject;
  if (RE2::PartialMatch(s.title_block->text, issuing, &subject)) {
    const Line& first = doc.lines()[s.title_block->first_line];
    compare(subject, Span{first.begin, doc.lines()[s.title_block->last_line].end});
  }
  for (const Citation& c : s.citations) {
    const std::size_t line = doc.line_index(c.title.begin);
    if (line <= s.title_block->last_line || line >= s.issued_title->first_line) continue;
    if (quotes_issued_document(doc, c)) compare(comparable_title(text_of(doc, c.title)), c.title);
  }
}

const std::map<std::string, CheckFunction, std::less<>>& checks() {
  static const std::map<std::string, CheckFunction, std::less<>> table = {
      {"citation-form", check_citation_form},
      {"citation-number-mismatch", check_citation_numbers},
      {"docnumber-format", check_docnumber_format},
      {"self-number-mismatch", check_self_number},
      {"title-mismatch", check_title_mismatch},
  };
  return table;
}

class ReferencesCheck final : public Check {
 public:
  ReferencesCheck(CheckFunction function, Messages messages) : function_(function), messages_(std::move(messages)) {}
  void run(const Document& doc, const LintContext& ctx, Reporter& out) const override {
    function_(doc, ctx, out, messages_);
  }

 private:
  CheckFunction function_;
  Messages messages_;
};

}  // namespace

std::shared_ptr<const Check> make_references_check(RuleParams& params) {
  const auto* function = params.lookup("check", checks());
  Messages messages;
  messages.note = params.string("note").value_or("首次出现于此");
  if (params.string("check") == "citation-number-mismatch")
    messages.converse = params.string("converse-message", true).value_or("");
  if (!params.ok() || !function) return nullptr;
  return std::make_shared<ReferencesCheck>(*function, std::move(messages));
}

}  // namespace policylint
