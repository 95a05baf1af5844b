#include "policylint/workspace.hpp"

#include <algorithm>

namespace policylint {

namespace fs = std::filesystem;

Workspace::Workspace(Overrides overrides) : overrides_(std::move(overrides)) {}

const Pack* Workspace::pack_at(const fs::path& path, SourceErrors& errors) {
  std::error_code ec;
  const std::string key = fs::weakly_canonical(path, ec).string();
  if (auto it = packs_.find(key); it != packs_.end()) return it->second.get();
  auto pack = load_pack(path, errors);
  if (!pack) return nullptr;
  for (const Pack* other : base_) {
    for (const Rule& rule : pack->rules) {
      const auto clash = std::find_if(other->rules.begin(), other->rules.end(),
                                      [&](const Rule& r) { return r.info.id == rule.info.id; });
      if (clash != other->rules.end()) {
        errors.push_back({path.string(), rule.info.line, 1,
                          "rule id '" + rule.info.id + "' is already defined in " + other->path.string()});
        return nullptr;
      }
    }
  }
  return packs_.emplace(key, std::make_unique<Pack>(std::move(*pack))).first->second.get();
}

bool Workspace::load(SourceErrors& errors) {
  std::lock_guard lock(mutex_);
  const std::size_t before = errors.size();
  std::vector<fs::path> files = shipped_pack_files();
  files.insert(files.end(), overrides_.packs.begin(), overrides_.packs.end());
  for (const auto& file : files) {
    if (const Pack* pack = pack_at(file, errors)) base_.push_back(pack);
  }
  return errors.size() == before;
}

std::shared_ptr<const FileSettings> Workspace::build(std::shared_ptr<const Config> config, const fs::path& file,
                                                     SourceErrors& errors) {
  auto settings = std::make_shared<FileSettings>();
  settings->packs = base_;
  for (const auto& path : config->packs) {
    const Pack* pack = pack_at(path, errors);
    if (!pack) return nullptr;
    if (std::find(settings->packs.begin(), settings->packs.end(), pack) == settings->packs.end())
      settings->packs.push_back(pack);
  }
  RuleSelection& sel = settings->selection;
  sel.select = overrides_.select.value_or(config->select);
  sel.ignore = config->ignore;
  sel.ignore.insert(sel.ignore.end(), overrides_.ignore.begin(), overrides_.ignore.end());
  sel.severity = config->severity;
  if (!config->file.empty()) {
    std::error_code ec;
    const std::string relative = fs::relative(fs::absolute(file, ec), config->file.parent_path(), ec).generic_string();
    for (const auto& [glob, rules] : config->per_file_ignores) {
      if (glob_match(glob, relative)) sel.ignore.insert(sel.ignore.end(), rules.begin(), rules.end());
    }
  }
  settings->context.document_date = overrides_.document_date ? overrides_.document_date : config->document_date;
  settings->context.region = overrides_.region.value_or(config->region);
  auto [names, added] = name_indexes_.try_emplace(settings->packs);
  if (added) names->second = build_name_index(settings->packs);
  settings->context.names = names->second;
  settings->config = std::move(config);
  return settings;
}

std::shared_ptr<const FileSettings> Workspace::settings_for(const fs::path& file, SourceErrors& errors) {
  std::lock_guard lock(mutex_);
  std::error_code ec;
  std::optional<fs::path> config_path = overrides_.config;
  if (!config_path && !overrides_.no_config) {
    const fs::path dir = fs::absolute(file, ec).parent_path();
    config_path = find_config(dir);
  }
  const std::string key = config_path ? config_path->string() : std::string();
  std::shared_ptr<const Config> config;
  if (auto it = configs_.find(key); it != configs_.end()) {
    config = it->second;
  } else {
    if (config_path) {
      auto loaded = load_config(*config_path, errors);
      if (!loaded) return nullptr;
      config = std::make_shared<const Config>(std::move(*loaded));
    } else {
      config = std::make_shared<const Config>();
    }
    configs_[key] = config;
  }
  return build(std::move(config), file, errors);
}

std::vector<Diagnostic> Workspace::lint(const Document& doc, const FileSettings& settings) const {
  LintContext ctx = settings.context;
  if (!ctx.document_date) ctx.document_date = doc.structure().document_date;
  return policylint::lint(doc, settings.packs, settings.selection, ctx);
}

void Workspace::forget_configs() {
  std::lock_guard lock(mutex_);
  configs_.clear();
}

}  // namespace policylint
