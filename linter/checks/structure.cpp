#include "checks/structure.hpp"

#include <fmt/format.h>

#include <map>

#include "checks/headings.hpp"

namespace policylint {

namespace {

using Values = std::map<std::string, std::string>;
using CheckFunction = void (*)(const Document&, Reporter&, const std::string& note);

std::string text_of(const Document& doc, Span span) {
  return std::string(doc.text().substr(span.begin, span.end - span.begin));
}

Span line_span(const Document& doc, std::size_t line) {
  const Line& l = doc.lines()[line];
  return {l.begin, l.end};
}

std::string attachment_name(int number) { return number ? fmt::format("附件{}", number) : "附件"; }

// The page of a 附件说明 item: same number; a lone item and a lone page belong together.
const AttachmentPage* page_of(const Structure& s, const AttachmentItem& item) {
  if (s.attachment_items.size() == 1 && s.attachment_pages.size() == 1) return &s.attachment_pages.front();
  for (const AttachmentPage& p : s.attachment_pages)
    if (p.number == item.number) return &p;
  return nullptr;
}

bool is_listed(const Structure& s, const AttachmentPage& page) {
  for (const AttachmentItem& item : s.attachment_items)
    if (page_of(s, item) == &page) return true;
  return false;
}

void check_attachment_missing(const Document& doc, Reporter& out, const std::string&) {
  const Structure& s = doc.structure();
  if (s.attachment_pages.empty()) return;  // attachments-absent reports that once
  for (const AttachmentItem& item : s.attachment_items) {
    if (page_of(s, item)) continue;
    const Values values{{"number", attachment_name(item.number)}, {"title", item.title}};
    out.report(item.span, expand_template(out.rule().message, values));
  }
}

void check_attachments_absent(const Document& doc, Reporter& out, const std::string&) {
  const Structure& s = doc.structure();
  if (s.attachment_items.empty() || !s.attachment_pages.empty()) return;
  std::string titles;
  for (const AttachmentItem& item : s.attachment_items) {
    if (!titles.empty()) titles += "、";
    titles += fmt::format("{}“{}”", attachment_name(item.number), item.title);
  }
  out.report(s.attachment_items.front().span, expand_template(out.rule().message, {{"titles", titles}}));
}

void check_attachment_unlisted(const Document& doc, Reporter& out, const std::string&) {
  const Structure& s = doc.structure();
  for (const AttachmentPage& page : s.attachment_pages) {
    if (is_listed(s, page)) continue;
    const Values values{{"found", text_of(doc, page.marker)}, {"title", page.title}};
    out.report(page.marker, expand_template(out.rule().message, values));
  }
}

void check_attachment_title(const Document& doc, Reporter& out, const std::string& note) {
  const Structure& s = doc.structure();
  for (const AttachmentItem& item : s.attachment_items) {
    const AttachmentPage* page = page_of(s, item);
    if (!page || !page->title_line || comparable_title(page->title) == comparable_title(item.title)) continue;
    const Values values{{"found", page->title}, {"expected", item.title}, {"number", attachment_name(page->number)}};
    if (Diagnostic* d = out.report(line_span(doc, *page->title_line), expand_template(out.rule().message, values)))
      d->related.push_back({item.span, expand_template(note, values)});
  }
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// The title without a trailing "(试行)" or "(征求意见稿)", which follow the 文种.
std::string title_proper(const TitleBlock& title) {
  std::string t = comparable_title(title.text);
  if (ends_with(t, ")")) {
    if (const auto open = t.rfind('('); open != std::string::npos && open > 0) t.resize(open);
  }
  return t;
}

void check_notice_elements(const Document& doc, Reporter& out, const std::string&) {
  const Structure& s = doc.structure();
  if (!s.title_block || !ends_with(title_proper(*s.title_block), "通知")) return;
  std::vector<std::string> missing;
  if (!s.addressee_line || *s.addressee_line < s.title_block->last_line) missing.push_back("主送机关");
  const auto signature = std::find_if(s.signatures.begin(), s.signatures.end(),
                                      [&](const SignatureBlock& b) { return b.date_line > s.title_block->last_line; });
  if (signature == s.signatures.end()) missing.push_back("发文机关署名和成文日期");
  else if (signature->issuer_lines.empty()) missing.push_back("发文机关署名");
  if (missing.empty()) return;
  std::string joined;
  for (const auto& m : missing) {
    if (!joined.empty()) joined += "、";
    joined += m;
  }
  out.report(line_span(doc, s.title_block->first_line), expand_template(out.rule().message, {{"missing", joined}}));
}

void check_title_genre(const Document& doc, Reporter& out, const std::string&) {
  static const std::vector<std::string_view> genres = {"决议", "决定", "命令", "令",   "公报", "公告", "通告", "意见",
                                                       "通知", "通报", "报告", "请示", "批复", "议案", "函",   "纪要"};
  const Structure& s = doc.structure();
  if (!s.title_block || s.title_block->text.find("关于") == std::string::npos) return;
  const std::string title = title_proper(*s.title_block);
  for (const auto genre : genres)
    if (ends_with(title, genre)) return;
  out.report(line_span(doc, s.title_block->first_line),
             expand_template(out.rule().message, {{"found", s.title_block->text}}));
}

void heading_sequence(const Document& doc, Reporter& out, const std::string&) { check_heading_sequence(doc, out); }
void heading_level_order(const Document& doc, Reporter& out, const std::string&) {
  check_heading_level_order(doc, out);
}

const std::map<std::string, CheckFunction, std::less<>>& checks() {
  static const std::map<std::string, CheckFunction, std::less<>> table = {
      {"attachment-missing", check_attachment_missing},
      {"attachment-title-mismatch", check_attachment_title},
      {"attachment-unlisted", check_attachment_unlisted},
      {"attachments-absent", check_attachments_absent},
      {"heading-level-order", heading_level_order},
      {"heading-sequence", heading_sequence},
      {"notice-elements", check_notice_elements},
      {"title-genre", check_title_genre},
  };
  return table;
}

class StructureCheck final : public Check {
 public:
  StructureCheck(CheckFunction function, std::string note) : function_(function), note_(std::move(note)) {}
  void run(const Document& doc, const LintContext&, Reporter& out) const override { function_(doc, out, note_); }

 private:
  CheckFunction function_;
  std::string note_;
};

}  // namespace

std::shared_ptr<const Check> make_structure_check(RuleParams& params) {
  const auto* function = params.lookup("check", checks());
  const std::string note = params.string("note").value_or("附件说明中为“{expected}”");
  if (!params.ok() || !function) return nullptr;
  return std::make_shared<StructureCheck>(*function, note);
}

}  // namespace policylint
