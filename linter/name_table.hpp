#pragma once
// Reading a data pack's [names] and [[bodies]] sections into a NameTable.
#include <toml++/toml.h>

#include <memory>
#include <string>

#include "policylint/error.hpp"
#include "policylint/names.hpp"

namespace policylint {

// The top-level sections a name table is read from.
bool is_name_section(std::string_view key);
// Null when the pack has no name sections; errors go to `errors`.
std::shared_ptr<const NameTable> load_name_table(const toml::table& root, const std::string& pack_name,
                                                 const std::string& path, SourceErrors& errors);

}  // namespace policylint
