#include "policylint/workspace.hpp"

#include <algorithm>
#include <future>

namespace policylint {

namespace fs = std::filesystem;

Workspace::Workspace(Overrides overrides) : overrides_(std::move(overrides)) {}

const Pack* Workspace::adopt(const fs::path& path, Pack pack, SourceErrors& errors) {
  for (const Pack* other : base_) {
    for (const Rule& rule : pack.rules) {
      const auto clash = std::find_if(other->rules.begin(), other->rules.end(),
                                      [&](const Rule& r) { return r.info.id == rule.info.id; });
      if (clash != other->rules.end()) {
        errors.push_back({path.string(), rule.info.line, 1,
                          "rule id '" + rule.info.id + "' is already defined in " + other->path.string()});
        return nullptr;
      }
    }
  }
  std::error_code ec;
  const std::string key = fs::weakly_canonical(path, ec).string();
  return packs_.emplace(key, std::make_unique<Pack>(std::move(pack))).first->second.get();
}

const Pack* Workspace::pack_at(const fs::path& path, SourceErrors& errors) {
  std::error_code ec;
  const std::string key = fs::weakly_canonical(path, ec).string();
  if (auto it = packs_.find(key); it != packs_.end()) return it->second.get();
  auto pack = load_pack(path, errors);
  return pack ? adopt(path, std::move(*pack), errors) : nullptr;
}

namespace {

struct LoadedPack {
  std::optional<Pack> pack;
  SourceErrors errors;
};

// A draft touching every part of the layout model, so that its patterns compile while packs load.
constexpr std::string_view kWarmUpDraft =
    "某市人民政府关于印发某方案的通知\n\n某政发〔2024〕1号\n\n各县（市、区）人民政府：\n\n一、总体要求\n"
    "（一）目标。到2025年，覆盖率达到90%，（责任单位：市发展改革委、市财政局）\n1.任务\n\n附件：1.指标\n\n"
    "某市人民政府\n2024年5月20日\n\n附件1\n\n指标\n\n序号 指标名称 2020年 2025年目标 责任单位\n"
    "1 覆盖率（%） 80 90 市民政局\n";

}  // namespace

bool Workspace::load(SourceErrors& errors, bool warm_model) {
  std::lock_guard lock(mutex_);
  const std::size_t before = errors.size();
  std::vector<fs::path> files = shipped_pack_files();
  // Packs are independent until their rule ids are compared, so they compile in parallel; the
  // document model's own patterns (compiled on first use) warm up meanwhile.
  // --select and --ignore hold for every file, whatever its configuration says, so the rules they
  // leave out are not compiled at all.
  RuleFilter wanted;
  if (overrides_.select || !overrides_.ignore.empty()) {
    const RuleSelection only{overrides_.select.value_or(std::vector<std::string>{}), overrides_.ignore, {}};
    wanted = [only](std::string_view id) { return only.enabled(id); };
    // A shipped pack is named after its file (tests/packs_test.cpp), so one that --select
    // leaves no rule of is not even read; agencies-yunnan is read for the agencies rules.
    std::erase_if(files, [&](const fs::path& file) {
      const std::string stem = file.stem().string();
      return !only.may_enable(stem) && !only.may_enable(reader_pack(stem));
    });
  }
  files.insert(files.end(), overrides_.packs.begin(), overrides_.packs.end());
  std::vector<std::future<LoadedPack>> loading;
  for (const auto& file : files) {
    loading.push_back(std::async(std::launch::async, [file, &wanted] {
      LoadedPack loaded;
      loaded.pack = load_pack(file, loaded.errors, wanted);
      return loaded;
    }));
  }
  auto warm_up = std::async(warm_model ? std::launch::async : std::launch::deferred,
                            [] { Document::from_text("", std::string(kWarmUpDraft)); });
  for (std::size_t i = 0; i < files.size(); ++i) {
    LoadedPack loaded = loading[i].get();
    errors.insert(errors.end(), loaded.errors.begin(), loaded.errors.end());
    if (!loaded.pack) continue;
    if (const Pack* pack = adopt(files[i], std::move(*loaded.pack), errors)) base_.push_back(pack);
  }
  if (warm_model) warm_up.get();
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
