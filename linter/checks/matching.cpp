#include "checks/matching.hpp"

#include <fmt/format.h>

#include "policylint/text.hpp"

namespace policylint {

std::unique_ptr<RE2> compile_pattern(RuleParams& params, std::string_view key, const std::string& pattern,
                                     bool longest_match) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_longest_match(longest_match);
  options.set_max_mem(64 << 20);
  auto re = std::make_unique<RE2>(pattern, options);
  if (!re->ok()) {
    params.error(params.node(key), fmt::format("{} does not compile: {}", key, re->error()));
    return nullptr;
  }
  return re;
}

namespace {

std::size_t next_char(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return text.size() + 1;
  utf8::next(text, pos);
  return pos;
}

}  // namespace

namespace {

// Matches `re` against `text`, one line of a view starting at view offset `base`.
void match_loop(const Document& doc, const RE2& re, bool folded, std::string_view text, std::size_t base,
                const std::function<void(const Match&)>& on_match) {
  const re2::StringPiece input(text.data(), text.size());
  const int ngroups = re.NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> groups(static_cast<std::size_t>(ngroups));
  const auto& names = re.NamedCapturingGroups();
  const auto at = names.find("at");
  const auto to_original = [&](std::size_t local) { return folded ? doc.to_original(base + local) : base + local; };
  std::vector<std::string> keys(groups.size());
  for (std::size_t g = 0; g < keys.size(); ++g) keys[g] = std::to_string(g);
  // One Match for all: its map keeps its nodes, and their strings their capacity, from match to
  // match, where a fresh one allocated each capture anew.
  Match m;
  m.groups.resize(groups.size());
  std::size_t pos = 0;
  while (pos <= text.size() && re.Match(input, pos, text.size(), RE2::UNANCHORED, groups.data(), ngroups)) {
    for (std::size_t g = 0; g < groups.size(); ++g) {
      if (groups[g].data() == nullptr) {
        m.groups[g].reset();
        m.values.erase(keys[g]);
        continue;
      }
      const std::size_t b = static_cast<std::size_t>(groups[g].data() - text.data());
      m.groups[g] = Span{to_original(b), to_original(b + groups[g].size())};
      m.values[keys[g]].assign(doc.text(), m.groups[g]->begin, m.groups[g]->end - m.groups[g]->begin);
    }
    for (const auto& [name, index] : names) {
      if (m.groups[static_cast<std::size_t>(index)]) m.values[name] = m.values[keys[static_cast<std::size_t>(index)]];
      else m.values.erase(name);
    }
    const std::size_t match_begin = static_cast<std::size_t>(groups[0].data() - text.data());
    std::size_t resume = match_begin + groups[0].size();
    if (at != names.end() && groups[static_cast<std::size_t>(at->second)].data()) {
      const auto& g = groups[static_cast<std::size_t>(at->second)];
      const std::size_t b = static_cast<std::size_t>(g.data() - text.data());
      m.span = Span{to_original(b), to_original(b + g.size())};
      resume = b + g.size();
      m.values["0"] = m.values["at"];
    } else {
      m.span = *m.groups[0];
    }
    on_match(m);
    pos = resume > match_begin ? resume : next_char(text, match_begin);
  }
}

}  // namespace

std::string_view line_in_view(const Document& doc, std::size_t index, bool folded, std::size_t& base) {
  const Line& line = doc.lines()[index];
  base = folded ? line.folded_begin : line.begin;
  const std::size_t end = folded ? line.folded_end : line.end;
  return std::string_view(folded ? doc.folded() : doc.text()).substr(base, end - base);
}

void for_each_match_in_lines(const Document& doc, const RE2& re, bool folded, const std::vector<std::size_t>& lines,
                             const std::function<void(const Match&)>& on_match) {
  for (const std::size_t index : lines) {
    std::size_t base = 0;
    const std::string_view text = line_in_view(doc, index, folded, base);
    match_loop(doc, re, folded, text, base, on_match);
  }
}

std::vector<std::size_t> all_lines(const Document& doc) {
  std::vector<std::size_t> lines(doc.lines().size());
  for (std::size_t i = 0; i < lines.size(); ++i) lines[i] = i;
  return lines;
}

bool SkipSet::covers(const Document& doc, Span span) const {
  const Structure& s = doc.structure();
  const auto any = [&](auto&& in) { return in(span.begin) || (span.end > span.begin && in(span.end - 1)); };
  if (url && any([&](std::size_t o) { return s.in_url(o); })) return true;
  if (doc_number && any([&](std::size_t o) { return s.in_doc_number(o); })) return true;
  if (title && any([&](std::size_t o) { return s.in_title(o); })) return true;
  return false;
}

SkipSet read_skip(RuleParams& params) {
  SkipSet skip;
  if (!params.node("skip")) return skip;
  skip.url = false;
  for (const std::string& name : params.strings("skip")) {
    if (name == "url") skip.url = true;
    else if (name == "docnumber") skip.doc_number = true;
    else if (name == "title") skip.title = true;
    else params.error(params.node("skip"), fmt::format("unknown skip '{}' (use url, docnumber or title)", name));
  }
  return skip;
}

}  // namespace policylint
