#include "checks/names.hpp"

#include <fmt/format.h>
#include <re2/re2.h>

#include <map>

#include "policylint/text.hpp"

namespace policylint {

namespace {

enum class Question { Informal, Renamed, Inconsistent, DuplicateInList, UnknownInList };

const std::map<std::string, Question, std::less<>> kQuestions = {
    {"informal", Question::Informal},
    {"renamed", Question::Renamed},
    {"inconsistent", Question::Inconsistent},
    {"duplicate-in-list", Question::DuplicateInList},
    {"unknown-in-list", Question::UnknownInList},
};

std::string written(const Document& doc, Span s) { return doc.text().substr(s.begin, s.end - s.begin); }

std::string chinese_date(const CivilDate& d) { return fmt::format("{}年{}月{}日", d.year, d.month, d.day); }

// "国家卫生计生委、公安部、民政部《关于…》": the authors of a cited document keep the names they
// had then. True when `i` starts or continues a run of names that ends right before 《.
bool names_cited_author(const Document& doc, const std::vector<NameMatch>& matches, std::size_t i) {
  static const RE2 joint("^(?:办公厅|办公室|综合司)?[、和及与 ]*");
  static const RE2 office("^(?:办公厅|办公室|综合司)?\\s*《");
  const std::string& text = doc.text();
  for (std::size_t j = i; j < matches.size(); ++j) {
    const std::size_t end = matches[j].span.end;
    const std::size_t limit = j + 1 < matches.size() ? matches[j + 1].span.begin : text.size();
    const re2::StringPiece after(text.data() + end, limit - end);
    if (RE2::PartialMatch(after, office)) return true;
    re2::StringPiece rest = after;
    if (!RE2::Consume(&rest, joint) || !rest.empty() || j + 1 == matches.size()) return false;
  }
  return false;
}

class NamesCheck final : public Check {
 public:
  NamesCheck(Question question, std::string note) : question_(question), note_(std::move(note)) {}

  void run(const Document& doc, const LintContext& ctx, Reporter& out) const override {
    if (!ctx.document_names) return;
    switch (question_) {
      case Question::Informal: return informal(doc, ctx, out);
      case Question::Renamed: return renamed(doc, ctx, out);
      case Question::Inconsistent: return inconsistent(doc, ctx, out);
      case Question::DuplicateInList: return duplicates(doc, ctx, out);
      case Question::UnknownInList: return unknown(doc, ctx, out);
    }
  }

 private:
  static Diagnostic* report(Reporter& out, Span span, const NameForm& form, const std::map<std::string, std::string>& values) {
    Diagnostic* d = out.report(span, expand_template(out.rule().message, values));
    if (d && form.body && !form.body->confirmed) d->severity = Severity::Info;
    return d;
  }

  void informal(const Document& doc, const LintContext& ctx, Reporter& out) const {
    for (const NameMatch& m : ctx.document_names->matches()) {
      if (m.form->kind != FormKind::Informal) continue;
      const std::string expected = canonical_name(*m.form);
      Diagnostic* d = report(out, m.span, *m.form, {{"found", written(doc, m.span)}, {"expected", expected}});
      if (d) d->fix = Fix{{Edit{m.span, expected}}, true};
    }
  }

  void renamed(const Document& doc, const LintContext& ctx, Reporter& out) const {
    if (!ctx.document_date) return;
    const auto& matches = ctx.document_names->matches();
    for (std::size_t i = 0; i < matches.size(); ++i) {
      const NameForm& form = *matches[i].form;
      if (!form.body || !form.body->since || *ctx.document_date < *form.body->since) continue;
      if (names_cited_author(doc, matches, i)) continue;
      const std::string expected = at_level(form.body->replaced_by, form.level);
      Diagnostic* d = report(out, matches[i].span, form,
                             {{"found", written(doc, matches[i].span)},
                              {"expected", expected},
                              {"since", chinese_date(*form.body->since)},
                              {"note", form.body->note}});
      if (d) d->fix = Fix{{Edit{matches[i].span, expected}}, false};
    }
  }

