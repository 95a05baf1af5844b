#include "policylint/ci_formats.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace policylint {

using nlohmann::json;

namespace {

std::uint64_t fnv1a(std::string_view s, std::uint64_t seed) {
  std::uint64_t h = seed;
  for (const unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

// A fingerprint that survives edits elsewhere in the file: the rule, the file and the trimmed
// text of the line, plus which of several identical findings this is.
std::vector<std::string> fingerprints(const RunReport& report) {
  std::map<std::string, int> seen;
  std::vector<std::string> out;
  for (const Finding& f : report.findings) {
    const std::string key = f.file + '\0' + f.rule + '\0' + trim(f.line_text);
    const std::uint64_t a = fnv1a(key, 0xcbf29ce484222325ULL), b = fnv1a(key, 0x84222325cbf29ce4ULL);
    out.push_back(fmt::format("{:016x}{:016x}:{}", a, b, ++seen[key]));
  }
  return out;
}

std::string percent_encode_path(std::string_view path) {
  std::string out;
  for (const unsigned char c : path) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       std::string_view("-._~/").find(static_cast<char>(c)) != std::string_view::npos;
    out += plain ? std::string(1, static_cast<char>(c)) : fmt::format("%{:02X}", c);
  }
  return out;
}

const char* sarif_level(Severity s) { return s == Severity::Error ? "error" : s == Severity::Warning ? "warning" : "note"; }

json sarif_region(const Place& p) {
  return {{"startLine", p.begin.line}, {"startColumn", p.begin.column}, {"endLine", p.end.line},
          {"endColumn", p.end.column}};
}

// A relative path stays a relative reference (to the repository, as code scanning expects).
std::string artifact_uri(const std::string& file) {
  return (file.starts_with("/") ? "file://" : "") + percent_encode_path(file);
}

json sarif_location(const std::string& file, const Place& p) {
  return {{"physicalLocation", {{"artifactLocation", {{"uri", artifact_uri(file)}}}, {"region", sarif_region(p)}}}};
}

std::string rule_help(const RuleInfo& rule) {
  std::string help = rule.description;
  if (!rule.standard.empty()) help += "\n依据：" + rule.standard;
  for (const auto& bad : rule.examples_bad) help += "\n误：" + bad;
  for (const auto& good : rule.examples_good) help += "\n正：" + good;
  return help;
}

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

std::string sarif(const RunReport& report) {
  json rules = json::array();
  std::map<std::string, std::size_t> index;
  for (const auto& [id, rule] : report.rules) {
    index[id] = rules.size();
    json r = {{"id", id},
              {"shortDescription", {{"text", first_line(rule.description.empty() ? id : rule.description)}}},
              {"fullDescription", {{"text", rule.description.empty() ? id : rule.description}}},
              {"help", {{"text", rule_help(rule).empty() ? id : rule_help(rule)}}},
              {"defaultConfiguration", {{"level", sarif_level(rule.severity)}}},
              {"properties", {{"tags", {rule.pack}}}}};
    rules.push_back(std::move(r));
  }
  const auto prints = fingerprints(report);
  json results = json::array();
  for (std::size_t i = 0; i < report.findings.size(); ++i) {
    const Finding& f = report.findings[i];
    json r = {{"ruleId", f.rule},
              {"level", sarif_level(f.severity)},
              {"message", {{"text", f.message}}},
              {"locations", {sarif_location(f.file, f.place)}},
              {"partialFingerprints", {{"primaryLocationLineHash", prints[i]}}}};
    if (const auto it = index.find(f.rule); it != index.end()) r["ruleIndex"] = it->second;
    if (!f.related.empty()) {
      json related = json::array();
      for (const auto& [place, message] : f.related) {
        json location = sarif_location(f.file, place);
        location["id"] = related.size();
        location["message"] = {{"text", message}};
        related.push_back(std::move(location));
      }
      r["relatedLocations"] = std::move(related);
    }
    if (!f.edits.empty()) {
      json replacements = json::array();
      for (const auto& [place, text] : f.edits)
        replacements.push_back({{"deletedRegion", sarif_region(place)}, {"insertedContent", {{"text", text}}}});
      json change = {{"artifactLocation", {{"uri", artifact_uri(f.file)}}}, {"replacements", replacements}};
      json fix = {{"description", {{"text", f.message}}}, {"artifactChanges", json::array({change})}};
      r["fixes"] = json::array({fix});
    }
    results.push_back(std::move(r));
  }
  json log = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs",
               {{{"tool", {{"driver", {{"name", "policylint"}, {"version", POLICYLINT_VERSION}, {"rules", rules}}}}},
                 {"columnKind", "unicodeCodePoints"},
                 {"results", results}}}}};
  return log.dump(2) + "\n";
}

