#include "spawn.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
extern "C" {  // glibc 2.36's <sys/pidfd.h> forgets to say so itself
#include <sys/pidfd.h>
}

#include <cerrno>
#include <csignal>
#include <stdexcept>
#include <system_error>

#include <fmt/format.h>

#include "aio/stream_errors.hpp"

extern char** environ;  // NOLINT: POSIX declares it nowhere else

namespace aio::detail {

namespace {

// One of posix_spawn's two option objects, destroyed however spawn_child leaves.
template <class Options, int (*init)(Options*), int (*destroy)(Options*)>
class SpawnOptions {
public:
    SpawnOptions() {
        if (const int error = init(&options_)) throw_errno(error, "posix_spawn");
    }
    SpawnOptions(const SpawnOptions&) = delete;
    SpawnOptions& operator=(const SpawnOptions&) = delete;
    ~SpawnOptions() { destroy(&options_); }
    Options* get() noexcept { return &options_; }

private:
    Options options_;
};

using FileActions =
    SpawnOptions<posix_spawn_file_actions_t, ::posix_spawn_file_actions_init, ::posix_spawn_file_actions_destroy>;
using SpawnAttributes = SpawnOptions<posix_spawnattr_t, ::posix_spawnattr_init, ::posix_spawnattr_destroy>;

// A pipe for one of the child's standard fds. Both ends are close-on-exec, so no other child
// started meanwhile (by another thread) inherits them; the child gets its end as fd 0, 1 or 2
// through dup2, which clears the flag on the copy only. The parent's end does not block: the
// loop reads or writes it.
struct Pipe {
    Fd parent_end;
    Fd child_end;
};

Pipe make_pipe(bool parent_writes) {
    int ends[2];  // [0] is read, [1] is written
    count_syscall();
    if (::pipe2(ends, O_CLOEXEC) != 0) throw_errno(errno, "create_subprocess_exec: pipe2");
    Fd read_end(ends[0]);
    Fd write_end(ends[1]);
    Pipe pipe = parent_writes ? Pipe{std::move(write_end), std::move(read_end)}
                              : Pipe{std::move(read_end), std::move(write_end)};
    const int parent_fd = pipe.parent_end.get();
    count_syscall();
    const int flags = ::fcntl(parent_fd, F_GETFL);
    count_syscall();
    if (flags < 0 || ::fcntl(parent_fd, F_SETFL, flags | O_NONBLOCK) != 0) {
        throw_errno(errno, "create_subprocess_exec: fcntl");
    }
    return pipe;
}

// Where the child's fd `target` (0, 1 or 2) comes from or goes; the parent's end of a pipe, if
// one is made, goes to `parent_end`. Redirect::stdout (target 2 only) copies fd 1, which the
// actions have set by then: they run in the order they were added.
void redirect(Redirect how, int target, FileActions& actions, Fd& parent_end, Fd& child_end) {
    int error = 0;
    switch (how) {
        case Redirect::inherit:
            return;
        case Redirect::devnull:
            error = ::posix_spawn_file_actions_addopen(actions.get(), target, "/dev/null",
                                                       target == 0 ? O_RDONLY : O_WRONLY, 0);
            break;
        case Redirect::pipe: {
            Pipe pipe = make_pipe(target == 0);
            error = ::posix_spawn_file_actions_adddup2(actions.get(), pipe.child_end.get(), target);
            parent_end = std::move(pipe.parent_end);
            child_end = std::move(pipe.child_end);
            break;
        }
        case Redirect::stdout:
            error = ::posix_spawn_file_actions_adddup2(actions.get(), 1, target);
            break;
    }
    if (error != 0) throw_errno(error, "posix_spawn_file_actions");
}

void check_redirects(const SubprocessOptions& options) {
    if (options.stdin_from == Redirect::stdout) {
        throw std::invalid_argument(
            "create_subprocess_exec: stdin_from = Redirect::stdout: only stderr can go to stdout");
    }
    if (options.stdout_to == Redirect::stdout) {
        throw std::invalid_argument(
            "create_subprocess_exec: stdout_to = Redirect::stdout: only stderr can go to stdout");
    }
}

void check_arguments(const std::vector<std::string>& argv) {
    if (argv.empty()) throw std::invalid_argument("create_subprocess_exec: argv is empty, it needs a program");
    for (const std::string& argument : argv) {
        if (argument.find('\0') != std::string::npos) {
            throw std::invalid_argument(
                "create_subprocess_exec: an argument holds a '\\0' (Python: embedded null byte)");
        }
    }
}

}  // namespace

SpawnedChild spawn_child(const std::vector<std::string>& argv, const SubprocessOptions& options) {
    check_arguments(argv);
    check_redirects(options);
    FileActions actions;
    SpawnedChild child;
    Fd stdin_child_end;  // the child's ends: closed here once it has its copies
    Fd stdout_child_end;
    Fd stderr_child_end;
    redirect(options.stdin_from, 0, actions, child.stdin_pipe, stdin_child_end);
    redirect(options.stdout_to, 1, actions, child.stdout_pipe, stdout_child_end);
    redirect(options.stderr_to, 2, actions, child.stderr_pipe, stderr_child_end);

    // The child starts with no signal blocked and SIGPIPE at its default (it may be ignored
    // here), as Python's subprocess does: `yes | head` must end.
    SpawnAttributes attributes;
    sigset_t none;
    sigset_t pipe_signal;
    sigemptyset(&none);
    sigemptyset(&pipe_signal);
    sigaddset(&pipe_signal, SIGPIPE);
    const short flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF;
    for (const int error :
         {::posix_spawnattr_setflags(attributes.get(), flags), ::posix_spawnattr_setsigmask(attributes.get(), &none),
          ::posix_spawnattr_setsigdefault(attributes.get(), &pipe_signal)}) {
        if (error != 0) throw_errno(error, "posix_spawnattr");
    }

    std::vector<char*> arguments;
    arguments.reserve(argv.size() + 1);
    for (const std::string& argument : argv) arguments.push_back(const_cast<char*>(argument.c_str()));
    arguments.push_back(nullptr);
    // glibc's posix_spawn reports a failed exec (no such program) as its own result: the child
    // never runs our code, so there is nothing to report through a pipe by hand.
    count_syscall();
    if (const int error =
            ::posix_spawnp(&child.pid, argv[0].c_str(), actions.get(), attributes.get(), arguments.data(), environ)) {
        throw_errno(error, fmt::format("create_subprocess_exec: cannot run '{}'", argv[0]));
    }

    // The pid cannot be reused before we reap it, so the pidfd surely names our child.
    count_syscall();
    child.pidfd = Fd(::pidfd_open(child.pid, 0));
    if (child.pidfd.get() < 0) {
        const int error = errno;
        ::kill(child.pid, SIGKILL);
        int status = 0;
        while (::waitpid(child.pid, &status, 0) < 0 && errno == EINTR) {}
        throw_errno(error, "create_subprocess_exec: pidfd_open");
    }
    return child;
}

Reaped reap_child(int pidfd, bool block) {
    siginfo_t info{};
    count_syscall();
    while (::waitid(P_PIDFD, static_cast<id_t>(pidfd), &info, WEXITED | (block ? 0 : WNOHANG)) != 0) {
        if (errno == EINTR) continue;
        // Someone else reaped it (a waitpid(-1) elsewhere, SIGCHLD ignored): the status is lost.
        // asyncio reports 255 then, and so do we.
        if (errno == ECHILD) return {true, 255};
        throw_errno(errno, "waitid");
    }
    if (info.si_pid == 0) return {false, 0};  // WNOHANG: still running
    if (info.si_code == CLD_EXITED) return {true, info.si_status};
    return {true, -info.si_status};  // CLD_KILLED, CLD_DUMPED
}

int signal_child(int pidfd, int signal) noexcept {
    count_syscall();
    return ::pidfd_send_signal(pidfd, signal, nullptr, 0) == 0 ? 0 : errno;
}

}  // namespace aio::detail
