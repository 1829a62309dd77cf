#include "aio/subprocess.hpp"

#include <array>
#include <cerrno>
#include <csignal>
#include <memory>
#include <optional>
#include <stdexcept>
#include <system_error>
#include <utility>

#include <fmt/format.h>

#include "aio/connection.hpp"
#include "aio/event_loop.hpp"
#include "aio/gather.hpp"
#include "aio/io_watch.hpp"
#include "aio/notifier.hpp"
#include "aio/streams.hpp"
#include "spawn.hpp"

namespace aio {

struct Process::State {
    explicit State(EventLoop& owner) noexcept : loop(&owner) {}
    State(const State&) = delete;
    State& operator=(const State&) = delete;
    ~State() { kill_and_reap(); }

    // Takes the child over. Nothing here throws before the child is ours, so ~State ends it if
    // watching it fails.
    void adopt(detail::SpawnedChild child) {
        pid = child.pid;
        pidfd = std::move(child.pidfd);
        exit_watch.watch(pidfd.get());
        if (child.stdin_pipe.valid()) {
            in = StreamWriter(std::make_shared<detail::Connection>(std::move(child.stdin_pipe),
                                                                   fmt::format("the stdin of process {}", pid),
                                                                   detail::Connection::Kind::pipe));
        }
        if (child.stdout_pipe.valid()) out = pipe_reader(std::move(child.stdout_pipe), "stdout");
        if (child.stderr_pipe.valid()) err = pipe_reader(std::move(child.stderr_pipe), "stderr");
    }

    // A pipe read like a socket: the streams' Connection reads it with read(2), and names it in
    // its errors ("read from the stdout of process 1234").
    [[nodiscard]] StreamReader pipe_reader(detail::Fd pipe, const char* name) const {
        return StreamReader(
            std::make_shared<detail::Connection>(std::move(pipe), fmt::format("the {} of process {}", name, pid)));
    }

    // The child is reaped: its pidfd goes at once (a finished Process holds no fd but its pipes).
    void exited(int code) noexcept {
        returncode = code;
        exit_watch.reset();  // before the close, as IoWatch asks; a wait() on it wakes up
        pidfd.close();
    }

    void kill_and_reap() noexcept {
        if (returncode || pidfd.get() < 0) return;
        try {
            detail::Reaped reaped = detail::reap_child(pidfd.get(), false);
            if (!reaped.exited) {
                detail::signal_child(pidfd.get(), SIGKILL);
                reaped = detail::reap_child(pidfd.get(), true);  // SIGKILL cannot be caught: short
            }
            exited(reaped.returncode);
        } catch (const std::exception&) {  // waitid failed for a reason it never gives on a pidfd we own
            exited(255);
        }
    }

