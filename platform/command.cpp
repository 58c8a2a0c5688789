// run_process on ChildProcess: read both pipes until they close or the deadline passes.
#include "platform/command.h"

#include "platform/process.h"

namespace examready::platform {

CommandResult run_process(const std::vector<std::string>& argv, std::chrono::milliseconds timeout,
                          std::size_t max_output) {
  using Clock = std::chrono::steady_clock;
  CommandResult result;
  if (argv.empty()) return result;
  ChildProcess child = ChildProcess::start(argv);
  result.started = child.started();
  if (!result.started) result.err = child.exec_error();
  if (!child.has_process()) return result;
  const auto deadline = Clock::now() + timeout;
  ChildProcess* const children[] = {&child};
  while (child.open(Pipe::kOut) || child.open(Pipe::kErr)) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) {
      result.timed_out = true;
      child.kill();
      child.wait();
      return result;
    }
    for (const auto& [index, pipe] : wait_readable(children, left)) {
      // One byte over the cap is kept until the read returns, to tell "exactly the cap" from
      // "more than it".
      std::string& sink = pipe == Pipe::kOut ? result.out : result.err;
      child.read(pipe, sink, max_output + 1);
      if (sink.size() > max_output) {
        result.overflowed = true;
        sink.resize(max_output);
      }
    }
  }
  // Pipes closed; the child may still linger (a daemon it spawned kept no pipe). Wait bounded.
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  const auto status = child.wait_for(std::max(left, std::chrono::milliseconds(0)));
  if (!status) {
    result.timed_out = true;
    child.kill();
    child.wait();
    return result;
  }
  result.exit_code = status->code;
  return result;
}

}  // namespace examready::platform
