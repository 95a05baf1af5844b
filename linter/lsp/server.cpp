#include "lsp/server.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "lsp/text_sync.hpp"
#include "lsp/uri.hpp"
#include "policylint/fix.hpp"
#include "policylint/text.hpp"

namespace policylint::lsp {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kInternalError = -32603;
constexpr int kServerNotInitialized = -32002;
constexpr const char* kFixAllKind = "source.fixAll.policylint";
constexpr int kFixRounds = 10;

struct RpcError {
  int code;
  std::string message;
};

int lsp_severity(Severity s) {
  switch (s) {
    case Severity::Error: return 1;
    case Severity::Warning: return 2;
    case Severity::Info: return 3;
  }
  return 2;
}

// LSP's encodings, in our preference order when the client offers several.
std::optional<ColumnUnit> parse_encoding(const std::string& name) {
  if (name == "utf-16") return ColumnUnit::Utf16;
  if (name == "utf-8") return ColumnUnit::Byte;
  if (name == "utf-32") return ColumnUnit::CodePoint;
  return std::nullopt;
}

const char* encoding_name(ColumnUnit unit) {
  return unit == ColumnUnit::Byte ? "utf-8" : unit == ColumnUnit::CodePoint ? "utf-32" : "utf-16";
}

// Does a client's `only` filter ask for `kind`? Kinds are hierarchical: "source" covers
// "source.fixAll.policylint".
bool wanted(const json& only, std::string_view kind) {
  if (!only.is_array() || only.empty()) return true;
  return std::any_of(only.begin(), only.end(), [&](const json& o) {
    if (!o.is_string()) return false;
    const std::string prefix = o.get<std::string>();
    return kind == prefix || (kind.starts_with(prefix) && kind[prefix.size()] == '.');
  });
}

// JSON string syntax. A malformed UTF-8 sequence (which no check should produce) becomes U+FFFD,
// so a client never receives a message it cannot parse.
void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  for (std::size_t pos = 0; pos < s.size();) {
    const std::size_t start = pos;
    const char32_t cp = utf8::next(s, pos);
    if (cp == '"' || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp < 0x20) {
      fmt::format_to(std::back_inserter(out), "\\u{:04x}", static_cast<unsigned>(cp));
    } else if (cp == 0xFFFD && s.substr(start, pos - start) != "\xEF\xBF\xBD") {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(s, start, pos - start);
    }
  }
  out += '"';
}

// The smallest single edit that turns `before` into `after`.
Edit minimal_edit(const std::string& before, const std::string& after) {
  std::size_t prefix = 0;
  const std::size_t limit = std::min(before.size(), after.size());
  while (prefix < limit && before[prefix] == after[prefix]) ++prefix;
  // Keep the edit on character boundaries: back off into the start of a UTF-8 sequence.
  while (prefix > 0 && prefix < before.size() && (static_cast<unsigned char>(before[prefix]) & 0xC0) == 0x80) --prefix;
  std::size_t suffix = 0;
  while (suffix < limit - prefix && before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix]) ++suffix;
  while (suffix > 0 && (static_cast<unsigned char>(before[before.size() - suffix]) & 0xC0) == 0x80) --suffix;
  return {{prefix, before.size() - suffix}, after.substr(prefix, after.size() - suffix - prefix)};
}

}  // namespace

Server::Server(Overrides overrides, Send send) : base_overrides_(std::move(overrides)), send_(std::move(send)) {}

void Server::load_workspace() {
  Overrides overrides = base_overrides_;
  if (config_path_ && !config_path_->empty()) overrides.config = fs::path(*config_path_);
  workspace_ = std::make_unique<Workspace>(std::move(overrides));
  load_errors_.clear();
  if (!workspace_->load(load_errors_)) {
    std::string text = "policylint：规则包有错误";
    for (const auto& e : load_errors_) {
      text += '\n';  // in two steps: GCC 12's -Wrestrict misfires on "\n" + string
      text += to_string(e);
    }
    send({{"jsonrpc", "2.0"}, {"method", "window/showMessage"}, {"params", {{"type", 1}, {"message", text}}}});
  }
}

void Server::send(const json& message) { send_(message.dump(-1, ' ', false, json::error_handler_t::replace)); }

void Server::send_error(const json& id, int code, const std::string& message) {
  send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
}

void Server::log(const std::string& message) {
  send({{"jsonrpc", "2.0"}, {"method", "window/logMessage"}, {"params", {{"type", 3}, {"message", message}}}});
}

void Server::reject_unparsable(const std::string& why) { send_error(nullptr, kParseError, why); }

