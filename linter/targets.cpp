#include "policylint/targets.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <unordered_map>

#include "policylint/document.hpp"
#include "policylint/text.hpp"

namespace policylint {

namespace {

// Names must be this close: the longest common subsequence covers this share of the row's name.
constexpr double kNameCoverage = 0.85;
constexpr std::size_t kShortestName = 3;

// 的 and the adjective suffix 性 come and go between a row and its restatement (普惠性托位数,
// 普惠托位): names are compared without them.
bool filler(char32_t cp) { return cp == U'的' || cp == U'性'; }

std::u32string han_and_digits(std::string_view s, bool drop_parenthesised) {
  std::u32string out;
  int depth = 0;
  for (std::size_t pos = 0; pos < s.size();) {
    const char32_t cp = utf8::next(s, pos);
    if (cp == U'(') ++depth;
    else if (cp == U')') depth = std::max(depth - 1, 0);
    else if ((!drop_parenthesised || depth == 0) && (utf8::is_han(cp) || (cp >= U'0' && cp <= U'9')) && !filler(cp))
      out += cp;
  }
  return out;
}

std::u32string normalised_name(std::string_view name) {
  std::u32string n = han_and_digits(name, true);
  for (const std::u32string_view prefix : {U"全市", U"全省", U"全州", U"全县", U"全区", U"市级", U"省级", U"州级",
                                           U"县级", U"区级"}) {
    if (n.starts_with(prefix)) {
      n.erase(0, prefix.size());
      break;
    }
  }
  for (const std::u32string_view suffix : {U"比例", U"占比", U"数量", U"率", U"数", U"比"}) {
    if (n.ends_with(suffix) && n.size() > suffix.size()) {
      n.erase(n.size() - suffix.size());
      break;
    }
  }
  return n;
}

std::size_t lcs(const std::u32string& a, const std::u32string& b) {
  std::vector<std::size_t> row(b.size() + 1, 0);
  for (const char32_t ca : a) {
    std::size_t diagonal = 0;
    for (std::size_t j = 0; j < b.size(); ++j) {
      const std::size_t above = row[j + 1];
      row[j + 1] = ca == b[j] ? diagonal + 1 : std::max(row[j + 1], row[j]);
      diagonal = above;
    }
  }
  return row[b.size()];
}

// 每千人口, 千人, 万人: a per-head rate never matches an absolute count.
bool per_head(std::string_view s) {
  return s.find("每") != std::string_view::npos || s.find("千人") != std::string_view::npos ||
         s.find("万人") != std::string_view::npos;
}

struct RowKey {
  const TextTable* table;
  const TableRow* row;
  std::u32string name;
  bool per_head;
  std::vector<const TableRow*> twins;  // other rows with the same name: a link to it is never clear
};

std::vector<RowKey> row_keys(const std::vector<TextTable>& tables) {
  std::vector<RowKey> out;
  for (const TextTable& t : tables) {
    for (const TableRow& r : t.rows) {
      if (r.total) continue;
      std::u32string name = normalised_name(r.name);
      if (name.size() < kShortestName) continue;
      out.push_back({&t, &r, std::move(name), per_head(r.name)});
    }
  }
  return out;
}

bool value_cell(const TextTable& table, const TableRow& row, std::size_t i) {
  if (!row.cells[i].value) return false;
  if (!row.column_of[i]) return true;
  const ColumnRole role = table.columns[*row.column_of[i]].role;
  return role == ColumnRole::Value || role == ColumnRole::Investment;
}

bool unit_fits(const std::string& table_unit, const TableRow& row, const BodyTarget& t) {
  double magnitude;
  std::string body_base, table_base;
  split_unit(t.unit, magnitude, body_base);
  split_unit(table_unit, magnitude, table_base);
  if (!table_base.empty()) return units_compatible(body_base, table_base);
  // No unit written: "居家适老化改造户数" counts 户; a 率 or 比例 is a percentage.
  if (body_base == "%") return row.name.ends_with("率") || row.name.ends_with("比例") || row.name.ends_with("占比");
  return !body_base.empty() && row.name.find(body_base) != std::string::npos;
}

bool row_unit_fits(const TextTable& table, const TableRow& row, const BodyTarget& t) {
  for (std::size_t i = 0; i < row.cells.size(); ++i) {
    if (value_cell(table, row, i) && unit_fits(unit_of(table, row, row.cells[i]), row, t)) return true;
  }
  return false;
}

bool same_cell_value(const TableCell& a, const TableCell& b) {
  return a.value->value == b.value->value && a.value->comparator == b.value->comparator;
}

// The value the row holds for the target's year (or, in a table without years, its unit). A
// statement without a year is compared only when every year of the row holds the same value.
const TableCell* cell_for(const TextTable& table, const TableRow& row, const BodyTarget& t) {
  const TableCell* found = nullptr;
  std::size_t years = 0;
  for (std::size_t i = 0; i < row.cells.size(); ++i) {
    if (!value_cell(table, row, i)) continue;
    if (!row.column_of[i]) return nullptr;  // an empty cell somewhere: the columns are not certain
    const TableColumn& col = table.columns[*row.column_of[i]];
    if (col.year != 0 && t.year != 0 && col.year != t.year) continue;
    if (!unit_fits(unit_of(table, row, row.cells[i]), row, t)) continue;
    if (col.year != 0 && t.year == 0) ++years;
    if (found && (t.year != 0 || col.year == 0 || !same_cell_value(*found, row.cells[i]))) return nullptr;
    if (!found) found = &row.cells[i];
  }
  return years == 1 ? nullptr : found;
}

struct Segment {
  std::size_t begin, end;  // offsets into the folded line
};

bool relative_change(std::string_view before) {
  static const RE2 change(
      "(?:增长|提高|提升|下降|降低|减少|增加|扩大|缩小|上升|增幅|降幅)了?$|年均|平均|其中|累计新增|"
      "(?:比|较)(?:上年|去年|同期|基期|[0-9]{4}年)");
  return RE2::PartialMatch(before, change);
}

struct RawQuantity {
  Segment whole;
  BodyTarget target;
};

// `context_year` is the year the paragraph set before this sentence, 0 when none.
std::vector<RawQuantity> quantities_in(const Document& doc, std::size_t base, std::string_view sentence,
                                       int context_year) {
  static const RE2 year("([0-9]{4})年");
  std::vector<RawQuantity> out;
  re2::StringPiece years(sentence);
  re2::StringPiece year_digits;
  int latest_year = context_year;
  bool more_years = RE2::FindAndConsume(&years, year, &year_digits);
  for (FoundQuantity& f : find_quantities(sentence)) {
    // The years are read once, left to right, as the quantities advance.
    while (more_years && static_cast<std::size_t>(year_digits.data() - sentence.data()) < f.begin) {
      latest_year = std::atoi(year_digits.as_string().c_str());
      more_years = RE2::FindAndConsume(&years, year, &year_digits);
    }
    RawQuantity q;
    q.whole = {f.begin, f.end};
    BodyTarget& t = q.target;
    t.span = doc.to_original(Span{base + f.begin, base + f.end});
    t.unit = std::move(f.unit);
    t.quantity = f.quantity;
    t.year = latest_year;
    out.push_back(std::move(q));
  }
  return out;
}

std::size_t clause_start(std::string_view sentence, std::size_t from, std::size_t to) {
  const auto at = sentence.substr(from, to - from).find_last_of(",:");
  return at == std::string_view::npos ? from : from + at + 1;
}

std::size_t clause_end(std::string_view sentence, std::size_t from, std::size_t to) {
  const auto at = sentence.substr(from, to - from).find_first_of(",:");
  return at == std::string_view::npos ? to : from + at;
}

// The name must end where the value's phrase ends ("…覆盖率达到90%"), or begin where the phrase
// after a leading value begins ("打造8家医养结合优质服务单位"); "城镇老旧小区改造惠及居民12万户"
// is about the residents, not the 改造.
std::u32string_view trim_tail(std::u32string_view s) {
  static constexpr std::u32string_view tails[] = {U"达到", U"提高到", U"提升到", U"增加到", U"增长到", U"降低到",
                                                  U"下降到", U"控制在", U"稳定在", U"保持在", U"比例", U"占比",
                                                  U"总数", U"数量", U"达", U"为", U"率", U"数", U"的", U"共"};
  for (bool trimmed = true; trimmed && !s.empty();) {
    trimmed = false;
    for (const auto t : tails) {
      if (s.ends_with(t) && s.size() > t.size()) {
        s.remove_suffix(t.size());
        trimmed = true;
      }
    }
  }
  return s;
}

char32_t last_anchor(std::u32string_view phrase) {
  const std::u32string_view trimmed = trim_tail(phrase);
  return trimmed.empty() ? 0 : trimmed.back();
}

char32_t first_anchor(std::u32string_view phrase) {
  if (phrase.starts_with(U"的")) phrase.remove_prefix(1);
  return phrase.empty() ? 0 : phrase.front();
}

// Rows by the characters a phrase must end or begin with to name them, so each quantity is
// compared only with the few rows it could name.
struct RowIndex {
  std::vector<RowKey> keys;  // one per distinct name
  std::unordered_map<char32_t, std::vector<std::size_t>> by_last, by_first;

