#include "policylint/document.hpp"

#include <algorithm>
#include <mutex>

#include "huge_pages.hpp"
#include "policylint/text.hpp"

namespace policylint {

std::optional<ColumnUnit> parse_column_unit(std::string_view s) {
  if (s == "char") return ColumnUnit::CodePoint;
  if (s == "display") return ColumnUnit::Display;
  if (s == "byte") return ColumnUnit::Byte;
  if (s == "utf16") return ColumnUnit::Utf16;
  return std::nullopt;
}

void FoldMap::add(std::size_t folded_offset, std::size_t original_offset) {
  points_.push_back({folded_offset, original_offset});
}

std::size_t FoldMap::to_original(std::size_t folded_offset) const {
  auto it = std::upper_bound(points_.begin(), points_.end(), folded_offset,
                             [](std::size_t f, const Point& p) { return f < p.folded; });
  if (it == points_.begin()) return folded_offset;
  --it;
  return it->original + (folded_offset - it->folded);
}

std::size_t FoldMap::to_folded(std::size_t original_offset) const {
  auto it = std::upper_bound(points_.begin(), points_.end(), original_offset,
                             [](std::size_t o, const Point& p) { return o < p.original; });
  if (it == points_.begin()) return original_offset;
  --it;
  return it->folded + (original_offset - it->original);
}

void FoldMap::fold_lines(std::vector<Line>& lines) const {
  auto next = points_.begin();
  const auto folded = [&](std::size_t original) {
    while (next != points_.end() && next->original <= original) ++next;
    if (next == points_.begin()) return original;
    const Point& p = *std::prev(next);
    return p.folded + (original - p.original);
  };
  for (Line& l : lines) {
    l.folded_begin = folded(l.begin);
    l.folded_end = folded(l.end);
  }
}

namespace {

// U+FF01..U+FF5E are EF BC 81..EF BD 9E in UTF-8; everything else is copied in runs.
void fold(const std::string& text, std::string& folded, FoldMap& map) {
  folded.reserve(text.size());
  prefer_huge_pages(folded.data(), folded.capacity());
  std::size_t run_start = 0;
  for (std::size_t pos = text.find('\xEF'); pos != std::string::npos && pos + 2 < text.size();
       pos = text.find('\xEF', pos + 1)) {
    const auto b1 = static_cast<unsigned char>(text[pos + 1]);
    const auto b2 = static_cast<unsigned char>(text[pos + 2]);
    const bool fullwidth = (b1 == 0xBC && b2 >= 0x81 && b2 <= 0xBF) || (b1 == 0xBD && b2 >= 0x80 && b2 <= 0x9E);
    if (!fullwidth) continue;
    folded.append(text, run_start, pos - run_start);
    const char32_t cp = 0xF000 | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
    folded += static_cast<char>(cp - 0xFEE0);
    run_start = pos + 3;
    map.add(folded.size(), run_start);
    pos += 2;
  }
  folded.append(text, run_start, std::string::npos);
}

std::vector<Line> split_lines(const std::string& text) {
  std::vector<Line> lines;
  std::size_t begin = 0;
  if (text.find('\r') == std::string::npos) {
    for (std::size_t i; (i = text.find('\n', begin)) != std::string::npos; begin = i + 1) lines.push_back({begin, i});
  } else {
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n' || text[i] == '\r') {
        lines.push_back({begin, i});
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        begin = i + 1;
      }
    }
  }
  if (begin < text.size() || lines.empty()) lines.push_back({begin, text.size()});
  return lines;
}

std::size_t column_width(std::string_view s, ColumnUnit unit) {
  switch (unit) {
    case ColumnUnit::Byte: return s.size();
    case ColumnUnit::CodePoint: return utf8::count_code_points(s);
    case ColumnUnit::Utf16:
    case ColumnUnit::Display: {
      std::size_t n = 0;
      for (std::size_t pos = 0; pos < s.size();) {
        const char32_t cp = utf8::next(s, pos);
        n += unit == ColumnUnit::Utf16 ? (cp >= 0x10000 ? 2 : 1) : (utf8::is_wide(cp) ? 2 : 1);
      }
      return n;
    }
  }
  return s.size();
}

}  // namespace

