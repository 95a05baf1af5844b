#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>

#include "cli/cli.hpp"

namespace policylint::cli {

namespace fs = std::filesystem;

namespace {

constexpr const char* kMarker = "# policylint pre-commit hook";

std::string git_hooks_dir() {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> pipe(::popen("git rev-parse --git-path hooks 2>/dev/null", "r"),
                                                       ::pclose);
  if (!pipe) return {};
  std::string out;
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), buffer.size(), pipe.get())) out += buffer.data();
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Lints the staged drafts (added, copied, modified or renamed *.txt and *.md files) as they are
// in the work tree; any warning or error blocks the commit.
std::string hook_script(const std::string& binary) {
  return fmt::format(R"({}
# Written by `policylint install-hook`; remove this file to uninstall it.
policylint=${{POLICYLINT:-{}}}
[ -x "$policylint" ] || policylint=policylint
git diff --cached --name-only --diff-filter=ACMR -z -- '*.txt' '*.md' |
  xargs -0 -r "$policylint" || {{
    echo "policylint: 提交已阻止，请先修改上面列出的问题（git commit --no-verify 可跳过检查）" >&2
    exit 1
  }}
)",
                     std::string("#!/bin/sh\n") + kMarker, shell_quote(binary));
}

}  // namespace

int run_install_hook(bool force) {
  const std::string hooks = git_hooks_dir();
  if (hooks.empty()) {
    fmt::print(stderr, "policylint: error: 当前目录不在 git 仓库中\n");
    return 2;
  }
  const fs::path hook = fs::path(hooks) / "pre-commit";
  std::error_code ec;
  if (fs::exists(hook, ec) && !force) {
    std::ifstream existing(hook);
    std::string first, second;
    std::getline(existing, first);
    std::getline(existing, second);
    if (second != kMarker) {
      fmt::print(stderr, "policylint: error: {} 已存在且不是 policylint 写的；加 --force 覆盖\n", hook.string());
      return 2;
    }
  }
  fs::create_directories(hook.parent_path(), ec);
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  {
    std::ofstream out(hook, std::ios::trunc);
    out << hook_script(ec ? std::string("policylint") : self.string());
    if (!out) {
      fmt::print(stderr, "policylint: error: 无法写入 {}\n", hook.string());
      return 2;
    }
  }
  fs::permissions(hook, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                            fs::perms::others_read | fs::perms::others_exec, ec);
  fmt::print("已安装 git pre-commit 钩子：{}\n", hook.string());
  return 0;
}

}  // namespace policylint::cli
