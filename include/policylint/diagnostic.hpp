#pragma once
// A finding: what a check reports, independent of how it is printed.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace policylint {

enum class Severity { Info, Warning, Error };

const char* to_string(Severity);
std::optional<Severity> parse_severity(std::string_view);

// Offsets are byte offsets into Document::text (the decoded UTF-8 text), half-open.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
};

struct Edit {
  Span span;
  std::string replacement;
};

struct Fix {
  std::vector<Edit> edits;
  bool safe = true;
};

struct Related {
  Span span;
  std::string message;
};

struct Diagnostic {
  std::string rule;
  Severity severity = Severity::Warning;
  std::string message;
  Span span;
  std::optional<Fix> fix;
  std::vector<Related> related;
};

}  // namespace policylint
