#pragma once
// Reports for CI systems, written once for the whole run: SARIF 2.1.0, GitHub workflow commands,
// reviewdog's rdjson, GitLab Code Quality and JUnit XML.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policylint/check.hpp"
#include "policylint/diagnostic.hpp"
#include "policylint/document.hpp"

namespace policylint {

enum class CiFormat { Sarif, Github, Rdjson, Gitlab, Junit };
std::optional<CiFormat> parse_ci_format(std::string_view name);

// A span in the two column units the formats need: code points and UTF-8 bytes.
struct Place {
  Position begin, end;            // code points
  Position begin_byte, end_byte;  // bytes
};

struct Finding {
  std::string file;
  std::string rule;
  Severity severity = Severity::Warning;
  std::string message;
  Place place;
  std::string line_text;  // the first line of the span, for fingerprints
  bool fix_safe = false;
  std::vector<std::pair<Place, std::string>> edits;    // replacement text
  std::vector<std::pair<Place, std::string>> related;  // message
};

Finding make_finding(const Document& doc, const Diagnostic& d);

struct RunReport {
  std::vector<std::string> files;  // every file linted, clean ones too
  std::vector<Finding> findings;
  std::map<std::string, RuleInfo> rules;  // the rules that fired, by id
};

std::string format_ci(CiFormat format, const RunReport& report);

}  // namespace policylint
