#include "checks/headings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace policylint {

namespace {

// Chapters contain articles, articles contain any lower level; 一、 （一） 1. （1） nest in order.
int rank(HeadingLevel level) {
  switch (level) {
    case HeadingLevel::Chapter: return 0;
    case HeadingLevel::Article: return 1;
    case HeadingLevel::Section: return 2;
    case HeadingLevel::Sub: return 3;
    case HeadingLevel::Item: return 4;
    case HeadingLevel::SubItem: return 5;
  }
  return 2;
}

constexpr int kFirstOutlineRank = 2;  // 一、
constexpr std::array<HeadingLevel, 6> kByRank = {HeadingLevel::Chapter, HeadingLevel::Article, HeadingLevel::Section,
                                                 HeadingLevel::Sub,     HeadingLevel::Item,    HeadingLevel::SubItem};

std::string marker_for(HeadingLevel level, int ordinal) {
  switch (level) {
    case HeadingLevel::Chapter: return fmt::format("第{}章", chinese_numeral(ordinal));
    case HeadingLevel::Article: return fmt::format("第{}条", chinese_numeral(ordinal));
    case HeadingLevel::Section: return chinese_numeral(ordinal) + "、";
    case HeadingLevel::Sub: return fmt::format("（{}）", chinese_numeral(ordinal));
    case HeadingLevel::Item: return fmt::format("{}.", ordinal);
    case HeadingLevel::SubItem: return fmt::format("（{}）", ordinal);
  }
  return {};
}

std::string text_of(const Document& doc, Span span) {
  return std::string(doc.text().substr(span.begin, span.end - span.begin));
}

// Title, 发文字号 and attachment lines separate the documents and attachments a file
// holds; numbering starts afresh in each.
std::vector<std::vector<const Heading*>> parts(const Structure& s) {
  std::vector<std::vector<const Heading*>> out;
  std::size_t boundaries = 0, line = 0, current_part = static_cast<std::size_t>(-1);
  for (const Heading& h : s.headings) {
    for (; line < h.line; ++line) {
      const LineRole role = s.roles[line];
      if (role == LineRole::Title || role == LineRole::DocNumber || role == LineRole::Attachment) ++boundaries;
    }
    const LineRole role = s.roles[h.line];
    if (role != LineRole::Heading && role != LineRole::Body) continue;
    if (out.empty() || boundaries != current_part) {
      out.emplace_back();
      current_part = boundaries;
    }
    out.back().push_back(&h);
  }
  return out;
}

struct OutOfSequence {
  const Heading* heading;
  int expected;
};

// A level counts from 1 again under each heading of rank `restart_rank` or higher; -1 never restarts.
std::vector<OutOfSequence> out_of_sequence(const std::vector<const Heading*>& part, HeadingLevel level, int restart_rank) {
  std::vector<OutOfSequence> out;
  int expected = 1;
  int alternative = 0;  // after a mistake, the number that follows the one written is fine too
  for (const Heading* h : part) {
    if (rank(h->level) <= restart_rank) expected = 1, alternative = 0;
    if (h->level != level) continue;
    if (h->ordinal == expected || h->ordinal == alternative) {
      expected = h->ordinal + 1;
      alternative = 0;
      continue;
    }
    // A skip (二、四、五、), a repeat (二、二、三、) or a slip (二、四、四、五、) is one mistake, one report.
    out.push_back({h, expected});
    alternative = h->ordinal + 1;
    ++expected;
  }
  return out;
}

}  // namespace

void check_heading_sequence(const Document& doc, Reporter& out) {
  for (const auto& part : parts(doc.structure())) {
    for (const HeadingLevel level : kByRank) {
      // The document's style is whichever fits it best: restarting under each parent (the usual),
      // only under a higher heading (1. 2. running on across （一）（二）), or never (（一）…（二十五）).
      auto best = out_of_sequence(part, level, rank(level) - 1);
      for (int restart_rank = rank(level) - 2; restart_rank >= -1 && !best.empty(); --restart_rank) {
        auto other = out_of_sequence(part, level, restart_rank);
        if (other.size() < best.size()) best = std::move(other);
      }
      for (const auto& o : best) {
        const std::map<std::string, std::string> values{{"found", text_of(doc, o.heading->marker)},
                                                        {"expected", marker_for(level, o.expected)}};
        out.report(o.heading->marker, expand_template(out.rule().message, values));
      }
    }
  }
}

void check_heading_level_order(const Document& doc, Reporter& out) {
  for (const auto& part : parts(doc.structure())) {
    std::array<const Heading*, kByRank.size()> open{};
    const Heading* reported_parent = nullptr;
    for (const Heading* h : part) {
      const int r = rank(h->level);
      const Heading* parent = nullptr;
      for (int k = r - 1; k >= 0 && !parent; --k) parent = open[static_cast<std::size_t>(k)];
      if (parent && parent != reported_parent && rank(parent->level) >= kFirstOutlineRank &&
          r - rank(parent->level) >= 2) {
        reported_parent = parent;
        const HeadingLevel skipped = kByRank[static_cast<std::size_t>(rank(parent->level) + 1)];
        const std::map<std::string, std::string> values{{"found", text_of(doc, h->marker)},
                                                        {"parent", text_of(doc, parent->marker)},
                                                        {"expected", marker_for(skipped, 1)}};
        out.report(h->marker, expand_template(out.rule().message, values));
      }
      open[static_cast<std::size_t>(r)] = h;
      for (std::size_t k = static_cast<std::size_t>(r) + 1; k < open.size(); ++k) open[k] = nullptr;
    }
  }
}

}  // namespace policylint
