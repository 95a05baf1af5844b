#pragma once
// file:// URIs. Clients differ in how they percent-encode (Neovim writes lowercase hex, eglot
// uppercase, VS Code encodes ':' too), so documents are keyed by the decoded path.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace policylint::lsp {

std::string percent_decode(std::string_view s);
// The local path of a file:// URI; nullopt for any other scheme.
std::optional<std::filesystem::path> uri_to_path(std::string_view uri);
std::string path_to_uri(const std::filesystem::path& path);
// A key that is equal for two spellings of the same document.
std::string document_key(std::string_view uri);

}  // namespace policylint::lsp
