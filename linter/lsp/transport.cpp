#include "lsp/transport.hpp"

#include <cctype>
#include <charconv>

namespace policylint::lsp {

namespace {

// One header line without its line ending; nullopt at the end of the stream.
std::optional<std::string> read_header_line(std::FILE* in) {
  std::string line;
  for (int c; (c = std::fgetc(in)) != EOF;) {
    if (c == '\n') {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return line;
    }
    line += static_cast<char>(c);
  }
  return line.empty() ? std::nullopt : std::optional<std::string>(line);
}

std::optional<std::size_t> content_length(const std::string& line) {
  const std::size_t colon = line.find(':');
  if (colon == std::string::npos) return std::nullopt;
  std::string name = line.substr(0, colon);
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (name != "content-length") return std::nullopt;
  std::size_t begin = colon + 1;
  while (begin < line.size() && line[begin] == ' ') ++begin;
  std::size_t value = 0;
  const auto [end, ec] = std::from_chars(line.data() + begin, line.data() + line.size(), value);
  if (ec != std::errc() || end == line.data() + begin) return std::nullopt;
  return value;
}

}  // namespace

std::optional<Frame> read_frame(std::FILE* in) {
  std::optional<std::size_t> length;
  bool saw_header = false;
  while (true) {
    const auto line = read_header_line(in);
    if (!line) return std::nullopt;
    if (line->empty()) {
      if (saw_header) break;
      continue;  // stray blank lines between messages
    }
    saw_header = true;
    if (const auto n = content_length(*line)) length = n;
  }
  Frame frame;
  if (!length) {
    frame.bad_header = true;
    return frame;
  }
  frame.body.resize(*length);
  if (std::fread(frame.body.data(), 1, *length, in) != *length) return std::nullopt;
  return frame;
}

void write_frame(std::FILE* out, const std::string& body) {
  std::fprintf(out, "Content-Length: %zu\r\n\r\n", body.size());
  std::fwrite(body.data(), 1, body.size(), out);
  std::fflush(out);
}

}  // namespace policylint::lsp
