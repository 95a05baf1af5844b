#include "policylint/names.hpp"

#include <algorithm>

#include "policylint/document.hpp"
#include "policylint/pack.hpp"
#include "policylint/text.hpp"

namespace policylint {

namespace {

constexpr std::string_view kPlaceholder = "{省}";
const std::vector<std::string> kLevels = {"省", "自治区", "市", "州", "盟", "县", "区"};

std::uint64_t start_key(std::string_view text, std::size_t pos) {
  const char32_t first = utf8::next(text, pos);
  const char32_t second = pos < text.size() ? utf8::next(text, pos) : 0;
  return (static_cast<std::uint64_t>(first) << 32) | second;
}

int priority(const NameForm& f) { return (f.expanded ? 0 : 2) + (f.table->region.empty() ? 0 : 1); }

bool protected_text(const Document& doc, Span s) {
  const Structure& st = doc.structure();
  const std::size_t last = s.end > s.begin ? s.end - 1 : s.begin;
  return st.in_title(s.begin) || st.in_title(last) || st.in_doc_number(s.begin) || st.in_doc_number(last);
}

}  // namespace

std::string at_level(std::string_view generic, std::string_view level) {
  const std::size_t at = generic.find(kPlaceholder);
  if (at == std::string_view::npos) return std::string(generic);
  std::string out(generic.substr(0, at));
  out += level;
  out += generic.substr(at + kPlaceholder.size());
  return out;
}

std::string canonical_name(const NameForm& form) {
  return form.body ? at_level(form.body->short_name, form.level) : form.text;
}

NameIndex::NameIndex(std::vector<std::shared_ptr<const NameTable>> tables) : tables_(std::move(tables)) {
  for (const auto& table : tables_) {
    for (const Body& body : table->bodies) {
      if (body.name != body.short_name) add_forms(*table, &body, FormKind::Full, body.name);
      add_forms(*table, &body, FormKind::Short, body.short_name);
      for (const auto& v : body.variants) add_forms(*table, &body, FormKind::Variant, v);
      for (const auto& v : body.informal) add_forms(*table, &body, FormKind::Informal, v);
    }
    for (const auto& word : table->not_names) add_forms(*table, nullptr, FormKind::NotName, word);
  }
  for (auto& [key, candidates] : by_start_) {
    std::stable_sort(candidates.begin(), candidates.end(), [&](std::uint32_t a, std::uint32_t b) {
      if (forms_[a].text.size() != forms_[b].text.size()) return forms_[a].text.size() > forms_[b].text.size();
      return priority(forms_[a]) > priority(forms_[b]);
    });
  }
}

void NameIndex::add_forms(const NameTable& table, const Body* body, FormKind kind, const std::string& generic) {
  NameForm form{&table, body, kind, "", utf8::to_halfwidth(at_level(generic, "")), generic, false};
  if (generic.find(kPlaceholder) == std::string::npos) {
    add(std::move(form));
    return;
  }
  // A bare form ("财政厅") is what a list writes after its head ("省发展改革委、财政厅").
  form.expanded = true;
  if (generic.starts_with(kPlaceholder)) add(form);
  for (const auto& level : kLevels) {
    form.level = level;
    form.text = utf8::to_halfwidth(at_level(generic, level));
    add(form);
  }
}

void NameIndex::add(NameForm form) {
  if (utf8::count_code_points(form.text) < 2) return;
  std::size_t pos = 0;
  const char32_t first = utf8::next(form.text, pos);
  if (first >= starts_.size()) starts_.resize(first + 1);
  starts_[first] = true;
  const std::uint64_t key = start_key(form.text, 0);
  by_start_[key].push_back(static_cast<std::uint32_t>(forms_.size()));
  forms_.push_back(std::move(form));
}

bool NameIndex::is_active(const NameTable& table, std::string_view region) const {
  if (table.region.empty()) return true;
  if (region.empty()) return false;
  return region.starts_with(table.region) || std::string_view(table.region).starts_with(region);
}

bool NameIndex::any_regional_active(std::string_view region) const {
  return std::any_of(tables_.begin(), tables_.end(),
                     [&](const auto& t) { return !t->region.empty() && is_active(*t, region); });
}

std::string NameIndex::region_of(const Document& doc) const {
  const Structure& s = doc.structure();
  std::vector<std::size_t> lines;
  for (std::size_t i = 0; i < s.roles.size(); ++i) {
    if (s.roles[i] == LineRole::Title) lines.push_back(i);
  }
  for (std::size_t i = 0; lines.empty() && i < s.roles.size(); ++i) {
    if (s.roles[i] != LineRole::Blank) lines.push_back(i);
  }
  std::string found;
  for (const auto& table : tables_) {
    if (table->region.empty() || table->region == found) continue;
    const bool named = std::any_of(lines.begin(), lines.end(), [&](std::size_t line) {
      const std::string_view text = doc.line_text(line);
      return std::any_of(table->places.begin(), table->places.end(),
                         [&](const std::string& place) { return text.find(place) != std::string_view::npos; });
    });
    if (!named) continue;
    if (!found.empty()) return {};  // two regions: ambiguous
    found = table->region;
  }
  return found;
}

const NameForm* NameIndex::match_at(std::string_view folded, std::size_t pos, std::string_view region,
                                    std::size_t limit) const {
  const auto it = by_start_.find(start_key(folded, pos));
  if (it == by_start_.end()) return nullptr;
  for (const std::uint32_t index : it->second) {
    const NameForm& form = forms_[index];
    if (pos + form.text.size() > limit) continue;
    if (folded.compare(pos, form.text.size(), form.text) == 0 && is_active(*form.table, region)) return &form;
  }
  return nullptr;
}

std::vector<NameMatch> NameIndex::scan(const Document& doc, std::string_view region) const {
  std::vector<NameMatch> out;
  const std::string_view folded = doc.folded();
  for (std::size_t pos = 0; pos < folded.size();) {
    std::size_t next = pos;
    const NameForm* form = may_start(utf8::next(folded, next)) ? match_at(folded, pos, region) : nullptr;
    if (!form) {
      pos = next;
      continue;
    }
    const Span span = doc.to_original(Span{pos, pos + form->text.size()});
    if (form->kind != FormKind::NotName && !protected_text(doc, span)) out.push_back({span, form});
    pos += form->text.size();
  }
  return out;
}

const std::vector<NameMatch>& DocumentNames::matches() const {
  std::call_once(scanned_, [&] { matches_ = index_.scan(doc_, region_); });
  return matches_;
}

std::shared_ptr<const NameIndex> build_name_index(const std::vector<const Pack*>& packs) {
  std::vector<std::shared_ptr<const NameTable>> tables;
  for (const Pack* pack : packs) {
    if (pack->names) tables.push_back(pack->names);
  }
  if (tables.empty()) return nullptr;
  return std::make_shared<const NameIndex>(std::move(tables));
}

}  // namespace policylint
