#include <catch2/catch.hpp>

#include "lsp/server.hpp"
#include "lsp/text_sync.hpp"
#include "lsp/uri.hpp"

using namespace policylint;
using namespace policylint::lsp;

TEST_CASE("file URIs decode either case of percent-encoding to one key", "[lsp]") {
  const std::string upper = "file:///tmp/%E8%8D%89%E7%A8%BF%20A/x.txt";
  const std::string lower = "file:///tmp/%e8%8d%89%e7%a8%bf%20A/x.txt";
  CHECK(uri_to_path(upper)->string() == "/tmp/草稿 A/x.txt");
  CHECK(document_key(upper) == document_key(lower));
  CHECK(document_key("file://localhost/tmp/a.txt") == "/tmp/a.txt");
  CHECK_FALSE(uri_to_path("untitled:Untitled-1"));
  CHECK(document_key("untitled:Untitled-1") == "untitled:Untitled-1");
  CHECK(path_to_uri("/tmp/草稿 A/x.txt") == upper);
  CHECK(percent_decode("100%") == "100%");
}

TEST_CASE("LSP positions map to byte offsets in each encoding", "[lsp]") {
  const std::string text = "𠀀🀄甲,乙\r\n第二行\r第三行\n";
  // The comma: UTF-16 unit 5, UTF-8 byte 11, code point 3.
  CHECK(offset_of(text, 0, 5, ColumnUnit::Utf16) == 11);
  CHECK(offset_of(text, 0, 11, ColumnUnit::Byte) == 11);
  CHECK(offset_of(text, 0, 3, ColumnUnit::CodePoint) == 11);
  // Past the end of a line clamps to its end; "\r\n" and "\r" both end lines.
  CHECK(offset_of(text, 0, 99, ColumnUnit::Utf16) == 15);
  CHECK(offset_of(text, 1, 1, ColumnUnit::Utf16) == 20);
  CHECK(offset_of(text, 2, 0, ColumnUnit::Utf16) == 27);
  CHECK(offset_of(text, 9, 0, ColumnUnit::Utf16) == text.size());
  // Inside a surrogate pair rounds forward to the whole character.
  CHECK(offset_of(text, 0, 1, ColumnUnit::Utf16) == 4);
}

TEST_CASE("the server answers in process, without stdio", "[lsp]") {
  std::vector<nlohmann::json> sent;
  Overrides overrides;
  overrides.no_config = true;
  overrides.select = std::vector<std::string>{"punctuation/halfwidth-in-cjk"};
  Server server(overrides, [&](const std::string& body) { sent.push_back(nlohmann::json::parse(body)); });
  server.handle({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"},
                 {"params", {{"capabilities", {{"general", {{"positionEncodings", {"utf-32"}}}}}}}}});
  REQUIRE(sent.size() == 1);
  CHECK(sent[0]["result"]["capabilities"]["positionEncoding"] == "utf-32");
  server.handle({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", nlohmann::json::object()}});
  server.handle({{"jsonrpc", "2.0"},
                 {"method", "textDocument/didOpen"},
                 {"params", {{"textDocument", {{"uri", "untitled:1"}, {"version", 1}, {"text", "𠀀甲,乙"}}}}}});
  CHECK(server.has_pending());
  server.publish_pending();
  CHECK_FALSE(server.has_pending());
  const auto& diagnostics = sent.back()["params"]["diagnostics"];
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0]["range"]["start"]["character"] == 2);
  server.handle({{"jsonrpc", "2.0"}, {"method", "exit"}});
  CHECK(server.exit_code() == 1);
}
