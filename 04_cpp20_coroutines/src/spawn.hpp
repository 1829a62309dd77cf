// Starting a child process the way create_subprocess_exec needs it: posix_spawn, pipes that no
// other child inherits, and a pidfd to learn of its exit. Private to aio (src/subprocess.cpp).
// The system calls made here are counted on the running loop (EventLoop::syscalls).
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

#include "aio/socket.hpp"
#include "aio/subprocess.hpp"

namespace aio::detail {

// A child that runs: its pid, a pidfd (readable once it has exited), and the parent's
// (non-blocking) end of each pipe asked for (-1 where there is none): the write end of its
// stdin, the read end of its stdout and stderr.
struct SpawnedChild {
    pid_t pid = -1;
    Fd pidfd;
    Fd stdin_pipe;
    Fd stdout_pipe;
    Fd stderr_pipe;
};

// Starts argv[0] (looked up in PATH, as asyncio's exec does) with argv. Throws
// std::invalid_argument for an empty argv, an argument holding '\0' or a Redirect out of place
// (Redirect::stdout anywhere but stderr_to), and std::system_error
// naming the program when it cannot be started (ENOENT: no such program).
SpawnedChild spawn_child(const std::vector<std::string>& argv, const SubprocessOptions& options);

// What reap_child found: whether the child had exited (and is reaped now), and its returncode
// as asyncio gives it: the exit code, or -N when signal N killed it.
struct Reaped {
    bool exited = false;
    int returncode = 0;
};
// Reaps the child behind `pidfd` if it has exited. If it runs: waits for its exit when `block`,
// else reports it still running.
Reaped reap_child(int pidfd, bool block);

// Sends `signal` to the child behind `pidfd` (never to a stranger reusing its pid): 0, or the errno.
int signal_child(int pidfd, int signal) noexcept;

}  // namespace aio::detail
