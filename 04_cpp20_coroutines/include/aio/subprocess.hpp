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

// Where the child's stdin comes from, or its stdout or stderr goes (asyncio: subprocess.PIPE,
// subprocess.DEVNULL, None, subprocess.STDOUT).
enum class Redirect {
    inherit,  // the parent's own (asyncio's default)
    pipe,     // a pipe: written through Process::stdin(), read through stdout() / stderr()
    devnull,  // /dev/null
    stdout,   // stderr_to only: where stdout goes (asyncio's stderr=STDOUT); glibc's `stdout` names itself
};

// Anything else than inherit, pipe or devnull for stdin_from or stdout_to is std::invalid_argument.
struct SubprocessOptions {
    Redirect stdin_from = Redirect::inherit;
    Redirect stdout_to = Redirect::pipe;
    Redirect stderr_to = Redirect::inherit;
};

// What Process::communicate() read (asyncio's (stdout_data, stderr_data)): none for an output
// that is not a pipe (Python's None).
struct ProcessOutput {
    std::optional<std::string> stdout_data;
    std::optional<std::string> stderr_data;
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
    // The parent's end of the child's stdin pipe (Redirect::pipe); std::logic_error otherwise.
    // close() it to give the child EOF. A write to a child that closed its stdin raises no
    // SIGPIPE: the next drain() throws ConnectionResetError (errno EPIPE), as asyncio's does.
    StreamWriter& stdin();

    // asyncio's communicate(input): writes `input` to stdin and closes it, reads stdout and
    // stderr to EOF (the pipes among them), all three at once, then waits for the exit. At once
    // is what matters: a child that writes more than a pipe holds before it reads its input
    // cannot deadlock with us. A child that exits without reading its input is no error (as in
    // asyncio). Input for a stdin that is not a pipe is std::logic_error (asyncio 3.11: an
    // AttributeError on None).
    // Cancelling it stops the feeding and the reading, not the child.
    Coroutine<ProcessOutput> communicate(std::string input = {});

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
