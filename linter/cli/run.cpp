#include <fmt/format.h>

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <future>
#include <iostream>
#include <iterator>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "cli/cli.hpp"
#include "huge_pages.hpp"
#include "policylint/fix.hpp"
#include "policylint/output.hpp"

namespace policylint::cli {

namespace fs = std::filesystem;

namespace {

struct Input {
  std::string display;  // as printed
  fs::path path;        // on disk; empty for stdin
  bool is_stdin = false;
};

// What linting one file produced, kept until it is its turn to be printed.
struct FileReport {
  std::string out;
  std::string err;
  std::size_t counts[3] = {0, 0, 0};  // by Severity
  std::size_t fixable = 0;
  std::size_t fixed = 0;
  std::map<std::string, std::pair<std::size_t, bool>> by_rule;  // count, fixable
  bool failed = false;  // an I/O or configuration error
  std::vector<std::string> json;
  bool linted = false;
  std::vector<Finding> findings;          // for a CI format
  std::map<std::string, RuleInfo> rules;  // the rules behind `findings`
};

bool read_all(std::FILE* f, std::string& out) {
  char buffer[1 << 16];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, f)) > 0;) out.append(buffer, n);
  return !std::ferror(f);
}

bool read_file(const fs::path& path, std::string& out, std::string& error) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    error = std::strerror(errno);
    return false;
  }
  // One read into a buffer of the file's size; read_all then only sees the end of the file.
  std::error_code ec;
  if (const auto size = fs::file_size(path, ec); !ec && size > 0) {
    out.reserve(size);
    prefer_huge_pages(out.data(), out.capacity());
    out.resize(size);
    out.resize(std::fread(out.data(), 1, size, f));
  }
  const bool ok = read_all(f, out);
  if (!ok) error = std::strerror(errno);
  std::fclose(f);
  return ok;
}

bool matches_any(const std::vector<std::string>& globs, const std::string& relative, const std::string& name) {
  return std::any_of(globs.begin(), globs.end(),
                     [&](const std::string& g) { return glob_match(g, relative) || glob_match(g, name); });
}

void walk(const fs::path& root, Workspace& workspace, std::vector<Input>& inputs, std::vector<std::string>& errors) {
  std::error_code ec;
  std::vector<fs::path> found;
  for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_directory(ec) && it->path().filename().string().starts_with(".")) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec)) found.push_back(it->path());
  }
  if (ec) errors.push_back(fmt::format("{}: 无法读取目录：{}", root.string(), ec.message()));
  std::sort(found.begin(), found.end());
  for (const auto& file : found) {
    SourceErrors config_errors;
    const auto settings = workspace.settings_for(file, config_errors);
    std::vector<std::string> include = {"*.txt", "*.md"};
    std::vector<std::string> exclude;
    std::string relative = fs::relative(file, root, ec).generic_string();
    if (settings && settings->config && !settings->config->file.empty()) {
      if (!settings->config->include.empty()) include = settings->config->include;
      exclude = settings->config->exclude;
      relative = fs::relative(fs::absolute(file), settings->config->file.parent_path(), ec).generic_string();
    }
    const std::string name = file.filename().string();
    if (!matches_any(include, relative, name) || matches_any(exclude, relative, name)) continue;
    inputs.push_back({file.string(), file, false});
  }
}

Document make_document(const std::string& display, std::string bytes, const RunOptions& options) {
  return Document(display, decode_owned(std::move(bytes), options.encoding));
}

void record(FileReport& report, const Document& doc, const std::vector<Diagnostic>& diagnostics,
            const RunOptions& options) {
  for (const auto& d : diagnostics) {
    ++report.counts[static_cast<int>(d.severity)];
    const bool fixable = d.fix && d.fix->safe;
    if (fixable) ++report.fixable;
    auto& entry = report.by_rule[d.rule];
    ++entry.first;
    entry.second = entry.second || fixable;
  }
  if (options.statistics) return;
  if (options.ci_format) {
    for (const auto& d : diagnostics) report.findings.push_back(make_finding(doc, d));
  } else if (options.format == Format::Text) {
    report.out += format_text(doc, diagnostics, {options.unit, options.show_source});
  } else {
    for (const auto& d : diagnostics) report.json.push_back(to_json(doc, d, options.unit).dump());
  }
}

void remember_rules(FileReport& report, const FileSettings& settings) {
  for (const Finding& f : report.findings) {
    if (report.rules.count(f.rule)) continue;
    for (const Pack* pack : settings.packs) {
      for (const Rule& rule : pack->rules) {
        if (rule.info.id == f.rule) report.rules.emplace(f.rule, rule.info);
      }
    }
  }
}

