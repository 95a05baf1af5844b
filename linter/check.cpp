#include "policylint/check.hpp"

#include <algorithm>

#include "policylint/text.hpp"

namespace policylint {

Reporter::Reporter(const RuleInfo& rule, const Document& doc, std::vector<Diagnostic>& out)
    : rule_(rule), doc_(doc), out_(out) {}

Diagnostic* Reporter::report(Span span, std::string message) {
  if (!rule_.scope.empty() &&
      std::find(rule_.scope.begin(), rule_.scope.end(), doc_.role_at(span.begin)) == rule_.scope.end()) {
    return nullptr;
  }
  Diagnostic d;
  d.rule = rule_.id;
  d.severity = rule_.severity;
  d.message = std::move(message);
  d.span = span;
  out_.push_back(std::move(d));
  return &out_.back();
}

namespace {

std::string apply_filter(std::string_view value, std::string_view filter) {
  if (filter == "halfwidth") return utf8::to_halfwidth(value);
  if (filter == "fullwidth") return utf8::to_fullwidth(value);
  if (filter == "trim") {
    const auto b = value.find_first_not_of(" \t");
    if (b == std::string_view::npos) return {};
    return std::string(value.substr(b, value.find_last_not_of(" \t") - b + 1));
  }
  return std::string(value);
}

}  // namespace

std::string expand_template(std::string_view tmpl, const std::map<std::string, std::string>& values) {
  std::string out;
  out.reserve(tmpl.size() + 16);
  for (std::size_t i = 0; i < tmpl.size();) {
    if (tmpl[i] != '{') {
      out += tmpl[i++];
      continue;
    }
    const std::size_t close = tmpl.find('}', i);
    if (close == std::string_view::npos) {
      out += tmpl.substr(i);
      break;
    }
    const std::string_view inner = tmpl.substr(i + 1, close - i - 1);
    const std::size_t colon = inner.find(':');
    const std::string name(inner.substr(0, colon));
    const auto it = values.find(name);
    if (it == values.end()) {
      out += tmpl.substr(i, close - i + 1);
    } else {
      out += colon == std::string_view::npos ? it->second : apply_filter(it->second, inner.substr(colon + 1));
    }
    i = close + 1;
  }
  return out;
}

}  // namespace policylint
