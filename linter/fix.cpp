#include "policylint/fix.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace policylint {

FixResult apply_fixes(const std::string& text, const std::vector<Diagnostic>& diagnostics) {
  std::vector<const Fix*> fixes;
  for (const auto& d : diagnostics) {
    if (d.fix && d.fix->safe && !d.fix->edits.empty()) fixes.push_back(&*d.fix);
  }
  std::stable_sort(fixes.begin(), fixes.end(), [](const Fix* a, const Fix* b) {
    return a->edits.front().span.begin < b->edits.front().span.begin;
  });
  std::vector<Edit> accepted;
  FixResult result;
  for (const Fix* fix : fixes) {
    const bool overlaps = std::any_of(fix->edits.begin(), fix->edits.end(), [&](const Edit& e) {
      return std::any_of(accepted.begin(), accepted.end(), [&](const Edit& a) {
        return (e.span.begin < a.span.end && a.span.begin < e.span.end) || e.span.begin == a.span.begin;
      });
    });
    if (overlaps) continue;
    accepted.insert(accepted.end(), fix->edits.begin(), fix->edits.end());
    ++result.applied;
  }
  std::sort(accepted.begin(), accepted.end(), [](const Edit& a, const Edit& b) { return a.span.begin < b.span.begin; });
  std::size_t pos = 0;
  for (const Edit& e : accepted) {
    result.text.append(text, pos, e.span.begin - pos);
    result.text += e.replacement;
    pos = e.span.end;
  }
  result.text.append(text, pos, std::string::npos);
  return result;
}

std::string write_atomically(const std::filesystem::path& path, const std::string& text, Encoding encoding, bool bom) {
  const auto bytes = encode(text, encoding, bom);
  if (!bytes) return fmt::format("{}: 修复后的文本无法用 {} 编码，文件未改动", path.string(), to_string(encoding));
  struct stat st {};
  const bool have_mode = ::stat(path.c_str(), &st) == 0;
  std::string tmpl = (path.parent_path().empty() ? std::string(".") : path.parent_path().string()) + "/." +
                     path.filename().string() + ".policylint-XXXXXX";
  const int fd = ::mkstemp(tmpl.data());
  if (fd < 0) return fmt::format("{}: 无法创建临时文件：{}", path.string(), std::strerror(errno));
  const auto fail = [&](const char* what) {
    const std::string message = fmt::format("{}: {}：{}，文件未改动", path.string(), what, std::strerror(errno));
    ::close(fd);
    ::unlink(tmpl.c_str());
    return message;
  };
  for (std::size_t written = 0; written < bytes->size();) {
    const ssize_t n = ::write(fd, bytes->data() + written, bytes->size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("写入失败");
    }
    written += static_cast<std::size_t>(n);
  }
  if (have_mode && ::fchmod(fd, st.st_mode & 07777) != 0) return fail("无法保留文件权限");
  if (::fsync(fd) != 0) return fail("写入失败");
  if (::close(fd) != 0) {
    ::unlink(tmpl.c_str());
    return fmt::format("{}: 写入失败：{}，文件未改动", path.string(), std::strerror(errno));
  }
  if (::rename(tmpl.c_str(), path.c_str()) != 0) {
    const std::string message = fmt::format("{}: 无法替换文件：{}，文件未改动", path.string(), std::strerror(errno));
    ::unlink(tmpl.c_str());
    return message;
  }
  return {};
}

namespace {

std::vector<std::string_view> split_keep_ends(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t begin = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
      lines.push_back(text.substr(begin, i + 1 - begin));
      begin = i + 1;
    }
  }
  if (begin < text.size()) lines.push_back(text.substr(begin));
  return lines;
}

enum class Op { Same, Remove, Add };

// Line edit script: common prefix and suffix, LCS in between (or a block replace when it is huge).
std::vector<std::pair<Op, std::string_view>> edit_script(const std::vector<std::string_view>& a,
                                                          const std::vector<std::string_view>& b) {
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
    ++suffix;
  std::vector<std::pair<Op, std::string_view>> script;
  for (std::size_t i = 0; i < prefix; ++i) script.emplace_back(Op::Same, a[i]);
  const std::size_t n = a.size() - prefix - suffix, m = b.size() - prefix - suffix;
  if (n * m <= 4'000'000) {
    std::vector<std::vector<std::uint32_t>> lcs(n + 1, std::vector<std::uint32_t>(m + 1));
    for (std::size_t i = n; i-- > 0;)
      for (std::size_t j = m; j-- > 0;)
        lcs[i][j] = a[prefix + i] == b[prefix + j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[prefix + i] == b[prefix + j]) {
        script.emplace_back(Op::Same, a[prefix + i]);
        ++i, ++j;
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        script.emplace_back(Op::Remove, a[prefix + i++]);
      } else {
        script.emplace_back(Op::Add, b[prefix + j++]);
      }
    }
  } else {
    for (std::size_t i = 0; i < n; ++i) script.emplace_back(Op::Remove, a[prefix + i]);
    for (std::size_t j = 0; j < m; ++j) script.emplace_back(Op::Add, b[prefix + j]);
  }
  for (std::size_t i = a.size() - suffix; i < a.size(); ++i) script.emplace_back(Op::Same, a[i]);
  return script;
}

void append_line(std::string& out, char mark, std::string_view line) {
  out += mark;
  out += line;
  if (line.empty() || (line.back() != '\n' && line.back() != '\r')) out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::string unified_diff(const std::string& path, const std::string& before, const std::string& after) {
  if (before == after) return {};
  const auto a = split_keep_ends(before);
  const auto b = split_keep_ends(after);
  const auto script = edit_script(a, b);
  constexpr std::size_t context = 3;
  std::string out = fmt::format("--- a/{}\n+++ b/{}\n", path, path);
  std::size_t k = 0;
  while (k < script.size()) {
    while (k < script.size() && script[k].first == Op::Same) ++k;
    if (k == script.size()) break;
    std::size_t start = k >= context ? k - context : 0;
    std::size_t end = k;
    // Extend the hunk while changes are within 2 * context lines of each other.
    for (std::size_t same = 0; end < script.size(); ++end) {
      same = script[end].first == Op::Same ? same + 1 : 0;
      if (same > 2 * context) {
        end -= same - context;
        break;
      }
    }
    end = std::min(end, script.size());
    std::size_t a_line = 1, b_line = 1;
    for (std::size_t i = 0; i < start; ++i) {
      if (script[i].first != Op::Add) ++a_line;
      if (script[i].first != Op::Remove) ++b_line;
    }
    std::size_t a_count = 0, b_count = 0;
    std::string body;
    for (std::size_t i = start; i < end; ++i) {
      const auto& [op, line] = script[i];
      if (op != Op::Add) ++a_count;
      if (op != Op::Remove) ++b_count;
      append_line(body, op == Op::Same ? ' ' : op == Op::Remove ? '-' : '+', line);
    }
    out += fmt::format("@@ -{},{} +{},{} @@\n", a_count ? a_line : a_line - 1, a_count, b_count ? b_line : b_line - 1, b_count);
    out += body;
    k = end;
  }
  return out;
}

}  // namespace policylint
