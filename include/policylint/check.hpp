#pragma once
// The contract between the engine and a rule kind. A kind is a C++ class; a rule is a TOML table
// that names a kind and gives its parameters.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "policylint/date.hpp"
#include "policylint/diagnostic.hpp"
#include "policylint/document.hpp"
#include "policylint/names.hpp"
#include "policylint/targets.hpp"

namespace policylint {

struct RuleInfo {
  std::string id;
  std::string pack;
  std::string kind;
  Severity severity = Severity::Warning;
  std::string message;
  std::string description;
  std::string standard;
  std::vector<LineRole> scope;  // empty: anywhere
  bool fixable = false;
  std::vector<std::string> examples_bad;
  std::vector<std::string> examples_good;
  std::string examples_document_date;  // optional document date for running the examples
  std::string pack_path;
  std::size_t line = 0;
};

// What a check may know besides the document: the configuration that applies to it.
struct LintContext {
  std::optional<CivilDate> document_date;  // from the config or --document-date
  std::string region;
  std::shared_ptr<const NameIndex> names;  // the agency names of every pack in force
  std::shared_ptr<const DocumentNames> document_names;
  std::shared_ptr<const DocumentTargets> document_targets;  // body–table links, made on first use; set by lint()  // what `names` finds in this document; set by lint()
};

// Where a check sends its findings. It stamps the rule id and severity, and drops findings outside
// the rule's scope, so kinds never repeat that logic.
class Reporter {
 public:
  Reporter(const RuleInfo& rule, const Document& doc, std::vector<Diagnostic>& out);
  // Returns nullptr when the span is outside the rule's scope.
  Diagnostic* report(Span span, std::string message);
  const RuleInfo& rule() const { return rule_; }

 private:
  const RuleInfo& rule_;
  const Document& doc_;
  std::vector<Diagnostic>& out_;
};

// A check whose findings each lie within one line, inside a match of one regular expression, can
// name that expression as its trigger. The engine then runs the triggers of a whole pack as one
// RE2::Set pass per line and calls the check only on the lines where its trigger matched, instead
// of every rule scanning the whole text on its own.
struct LineTrigger {
  std::string pattern;
  bool folded = true;  // matched on the folded view
};

class Check {
 public:
  virtual ~Check() = default;
  virtual void run(const Document& doc, const LintContext& ctx, Reporter& out) const = 0;
  virtual std::optional<LineTrigger> trigger() const { return std::nullopt; }
  // Only called for checks with a trigger: run on these lines (0-based, ascending) alone.
  virtual void run_lines(const Document& doc, const LintContext& ctx, Reporter& out,
                         const std::vector<std::size_t>& lines) const {
    (void)lines;
    run(doc, ctx, out);
  }
};

// Fills {0}, {1}, {name} from `values`; a filter after a colon transforms the value:
// {0:halfwidth}, {0:fullwidth}, {0:trim}. Unknown names are left as written.
std::string expand_template(std::string_view tmpl, const std::map<std::string, std::string>& values);

}  // namespace policylint