  void inconsistent(const Document& doc, const LintContext& ctx, Reporter& out) const {
    struct Use {
      std::string form;
      Span span;
      const NameForm* name;
    };
    std::map<std::pair<const Body*, std::string>, std::vector<Use>> by_body;
    for (const NameMatch& m : ctx.document_names->matches()) {
      const FormKind k = m.form->kind;
      if (k != FormKind::Short && k != FormKind::Variant) continue;
      by_body[{m.form->body, m.form->level}].push_back({m.form->generic, m.span, m.form});
    }
    for (const auto& [body, uses] : by_body) {
      std::map<std::string, std::pair<std::size_t, std::size_t>> counts;  // form → (count, first use)
      for (std::size_t i = 0; i < uses.size(); ++i) {
        auto [it, added] = counts.try_emplace(uses[i].form, 0, i);
        ++it->second.first;
      }
      if (counts.size() < 2) continue;
      const auto majority = std::max_element(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
        return a.second.first < b.second.first || (a.second.first == b.second.first && a.second.second > b.second.second);
      });
      const Use& first = uses[majority->second.second];
      const std::string expected = written(doc, first.span);
      for (const Use& use : uses) {
        if (use.form == majority->first) continue;
        const std::map<std::string, std::string> values{{"found", written(doc, use.span)}, {"expected", expected}};
        if (Diagnostic* d = report(out, use.span, *use.name, values))
          d->related.push_back({first.span, expand_template(note_, values)});
      }
    }
  }

  void duplicates(const Document& doc, const LintContext& ctx, Reporter& out) const {
    for (const auto& list : doc.unit_lists()) {
      std::map<std::pair<const Body*, std::string>, Span> seen;
      std::string level;
      for (const ListItem& item : list) {
        const NameForm* form = known(doc, ctx, item.name);
        if (!form || !form->body) continue;
        if (!form->level.empty()) level = form->level;
        const std::string at = form->expanded ? level : std::string();
        const auto [it, added] = seen.try_emplace({form->body, at}, item.name);
        if (added) continue;
        const std::map<std::string, std::string> values{{"found", written(doc, item.name)},
                                                        {"expected", written(doc, it->second)}};
        if (Diagnostic* d = report(out, item.name, *form, values))
          d->related.push_back({it->second, expand_template(note_, values)});
      }
    }
  }

  void unknown(const Document& doc, const LintContext& ctx, Reporter& out) const {
    if (!ctx.names->any_regional_active(ctx.region)) return;
    for (const auto& list : doc.unit_lists()) {
      for (const ListItem& item : list) {
        for (const Span name : {item.name, item.alias}) {
          if (name.end == name.begin || known(doc, ctx, name)) continue;
          out.report(name, expand_template(out.rule().message, {{"found", written(doc, name)}}));
        }
      }
    }
  }

  // The form that spells exactly `span`, or one at a level after a place ("云南省财政厅",
  // "临沧市人民政府"); null when there is none.
  static const NameForm* known(const Document& doc, const LintContext& ctx, Span span) {
    const std::string_view text = doc.folded();
    const std::size_t end = doc.to_folded(span.end);
    for (std::size_t pos = doc.to_folded(span.begin), chars = 0; pos < end && chars <= kMaxPlace; ++chars) {
      const NameForm* form = ctx.names->match_at(text, pos, ctx.region, end);
      if (form && form->kind != FormKind::NotName && pos + form->text.size() == end && (chars == 0 || !form->level.empty()))
        return form;
      utf8::next(text, pos);
    }
    return nullptr;
  }

  static constexpr std::size_t kMaxPlace = 8;  // characters of a place name before a level

  Question question_;
  std::string note_;
};

}  // namespace

std::shared_ptr<const Check> make_names_check(RuleParams& params) {
  const auto* question = params.lookup("check", kQuestions);
  const std::string note = params.string("note").value_or("首次使用“{expected}”");
  if (!question || !params.ok()) return nullptr;
  params.info().fixable = *question == Question::Informal;
  return std::make_shared<NamesCheck>(*question, note);
}

}  // namespace policylint
