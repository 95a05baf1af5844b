#pragma once
// The language server's state machine, independent of stdio: it takes parsed messages and sends
// replies and notifications through a callback, so tests can drive it directly.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lsp/text_sync.hpp"
#include "policylint/document.hpp"
#include "policylint/workspace.hpp"

namespace policylint::lsp {

class Server {
 public:
  // Receives each outgoing message, serialised.
  using Send = std::function<void(const std::string&)>;
  Server(Overrides overrides, Send send);

  void handle(const nlohmann::json& message);
  // A message that was not valid JSON (or had no Content-Length): answered with a parse error.
  void reject_unparsable(const std::string& why);
  // Lints the documents changed since the last call and publishes their diagnostics. The
  // transport calls this when input goes quiet, so a burst of edits is linted once.
  void publish_pending();
  bool has_pending() const;

  bool exit_requested() const { return exit_code_.has_value(); }
  int exit_code() const { return exit_code_.value_or(1); }

 private:
  struct OpenDocument {
    std::string uri;
    std::filesystem::path path;  // the file's path, or a stand-in for unsaved buffers
    std::string text;
    long long version = 0;
    bool dirty = true;
    std::optional<Document> doc;
    std::vector<Diagnostic> diagnostics;
  };

  nlohmann::json dispatch_request(const std::string& method, const nlohmann::json& params);
  void dispatch_notification(const std::string& method, const nlohmann::json& params);
  nlohmann::json initialize(const nlohmann::json& params);
  void initialized();
  void did_open(const nlohmann::json& params);
  void did_change(const nlohmann::json& params);
  void did_save(const nlohmann::json& params);
  void did_close(const nlohmann::json& params);
  void did_change_configuration(const nlohmann::json& params);
  void configuration_changed();
  nlohmann::json code_action(const nlohmann::json& params);

  void load_workspace();
  void lint(OpenDocument& open);
  void publish(const OpenDocument& open);
  OpenDocument* find(const nlohmann::json& text_document);
  nlohmann::json to_lsp(const Document& doc, const std::string& uri, const Diagnostic& d) const;
  void append_lsp(std::string& out, const Document& doc, const std::string& uri, const Diagnostic& d) const;
  void append_range(std::string& out, const Document& doc, Span span) const;
  nlohmann::json range(const Document& doc, Span span) const;
  nlohmann::json text_edits(const Document& doc, const std::vector<Edit>& edits) const;
  nlohmann::json fix_all_action(OpenDocument& open, const FileSettings& settings);
  void send(const nlohmann::json& message);
  void send_error(const nlohmann::json& id, int code, const std::string& message);
  void log(const std::string& message);

  Overrides base_overrides_;
  Send send_;
  std::unique_ptr<Workspace> workspace_;
  SourceErrors load_errors_;
  std::map<std::string, OpenDocument> documents_;  // by document_key(uri)
  ColumnUnit unit_ = ColumnUnit::Utf16;
  std::string docs_url_;  // "{rule}" is replaced by the rule id
  std::optional<std::string> config_path_;
  mutable PositionCursor positions_;  // reset whenever a document is re-linted
  bool watch_registration_ = false;
  bool initialized_ = false;
  bool shutdown_ = false;
  std::optional<int> exit_code_;
  int next_request_id_ = 1;
};

// Runs the server on stdin/stdout until `exit` or the end of input; returns the exit code.
int run_stdio(Overrides overrides);

}  // namespace policylint::lsp
