// Arithmetic a sentence states about itself: parts and their total, percentage points, and the
// values and uses a 分别 pairs.
#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <functional>

#include "checks/targets.hpp"
#include "policylint/targets.hpp"
#include "policylint/text.hpp"

namespace policylint {

namespace {

// Body sentences, split at 。；！？; a table row is one unit, since its cells hold several sentences.
// Lines without any of `keywords` are skipped before they are split.
void for_each_sentence(const Document& doc, std::initializer_list<std::string_view> keywords,
                       const std::function<void(std::size_t, std::string_view)>& on) {
  const Structure& s = doc.structure();
  for (std::size_t i = 0; i < doc.lines().size(); ++i) {
    const LineRole role = s.roles[i];
    if (role != LineRole::Body && role != LineRole::Heading && role != LineRole::Table) continue;
    const Line& l = doc.lines()[i];
    const std::size_t base = l.folded_begin;
    const std::string_view line = std::string_view(doc.folded()).substr(base, l.folded_end - base);
    if (std::none_of(keywords.begin(), keywords.end(),
                     [&](std::string_view k) { return line.find(k) != std::string_view::npos; }))
      continue;
    if (role == LineRole::Table) {
      on(base, line);
      continue;
    }
    split_sentences(line, [&](std::size_t offset, std::string_view sentence) { on(base + offset, sentence); });
  }
}

Span original(const Document& doc, std::size_t base, std::size_t begin, std::size_t end) {
  return doc.to_original(Span{base + begin, base + end});
}

double step_of(const Quantity& q) { return q.magnitude * std::pow(10.0, -q.decimals); }

// `value` in the magnitude of `like` (亿 for "300亿元"), with as many decimals as the smallest
// written step needs and no trailing zeros: 8000万元 + 2.5亿元 = 3.3亿元.
std::string in_unit(double value, const Quantity& like, double finest_step) {
  const double scaled = value / like.magnitude;
  int decimals = 0;
  while (decimals < 6 && finest_step / like.magnitude < std::pow(10.0, -decimals) - 1e-12) ++decimals;
  std::string text = format_number(scaled, decimals);
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  return text;
}

// ---- parts and totals ----------------------------------------------------------------------

struct PartsFinding {
  FoundQuantity total;
  std::vector<FoundQuantity> parts;
  double sum = 0;
  bool open = false;  // an unquantified component follows: "及相关附属工程", "等"
  bool one_head = true;  // every part's label ends in the same character: 护理型床位、普通床位
  char32_t head = 0;
};

// Units whose parts add up to the whole; head counts may overlap (女性, 少数民族).
bool additive(std::string_view unit) {
  static const RE2 units("平方米|平方公里|公顷|亩|元|公里|千米|米|立方米|吨");
  return RE2::FullMatch(unit, units);
}

// Without 其中, only the areas of a building's parts are read as its parts.
bool area(std::string_view unit) { return unit == "平方米" || unit == "平方公里" || unit == "公顷" || unit == "亩"; }

enum class Separator { None, Enumeration, Comma };

Separator separator_in(std::string_view gap) {
  if (gap.find("、") != std::string_view::npos) return Separator::Enumeration;
  if (gap.find(',') != std::string_view::npos) return Separator::Comma;
  return Separator::None;
}

// A list ends at a closing parenthesis or where its separator changes: in "公办907个、民办83个，
// 普惠性977个" the 普惠性 count overlaps the first two.
bool gap_breaks_list(std::string_view gap, Separator& list_separator) {
  if (gap.find(')') != std::string_view::npos) return true;
  const Separator here = separator_in(gap);
  if (list_separator == Separator::None) list_separator = here;
  return here != Separator::None && here != list_separator;
}

// Land area is not floor area, and another total starts another list.
bool foreign_label(std::string_view label) {
  return label.find("占地") != std::string_view::npos || label.find("用地") != std::string_view::npos ||
         label.find("总") != std::string_view::npos;
}

// 总建筑面积, 建设总面积; not 总体, 总结, 总书记.
bool total_label(std::string_view label) {
  static const RE2 other_senses("总体|总结|总书记");
  return label.find("总") != std::string_view::npos && !RE2::PartialMatch(label, other_senses);
}

bool open_ending(std::string_view rest) {
  static const RE2 open("^(?:及|以及|和|与|、|等)|等");
  return RE2::PartialMatch(rest, open);
}

// The quantities after `from` that share the total's unit, up to a break in the list. After 其中
// the list ends at another unit; after a 总 label other measures may come between the parts
// (总建筑面积…，养老床位数400张，新建养老用房…平方米).
// The text after the last comma or colon: what a quantity is a quantity of.
std::string_view label_in(std::string_view gap) {
  const std::size_t comma = gap.find_last_of(",:");
  return comma == std::string_view::npos ? gap : gap.substr(comma + 1);
}

// How many quantities of other units may stand between a 总 total's parts.
constexpr std::size_t kMaxScan = 32;

void note_head(std::string_view label, PartsFinding& f) {
  if (label.empty()) {
    f.one_head = false;
    return;
  }
  std::size_t end = label.size();
  const char32_t head = utf8::prev(label, end);
  if (!f.parts.empty()) f.one_head = f.one_head && head == f.head;
  f.head = head;
}

void collect_parts(std::string_view sentence, const std::vector<FoundQuantity>& found, std::size_t from,
                   bool skip_other_units, PartsFinding& f) {
  std::size_t last_end = f.total.end;
  std::size_t after_last = found.size();  // index of the first quantity after the last part
  Separator separator = Separator::None;
  for (std::size_t k = from; k < found.size() && k < from + kMaxScan; ++k) {
    const FoundQuantity& q = found[k];
    if (q.quantity.unit != f.total.quantity.unit) {
      if (skip_other_units) continue;
      break;
    }
    const std::string_view gap = sentence.substr(last_end, q.begin - last_end);
    if (skip_other_units && foreign_label(label_in(gap))) break;
    if (!f.parts.empty() && gap_breaks_list(gap, separator)) break;
    note_head(label_in(gap), f);
    f.parts.push_back(q);
    f.sum += q.quantity.value;
    last_end = q.end;
    after_last = k + 1;
  }
  if (f.parts.empty()) return;
  const std::size_t next = after_last < found.size() ? found[after_last].begin : sentence.size();
  f.open = open_ending(sentence.substr(last_end, next - last_end));
}

// "总投资300亿元，其中政府投资120亿元、社会投资200亿元" and "总建筑面积N平方米，A N1平方米，B N2平方米".
std::vector<PartsFinding> find_parts(std::string_view sentence) {
  static const RE2 whereof("^[,(:]*(?:其中|包括)[:,]?");
  std::vector<PartsFinding> out;
  const std::vector<FoundQuantity> found = find_quantities(sentence);
  for (std::size_t k = 0; k + 1 < found.size(); ++k) {
    const FoundQuantity& total = found[k];
    if (total.quantity.unit == "%" || total.quantity.comparator != Comparator::Equal) continue;
    const std::string_view after = sentence.substr(total.end, found[k + 1].begin - total.end);
    const std::size_t previous_end = k == 0 ? 0 : found[k - 1].end;
    const std::string_view label = label_in(sentence.substr(previous_end, total.begin - previous_end));
    PartsFinding f;
    f.total = total;
    if (RE2::PartialMatch(after, whereof)) {
      collect_parts(sentence, found, k + 1, false, f);
      if (!f.parts.empty()) out.push_back(std::move(f));
    } else if (total_label(label) && area(total.quantity.unit)) {
      collect_parts(sentence, found, k + 1, true, f);
      if (f.parts.size() >= 2) out.push_back(std::move(f));
    }
  }
  return out;
}

void for_each_parts(const Document& doc, const std::function<void(std::size_t, const PartsFinding&)>& on) {
  for_each_sentence(doc, {"总", "其中", "包括"}, [&](std::size_t base, std::string_view sentence) {
    for (const PartsFinding& f : find_parts(sentence)) on(base, f);
  });
}

void report_parts(const Document& doc, Reporter& out, std::size_t base, const PartsFinding& f) {
  const Quantity& t = f.total.quantity;
  const std::string unit = f.total.unit;
  double finest = step_of(t);
  bool same_magnitude = true;
  for (const FoundQuantity& p : f.parts) {
    finest = std::min(finest, step_of(p.quantity));
    same_magnitude = same_magnitude && p.quantity.magnitude == t.magnitude;
  }
  std::string parts;
  for (const FoundQuantity& p : f.parts) {
    if (!parts.empty()) parts += "+";
    parts += same_magnitude ? in_unit(p.quantity.value, t, finest)
                            : in_unit(p.quantity.value, p.quantity, step_of(p.quantity)) + p.unit;
  }
  out.report(original(doc, base, f.total.begin, f.total.end),
             expand_template(out.rule().message, {{"total", in_unit(t.value, t, step_of(t)) + unit},
                                                  {"parts", parts},
                                                  {"sum", in_unit(f.sum, t, finest) + unit},
                                                  {"gap", in_unit(std::fabs(t.value - f.sum), t, finest) + unit},
                                                  {"note", f.open ? "（另列有未计数量的部分，但差额不足总数的1%）" : ""}}));
}

double largest_part(const PartsFinding& f) {
  double largest = 0;
  for (const FoundQuantity& p : f.parts) largest = std::max(largest, p.quantity.value);
  return largest;
}

double parts_tolerance(const PartsFinding& f) {
  double step = step_of(f.total.quantity);
  for (const FoundQuantity& p : f.parts) step = std::max(step, step_of(p.quantity));
  return step * 0.5 + 1e-9 * std::fabs(f.total.quantity.value);
}

}  // namespace

void check_parts_exceed_total(const Document& doc, const LintContext&, Reporter& out) {
  for_each_parts(doc, [&](std::size_t base, const PartsFinding& f) {
    const Quantity& t = f.total.quantity;
    // "约300亿元" leaves room for rounding, not for 320.
    const double allowed = t.approximate ? t.value * 0.05 : parts_tolerance(f);
    // Head counts and counts of things may overlap (其中女性…、少数民族…; 公办…、普惠性…). They
    // add up when their labels name one kind of thing by one head (护理型床位、普通床位);
    // otherwise only a single part larger than the whole is certain to be wrong.
    const double compared = additive(t.unit) || f.one_head ? f.sum : largest_part(f);
    if (compared > t.value + allowed) report_parts(doc, out, base, f);
  });
}

void check_parts_total_mismatch(const Document& doc, const LintContext&, Reporter& out) {
  for_each_parts(doc, [&](std::size_t base, const PartsFinding& f) {
    const Quantity& t = f.total.quantity;
    if (t.approximate || f.parts.size() < 2 || !additive(t.unit)) return;
    const double gap = t.value - f.sum;
    if (gap <= parts_tolerance(f)) return;
    // An unquantified component may hold the rest, unless the rest is too small to be one.
    if (f.open && gap >= t.value * 0.01) return;
    report_parts(doc, out, base, f);
  });
}

// ---- percentage points ---------------------------------------------------------------------

namespace {

int decimals_of(std::string_view number) {
  const auto dot = number.find('.');
  return dot == std::string_view::npos ? 0 : static_cast<int>(number.size() - dot - 1);
}

bool falls(std::string_view verb) {
  return verb == "下降" || verb == "降低" || verb == "减少" || verb == "回落" || verb == "降";
}

}  // namespace

void check_percentage_points(const Document& doc, const LintContext&, Reporter& out) {
  static const std::string number = "([0-9]{1,15}(?:\\.[0-9]{1,8})?)";
  static const std::string year = "(?:[0-9]{4}年(?:底|末)?的?)?";
  static const std::string verb = "(提高|提升|上升|增长|增加|下降|降低|减少|回落|升|增|降)";
  // 由A%提高到B%，提高了C个百分点
  static const RE2 from_to("(?:由|从)" + year + number + "%" + verb + "(?:到|至)" + year + number + "%(?:以上|左右)?,?(?:" + verb +
                           ")?了?" + number + "个百分点");
  // B%……比A%提高了C个百分点
  static const RE2 compared(number + "%,?(?:虽然|但|并且|并|且)?(?:比|较)" + year + number + "%" + verb + "了?" +
                            number + "个百分点");
  for_each_sentence(doc, {"百分点"}, [&](std::size_t base, std::string_view sentence) {
    re2::StringPiece input(sentence);
    re2::StringPiece a, b, c, v1, v2;
    const auto check = [&](double from, double to, std::string_view verb_text, re2::StringPiece stated) {
      const double change = falls(verb_text) ? from - to : to - from;
      const std::string_view c_text(stated.data(), stated.size());
      const double claimed = std::stod(std::string(c_text));
      const int decimals = decimals_of(c_text);
      if (std::fabs(change - claimed) <= 0.5 * std::pow(10.0, -decimals) + 1e-9) return;
      const std::size_t begin = static_cast<std::size_t>(stated.data() - sentence.data());
      const int shown = std::max({decimals, decimals_of(std::string_view(a.data(), a.size())),
                                  decimals_of(std::string_view(b.data(), b.size()))});
      out.report(original(doc, base, begin, begin + c_text.size() + std::string_view("个百分点").size()),
                 expand_template(out.rule().message, {{"from", a.as_string() + "%"},
                                                      {"to", b.as_string() + "%"},
                                                      {"stated", std::string(c_text)},
                                                      {"change", format_number(std::fabs(change), shown)}}));
    };
    while (RE2::FindAndConsume(&input, from_to, &a, &v1, &b, &v2, &c))
      check(std::stod(a.as_string()), std::stod(b.as_string()), std::string_view(v1.data(), v1.size()), c);
    input = re2::StringPiece(sentence);
    while (RE2::FindAndConsume(&input, compared, &b, &a, &v1, &c))
      check(std::stod(a.as_string()), std::stod(b.as_string()), std::string_view(v1.data(), v1.size()), c);
  });
}

// ---- 分别 ------------------------------------------------------------------------------------

namespace {

std::vector<std::string_view> split_on(std::string_view s, std::string_view separator) {
  std::vector<std::string_view> out;
  for (std::size_t from = 0;;) {
    const std::size_t at = s.find(separator, from);
    out.push_back(s.substr(from, at == std::string_view::npos ? std::string_view::npos : at - from));
    if (at == std::string_view::npos) return out;
    from = at + separator.size();
  }
}

std::size_t first_conjunction(std::string_view s) {
  std::size_t best = std::string_view::npos;
  for (const std::string_view c : {"和", "及", "与"}) best = std::min(best, s.find(c));
  return best;
}

// 燃气管道、供水管道和排水管道: the 和 joins a third use when what precedes it is built like the
// first item; in 磨憨、瑞丽、河口基础设施和公共服务设施建设 it joins the objects of the last one.
std::u32string last_two(std::string_view s) {
  std::u32string out;
  for (std::size_t pos = s.size(); pos > 0 && out.size() < 2;) out.insert(out.begin(), utf8::prev(s, pos));
  return out;
}

bool parallel(std::string_view first, std::string_view candidate) {
  const std::size_t a = utf8::count_code_points(first), b = utf8::count_code_points(candidate);
  if (a + 1 >= b && b + 1 >= a) return true;
  return a >= 2 && b >= 2 && last_two(first) == last_two(candidate);
}

std::size_t count_uses(std::string_view uses) {
  std::vector<std::string_view> items = split_on(uses, "、");
  const std::size_t conjunction = first_conjunction(items.back());
  if (conjunction == std::string_view::npos) return items.size();
  if (items.size() == 1) return 2;
  return parallel(items.front(), items.back().substr(0, conjunction)) ? items.size() + 1 : items.size();
}

}  // namespace

void check_respectively_count(const Document& doc, const LintContext&, Reporter& out) {
  static const std::string amount = "[0-9]{1,15}(?:\\.[0-9]{1,8})?(?:万亿|亿|万|千)?元?";
  static const std::string amounts = "((?:" + amount + "、)+" + amount + ")";
  static const std::string verbs = "(?:安排|下达|补助|奖励|给予|拨付|投入|筹集|支持)";
  // 分别安排X、Y，用于A、B
  // A few words may stand between the verb and the amounts: 给予一次性补助, 给予每月, 给予奖补资金.
  static const std::string filler = "\\p{Han}{0,6}?";
  static const RE2 uses_after("(分别)" + verbs + "?" + filler + amounts +
                              "(?:资金|经费)?,?用于(?:支持|保障|补助)?([^,。;]+)");
  // 对A、B分别给予X、Y
  static const RE2 uses_before("对([^,。;:对]+)(分别)" + verbs + filler + amounts);
  for_each_sentence(doc, {"分别"}, [&](std::size_t base, std::string_view sentence) {
    const auto check = [&](re2::StringPiece word, re2::StringPiece values, re2::StringPiece uses, const char* what) {
      const std::string_view uses_text(uses.data(), uses.size());
      if (uses_text.find("等") != std::string_view::npos) return;
      const std::size_t value_count = split_on(std::string_view(values.data(), values.size()), "、").size();
      const std::size_t use_count = count_uses(uses_text);
      if (use_count < 2 || use_count == value_count) return;
      const std::size_t begin = static_cast<std::size_t>(word.data() - sentence.data());
      const std::size_t end = static_cast<std::size_t>(values.data() - sentence.data()) + values.size();
      out.report(original(doc, base, begin, end),
                 expand_template(out.rule().message, {{"values", std::to_string(value_count)},
                                                      {"uses", std::to_string(use_count)},
                                                      {"what", what},
                                                      {"list", values.as_string()}}));
    };
    re2::StringPiece input(sentence);
    re2::StringPiece word, values, uses;
    while (RE2::FindAndConsume(&input, uses_after, &word, &values, &uses)) check(word, values, uses, "项用途");
    input = re2::StringPiece(sentence);
    while (RE2::FindAndConsume(&input, uses_before, &uses, &word, &values)) {
      if (std::string_view(uses.data(), uses.size()).find("、") != std::string_view::npos)
        check(word, values, uses, "个对象");
    }
  });
}

}  // namespace policylint
