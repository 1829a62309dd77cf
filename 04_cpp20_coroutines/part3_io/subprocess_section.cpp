#include <sys/wait.h>

#include <cerrno>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "aio/aio.hpp"
#include "aio/subprocess.hpp"
#include "sections.hpp"

namespace sections {

namespace {

// What the reader and the heartbeat share: how many lines were read, and up to which line the
// heartbeat has said it is alive. It speaks once per line, so the story prints the same every
// run although the loop ticks a varying number of times.
struct Progress {
    int lines_read = 0;
    int heartbeat_seen = 0;
};

aio::Coroutine<void> heartbeat(common::Context& ctx, Progress& progress) {
    while (true) {
        co_await aio::sleep(0.05);
        if (progress.heartbeat_seen < progress.lines_read) {
            progress.heartbeat_seen = progress.lines_read;
            ctx.log.plain("    heartbeat: tick (the loop runs while readline() waits for the child)");
        }
    }
}

aio::Coroutine<void> read_lines(common::Context& ctx) {
    const std::string script = "for i in 1 2 3; do echo \"line $i\"; sleep 0.2; done";
    ctx.log.plain("create_subprocess_exec(\"/bin/sh\", \"-c\", '{}', stdout=PIPE)", script);
    std::vector<std::string> argv{"/bin/sh", "-c", script};  // named: see COMPILERS.md, 6
    aio::Process process = co_await aio::create_subprocess_exec(std::move(argv));
    Progress progress;
    aio::Task<void> ticking = aio::create_task(heartbeat(ctx, progress));
    while (true) {
        const std::string line = co_await process.stdout().readline();
        if (line.empty()) break;
        ++progress.lines_read;
        ctx.log.plain("  read: '{}'", line.substr(0, line.size() - 1));  // without its '\n'
    }
    ctx.log.plain("  read: \"\" (EOF: the child closed its stdout)");
    ticking.cancel();
    try {
        co_await ticking;
    } catch (const aio::CancelledError&) {}
    const int code = co_await process.wait();
    ctx.log.plain("  await wait() -> returncode {}", code);
}

aio::Coroutine<void> kill_a_sleeper(common::Context& ctx) {
    ctx.log.plain("create_subprocess_exec(\"sleep\", \"1000\"): a child that never ends");
    std::vector<std::string> argv{"sleep", "1000"};
    aio::Process process = co_await aio::create_subprocess_exec(std::move(argv), {.stdout_to = aio::Redirect::devnull});
    try {
        co_await aio::wait_for(process.wait(), 0.5);
    } catch (const aio::TimeoutError& error) {
        ctx.log.plain("  await wait_for(wait(), 0.5) -> {}", error.what());
    }
    ctx.log.plain("  returncode: {} (the timeout cancelled the wait, not the child)",
                  process.returncode() ? "set" : "none yet");
    process.kill();
    const int code = co_await process.wait();
    ctx.log.plain("  kill(); await wait() -> returncode {} (SIGKILL is signal 9)", code);
}

aio::Coroutine<void> subprocess_main(common::Context& ctx) {
    co_await read_lines(ctx);
    co_await kill_a_sleeper(ctx);
}

}  // namespace

void subprocess(common::Context& ctx) {
    ctx.log.plain("(real time, even with --virtual: the children sleep for real)");
    aio::run(subprocess_main(ctx));  // a real clock: a virtual one would jump past the children's sleeps
    // Every child was reaped: waitpid(-1) finds none, neither running nor a zombie.
    const bool none_left = ::waitpid(-1, nullptr, WNOHANG) == -1 && errno == ECHILD;
    ctx.log.plain("children left, running or zombie: {}", none_left ? "none (waitpid(-1, WNOHANG): ECHILD)" : "SOME");
}

}  // namespace sections
