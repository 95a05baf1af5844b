#pragma once
// Printing diagnostics: compiler-style text and the JSON contract of conventions.md.
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "policylint/diagnostic.hpp"
#include "policylint/document.hpp"

namespace policylint {

struct TextOptions {
  ColumnUnit unit = ColumnUnit::CodePoint;
  bool show_source = false;
};

std::string format_text(const Document& doc, const std::vector<Diagnostic>& diagnostics, const TextOptions& options);
nlohmann::json to_json(const Document& doc, const Diagnostic& d, ColumnUnit unit);

}  // namespace policylint
