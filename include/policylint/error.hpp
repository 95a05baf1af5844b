#pragma once
// An error in something the user wrote (a pack, a config): printed as path:line:col: error: …
#include <cstddef>
#include <string>
#include <vector>

namespace policylint {

struct SourceError {
  std::string path;
  std::size_t line = 0;    // 1-based; 0 when the whole file is meant
  std::size_t column = 0;  // 1-based
  std::string message;
};

std::string to_string(const SourceError&);
using SourceErrors = std::vector<SourceError>;

}  // namespace policylint
