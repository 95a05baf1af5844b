#pragma once
// JSON-RPC framing over a byte stream: "Content-Length: N\r\n\r\n" followed by N bytes of JSON.
#include <cstdio>
#include <optional>
#include <string>

namespace policylint::lsp {

struct Frame {
  std::string body;
  bool bad_header = false;  // a header block without a usable Content-Length
};

// The next frame; nullopt at the end of the stream.
std::optional<Frame> read_frame(std::FILE* in);
void write_frame(std::FILE* out, const std::string& body);

}  // namespace policylint::lsp
