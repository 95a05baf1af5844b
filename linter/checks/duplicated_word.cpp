#include "checks/duplicated_word.hpp"

#include <algorithm>
#include <set>

#include "policylint/text.hpp"

namespace policylint {

namespace {

struct Char {
  char32_t cp;
  std::size_t offset;  // text offset of its first byte
};

void decode_line(std::string_view text, std::size_t begin, std::size_t end, std::vector<Char>& out) {
  out.clear();
  for (std::size_t pos = begin; pos < end;) {
    const std::size_t at = pos;
    out.push_back({utf8::next(text, pos), at});
  }
}

class DuplicatedWordCheck final : public Check {
 public:
  DuplicatedWordCheck(std::set<char32_t> characters, std::vector<std::string> allow, std::size_t max_length)
      : characters_(std::move(characters)), allow_(std::move(allow)), max_length_(max_length) {}

  void run(const Document& doc, const LintContext&, Reporter& out) const override {
    const std::string& text = doc.text();
    std::vector<Char> chars;
    for (const Line& line : doc.lines()) {
      decode_line(text, line.begin, line.end, chars);
      for (std::size_t i = 0; i < chars.size(); ++i) {
        const std::size_t length = repeat_length(chars, i);
        if (length == 0) continue;
        const std::size_t end = i + 2 * length;
        const Span doubled{chars[i].offset, end < chars.size() ? chars[end].offset : line.end};
        if (allowed(text, line, doubled)) continue;
        const Span second{chars[i + length].offset, doubled.end};
        const std::string word = text.substr(doubled.begin, second.begin - doubled.begin);
        Diagnostic* d = out.report(second, expand_template(out.rule().message, {{"word", word}, {"0", word}}));
        if (d) d->fix = Fix{{Edit{second, ""}}, true};
        i = end - 1;
      }
    }
  }

 private:
  // The length of the word at `i` that is repeated right after it, 0 when there is none.
  std::size_t repeat_length(const std::vector<Char>& chars, std::size_t i) const {
    for (std::size_t length = max_length_; length >= 1; --length) {
      if (i + 2 * length > chars.size() || !same_han_run(chars, i, length)) continue;
      if (length == 1) return reportable_single(chars, i) ? 1 : 0;
      // 一个一个, 一步一步: a numeral-classifier pair repeated is a manner adverbial.
      if (length == 2 && chars[i].cp == U'一') continue;
      // A run of one character (哈哈哈哈) is judged as that character doubled.
      if (std::all_of(chars.begin() + i, chars.begin() + i + length, [&](const Char& c) { return c.cp == chars[i].cp; }))
        continue;
      return length;
    }
    return 0;
  }

  static bool same_han_run(const std::vector<Char>& chars, std::size_t i, std::size_t length) {
    for (std::size_t k = 0; k < length; ++k) {
      if (chars[i + k].cp != chars[i + length + k].cp || !utf8::is_han(chars[i + k].cp)) return false;
    }
    return true;
  }

  // A doubled single character is a slip only for the listed characters, and never in AABB forms.
  bool reportable_single(const std::vector<Char>& chars, std::size_t i) const {
    if (!characters_.count(chars[i].cp)) return false;
    const bool next_pair = i + 3 < chars.size() && chars[i + 2].cp == chars[i + 3].cp;
    const bool previous_pair = i >= 2 && chars[i - 2].cp == chars[i - 1].cp;
    return !next_pair && !previous_pair;
  }

  // Whether an allowed word occurs around the doubled span and overlaps it.
  bool allowed(const std::string& text, const Line& line, Span doubled) const {
    for (const std::string& word : allow_) {
      const std::size_t from = doubled.begin >= line.begin + word.size() ? doubled.begin - word.size() : line.begin;
      const std::size_t to = std::min(line.end, doubled.end + word.size());
      const std::string_view window(text.data() + from, to - from);
      for (std::size_t at = window.find(word); at != std::string_view::npos; at = window.find(word, at + 1)) {
        if (from + at < doubled.end && doubled.begin < from + at + word.size()) return true;
      }
    }
    return false;
  }

  std::set<char32_t> characters_;
  std::vector<std::string> allow_;
  std::size_t max_length_;
};

}  // namespace

std::shared_ptr<const Check> make_duplicated_word_check(RuleParams& params) {
  std::set<char32_t> characters;
  const std::string listed = params.string("characters").value_or("");
  for (std::size_t pos = 0; pos < listed.size();) characters.insert(utf8::next(listed, pos));
  std::vector<std::string> allow = params.strings("allow");
  const std::int64_t max_length = params.integer("max-length").value_or(6);
  if (max_length < 2 || max_length > 16) params.error(params.node("max-length"), "'max-length' must be between 2 and 16");
  if (!params.ok()) return nullptr;
  params.info().fixable = true;
  return std::make_shared<DuplicatedWordCheck>(std::move(characters), std::move(allow),
                                               static_cast<std::size_t>(max_length));
}

}  // namespace policylint