struct Document::Lazy {
  std::once_flag dates_once, unit_lists_once, text_tables_once;
  DateIndex dates;
  std::vector<std::vector<ListItem>> unit_lists;
  std::vector<TextTable> text_tables;
};

Document::Document(std::string path, Decoded decoded)
    : path_(std::move(path)), decoded_(std::move(decoded)), lazy_(std::make_unique<Lazy>()) {
  fold(decoded_.text, folded_, fold_map_);
  lines_ = split_lines(decoded_.text);
  fold_map_.fold_lines(lines_);
  structure_ = parse_structure(*this);
}

Document::Document(Document&&) noexcept = default;
Document& Document::operator=(Document&&) noexcept = default;
Document::~Document() = default;

const DateIndex& Document::dates() const {
  std::call_once(lazy_->dates_once, [this] { lazy_->dates = extract_dates(*this, structure_); });
  return lazy_->dates;
}

const std::vector<std::vector<ListItem>>& Document::unit_lists() const {
  std::call_once(lazy_->unit_lists_once, [this] { lazy_->unit_lists = parse_unit_lists(*this); });
  return lazy_->unit_lists;
}

const std::vector<TextTable>& Document::text_tables() const {
  std::call_once(lazy_->text_tables_once, [this] { lazy_->text_tables = parse_tables(*this, structure_); });
  return lazy_->text_tables;
}

Document Document::from_text(std::string path, std::string text) {
  Decoded decoded;
  decoded.text = std::move(text);
  return Document(std::move(path), std::move(decoded));
}

Span Document::to_original(Span folded) const { return {to_original(folded.begin), to_original(folded.end)}; }

std::size_t Document::line_index(std::size_t offset) const {
  auto it = std::upper_bound(lines_.begin(), lines_.end(), offset,
                             [](std::size_t o, const Line& l) { return o < l.begin; });
  return it == lines_.begin() ? 0 : static_cast<std::size_t>(it - lines_.begin() - 1);
}

std::string_view Document::line_text(std::size_t index) const {
  const Line& l = lines_.at(index);
  return std::string_view(decoded_.text).substr(l.begin, l.end - l.begin);
}

std::string_view Document::folded_line(std::size_t index) const {
  const Line& l = lines_.at(index);
  return std::string_view(folded_).substr(l.folded_begin, l.folded_end - l.folded_begin);
}

Position Document::position(std::size_t offset, ColumnUnit unit) const {
  offset = std::min(offset, decoded_.text.size());
  const std::size_t index = line_index(offset);
  const Line& l = lines_[index];
  const std::size_t upto = std::min(offset, l.end);
  const std::string_view prefix = std::string_view(decoded_.text).substr(l.begin, upto - l.begin);
  return {index + 1, column_width(prefix, unit) + 1 + (offset > l.end ? 1 : 0)};
}

std::size_t Document::offset_at(Position p, ColumnUnit unit) const {
  if (lines_.empty()) return 0;
  if (p.line < 1) return 0;
  if (p.line > lines_.size()) return decoded_.text.size();
  const Line& l = lines_[p.line - 1];
  const std::string_view line = std::string_view(decoded_.text).substr(l.begin, l.end - l.begin);
  std::size_t column = 1;
  std::size_t pos = 0;
  while (pos < line.size() && column < p.column) {
    const std::size_t start = pos;
    const char32_t cp = utf8::next(line, pos);
    switch (unit) {
      case ColumnUnit::Byte: column += pos - start; break;
      case ColumnUnit::CodePoint: column += 1; break;
      case ColumnUnit::Utf16: column += cp >= 0x10000 ? 2 : 1; break;
      case ColumnUnit::Display: column += utf8::is_wide(cp) ? 2 : 1; break;
    }
  }
  return l.begin + pos;
}

LineRole Document::role_at(std::size_t offset) const {
  const auto& roles = structure_.roles;
  const std::size_t index = line_index(offset);
  return index < roles.size() ? roles[index] : LineRole::Body;
}

}  // namespace policylint
