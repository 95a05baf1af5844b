#pragma once
#include <optional>
#include <string>
#include <vector>

#include "policylint/ci_formats.hpp"
#include "policylint/decode.hpp"
#include "policylint/document.hpp"
#include "policylint/workspace.hpp"

namespace policylint::cli {

enum class Format { Text, Json, Jsonl };

struct RunOptions {
  std::vector<std::string> paths;
  Overrides overrides;
  Format format = Format::Text;
  std::optional<CiFormat> ci_format;  // a whole-run report instead of `format`
  ColumnUnit unit = ColumnUnit::CodePoint;
  std::optional<Encoding> encoding;
  std::string stdin_filename;
  bool show_source = false;
  bool statistics = false;
  bool quiet = false;
  bool exit_zero = false;
  bool fix = false;
  bool diff = false;
  unsigned jobs = 0;
};

int run_lint(const RunOptions& options);
int run_rules(Workspace& workspace);
int run_explain(Workspace& workspace, const std::string& id);
int run_check_pack(const std::string& path);
int run_install_hook(bool force);
int run_dump_targets(const std::string& path);

}  // namespace policylint::cli
