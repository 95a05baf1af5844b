#include "checks/paired_marks.hpp"

#include <fmt/format.h>

#include "policylint/text.hpp"

namespace policylint {

namespace {

struct Mark {
  char32_t open;
  char32_t close;
  const char* name;
};

constexpr Mark kMarks[] = {
    {U'《', U'》', "书名号"}, {U'“', U'”', "引号"},     {U'‘', U'’', "引号"},     {U'（', U'）', "括号"},
    {U'(', U')', "括号"},     {U'〔', U'〕', "六角括号"}, {U'【', U'】', "方头括号"},
};

const Mark* opening(char32_t cp) {
  for (const Mark& m : kMarks)
    if (m.open == cp) return &m;
  return nullptr;
}

const Mark* closing(char32_t cp) {
  for (const Mark& m : kMarks)
    if (m.close == cp) return &m;
  return nullptr;
}

struct Open {
  const Mark* mark;
  Span span;
};

std::string encode(char32_t cp) { return utf8::encode(cp); }

class PairedMarksCheck final : public Check {
 public:
  void run(const Document& doc, const LintContext&, Reporter& out) const override {
    const auto& lines = doc.lines();
    for (std::size_t i = 0; i < lines.size(); ++i) {
      std::vector<Open> unclosed = scan_line(doc, lines[i], out);
      for (const Open& o : unclosed) {
        if (o.mark->open == U'“' && continues_quotation(doc, i)) continue;
        report_unclosed(out, o);
      }
    }
  }

 private:
  // Reports closing marks without an opening one; returns the opening marks left unclosed.
  static std::vector<Open> scan_line(const Document& doc, const Line& line, Reporter& out) {
    const std::string& text = doc.text();
    std::vector<Open> stack;
    for (std::size_t pos = line.begin; pos < line.end;) {
      // Every mark is ( or ), or starts with E2 (“”‘’), E3 (《》〔〕【】) or EF (（）): the lead
      // bytes of Chinese characters (E4–E9) are stepped over without decoding.
      const auto lead = static_cast<unsigned char>(text[pos]);
      if (lead >= 0xE4 && lead <= 0xE9) {
        pos += 3;
        continue;
      }
      const std::size_t at = pos;
      const char32_t cp = utf8::next(text, pos);
      const Mark* open = opening(cp);
      const Mark* shut = open ? nullptr : closing(cp);
      if ((!open && !shut) || doc.structure().in_url(at)) continue;
      if (open) stack.push_back({open, Span{at, pos}});
      else close(stack, shut, Span{at, pos}, out);
    }
    return stack;
  }

  static void close(std::vector<Open>& stack, const Mark* m, Span span, Reporter& out) {
    for (std::size_t k = stack.size(); k-- > 0;) {
      const bool same = stack[k].mark == m;
      const bool mixed = !same && is_paren(m) && is_paren(stack[k].mark);
      if (!same && !mixed) continue;
      if (mixed) {
        report(out, m->name, span,
               fmt::format("“{}”与“{}”前后不一致，应同为全角", encode(stack[k].mark->open), encode(m->close)));
      }
      // Marks opened inside this pair and never closed: 《（办法》.
      for (std::size_t inner = k + 1; inner < stack.size(); ++inner) report_unclosed(out, stack[inner]);
      stack.resize(k);
      return;
    }
    report(out, m->name, span, fmt::format("“{}”前面缺少配对的“{}”", encode(m->close), encode(m->open)));
  }

  static void report_unclosed(Reporter& out, const Open& o) {
    report(out, o.mark->name, o.span, fmt::format("“{}”缺少配对的“{}”", encode(o.mark->open), encode(o.mark->close)));
  }

  static bool is_paren(const Mark* m) { return m->open == U'（' || m->open == U'('; }

  // A quotation over several paragraphs closes only in its last one; each paragraph opens with “.
  static bool continues_quotation(const Document& doc, std::size_t index) {
    const auto& roles = doc.structure().roles;
    for (std::size_t j = index + 1; j < doc.lines().size(); ++j) {
      if (roles[j] == LineRole::Blank) continue;
      std::string_view next = doc.line_text(j);
      std::size_t pos = 0;
      while (pos < next.size() && (next[pos] == ' ' || next[pos] == '\t')) ++pos;
      while (next.substr(pos).starts_with("\u3000")) pos += 3;
      return next.substr(pos).starts_with("“");
    }
    return false;
  }

  static void report(Reporter& out, const char* name, Span span, const std::string& problem) {
    out.report(span, expand_template(out.rule().message, {{"name", name}, {"problem", problem}}));
  }
};

}  // namespace

std::shared_ptr<const Check> make_paired_marks_check(RuleParams& params) {
  if (!params.ok()) return nullptr;
  return std::make_shared<PairedMarksCheck>();
}

}  // namespace policylint
