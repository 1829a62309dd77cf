// aio::create_subprocess_exec: a child process on the loop (asyncio.create_subprocess_exec). The
// loop reads its output while other tasks run, and learns of its exit through a pidfd that epoll
// watches: no SIGCHLD handler, no thread. Section "subprocess".
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "aio/coroutine.hpp"
#include "aio/streams.hpp"

namespace aio {

// Where the child's stdout or stderr goes (asyncio: subprocess.PIPE, subprocess.DEVNULL, None).
enum class Redirect {
    inherit,  // the parent's own (asyncio's default)
    pipe,     // a pipe, read through Process::stdout() / stderr()
    devnull,  // /dev/null
};

struct SubprocessOptions {
    Redirect stdout_to = Redirect::pipe;
    Redirect stderr_to = Redirect::inherit;
};

// A child process (asyncio.subprocess.Process). Move-only. Destroying it while the child still
// runs kills the child (SIGKILL) and reaps it, blocking until the kernel has ended it: no zombie
// and no fd outlives a Process. To end a child gently, terminate() it and co_await wait() first.
class Process {
public:
    struct State;  // shared with the wait()s in progress, so a moved Process keeps them valid

    Process(Process&& other) noexcept = default;
    Process& operator=(Process&& other) noexcept;
    ~Process();

    [[nodiscard]] int pid() const;
    // The parent's end of the child's stdout / stderr pipe; std::logic_error if that output is
    // not Redirect::pipe. Read it while the child runs: a child whose pipe is full (64 KiB) waits
    // until you read, so awaiting wait() alone would never end (asyncio's deadlock warning).
    // The reader is a handle: a copy keeps the pipe open after the Process is gone.
    // glibc defines `stdout` and `stderr` as themselves, so these names are safe as members.
    StreamReader& stdout();
    StreamReader& stderr();

    // Waits until the child exits; returns its returncode. Several tasks may wait at once.
    // Cancelling a wait() leaves the child running (as asyncio): kill() it, then wait() again.
    Coroutine<int> wait();
    // The exit code, or -N when signal N ended the child; none until a wait() has seen the exit
    // (asyncio's is set by its child watcher in the background; here, by wait()).
    [[nodiscard]] std::optional<int> returncode() const;

    // A signal to the child, through the pidfd, so it can never reach another process that
    // happens to reuse the pid. A child that has exited but is not reaped yet ignores it; once
    // reaped (returncode() is set) it is a std::system_error with ESRCH, as asyncio raises
    // ProcessLookupError. Another error (a bad signal number) is a std::system_error too.
    void send_signal(int signal);
    void terminate();  // SIGTERM
    void kill();       // SIGKILL

private:
    friend Coroutine<Process> create_subprocess_exec(std::vector<std::string> argv, SubprocessOptions options);
    explicit Process(std::shared_ptr<State> state) noexcept : state_(std::move(state)) {}
    State& state() const;

    std::shared_ptr<State> state_;
};

// Starts argv[0] (searched in PATH) with the arguments argv. Throws std::invalid_argument for an
// empty argv, and std::system_error naming the program when it cannot start ("create_subprocess_exec:
// cannot run 'nosuch': No such file or directory": Python's FileNotFoundError).
Coroutine<Process> create_subprocess_exec(std::vector<std::string> argv, SubprocessOptions options = {});

}  // namespace aio
