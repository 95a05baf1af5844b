#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <thread>

#include "lsp/server.hpp"
#include "lsp/transport.hpp"

namespace policylint::lsp {

namespace {

// Quiet time after an edit before linting, so a burst of keystrokes is linted once.
constexpr auto kSettleTime = std::chrono::milliseconds(30);

// Frames read by a background thread, so the server can notice when input goes quiet.
class Inbox {
 public:
  void push(Frame frame) {
    std::lock_guard lock(mutex_);
    frames_.push_back(std::move(frame));
    ready_.notify_one();
  }
  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    ready_.notify_one();
  }
  enum class Status { Frame, Quiet, Closed };
  // Waits for the next frame; with a timeout, reports Quiet when none came in time.
  Status pop(Frame& out, std::optional<std::chrono::milliseconds> timeout) {
    std::unique_lock lock(mutex_);
    const auto has_something = [&] { return !frames_.empty() || closed_; };
    if (timeout) {
      if (!ready_.wait_for(lock, *timeout, has_something)) return Status::Quiet;
    } else {
      ready_.wait(lock, has_something);
    }
    if (frames_.empty()) return Status::Closed;
    out = std::move(frames_.front());
    frames_.pop_front();
    return Status::Frame;
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Frame> frames_;
  bool closed_ = false;
};

void deliver(Server& server, const Frame& frame) {
  if (frame.bad_header) {
    server.reject_unparsable("消息头缺少有效的 Content-Length");
    return;
  }
  nlohmann::json message = nlohmann::json::parse(frame.body, nullptr, false);
  if (message.is_discarded()) server.reject_unparsable("消息不是有效的 JSON");
  else server.handle(message);
}

}  // namespace

int run_stdio(Overrides overrides) {
  Server server(std::move(overrides), [](const std::string& body) { write_frame(stdout, body); });
  Inbox inbox;
  std::thread reader([&inbox] {
    while (auto frame = read_frame(stdin)) inbox.push(std::move(*frame));
    inbox.close();
  });
  bool input_closed = false;
  for (Frame frame; !server.exit_requested();) {
    const auto timeout = server.has_pending() ? std::optional(kSettleTime) : std::nullopt;
    const auto status = inbox.pop(frame, timeout);
    if (status == Inbox::Status::Closed) {
      input_closed = true;
      break;
    }
    if (status == Inbox::Status::Quiet) server.publish_pending();
    else deliver(server, frame);
  }
  std::fflush(stdout);
  if (!input_closed) {
    // The reader is blocked on stdin, which the client may keep open after `exit`.
    std::_Exit(server.exit_code());
  }
  reader.join();
  return server.exit_code();
}

}  // namespace policylint::lsp
