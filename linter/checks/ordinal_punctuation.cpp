#include "checks/ordinal_punctuation.hpp"

#include "checks/matching.hpp"
#include "policylint/text.hpp"

namespace policylint {

namespace {

// What the marker of a heading at `level` should be, given its numeral; empty when it is right.
std::string expected_marker(const Heading& h, std::string_view marker, std::string_view numeral) {
  const std::string n(numeral);
  switch (h.level) {
    case HeadingLevel::Section: return h.punctuation == "、" ? "" : n + "、";
    case HeadingLevel::Item: return h.punctuation == "、" ? n + "." : "";
    case HeadingLevel::Sub:
    case HeadingLevel::SubItem: {
      const std::string right = "（" + n + "）";
      return marker == right ? "" : right;
    }
    default: return "";
  }
}

class OrdinalPunctuationCheck final : public Check {
 public:
  OrdinalPunctuationCheck(std::unique_ptr<RE2> dotted_section, std::unique_ptr<RE2> first_comma)
      : dotted_section_(std::move(dotted_section)), first_comma_(std::move(first_comma)) {}

  void run(const Document& doc, const LintContext&, Reporter& out) const override {
    const std::string& text = doc.text();
    for (const Heading& h : doc.structure().headings) {
      const std::string_view marker(text.data() + h.marker.begin, h.marker.end - h.marker.begin);
      const std::string_view numeral(text.data() + h.ordinal_text.begin, h.ordinal_text.end - h.ordinal_text.begin);
      const std::string expected = expected_marker(h, marker, numeral);
      if (!expected.empty()) report(out, h.marker, std::string(marker), expected);
    }
    // The two patterns need a period, or 第 and 、; most lines have neither and are not searched.
    std::vector<std::size_t> dotted, enumerated;
    for (std::size_t i = 0; i < doc.lines().size(); ++i) {
      const std::string_view line = doc.folded_line(i);
      if (line.find('.') != std::string_view::npos) dotted.push_back(i);
      if (utf8::contains(line, "第") && utf8::contains(line, "、")) enumerated.push_back(i);
    }
    // 一.总体要求: the structure model does not take a dotted Chinese numeral for a heading.
    for_each_match_in_lines(doc, *dotted_section_, true, dotted, [&](const Match& m) {
      report(out, m.span, m.values.at("0"), m.values.at("numeral") + "、");
    });
    for_each_match_in_lines(doc, *first_comma_, true, enumerated, [&](const Match& m) {
      report(out, m.span, m.values.at("0"), "第" + m.values.at("numeral") + "，");
    });
  }

 private:
  static void report(Reporter& out, Span span, const std::string& found, const std::string& expected) {
    Diagnostic* d = out.report(span, expand_template(out.rule().message, {{"found", found}, {"expected", expected}}));
    if (d) d->fix = Fix{{Edit{span, expected}}, true};
  }

  std::unique_ptr<RE2> dotted_section_;
  std::unique_ptr<RE2> first_comma_;
};

}  // namespace

std::shared_ptr<const Check> make_ordinal_punctuation_check(RuleParams& params) {
  // Matched on the folded view, where ． is a period.
  auto dotted = compile_pattern(params, "kind",
                                "(?m)^[ \\t\\x{3000}]*(?P<at>(?P<numeral>[一二三四五六七八九十]{1,3})\\.)\\p{Han}");
  // 第一、二批 and 第一、第二 enumerate ordinals; only 第一、 before other text is the ordinal.
  auto first = compile_pattern(params, "kind",
                               "(?P<at>第(?P<numeral>[一二三四五六七八九十]{1,3})、)[^一二三四五六七八九十第、]");
  if (!dotted || !first || !params.ok()) return nullptr;
  params.info().fixable = true;
  return std::make_shared<OrdinalPunctuationCheck>(std::move(dotted), std::move(first));
}

}  // namespace policylint
