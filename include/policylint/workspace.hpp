#pragma once
// Everything that decides how a file is linted: the shipped packs, the nearest policylint.toml,
// and the command line's overrides. Packs and configs are loaded once and shared; the CLI and
// the language server both lint through this.
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "policylint/config.hpp"
#include "policylint/linter.hpp"
#include "policylint/pack.hpp"

namespace policylint {

struct Overrides {
  std::optional<std::filesystem::path> config;  // --config
  bool no_config = false;                       // --no-config
  std::optional<std::vector<std::string>> select;
  std::vector<std::string> ignore;
  std::vector<std::filesystem::path> packs;  // --pack
  std::optional<CivilDate> document_date;
  std::optional<std::string> region;
};

struct FileSettings {
  std::vector<const Pack*> packs;
  RuleSelection selection;
  LintContext context;
  std::shared_ptr<const Config> config;
};

class Workspace {
 public:
  explicit Workspace(Overrides overrides);

  // Loads the shipped packs and the --pack ones; false (with errors) when any is malformed.
  // Meanwhile a sample draft compiles the document model's own patterns, unless the caller is
  // parsing a real document at the same time (`warm_model` false), which does that anyway.
  bool load(SourceErrors& errors, bool warm_model = true);
  // The settings for `file`; nullptr when its configuration is malformed.
  std::shared_ptr<const FileSettings> settings_for(const std::filesystem::path& file, SourceErrors& errors);
  std::vector<Diagnostic> lint(const Document& doc, const FileSettings& settings) const;
  // Forgets cached configurations (they changed on disk).
  void forget_configs();

  const std::vector<const Pack*>& base_packs() const { return base_; }
  const Overrides& overrides() const { return overrides_; }

 private:
  const Pack* pack_at(const std::filesystem::path& path, SourceErrors& errors);
  const Pack* adopt(const std::filesystem::path& path, Pack pack, SourceErrors& errors);
  std::shared_ptr<const FileSettings> build(std::shared_ptr<const Config> config, const std::filesystem::path& file,
                                            SourceErrors& errors);

  Overrides overrides_;
  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<Pack>> packs_;  // by canonical path
  std::vector<const Pack*> base_;
  std::map<std::string, std::shared_ptr<const Config>> configs_;  // by directory
  std::map<std::vector<const Pack*>, std::shared_ptr<const NameIndex>> name_indexes_;  // by packs in force
};

}  // namespace policylint