  explicit RowIndex(std::vector<RowKey> all) {
    std::unordered_map<std::u32string, std::size_t> by_name;
    for (RowKey& key : all) {
      const auto [it, fresh] = by_name.emplace(key.name, keys.size());
      if (!fresh) {
        keys[it->second].twins.push_back(key.row);
        continue;
      }
      by_last[last_anchor(key.name)].push_back(keys.size());
      by_first[key.name.front()].push_back(keys.size());
      keys.push_back(std::move(key));
    }
  }
  const std::vector<std::size_t>& lookup(const std::unordered_map<char32_t, std::vector<std::size_t>>& map,
                                         char32_t c) const {
    static const std::vector<std::size_t> none;
    const auto it = c ? map.find(c) : map.end();
    return it == map.end() ? none : it->second;
  }
};

// "主城区社区日间照料机构覆盖率达到100%" is about part of the area the table's row covers.
bool narrower_scope(std::string_view phrase, std::string_view name) {
  static constexpr std::string_view kScopes[] = {"城区", "农村", "城市", "城镇", "县城", "乡镇", "乡村", "街道",
                                                 "各县", "每个", "试点", "重点", "边境", "山区", "贫困", "其中"};
  return std::any_of(std::begin(kScopes), std::end(kScopes), [&](std::string_view scope) {
    return phrase.find(scope) != std::string_view::npos && name.find(scope) == std::string_view::npos;
  });
}

struct Candidate {
  const RowKey* key;
  std::size_t common;
};

void link_sentence(const Document& doc, const RowIndex& index, std::size_t base, std::string_view sentence,
                   int context_year, std::vector<TargetLink>& out) {
  const std::vector<RawQuantity> found = quantities_in(doc, base, sentence, context_year);
  for (std::size_t i = 0; i < found.size(); ++i) {
    const std::size_t previous_end = i == 0 ? 0 : found[i - 1].whole.end;
    const std::size_t next_begin = i + 1 == found.size() ? sentence.size() : found[i + 1].whole.begin;
    const Segment before{clause_start(sentence, previous_end, found[i].whole.begin), found[i].whole.begin};
    const Segment after{found[i].whole.end, clause_end(sentence, found[i].whole.end, next_begin)};
    const std::string_view before_text = sentence.substr(before.begin, before.end - before.begin);
    const std::string_view after_text = sentence.substr(after.begin, after.end - after.begin);
    if (relative_change(before_text) || after_text.starts_with("百分点")) continue;
    BodyTarget t = found[i].target;
    t.increment = before_text.find("新增") != std::string_view::npos || before_text.find("净增") != std::string_view::npos;
    const std::u32string b = han_and_digits(before_text, false), a = han_and_digits(after_text, false);
    const bool per = per_head(before_text) || per_head(after_text);
    std::vector<Candidate> candidates;
    const auto consider = [&](std::size_t k, const std::u32string& phrase) {
      const RowKey& key = index.keys[k];
      if (key.per_head != per || !row_unit_fits(*key.table, *key.row, t)) return;
      if (narrower_scope(before_text, key.row->name) || narrower_scope(after_text, key.row->name)) return;
      const std::size_t common = lcs(key.name, phrase);
      if (common < kNameCoverage * static_cast<double>(key.name.size())) return;
      for (Candidate& c : candidates) {
        if (c.key == &key) {
          c.common = std::max(c.common, common);
          return;
        }
      }
      candidates.push_back({&key, common});
    };
    for (const std::size_t k : index.lookup(index.by_last, last_anchor(b))) consider(k, b);
    for (const std::size_t k : index.lookup(index.by_first, first_anchor(a))) consider(k, a);
    if (candidates.empty()) continue;
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& x, const Candidate& y) { return x.common > y.common; });
    TargetLink link;
    t.phrase = std::string(sentence.substr(before.begin, after.end - before.begin));
    link.target = std::move(t);
    link.table = candidates.front().key->table;
    link.row = candidates.front().key->row;
    link.rivals = candidates.front().key->twins;
    for (std::size_t c = 1; c < candidates.size(); ++c) {
      if (candidates[c].common == candidates.front().common) link.rivals.push_back(candidates[c].key->row);
    }
    if ((link.cell = cell_for(*link.table, *link.row, link.target)))
      link.table_value = cell_quantity(*link.table, *link.row, *link.cell);
    out.push_back(std::move(link));
  }
}