    EventLoop* loop;  // whose epoll watches the pidfd
    pid_t pid = -1;
    detail::Fd pidfd;
    IoWatch exit_watch;  // readable once the child has exited
    std::optional<int> returncode;
    std::optional<StreamWriter> in;   // none unless stdin is a pipe
    std::optional<StreamReader> out;  // none unless that output is a pipe
    std::optional<StreamReader> err;
    // One wait() at a time watches the pidfd (IoWatch takes one reader); the others wait for it
    // to leave, and one of them takes over if it left early (cancelled).
    bool watching = false;
    detail::Notifier watcher_left;
};

namespace {

// The wait() on the pidfd; when it leaves, however it leaves, the other wait()s look again.
class Watching {
public:
    explicit Watching(Process::State& state) noexcept : state_(state) { state_.watching = true; }
    Watching(const Watching&) = delete;
    Watching& operator=(const Watching&) = delete;
    ~Watching() {
        state_.watching = false;
        state_.watcher_left.notify_all();
    }

private:
    Process::State& state_;
};

// Holds the state, not the Process: the Process may be moved, or destroyed, while this waits
// (destroying it kills and reaps the child, and this wakes up to the returncode).
Coroutine<int> wait_for_exit(std::shared_ptr<Process::State> state) {
    // The pidfd is in the epoll of the loop that started the child (gone if fd() is -1).
    if (!state->returncode && (running_loop() != state->loop || state->exit_watch.fd() < 0)) {
        throw std::logic_error("Process::wait: the child belongs to the event loop that started it");
    }
    while (!state->returncode) {
        if (state->watching) {
            co_await state->watcher_left.wait();  // not forwarded: a cancelled wait() just stops waiting
            continue;
        }
        const Watching watching(*state);
        if (!state->exit_watch.may_read()) co_await state->exit_watch.readable();
        if (state->returncode) break;  // reaped meanwhile (the Process was destroyed)
        const detail::Reaped reaped = detail::reap_child(state->pidfd.get(), false);
        if (reaped.exited) {
            state->exited(reaped.returncode);
        } else {
            state->exit_watch.read_would_block();  // woken for nothing: wait for the edge
        }
    }
    co_return *state->returncode;
}

// communicate()'s three parts, run at once by gather. Each takes its stream by value: a handle
// that keeps the pipe valid whatever happens to the Process meanwhile.

// Writes the input and closes stdin. A child that closed its stdin early (it exited, or never
// reads) makes drain() throw ConnectionResetError: not an error here, as in asyncio's
// _feed_stdin, which ignores BrokenPipeError and ConnectionResetError.
Coroutine<void> feed_stdin(std::optional<StreamWriter> stdin_writer, std::string input) {
    if (!stdin_writer) co_return;
    try {
        if (!input.empty()) {
            stdin_writer->write(input);
            co_await stdin_writer->drain();
        }
    } catch (const ConnectionResetError&) {}
    stdin_writer->close();
}

// Everything the child writes to this pipe, up to EOF; none for an output that is not a pipe.
Coroutine<std::optional<std::string>> read_to_eof(std::optional<StreamReader> reader) {
    if (!reader) co_return std::nullopt;
    std::string data;
    std::array<char, 16384> chunk{};
    while (true) {
        const std::size_t n = co_await reader->read_into(chunk);
        if (n == 0) break;
        data.append(chunk.data(), n);
    }
    co_return data;
}

Coroutine<ProcessOutput> communicate_with(std::shared_ptr<Process::State> state, std::string input) {
    auto outputs =
        co_await gather(feed_stdin(state->in, std::move(input)), read_to_eof(state->out), read_to_eof(state->err));
    co_await wait_for_exit(state);
    co_return ProcessOutput{std::move(std::get<1>(outputs)), std::move(std::get<2>(outputs))};
}

}  // namespace

Process& Process::operator=(Process&& other) noexcept {
    if (this != &other) {
        if (state_) state_->kill_and_reap();
        state_ = std::move(other.state_);
    }
    return *this;
}

Process::~Process() {
    if (state_) state_->kill_and_reap();
}

Process::State& Process::state() const {
    if (!state_) throw std::logic_error("aio::Process: this Process was moved from");
    return *state_;
}

int Process::pid() const { return state().pid; }

StreamReader& Process::stdout() {
    State& s = state();
    if (!s.out) throw std::logic_error("Process::stdout: the child's stdout is not a pipe (Redirect::pipe)");
    return *s.out;
}

StreamReader& Process::stderr() {
    State& s = state();
    if (!s.err) throw std::logic_error("Process::stderr: the child's stderr is not a pipe (Redirect::pipe)");
    return *s.err;
}

StreamWriter& Process::stdin() {
    State& s = state();
    if (!s.in) throw std::logic_error("Process::stdin: the child's stdin is not a pipe (Redirect::pipe)");
    return *s.in;
}

Coroutine<ProcessOutput> Process::communicate(std::string input) {
    const State& s = state();
    if (!s.in && !input.empty()) {
        throw std::logic_error("Process::communicate: input for a child whose stdin is not a pipe (Redirect::pipe)");
    }
    return communicate_with(state_, std::move(input));
}

Coroutine<int> Process::wait() {
    (void)state();
    return wait_for_exit(state_);
}

std::optional<int> Process::returncode() const { return state().returncode; }

void Process::send_signal(int signal) {
    State& s = state();
    if (s.returncode) {  // reaped: there is nobody to signal (and its pid may be another's by now)
        throw std::system_error(ESRCH, std::generic_category(),
                                fmt::format("Process::send_signal({}): the child has exited and was reaped "
                                            "(asyncio: ProcessLookupError)",
                                            signal));
    }
    const int error = detail::signal_child(s.pidfd.get(), signal);
    if (error != 0 && error != ESRCH) {  // ESRCH: it has exited, and is not reaped yet: no error
        throw std::system_error(error, std::generic_category(), fmt::format("Process::send_signal({})", signal));
    }
}

void Process::terminate() { send_signal(SIGTERM); }

void Process::kill() { send_signal(SIGKILL); }

Coroutine<Process> create_subprocess_exec(std::vector<std::string> argv, SubprocessOptions options) {
    auto state = std::make_shared<Process::State>(get_running_loop());
    state->adopt(detail::spawn_child(argv, options));
    co_return Process(std::move(state));
}

}  // namespace aio