void Server::handle(const json& message) {
  if (!message.is_object() || !message.contains("method") || !message["method"].is_string()) {
    // A response to one of our requests (client/registerCapability) needs nothing from us.
    if (message.is_object() && message.contains("id") && (message.contains("result") || message.contains("error")))
      return;
    const json id = message.is_object() && message.contains("id") ? message["id"] : json(nullptr);
    send_error(id, kInvalidRequest, "不是有效的 JSON-RPC 消息");
    return;
  }
  const std::string method = message["method"].get<std::string>();
  static const json no_params = json::object();
  const json& params = message.contains("params") && !message["params"].is_null() ? message["params"] : no_params;
  const bool is_request = message.contains("id");
  const json id = is_request ? message["id"] : json(nullptr);
  try {
    if (!is_request) {
      if (method == "exit") exit_code_ = shutdown_ ? 0 : 1;
      else if (initialized_ || method == "initialized") dispatch_notification(method, params);
      return;
    }
    if (method != "initialize" && !initialized_) throw RpcError{kServerNotInitialized, "服务器尚未初始化"};
    if (shutdown_) throw RpcError{kInvalidRequest, "服务器已关闭"};
    send({{"jsonrpc", "2.0"}, {"id", id}, {"result", dispatch_request(method, params)}});
  } catch (const RpcError& e) {
    if (is_request) send_error(id, e.code, e.message);
  } catch (const json::exception& e) {
    if (is_request) send_error(id, kInvalidParams, std::string("参数无效：") + e.what());
    else log(method + ": 参数无效：" + e.what());
  } catch (const std::exception& e) {
    // Anything else (a file system error, say) fails this message, not the editor session.
    if (is_request) send_error(id, kInternalError, std::string("内部错误：") + e.what());
    else log(method + ": 内部错误：" + e.what());
  }
}

json Server::dispatch_request(const std::string& method, const json& params) {
  if (method == "initialize") return initialize(params);
  if (method == "shutdown") {
    shutdown_ = true;
    return nullptr;
  }
  if (method == "textDocument/codeAction") return code_action(params);
  throw RpcError{kMethodNotFound, "不支持的方法：" + method};
}

void Server::dispatch_notification(const std::string& method, const json& params) {
  if (method == "initialized") initialized();
  else if (method == "textDocument/didOpen") did_open(params);
  else if (method == "textDocument/didChange") did_change(params);
  else if (method == "textDocument/didSave") did_save(params);
  else if (method == "textDocument/didClose") did_close(params);
  else if (method == "workspace/didChangeConfiguration") did_change_configuration(params);
  else if (method == "workspace/didChangeWatchedFiles") configuration_changed();
}