// Workflow commands: data escapes %, CR and LF; property values also ':' and ','.
std::string github_escape(std::string_view s, bool property) {
  std::string out;
  for (const char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else if (property && c == ':') out += "%3A";
    else if (property && c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

std::string github(const RunReport& report) {
  std::string out;
  for (const Finding& f : report.findings) {
    const char* command = f.severity == Severity::Error ? "error" : f.severity == Severity::Warning ? "warning" : "notice";
    out += fmt::format("::{} file={},line={},endLine={},col={},endColumn={},title={}::{}\n", command,
                       github_escape(f.file, true), f.place.begin.line, f.place.end.line, f.place.begin.column,
                       f.place.end.column, github_escape(f.rule, true), github_escape(f.message, false));
  }
  return out;
}

json rdjson_range(const Place& p) {
  return {{"start", {{"line", p.begin_byte.line}, {"column", p.begin_byte.column}}},
          {"end", {{"line", p.end_byte.line}, {"column", p.end_byte.column}}}};
}

std::string rdjson(const RunReport& report) {
  json diagnostics = json::array();
  for (const Finding& f : report.findings) {
    json d = {{"message", f.message},
              {"location", {{"path", f.file}, {"range", rdjson_range(f.place)}}},
              {"severity", f.severity == Severity::Error ? "ERROR" : f.severity == Severity::Warning ? "WARNING" : "INFO"},
              {"code", {{"value", f.rule}}}};
    if (!f.edits.empty()) {
      json suggestions = json::array();
      for (const auto& [place, text] : f.edits) suggestions.push_back({{"range", rdjson_range(place)}, {"text", text}});
      d["suggestions"] = std::move(suggestions);
    }
    if (!f.related.empty()) {
      json related = json::array();
      for (const auto& [place, message] : f.related)
        related.push_back({{"message", message}, {"location", {{"path", f.file}, {"range", rdjson_range(place)}}}});
      d["related_locations"] = std::move(related);
    }
    diagnostics.push_back(std::move(d));
  }
  json out = {{"source", {{"name", "policylint"}}}, {"diagnostics", diagnostics}};
  return out.dump(2) + "\n";
}

std::string gitlab(const RunReport& report) {
  const auto prints = fingerprints(report);
  json issues = json::array();
  for (std::size_t i = 0; i < report.findings.size(); ++i) {
    const Finding& f = report.findings[i];
    issues.push_back(
        {{"type", "issue"},
         {"check_name", f.rule},
         {"description", f.message},
         {"categories", {"Style"}},
         {"severity", f.severity == Severity::Error ? "major" : f.severity == Severity::Warning ? "minor" : "info"},
         {"fingerprint", prints[i]},
         {"location", {{"path", f.file}, {"lines", {{"begin", f.place.begin.line}, {"end", f.place.end.line}}}}}});
  }
  return issues.dump(2) + "\n";
}

std::string xml_escape(std::string_view s) {
  std::string out;
  for (const char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // XML 1.0 allows no control characters but tab, LF and CR.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') out += "\xEF\xBF\xBD";
        else out += c;
    }
  }
  return out;
}

// One test suite per file and one failing test case per finding; a clean file is one passing case.
std::string junit(const RunReport& report) {
  std::map<std::string, std::vector<const Finding*>> by_file;
  for (const std::string& file : report.files) by_file[file];
  for (const Finding& f : report.findings) by_file[f.file].push_back(&f);
  std::string suites;
  std::size_t tests = 0;
  for (const auto& [file, findings] : by_file) {
    const std::size_t cases = std::max<std::size_t>(1, findings.size());
    tests += cases;
    suites += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n", xml_escape(file),
                          cases, findings.size());
    if (findings.empty()) suites += fmt::format("    <testcase classname=\"{}\" name=\"policylint\"/>\n", xml_escape(file));
    for (const Finding* f : findings) {
      suites += fmt::format(
          "    <testcase classname=\"{0}\" name=\"{1} {2}:{3}\">\n"
          "      <failure type=\"{4}\" message=\"{5}\">{0}:{2}:{3}: {4}: {5} [{1}]</failure>\n"
          "    </testcase>\n",
          xml_escape(file), xml_escape(f->rule), f->place.begin.line, f->place.begin.column, to_string(f->severity),
          xml_escape(f->message));
    }
    suites += "  </testsuite>\n";
  }
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"policylint\" tests=\"{}\" failures=\"{}\" "
      "errors=\"0\">\n{}</testsuites>\n",
      tests, report.findings.size(), suites);
}

Place place_of(const Document& doc, Span span) {
  return {doc.position(span.begin), doc.position(span.end), doc.position(span.begin, ColumnUnit::Byte),
          doc.position(span.end, ColumnUnit::Byte)};
}

}  // namespace

std::optional<CiFormat> parse_ci_format(std::string_view name) {
  if (name == "sarif") return CiFormat::Sarif;
  if (name == "github") return CiFormat::Github;
  if (name == "rdjson") return CiFormat::Rdjson;
  if (name == "gitlab") return CiFormat::Gitlab;
  if (name == "junit") return CiFormat::Junit;
  return std::nullopt;
}

Finding make_finding(const Document& doc, const Diagnostic& d) {
  Finding f{doc.path(), d.rule, d.severity, d.message, place_of(doc, d.span),
            std::string(doc.line_text(doc.line_index(d.span.begin))), d.fix && d.fix->safe, {}, {}};
  if (d.fix) {
    for (const Edit& e : d.fix->edits) f.edits.emplace_back(place_of(doc, e.span), e.replacement);
  }
  for (const Related& r : d.related) f.related.emplace_back(place_of(doc, r.span), r.message);
  return f;
}

std::string format_ci(CiFormat format, const RunReport& report) {
  switch (format) {
    case CiFormat::Sarif: return sarif(report);
    case CiFormat::Github: return github(report);
    case CiFormat::Rdjson: return rdjson(report);
    case CiFormat::Gitlab: return gitlab(report);
    case CiFormat::Junit: return junit(report);
  }
  return {};
}

}  // namespace policylint
