#include "policylint/output.hpp"

#include <fmt/format.h>

#include <iterator>

#include "policylint/text.hpp"

namespace policylint {

namespace {

std::size_t display_width(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t pos = 0; pos < s.size();) {
    const char32_t cp = utf8::next(s, pos);
    n += cp == '\t' ? 1 : utf8::is_wide(cp) ? 2 : 1;
  }
  return n;
}

void append_source(std::string& out, const Document& doc, Span span) {
  const std::size_t index = doc.line_index(span.begin);
  const Line& line = doc.lines()[index];
  const std::string_view text = doc.line_text(index);
  const std::size_t begin = std::min(span.begin, line.end) - line.begin;
  const std::size_t end = std::max(begin, std::min(span.end, line.end) - line.begin);
  std::string indent;
  for (std::size_t pos = 0; pos < begin;) {
    const char32_t cp = utf8::next(text, pos);
    indent += cp == '\t' ? "\t" : utf8::is_wide(cp) ? "  " : " ";
  }
  const std::size_t width = std::max<std::size_t>(1, display_width(text.substr(begin, end - begin)));
  out += fmt::format("  {}\n  {}^{}\n", text, indent, std::string(width - 1, '~'));
}

}  // namespace

std::string format_text(const Document& doc, const std::vector<Diagnostic>& diagnostics, const TextOptions& options) {
  std::string out;
  out.reserve(diagnostics.size() * (doc.path().size() + 128));  // a typical line, so few reallocations
  for (const Diagnostic& d : diagnostics) {
    const Position p = doc.position(d.span.begin, options.unit);
    fmt::format_to(std::back_inserter(out), "{}:{}:{}: {}: {} [{}]{}\n", doc.path(), p.line, p.column,
                   to_string(d.severity), d.message, d.rule, d.fix && d.fix->safe ? " [*]" : "");
    if (options.show_source) append_source(out, doc, d.span);
    for (const Related& r : d.related) {
      const Position rp = doc.position(r.span.begin, options.unit);
      fmt::format_to(std::back_inserter(out), "{}:{}:{}: note: {}\n", doc.path(), rp.line, rp.column, r.message);
      if (options.show_source) append_source(out, doc, r.span);
    }
  }
  return out;
}

nlohmann::json to_json(const Document& doc, const Diagnostic& d, ColumnUnit unit) {
  const Position b = doc.position(d.span.begin, unit);
  const Position e = doc.position(d.span.end, unit);
  nlohmann::json j = {{"file", doc.path()},         {"line", b.line},
                      {"column", b.column},         {"end_line", e.line},
                      {"end_column", e.column},     {"severity", to_string(d.severity)},
                      {"rule", d.rule},             {"message", d.message}};
  if (d.fix) {
    nlohmann::json edits = nlohmann::json::array();
    for (const Edit& edit : d.fix->edits) {
      const Position eb = doc.position(edit.span.begin, unit);
      const Position ee = doc.position(edit.span.end, unit);
      edits.push_back({{"line", eb.line},
                       {"column", eb.column},
                       {"end_line", ee.line},
                       {"end_column", ee.column},
                       {"replacement", edit.replacement}});
    }
    j["fix"] = {{"edits", edits}, {"safe", d.fix->safe}};
  }
  if (!d.related.empty()) {
    nlohmann::json related = nlohmann::json::array();
    for (const Related& r : d.related) {
      const Position rp = doc.position(r.span.begin, unit);
      related.push_back({{"file", doc.path()}, {"line", rp.line}, {"column", rp.column}, {"message", r.message}});
    }
    j["related"] = related;
  }
  return j;
}

}  // namespace policylint
