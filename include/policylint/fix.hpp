#pragma once
// Applying fixes to text, and writing the result back without damaging the file.
#include <filesystem>
#include <string>
#include <vector>

#include "policylint/decode.hpp"
#include "policylint/diagnostic.hpp"

namespace policylint {

struct FixResult {
  std::string text;
  std::size_t applied = 0;  // diagnostics whose fix was applied
};

// Applies the safe fixes whose edits do not overlap an earlier applied fix.
FixResult apply_fixes(const std::string& text, const std::vector<Diagnostic>& diagnostics);

// Encodes `text` like the original file and replaces it atomically (temporary file, then rename).
// Returns an error message, or an empty string on success.
std::string write_atomically(const std::filesystem::path& path, const std::string& text, Encoding encoding,
                             bool bom);

// A unified diff of two texts, with `path` in the a/ and b/ headers.
std::string unified_diff(const std::string& path, const std::string& before, const std::string& after);

}  // namespace policylint
