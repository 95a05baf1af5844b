// Lists of responsible units: "（牵头单位：县教育体育局，责任单位：县委宣传部、县财政局等有关部门和单位）".
#include <re2/re2.h>

#include <algorithm>
#include <array>

#include "policylint/document.hpp"
#include "policylint/structure.hpp"
#include "policylint/text.hpp"

namespace policylint {

namespace {

// What follows a unit's name in a list without being part of it; longest first.
constexpr std::array<std::string_view, 16> kTails = {
    "按照职责分工负责", "按照职责分工配合", "等有关部门和单位", "按职责分工负责", "按职责分工配合", "等有关部门",
    "等有关单位",       "等相关部门",       "分别牵头",         "共同牵头",       "等部门",         "等单位",
    "牵头",             "负责",             "配合",             "等"};

// Items that stand for many units ("各州、市人民政府", "有关州、市人民政府", "省直有关部门") end the
// list's names until the next comma.
bool starts_generic(std::string_view item) {
  for (std::string_view word : {"各", "有关", "相关", "其他", "其它", "全", "省直", "州直", "市直", "县直", "区直"}) {
    if (item.starts_with(word)) return true;
  }
  return false;
}

bool is_space(char32_t cp) { return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0; }

bool all_han(std::string_view s) {
  for (std::size_t pos = 0; pos < s.size();) {
    if (!utf8::is_han(utf8::next(s, pos))) return false;
  }
  return true;
}

class ListParser {
 public:
  explicit ListParser(const Document& doc) : doc_(doc), text_(doc.folded()) {}

  std::vector<ListItem> parse(std::size_t begin, std::size_t stop) {
    items_.clear();
    generic_ = false;
    int depth = 0;
    std::size_t item = begin;
    std::size_t pos = begin;
    while (pos < stop) {
      const std::size_t at = pos;
      const char32_t cp = utf8::next(text_, pos);
      if (cp == '(') ++depth;
      if (cp == ')' && depth-- == 0) return finish(item, at);
      if (depth > 0) continue;
      if (cp == U'。' || cp == ';' || cp == '\n' || cp == '\r') return finish(item, at);
      if (cp == U'、' || cp == ',') {
        add(item, at);
        if (cp == ',') generic_ = false;
        item = pos;
      }
    }
    return finish(item, stop);
  }

 private:
  std::vector<ListItem> finish(std::size_t begin, std::size_t end) {
    add(begin, end);
    return std::move(items_);
  }

  void add(std::size_t begin, std::size_t end) {
    trim(begin, end);
    const std::string_view item = text_.substr(begin, end - begin);
    if (starts_generic(item)) generic_ = true;
    if (generic_ || begin == end) return;
    for (bool stripped = true; stripped;) {
      stripped = false;
      for (std::string_view tail : kTails) {
        if (end - begin > tail.size() && text_.substr(begin, end - begin).ends_with(tail)) {
          end -= tail.size();
          stripped = true;
          break;
        }
      }
    }
    ListItem out;
    std::size_t name_end = end;
    const std::string_view rest = text_.substr(begin, end - begin);
    if (rest.ends_with(")")) {
      const std::size_t open = rest.find('(');
      if (open == std::string_view::npos) return;
      name_end = begin + open;
      if (!plausible(begin + open + 1, end - 1)) return;
      out.alias = doc_.to_original(Span{begin + open + 1, end - 1});
    }
    if (!plausible(begin, name_end)) return;
    out.name = doc_.to_original(Span{begin, name_end});
    items_.push_back(out);
  }

  bool plausible(std::size_t begin, std::size_t end) const {
    const std::string_view name = text_.substr(begin, end - begin);
    const std::size_t length = utf8::count_code_points(name);
    return length >= 2 && length <= 30 && all_han(name);
  }

  void trim(std::size_t& begin, std::size_t& end) const {
    for (std::size_t pos = begin; pos < end && is_space(utf8::next(text_, pos));) begin = pos;
    for (std::size_t pos = end; pos > begin && is_space(utf8::prev(text_, pos));) end = pos;
  }

  const Document& doc_;
  std::string_view text_;
  std::vector<ListItem> items_;
  bool generic_ = false;
};

}  // namespace

std::vector<std::vector<ListItem>> parse_unit_lists(const Document& doc) {
  static const RE2 head("((?:责任|牵头|配合|协办|参与)(?:单位|部门)\\s*:)");
  const std::string& text = doc.folded();
  std::vector<std::pair<std::size_t, std::size_t>> heads;
  re2::StringPiece input(text);
  re2::StringPiece found;
  while (RE2::FindAndConsume(&input, head, &found)) {
    const std::size_t b = static_cast<std::size_t>(found.data() - text.data());
    heads.emplace_back(b, b + found.size());
  }
  std::vector<std::vector<ListItem>> lists;
  ListParser parser(doc);
  for (std::size_t i = 0; i < heads.size(); ++i) {
    const std::size_t stop = i + 1 < heads.size() ? heads[i + 1].first : text.size();
    auto items = parser.parse(heads[i].second, stop);
    if (!items.empty()) lists.push_back(std::move(items));
  }
  return lists;
}

}  // namespace policylint