// A file read and parsed, or the report of why it could not be read.
struct Prepared {
  FileReport report;
  std::optional<Document> doc;
};

Prepared prepare(const Input& input, const RunOptions& options, const std::string& stdin_bytes) {
  Prepared prepared;
  std::string bytes;
  if (input.is_stdin) {
    bytes = stdin_bytes;
  } else if (std::string error; !read_file(input.path, bytes, error)) {
    prepared.report.err = fmt::format("{}: error: 无法读取文件：{}\n", input.display, error);
    prepared.report.failed = true;
    return prepared;
  }
  prepared.doc = make_document(input.display, std::move(bytes), options);
  return prepared;
}

// Lints, applies safe fixes and lints again until nothing more changes (a fix can expose another).
FileReport lint_one(const Input& input, Workspace& workspace, const RunOptions& options, Prepared prepared) {
  FileReport report = std::move(prepared.report);
  if (!prepared.doc) return report;
  Document& doc = *prepared.doc;
  SourceErrors config_errors;
  const fs::path config_anchor = input.is_stdin ? fs::path(options.stdin_filename.empty() ? "stdin" : options.stdin_filename)
                                                : input.path;
  const auto settings = workspace.settings_for(config_anchor, config_errors);
  if (!settings) {
    for (const auto& e : config_errors) report.err += to_string(e) + "\n";
    report.failed = true;
    return report;
  }
  if (doc.source().binary) {
    report.err = fmt::format("{}: 二进制文件，已跳过\n", input.display);
    return report;
  }
  std::vector<Diagnostic> diagnostics = workspace.lint(doc, *settings);
  if (options.fix || options.diff) {
    if (!doc.source().invalid.empty()) {
      report.err += fmt::format("{}: 含有无法解码的字节，未做任何修复\n", input.display);
    } else {
      const std::string original = doc.text();
      for (int round = 0; round < 10; ++round) {
        FixResult fixed = apply_fixes(doc.text(), diagnostics);
        if (fixed.applied == 0 || fixed.text == doc.text()) break;
        report.fixed += fixed.applied;
        Decoded decoded = doc.source();
        decoded.text = std::move(fixed.text);
        doc = Document(input.display, std::move(decoded));
        diagnostics = workspace.lint(doc, *settings);
      }
      if (options.diff) {
        report.out += unified_diff(input.display, original, doc.text());
        if (doc.text() != original) report.counts[static_cast<int>(Severity::Error)] += 1;
        return report;
      }
      if (doc.text() != original) {
        if (input.is_stdin) {
          // With stdin there is no file to write: the fixed text goes to stdout.
          report.out += *encode(doc.text(), doc.source().encoding, doc.source().bom);
          return report;
        }
        if (const std::string error = write_atomically(input.path, doc.text(), doc.source().encoding, doc.source().bom);
            !error.empty()) {
          report.err += "error: " + error + "\n";
          report.failed = true;
        }
      }
    }
  }
  record(report, doc, diagnostics, options);
  report.linted = true;
  if (options.ci_format) remember_rules(report, *settings);
  return report;
}

std::string summary(std::size_t errors, std::size_t warnings, std::size_t infos, std::size_t fixable, std::size_t fixed) {
  std::string s;
  const std::size_t total = errors + warnings + infos;
  if (total == 0) s = "未发现问题。";
  else s = fmt::format("共 {} 个问题：{} 个错误，{} 个警告，{} 个提示。", total, errors, warnings, infos);
  if (fixed) s += fmt::format("已修复 {} 处。", fixed);
  if (fixable && !fixed) s += fmt::format("其中 {} 个可用 --fix 自动修复。", fixable);
  return s;
}

}  // namespace

