#include <sys/wait.h>

#include <cerrno>
#include <optional>
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

// Bytes as Python's repr() shows them (b'a\n', or b"it's" when they hold a ' and no "), or None:
// so the lines read as the twin's do (tests/python/subprocesses.py).
std::string python_repr(const std::optional<std::string>& bytes) {
    if (!bytes) return "None";
    const char quote = bytes->find('\'') != std::string::npos && bytes->find('"') == std::string::npos ? '"' : '\'';
    std::string text = fmt::format("b{}", quote);
    for (const char c : *bytes) {
        if (c == '\n') {
            text += "\\n";
        } else if (c == '\\' || c == quote) {
            text += '\\';
            text += c;
        } else if (c >= ' ' && c <= '~') {
            text += c;
        } else {
            text += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
        }
    }
    return text + quote;
}

std::string python_repr(const aio::ProcessOutput& output) {
    return fmt::format("({}, {})", python_repr(output.stdout_data), python_repr(output.stderr_data));
}

aio::Coroutine<void> upper_case(common::Context& ctx) {
    const std::string script = "tr a-z A-Z; echo done >&2; exit 3";
    ctx.log.plain("create_subprocess_exec(\"/bin/sh\", \"-c\", '{}', stdin=PIPE, stdout=PIPE, stderr=PIPE)", script);
    std::vector<std::string> argv{"/bin/sh", "-c", script};
    const aio::SubprocessOptions pipes{
        .stdin_from = aio::Redirect::pipe, .stdout_to = aio::Redirect::pipe, .stderr_to = aio::Redirect::pipe};
    aio::Process process = co_await aio::create_subprocess_exec(std::move(argv), pipes);
    const std::string input = "hello\nworld\n";
    const aio::ProcessOutput output = co_await process.communicate(input);
    ctx.log.plain("  await communicate({}) -> {}", python_repr(input), python_repr(output));
    ctx.log.plain("  returncode {}", *process.returncode());
}

aio::Coroutine<void> stderr_into_stdout(common::Context& ctx) {
    const std::string script = "echo out; echo err >&2";
    ctx.log.plain("create_subprocess_exec(\"/bin/sh\", \"-c\", '{}', stdout=PIPE, stderr=STDOUT)", script);
    std::vector<std::string> argv{"/bin/sh", "-c", script};
    aio::Process process = co_await aio::create_subprocess_exec(
        std::move(argv), {.stdout_to = aio::Redirect::pipe, .stderr_to = aio::Redirect::stdout});
    const aio::ProcessOutput output = co_await process.communicate();
    ctx.log.plain("  await communicate() -> {}", python_repr(output));
}

// The child writes a megabyte before it reads its input: a parent that wrote all its input
// first would wait for the child, which waits for the parent to read. communicate() reads
// while it writes.
aio::Coroutine<void> more_than_a_pipe_holds(common::Context& ctx) {
    const std::string script = "head -c 1000000 /dev/zero | tr '\\0' x; wc -c";
    ctx.log.plain("create_subprocess_exec(\"/bin/sh\", \"-c\", \"{}\", stdin=PIPE, stdout=PIPE)", script);
    ctx.log.plain("  it writes 1000000 bytes before it reads its input; a pipe holds 65536 (Linux's default)");
    std::vector<std::string> argv{"/bin/sh", "-c", script};
    aio::Process process = co_await aio::create_subprocess_exec(
        std::move(argv), {.stdin_from = aio::Redirect::pipe, .stdout_to = aio::Redirect::pipe});
    const aio::ProcessOutput output = co_await process.communicate(std::string(1'000'000, 'i'));
    const std::string& out = output.stdout_data.value();
    const std::size_t xs = out.find_first_not_of('x');
    ctx.log.plain("  await communicate(1000000 bytes) -> stdout: {} bytes, {} times 'x' then {}", out.size(), xs,
                  python_repr(out.substr(xs)));
    ctx.log.plain("  returncode {}", *process.returncode());
}

aio::Coroutine<void> subprocess_main(common::Context& ctx) {
    co_await read_lines(ctx);
    co_await kill_a_sleeper(ctx);
    co_await upper_case(ctx);
    co_await stderr_into_stdout(ctx);
    co_await more_than_a_pipe_holds(ctx);
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
