#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/cli.hpp"
#include "lsp/server.hpp"
#include "policylint/date.hpp"

using namespace policylint;

int main(int argc, char** argv) {
  CLI::App app{"policylint：中文政策文件与公文的规范性检查工具", "policylint"};
  app.set_version_flag("--version", POLICYLINT_VERSION_STRING);
  cli::RunOptions opt;
  std::string format = "text", unit = "char", encoding, document_date, config;
  std::vector<std::string> select, packs;
  std::optional<std::string> region;
  app.add_option("paths", opt.paths, "要检查的文件或目录；- 表示标准输入");
  app.add_option("--config", config, "使用此配置文件，不再向上查找 policylint.toml");
  app.add_flag("--no-config", opt.overrides.no_config, "不读取任何 policylint.toml");
  app.add_option("--select", select, "只启用这些规则（完整 id 或规则包名）")->delimiter(',')->allow_extra_args(false);
  app.add_option("--ignore", opt.overrides.ignore, "停用这些规则（完整 id 或规则包名）")->delimiter(',')->allow_extra_args(false);
  app.add_option("--pack", packs, "额外加载的规则包文件")->allow_extra_args(false);
  app.add_option("--format", format, "输出格式")->check(CLI::IsMember({"text", "json", "jsonl", "sarif", "github", "rdjson", "gitlab", "junit"}));
  app.add_option("--column-unit", unit, "列号单位")->check(CLI::IsMember({"char", "display", "byte", "utf16"}));
  app.add_option("--encoding", encoding, "强制使用此编码读取（utf-8、utf-16le、utf-16be、gb18030）");
  app.add_option("--stdin-filename", opt.stdin_filename, "标准输入的文件名（用于输出和查找配置）");
  app.add_option("--document-date", document_date, "成文日期 YYYY-MM-DD（覆盖配置和文中落款）");
  app.add_option("--region", region, "地区，如 云南省");
  app.add_flag("--show-source", opt.show_source, "在诊断下显示原文行并标出位置");
  app.add_flag("--statistics", opt.statistics, "按规则统计数量，代替逐条输出");
  app.add_flag("-q,--quiet", opt.quiet, "不输出汇总行");
  app.add_flag("--exit-zero", opt.exit_zero, "发现问题时也以 0 退出");
  app.add_flag("--fix", opt.fix, "应用安全的自动修复并写回文件");
  app.add_flag("--diff", opt.diff, "只显示修复的统一差异，不写文件");
  app.add_option("-j,--jobs", opt.jobs, "并行检查的文件数（默认等于 CPU 核数）");

  auto* rules = app.add_subcommand("rules", "列出所有规则");
  auto* explain = app.add_subcommand("explain", "说明一条规则");
  std::string explain_id;
  explain->add_option("id", explain_id, "规则 id，如 punctuation/halfwidth-in-cjk")->required();
  auto* check_pack = app.add_subcommand("check-pack", "校验规则包文件并运行其示例");
  std::string pack_file;
  check_pack->add_option("file", pack_file, "规则包 TOML 文件")->required();
  auto* lsp = app.add_subcommand("lsp", "以语言服务器（LSP，标准输入输出）方式运行，供编辑器使用");
  auto* install_hook = app.add_subcommand("install-hook", "在当前 git 仓库写入 pre-commit 钩子");
  bool force_hook = false;
  install_hook->add_flag("--force", force_hook, "覆盖已有的 pre-commit 钩子");
  auto* dump_targets = app.add_subcommand("dump-targets", "列出解析出的表格，以及正文指标与表格单元格的配对");
  std::string dump_file;
  dump_targets->add_option("file", dump_file, "要分析的文件")->required();
  app.require_subcommand(0, 1);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  if (!config.empty()) opt.overrides.config = config;
  if (!select.empty()) opt.overrides.select = select;
  for (const auto& p : packs) opt.overrides.packs.emplace_back(p);
  opt.overrides.region = region;
  if (!document_date.empty()) {
    opt.overrides.document_date = parse_iso_date(document_date);
    if (!opt.overrides.document_date) {
      fmt::print(stderr, "policylint: error: --document-date 应为 YYYY-MM-DD：{}\n", document_date);
      return 2;
    }
  }
  if (!encoding.empty()) {
    opt.encoding = parse_encoding(encoding);
    if (!opt.encoding) {
      fmt::print(stderr, "policylint: error: 不支持的编码：{}\n", encoding);
      return 2;
    }
  }
  opt.format = format == "json" ? cli::Format::Json : format == "jsonl" ? cli::Format::Jsonl : cli::Format::Text;
  opt.ci_format = parse_ci_format(format);
  opt.unit = *parse_column_unit(unit);

  if (*check_pack) return cli::run_check_pack(pack_file);
  if (*install_hook) return cli::run_install_hook(force_hook);
  if (*lsp) return lsp::run_stdio(opt.overrides);
  if (*dump_targets) return cli::run_dump_targets(dump_file);
  if (*rules || *explain) {
    Workspace workspace(opt.overrides);
    SourceErrors errors;
    if (!workspace.load(errors)) {
      for (const auto& e : errors) fmt::print(stderr, "{}\n", to_string(e));
      return 2;
    }
    return *rules ? cli::run_rules(workspace) : cli::run_explain(workspace, explain_id);
  }
  if (opt.paths.empty()) {
    fmt::print(stderr, "policylint: error: 请给出要检查的文件或目录（- 表示标准输入）；--help 查看用法\n");
    return 2;
  }
  const int status = cli::run_lint(opt);
  // Freeing every compiled pattern and pack one by one takes milliseconds of a hook's or an
  // editor's run, and the process is ending: leave that to the kernel.
  std::fflush(stdout);
  std::fflush(stderr);
  std::_Exit(status);
}