// "到2025年，…" frames the rest of its paragraph ("…；农村公路总里程达到2.35万公里。每千人口…"):
// the sentences after it that name no year of their own speak of the same year. Another year
// ends the frame, and a sentence about the present (目前, 现有, 截至, 已…) or about a period
// (“十四五”期间, 每年) stands outside it.
class YearFrame {
 public:
  int year_for(std::string_view sentence) const {
    static const RE2 outside("目前|当前|现有|现为|现状|截至|截止|已|去年|上年|以来|共有|期间|十四五|每年|年均|三年");
    return RE2::PartialMatch(sentence, outside) ? 0 : year_;
  }
  void after(std::string_view sentence) {
    static const RE2 goal("^(?:\\([一二三四五六七八九十]{1,3}\\))?(?:力争)?(?:到|至)([0-9]{4})年(?:底|末)?,");
    static const RE2 any_year("[0-9]{4}年");
    int goal_year = 0;
    if (RE2::PartialMatch(sentence, goal, &goal_year)) year_ = goal_year;
    else if (RE2::PartialMatch(sentence, any_year)) year_ = 0;
  }

 private:
  int year_ = 0;
};

}  // namespace

void split_sentences(std::string_view line, const std::function<void(std::size_t, std::string_view)>& on) {
  static constexpr std::string_view kFullStop = "。";
  std::size_t begin = 0;
  for (std::size_t i = 0; i < line.size();) {
    std::size_t terminator = 0;
    if (line[i] == ';' || line[i] == '!' || line[i] == '?') terminator = 1;
    else if (line[i] == kFullStop[0] && line.compare(i, kFullStop.size(), kFullStop) == 0) terminator = kFullStop.size();
    if (terminator == 0) {
      ++i;
      continue;
    }
    on(begin, line.substr(begin, i - begin));
    i += terminator;
    begin = i;
  }
  if (begin < line.size()) on(begin, line.substr(begin));
}