json Server::initialize(const json& params) {
  if (initialized_) throw RpcError{kInvalidRequest, "initialize 只能调用一次"};
  const json capabilities = params.value("capabilities", json::object());
  if (const auto general = capabilities.find("general"); general != capabilities.end() && general->is_object()) {
    for (const json& offered : general->value("positionEncodings", json::array())) {
      if (!offered.is_string()) continue;
      if (const auto unit = parse_encoding(offered.get<std::string>())) {
        unit_ = *unit;
        break;
      }
    }
  }
  const json watched = capabilities.value("workspace", json::object()).value("didChangeWatchedFiles", json::object());
  watch_registration_ = watched.value("dynamicRegistration", false);
  const json options = params.value("initializationOptions", json::object());
  if (options.is_object()) {
    docs_url_ = options.value("documentationUrl", std::string());
    if (options.contains("configPath") && options["configPath"].is_string())
      config_path_ = options["configPath"].get<std::string>();
  }
  load_workspace();
  initialized_ = true;
  return {{"capabilities",
           {{"positionEncoding", encoding_name(unit_)},
            {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
            {"codeActionProvider", {{"codeActionKinds", {"quickfix", kFixAllKind}}}}}},
          {"serverInfo", {{"name", "policylint"}, {"version", POLICYLINT_VERSION}}}};
}

void Server::initialized() {
  if (!watch_registration_) return;
  const json watchers = {{{"globPattern", "**/policylint.toml"}}};
  send({{"jsonrpc", "2.0"},
         {"id", "policylint-" + std::to_string(next_request_id_++)},
         {"method", "client/registerCapability"},
         {"params",
          {{"registrations",
            {{{"id", "policylint-config-watch"},
              {"method", "workspace/didChangeWatchedFiles"},
              {"registerOptions", {{"watchers", watchers}}}}}}}}});
}

Server::OpenDocument* Server::find(const json& text_document) {
  const auto it = documents_.find(document_key(text_document.at("uri").get<std::string>()));
  return it == documents_.end() ? nullptr : &it->second;
}

void Server::did_open(const json& params) {
  const json& item = params.at("textDocument");
  OpenDocument open;
  open.uri = item.at("uri").get<std::string>();
  // An unsaved buffer takes its configuration from the working directory.
  open.path = uri_to_path(open.uri).value_or(fs::current_path() / "untitled.txt");
  open.text = item.at("text").get<std::string>();
  open.version = item.value("version", 0LL);
  documents_[document_key(open.uri)] = std::move(open);
}

void Server::did_change(const json& params) {
  OpenDocument* open = find(params.at("textDocument"));
  if (!open) return;
  for (const json& change : params.at("contentChanges")) {
    const std::string text = change.at("text").get<std::string>();
    if (!change.contains("range")) {
      open->text = text;
      continue;
    }
    const json& start = change["range"].at("start");
    const json& end = change["range"].at("end");
    const std::size_t begin = offset_of(open->text, start.at("line"), start.at("character"), unit_);
    const std::size_t finish = std::max(begin, offset_of(open->text, end.at("line"), end.at("character"), unit_));
    open->text.replace(begin, finish - begin, text);
  }
  open->version = params["textDocument"].value("version", open->version);
  open->dirty = true;
}

void Server::did_save(const json& params) {
  const std::string uri = params.at("textDocument").at("uri").get<std::string>();
  if (const auto path = uri_to_path(uri); path && path->filename() == "policylint.toml") configuration_changed();
}

void Server::did_close(const json& params) {
  const std::string uri = params.at("textDocument").at("uri").get<std::string>();
  documents_.erase(document_key(uri));
  send({{"jsonrpc", "2.0"},
         {"method", "textDocument/publishDiagnostics"},
         {"params", {{"uri", uri}, {"diagnostics", json::array()}}}});
}

void Server::did_change_configuration(const json& params) {
  const json settings = params.value("settings", json::object());
  if (settings.is_object() && settings.contains("policylint") && settings["policylint"].is_object()) {
    const json& ours = settings["policylint"];
    if (ours.contains("configPath") && ours["configPath"].is_string()) config_path_ = ours["configPath"].get<std::string>();
    if (ours.contains("documentationUrl") && ours["documentationUrl"].is_string())
      docs_url_ = ours["documentationUrl"].get<std::string>();
  }
  load_workspace();
  for (auto& [key, open] : documents_) open.dirty = true;
}

void Server::configuration_changed() {
  workspace_->forget_configs();
  for (auto& [key, open] : documents_) open.dirty = true;
}

bool Server::has_pending() const {
  return std::any_of(documents_.begin(), documents_.end(), [](const auto& entry) { return entry.second.dirty; });
}

void Server::publish_pending() {
  for (auto& [key, open] : documents_) {
    if (!open.dirty) continue;
    lint(open);
    publish(open);
  }
}

void Server::lint(OpenDocument& open) {
  open.dirty = false;
  positions_.reset();
  open.doc.emplace(Document::from_text(open.path.string(), open.text));
  open.diagnostics.clear();
  SourceErrors errors;
  const auto settings = workspace_->settings_for(open.path, errors);
  if (!settings) {
    for (const SourceError& e : errors)
      open.diagnostics.push_back({"policylint/config", Severity::Error, to_string(e), {0, 0}, std::nullopt, {}});
    return;
  }
  open.diagnostics = workspace_->lint(*open.doc, *settings);
}

json Server::range(const Document& doc, Span span) const {
  const Position b = positions_.at(doc, span.begin, unit_);
  const Position e = positions_.at(doc, span.end, unit_);
  return {{"start", {{"line", b.line - 1}, {"character", b.column - 1}}},
          {"end", {{"line", e.line - 1}, {"character", e.column - 1}}}};
}

json Server::text_edits(const Document& doc, const std::vector<Edit>& edits) const {
  json out = json::array();
  for (const Edit& e : edits) out.push_back({{"range", range(doc, e.span)}, {"newText", e.replacement}});
  return out;
}

json Server::to_lsp(const Document& doc, const std::string& uri, const Diagnostic& d) const {
  std::string out;
  append_lsp(out, doc, uri, d);
  return json::parse(out);
}

void Server::append_range(std::string& out, const Document& doc, Span span) const {
  const Position b = positions_.at(doc, span.begin, unit_);
  const Position e = positions_.at(doc, span.end, unit_);
  fmt::format_to(std::back_inserter(out), R"({{"start":{{"line":{},"character":{}}},"end":{{"line":{},"character":{}}}}})",
                 b.line - 1, b.column - 1, e.line - 1, e.column - 1);
}

// Serialised directly rather than through a JSON tree: publishing thousands of diagnostics for a
// large draft would otherwise cost more than linting it.
void Server::append_lsp(std::string& out, const Document& doc, const std::string& uri, const Diagnostic& d) const {
  out += R"({"range":)";
  append_range(out, doc, d.span);
  fmt::format_to(std::back_inserter(out), R"(,"severity":{},"code":)", lsp_severity(d.severity));
  append_json_string(out, d.rule);
  out += R"(,"source":"policylint","message":)";
  append_json_string(out, d.message);
  if (!docs_url_.empty()) {
    std::string href = docs_url_;
    if (const std::size_t at = href.find("{rule}"); at != std::string::npos) href.replace(at, 6, d.rule);
    out += R"(,"codeDescription":{"href":)";
    append_json_string(out, href);
    out += '}';
  }
  if (!d.related.empty()) {
    out += R"(,"relatedInformation":[)";
    for (std::size_t i = 0; i < d.related.size(); ++i) {
      out += i ? R"(,{"location":{"uri":)" : R"({"location":{"uri":)";
      append_json_string(out, uri);
      out += R"(,"range":)";
      append_range(out, doc, d.related[i].span);
      out += R"(},"message":)";
      append_json_string(out, d.related[i].message);
      out += '}';
    }
    out += ']';
  }
  if (d.fix) {
    out += d.fix->safe ? R"(,"data":{"fix":{"safe":true,"edits":[)" : R"(,"data":{"fix":{"safe":false,"edits":[)";
    for (std::size_t i = 0; i < d.fix->edits.size(); ++i) {
      out += i ? R"(,{"range":)" : R"({"range":)";
      append_range(out, doc, d.fix->edits[i].span);
      out += R"(,"newText":)";
      append_json_string(out, d.fix->edits[i].replacement);
      out += '}';
    }
    out += "]}}";
  }
  out += '}';
}

void Server::publish(const OpenDocument& open) {
  std::string body = R"({"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":)";
  append_json_string(body, open.uri);
  body += R"(,"version":)" + std::to_string(open.version) + R"(,"diagnostics":[)";
  for (std::size_t i = 0; i < open.diagnostics.size(); ++i) {
    if (i) body += ',';
    append_lsp(body, *open.doc, open.uri, open.diagnostics[i]);
  }
  body += "]}}";
  send_(body);
}

// Edits are computed from the server's own text and the request's range: clients echo
// diagnostics back with their own idea of columns (Neovim 0.7 sends bytes), so those are not used.
json Server::code_action(const json& params) {
  OpenDocument* open = find(params.at("textDocument"));
  if (!open) return json::array();
  if (open->dirty) {
    lint(*open);
    publish(*open);
  }
  const Document& doc = *open->doc;
  const json& r = params.at("range");
  const std::size_t begin = doc.offset_at({r["start"].at("line").get<std::size_t>() + 1,
                                           r["start"].at("character").get<std::size_t>() + 1}, unit_);
  const std::size_t end = doc.offset_at({r["end"].at("line").get<std::size_t>() + 1,
                                         r["end"].at("character").get<std::size_t>() + 1}, unit_);
  const json only = params.value("context", json::object()).value("only", json::array());
  json actions = json::array();
  bool any_fixable = false;
  for (const Diagnostic& d : open->diagnostics) {
    if (!d.fix || d.fix->edits.empty()) continue;
    any_fixable = any_fixable || d.fix->safe;
    if (!wanted(only, "quickfix") || d.span.begin > end || d.span.end < begin) continue;
    actions.push_back({{"title", "修复：" + d.message},
                       {"kind", "quickfix"},
                       {"diagnostics", {to_lsp(doc, open->uri, d)}},
                       {"isPreferred", d.fix->safe},
                       {"edit", {{"changes", {{open->uri, text_edits(doc, d.fix->edits)}}}}}});
  }
  if (any_fixable && wanted(only, kFixAllKind)) {
    SourceErrors errors;
    if (const auto settings = workspace_->settings_for(open->path, errors)) {
      if (json fix_all = fix_all_action(*open, *settings); !fix_all.is_null()) actions.push_back(fix_all);
    }
  }
  return actions;
}

// Applies every safe fix, re-linting between rounds because one fix can expose another.
json Server::fix_all_action(OpenDocument& open, const FileSettings& settings) {
  std::string text = open.text;
  std::vector<Diagnostic> diagnostics = open.diagnostics;
  for (int round = 0; round < kFixRounds; ++round) {
    FixResult fixed = apply_fixes(text, diagnostics);
    if (fixed.applied == 0 || fixed.text == text) break;
    text = std::move(fixed.text);
    diagnostics = workspace_->lint(Document::from_text(open.path.string(), text), settings);
  }
  if (text == open.text) return nullptr;
  const Edit edit = minimal_edit(open.text, text);
  return {{"title", "policylint：修复全部可自动修复的问题"},
          {"kind", kFixAllKind},
          {"edit", {{"changes", {{open.uri, text_edits(*open.doc, {edit})}}}}}};
}

}  // namespace policylint::lsp