int run_lint(const RunOptions& options) {
  Workspace workspace(options.overrides);
  SourceErrors load_errors;
  // While the packs compile, the first file (a hook's or an editor's only one) is read and parsed.
  std::error_code ec;
  const bool first_is_file = !options.paths.empty() && options.paths[0] != "-" && fs::is_regular_file(options.paths[0], ec);
  auto loading = std::async(std::launch::async, [&] { return workspace.load(load_errors, !first_is_file); });
  std::optional<Prepared> first;
  if (first_is_file) first = prepare({options.paths[0], options.paths[0], false}, options, {});
  if (!loading.get()) {
    for (const auto& e : load_errors) fmt::print(stderr, "{}\n", to_string(e));
    return 2;
  }
  std::vector<Input> inputs;
  std::vector<std::string> path_errors;
  std::string stdin_bytes;
  for (const std::string& p : options.paths) {
    std::error_code ec;
    if (p == "-") {
      read_all(stdin, stdin_bytes);
      inputs.push_back({options.stdin_filename.empty() ? "-" : options.stdin_filename, {}, true});
    } else if (fs::is_directory(p, ec)) {
      walk(p, workspace, inputs, path_errors);
    } else if (fs::exists(p, ec)) {
      inputs.push_back({p, p, false});
    } else {
      path_errors.push_back(fmt::format("{}: error: 没有这个文件或目录", p));
    }
  }
  for (const auto& e : path_errors) fmt::print(stderr, "{}\n", e);

  const unsigned jobs = std::max(1u, std::min<unsigned>(options.jobs ? options.jobs : std::thread::hardware_concurrency(),
                                                        static_cast<unsigned>(std::max<std::size_t>(inputs.size(), 1))));
  std::vector<std::optional<FileReport>> slots(inputs.size());
  std::mutex mutex;
  std::condition_variable ready;
  std::atomic<std::size_t> next{0};
  const auto take_prepared = [&](std::size_t i) {
    if (i == 0 && first) return std::move(*first);
    return prepare(inputs[i], options, stdin_bytes);
  };
  std::vector<std::thread> workers;
  // With one job the printing thread lints each file itself, in turn: no thread to start.
  for (unsigned j = 0; jobs > 1 && j < jobs; ++j) {
    workers.emplace_back([&] {
      for (std::size_t i; (i = next++) < inputs.size();) {
        FileReport report = lint_one(inputs[i], workspace, options, take_prepared(i));
        std::lock_guard lock(mutex);
        slots[i] = std::move(report);
        ready.notify_all();
      }
    });
  }
  // Print in input order as soon as each file is done; finished reports are freed once printed.
  std::size_t totals[3] = {0, 0, 0};
  std::size_t fixable = 0, fixed = 0;
  bool failed = !path_errors.empty();
  std::map<std::string, std::pair<std::size_t, bool>> by_rule;
  bool first_json = true;
  RunReport ci_report;
  if (options.format == Format::Json && !options.statistics) fmt::print("[");
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    FileReport report;
    if (jobs == 1) {
      report = lint_one(inputs[i], workspace, options, take_prepared(i));
    } else {
      std::unique_lock lock(mutex);
      ready.wait(lock, [&] { return slots[i].has_value(); });
      report = std::move(*slots[i]);
      slots[i].reset();
    }
    if (report.linted) ci_report.files.push_back(inputs[i].display);
    std::move(report.findings.begin(), report.findings.end(), std::back_inserter(ci_report.findings));
    ci_report.rules.merge(report.rules);
    std::fputs(report.out.c_str(), stdout);
    for (const auto& j : report.json) {
      if (options.format == Format::Json) fmt::print("{}\n  {}", first_json ? "" : ",", j);
      else fmt::print("{}\n", j);
      first_json = false;
    }
    std::fflush(stdout);
    std::fputs(report.err.c_str(), stderr);
    for (int s = 0; s < 3; ++s) totals[s] += report.counts[s];
    fixable += report.fixable;
    fixed += report.fixed;
    failed = failed || report.failed;
    for (const auto& [rule, entry] : report.by_rule) {
      by_rule[rule].first += entry.first;
      by_rule[rule].second = by_rule[rule].second || entry.second;
    }
  }
  for (auto& w : workers) w.join();
  if (options.format == Format::Json && !options.statistics) fmt::print("{}]\n", first_json ? "" : "\n");
  if (options.ci_format && !options.statistics) std::fputs(format_ci(*options.ci_format, ci_report).c_str(), stdout);
  if (options.statistics) {
    std::vector<std::pair<std::string, std::pair<std::size_t, bool>>> rows(by_rule.begin(), by_rule.end());
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second.first > b.second.first; });
    for (const auto& [rule, entry] : rows) fmt::print("{:>6}  {:<44} {}\n", entry.first, rule, entry.second ? "[*]" : "");
  }
  const std::size_t errors = totals[static_cast<int>(Severity::Error)];
  const std::size_t warnings = totals[static_cast<int>(Severity::Warning)];
  if (!options.quiet && !options.diff) {
    fmt::print(stderr, "{}\n", summary(errors, warnings, totals[static_cast<int>(Severity::Info)], fixable, fixed));
  }
  if (failed) return 2;
  if (options.exit_zero) return 0;
  return errors + warnings > 0 ? 1 : 0;
}

}  // namespace policylint::cli