std::string unit_of(const TextTable& table, const TableRow& row, const TableCell& cell) {
  for (std::size_t i = 0; i < row.cells.size(); ++i) {
    if (&row.cells[i] != &cell || !row.column_of[i]) continue;
    const std::string& column_unit = table.columns[*row.column_of[i]].unit;
    if (!column_unit.empty()) return column_unit;
  }
  return row.unit;
}

std::optional<Quantity> cell_quantity(const TextTable& table, const TableRow& row, const TableCell& cell) {
  if (!cell.value) return std::nullopt;
  Quantity q = *cell.value;
  split_unit(unit_of(table, row, cell), q.magnitude, q.unit);
  q.value *= q.magnitude;
  return q;
}

std::vector<TargetLink> link_targets(const Document& doc) {
  std::vector<TargetLink> out;
  const Structure& s = doc.structure();
  const RowIndex index(row_keys(doc.text_tables()));
  if (index.keys.empty()) return out;
  for (std::size_t i = 0; i < doc.lines().size(); ++i) {
    if (s.roles[i] != LineRole::Body && s.roles[i] != LineRole::Heading) continue;
    const Line& l = doc.lines()[i];
    const std::size_t base = l.folded_begin;
    const std::string_view line = std::string_view(doc.folded()).substr(base, l.folded_end - base);
    // Quantities and years are written in Arabic digits: text without any holds neither.
    const auto has_digit = [](std::string_view s) { return s.find_first_of("0123456789") != std::string_view::npos; };
    if (!has_digit(line)) continue;
    YearFrame frame;
    split_sentences(line, [&](std::size_t offset, std::string_view sentence) {
      if (!has_digit(sentence)) return;
      link_sentence(doc, index, base + offset, sentence, frame.year_for(sentence), out);
      frame.after(sentence);
    });
  }
  return out;
}

const std::vector<TargetLink>& DocumentTargets::links() const {
  std::call_once(linked_, [&] { links_ = link_targets(doc_); });
  return links_;
}

}  // namespace policylint
