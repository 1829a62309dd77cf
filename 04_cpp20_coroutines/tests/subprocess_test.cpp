// Child processes on the loop: exit codes and signals as asyncio's returncode, the child's lines
// read while other tasks run, a clear error for a program that does not exist, a wait() that
// times out and leaves the child running, and after every case no zombie and no fd left.
// Children run on real time, so each case is short: children exit at once or are killed.
#include "course_test.hpp"
#include "open_fds.hpp"

#include <fcntl.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <filesystem>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "aio/aio.hpp"
#include "aio/subprocess.hpp"

namespace {

using Lines = std::vector<std::string>;

// The fds open in process `pid` ("self" for this one), in increasing order.
std::vector<int> fds_of(const std::string& pid = "self") {
    std::vector<int> fds;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/" + pid + "/fd")) {
        fds.push_back(std::stoi(entry.path().filename().string()));
    }
    std::sort(fds.begin(), fds.end());
    return fds;
}

// What a case must leave behind: the fds it found, and no child at all, running or zombie
// (waitpid(-1) would reap a zombie, and says ECHILD only when there is no child left).
class Hygiene {
public:
    Hygiene() : fds_(course_test::open_fds()) {}
    void check() const {
        CHECK(course_test::open_fds() == fds_);
        const pid_t child = ::waitpid(-1, nullptr, WNOHANG);
        const int error = errno;
        CHECK(child == -1);
        CHECK(error == ECHILD);
    }

private:
    std::size_t fds_;
};

const aio::SubprocessOptions quiet{.stdout_to = aio::Redirect::devnull};

// A child that never ends on its own. Not a coroutine: g++ 12 cannot compile a braced argv
// inside a co_await expression ("array used as initializer"), so coroutines call this instead.
aio::Coroutine<aio::Process> sleep_forever(aio::SubprocessOptions options = quiet) {
    return aio::create_subprocess_exec({"sleep", "1000"}, options);
}

aio::Coroutine<int> returncode_of(std::vector<std::string> argv) {
    aio::Process process = co_await aio::create_subprocess_exec(std::move(argv), quiet);
    co_return co_await process.wait();
}

aio::Coroutine<int> killed_with(int signal) {
    aio::Process process = co_await sleep_forever();
    process.send_signal(signal);
    co_return co_await process.wait();
}

}  // namespace

TEST_CASE("wait() returns the child's exit code: 0, then 3 for exit 3") {
    const Hygiene hygiene;
    CHECK(aio::run(returncode_of({"true"})) == 0);
    CHECK(aio::run(returncode_of({"/bin/sh", "-c", "exit 3"})) == 3);
    hygiene.check();
}

TEST_CASE("a child ended by signal N has returncode -N: kill() gives -9, terminate() -15") {
    const Hygiene hygiene;
    CHECK(aio::run(killed_with(SIGKILL)) == -9);
    CHECK(aio::run(killed_with(SIGTERM)) == -15);
    hygiene.check();
}

namespace {

aio::Coroutine<Lines> lines_of(std::vector<std::string> argv) {
    aio::Process process = co_await aio::create_subprocess_exec(std::move(argv));
    Lines lines;
    while (true) {
        std::string line = co_await process.stdout().readline();
        if (line.empty()) break;
        lines.push_back(std::move(line));
    }
    const int code = co_await process.wait();
    lines.push_back(fmt::format("returncode {}", code));
    co_return lines;
}

}  // namespace

TEST_CASE("stdout() gives exactly the lines the child wrote, then EOF") {
    const Hygiene hygiene;
    CHECK(aio::run(lines_of({"/bin/sh", "-c", "echo a; echo b"})) == Lines{"a\n", "b\n", "returncode 0"});
    CHECK(aio::run(lines_of({"/bin/sh", "-c", "printf 'no newline'; exit 7"})) == Lines{"no newline", "returncode 7"});
    hygiene.check();
}

namespace {

aio::Coroutine<std::size_t> count_bytes(aio::StreamReader& reader) {
    std::array<char, 16384> buffer{};
    std::size_t total = 0;
    while (true) {
        const std::size_t n = co_await reader.read_into(buffer);
        if (n == 0) break;
        total += n;
    }
    co_return total;
}

aio::Coroutine<std::pair<std::size_t, int>> one_mebibyte() {
    std::vector<std::string> argv{"head", "-c", "1048576", "/dev/zero"};
    aio::Process process = co_await aio::create_subprocess_exec(std::move(argv));
    auto [bytes, code] = co_await aio::gather(count_bytes(process.stdout()), process.wait());
    co_return std::pair{bytes, code};
}

}  // namespace

TEST_CASE("1 MiB through the pipe, read while wait() is pending: every byte, no deadlock") {
    const Hygiene hygiene;
    CHECK(aio::run(one_mebibyte()) == std::pair<std::size_t, int>{1'048'576, 0});
    hygiene.check();
}

namespace {

// The child prints "b" only when it gets SIGUSR1, which another task sends: the reader's
// readline() for "b" can only return if the loop runs that task while the reader waits.
aio::Coroutine<void> signal_soon(aio::Process& process, Lines& lines) {
    co_await aio::sleep(0.01);
    lines.push_back("the other task sends SIGUSR1");
    process.send_signal(SIGUSR1);
}

aio::Coroutine<Lines> readline_lets_others_run() {
    std::vector<std::string> argv{"/bin/sh", "-c", "trap 'echo b; exit 0' USR1; echo a; while :; do sleep 0.01; done"};
    aio::Process process = co_await aio::create_subprocess_exec(std::move(argv));
    Lines lines;
    lines.push_back(co_await process.stdout().readline());
    aio::Task<void> other = aio::create_task(signal_soon(process, lines));
    lines.push_back(co_await aio::wait_for(process.stdout().readline(), 5.0));
    co_await other;
    const int code = co_await process.wait();
    lines.push_back(fmt::format("returncode {}", code));
    co_return lines;
}

}  // namespace

TEST_CASE("while readline() waits for the child, other tasks run") {
    const Hygiene hygiene;
    CHECK(aio::run(readline_lets_others_run()) == Lines{"a\n", "the other task sends SIGUSR1", "b\n", "returncode 0"});
    hygiene.check();
}

namespace {

aio::Coroutine<void> start(std::vector<std::string> argv) {
    const aio::Process process = co_await aio::create_subprocess_exec(std::move(argv));
}

// The error create_subprocess_exec throws for argv, as "what() (errno)".
std::string start_error(std::vector<std::string> argv) {
    try {
        aio::run(start(std::move(argv)));
    } catch (const std::system_error& error) {
        return fmt::format("{} ({})", error.what(), error.code().value());
    }
    return "no error";
}

}  // namespace

TEST_CASE("a program that cannot run throws std::system_error naming it, and leaves nothing behind") {
    const Hygiene hygiene;
    CHECK(start_error({"no-such-program-anywhere"}) ==
          fmt::format("create_subprocess_exec: cannot run 'no-such-program-anywhere': No such file or directory ({})",
                      ENOENT));
    CHECK(start_error({"/no/such/program"}) ==
          fmt::format("create_subprocess_exec: cannot run '/no/such/program': No such file or directory ({})", ENOENT));
    CHECK(start_error({"/dev/null"}) ==
          fmt::format("create_subprocess_exec: cannot run '/dev/null': Permission denied ({})", EACCES));
    hygiene.check();
}

TEST_CASE("an empty argv, or an argument holding a NUL, is std::invalid_argument") {
    const Hygiene hygiene;
    CHECK_THROWS_WITH_AS(aio::run(start({})), "create_subprocess_exec: argv is empty, it needs a program",
                         std::invalid_argument);
    CHECK_THROWS_WITH_AS(aio::run(start({"echo", std::string("a\0b", 3)})),
                         "create_subprocess_exec: an argument holds a '\\0' (Python: embedded null byte)",
                         std::invalid_argument);
    hygiene.check();
}

namespace {

aio::Coroutine<Lines> time_out_then_kill() {
    aio::Process process = co_await sleep_forever();
    Lines lines;
    try {
        co_await aio::wait_for(process.wait(), 0.05);
        lines.push_back("exited in time");
    } catch (const aio::TimeoutError& error) {
        lines.push_back(error.what());
    }
    lines.push_back(process.returncode() ? "returncode set" : "no returncode: the child still runs");
    process.kill();
    const int code = co_await process.wait();
    lines.push_back(fmt::format("after kill(): wait() returns {}, returncode() is {}", code, *process.returncode()));
    co_return lines;
}

}  // namespace

TEST_CASE("wait_for on a child that never ends: TimeoutError, the child runs on until kill(), then -9") {
    const Hygiene hygiene;
    CHECK(aio::run(time_out_then_kill()) == Lines{"TimeoutError: the deadline passed",
                                                  "no returncode: the child still runs",
                                                  "after kill(): wait() returns -9, returncode() is -9"});
    hygiene.check();
}

namespace {

aio::Coroutine<Lines> two_waiters_one_cancelled() {
    aio::Process process = co_await sleep_forever();
    aio::Task<int> first = aio::create_task(process.wait());
    aio::Task<int> second = aio::create_task(process.wait());
    co_await aio::sleep(0);  // both wait now: the first on the pidfd, the second behind it
    first.cancel();
    co_await aio::sleep(0);
    Lines lines;
    lines.push_back(fmt::format("first cancelled: {}, child still running: {}", first.cancelled(),
                                !process.returncode().has_value()));
    process.kill();
    const int code = co_await second;
    lines.push_back(fmt::format("second wait() returns {}", code));
    const int again = co_await process.wait();
    lines.push_back(fmt::format("a wait() after the exit returns {} at once", again));
    co_return lines;
}

}  // namespace

TEST_CASE("several tasks may wait for one child, and cancelling one leaves the others waiting") {
    const Hygiene hygiene;
    CHECK(aio::run(two_waiters_one_cancelled()) == Lines{"first cancelled: true, child still running: true",
                                                         "second wait() returns -9",
                                                         "a wait() after the exit returns -9 at once"});
    hygiene.check();
}

namespace {

aio::Coroutine<int> start_and_drop() {
    const aio::Process process = co_await sleep_forever({});
    co_return process.pid();
}

aio::Coroutine<aio::Process> started(std::vector<std::string> argv) {
    co_return co_await aio::create_subprocess_exec(std::move(argv));
}

}  // namespace

TEST_CASE("destroying a Process whose child runs kills and reaps it: no zombie, no fd left") {
    const Hygiene hygiene;
    const int pid = aio::run(start_and_drop());
    CHECK(pid > 0);
    CHECK_FALSE(std::filesystem::exists(fmt::format("/proc/{}", pid)));
    hygiene.check();
}

TEST_CASE("a Process that outlives its loop still kills and reaps its child when destroyed") {
    const Hygiene hygiene;
    {
        aio::Process process = aio::run(started({"sleep", "1000"}));
        CHECK_FALSE(process.returncode().has_value());
        CHECK_THROWS_WITH_AS(aio::run(process.wait()),
                             "Process::wait: the child belongs to the event loop that started it", std::logic_error);
    }
    hygiene.check();
}

namespace {

// This process's fds that a child would inherit (those without FD_CLOEXEC).
std::vector<int> inheritable_fds() {
    std::vector<int> fds;
    for (const int fd : fds_of()) {
        const int flags = ::fcntl(fd, F_GETFD);
        if (flags >= 0 && (flags & FD_CLOEXEC) == 0) fds.push_back(fd);
    }
    return fds;
}

// The fds of process `pid` that are neither its 0, 1, 2 nor inheritable from this process.
std::vector<int> foreign_fds(int pid) {
    std::vector<int> expected = inheritable_fds();
    for (const int fd : {0, 1, 2}) expected.push_back(fd);
    std::vector<int> foreign;
    for (const int fd : fds_of(std::to_string(pid))) {
        if (std::find(expected.begin(), expected.end(), fd) == expected.end()) foreign.push_back(fd);
    }
    return foreign;
}

// Two children at once: the second must not hold the first's pipe or pidfd (nor the loop's).
// posix_spawn returns while the kernel is still inside exec, a moment before it closes the
// close-on-exec fds, so the check looks again for up to 0.1 s: a leaked fd would stay for good.
aio::Coroutine<std::vector<int>> leaked_into_child() {
    aio::Process first = co_await sleep_forever({});
    aio::Process second = co_await sleep_forever({});
    std::vector<int> leaked = foreign_fds(second.pid());
    for (int look = 0; look < 50 && !leaked.empty(); ++look) {
        co_await aio::sleep(0.002);
        leaked = foreign_fds(second.pid());
    }
    co_return leaked;
}

}  // namespace

TEST_CASE("no fd of the parent's leaks into a child: pipes and pidfds are close-on-exec") {
    const Hygiene hygiene;
    CHECK(aio::run(leaked_into_child()) == std::vector<int>{});
    hygiene.check();
}

namespace {

aio::Coroutine<Lines> misuse() {
    Lines lines;
    std::vector<std::string> argv{"true"};
    aio::Process process = co_await aio::create_subprocess_exec(std::move(argv), quiet);
    try {
        process.stdout();
    } catch (const std::logic_error& error) {
        lines.push_back(error.what());
    }
    try {
        process.send_signal(12345);
    } catch (const std::system_error& error) {
        lines.push_back(error.what());
    }
    lines.push_back(fmt::format("returncode {}", co_await process.wait()));
    try {
        process.kill();  // reaped: nobody to signal, and its pid may be another's by now
    } catch (const std::system_error& error) {
        lines.push_back(fmt::format("{} (ESRCH: {})", error.what(), error.code().value() == ESRCH));
    }
    const aio::Process moved = std::move(process);
    try {
        (void)process.pid();
    } catch (const std::logic_error& error) {
        lines.push_back(error.what());
    }
    co_return lines;
}

}  // namespace

TEST_CASE(
    "misuse is a clear error: stdout() not piped, a bad signal, a kill() after the reaping, a moved-from Process") {
    const Hygiene hygiene;
    CHECK(aio::run(misuse()) == Lines{
                                    "Process::stdout: the child's stdout is not a pipe (Redirect::pipe)",
                                    "Process::send_signal(12345): Invalid argument",
                                    "returncode 0",
                                    "Process::send_signal(9): the child has exited and was reaped (asyncio: "
                                    "ProcessLookupError): No such process (ESRCH: true)",
                                    "aio::Process: this Process was moved from",
                                });
    hygiene.check();
}

namespace {

aio::Coroutine<Lines> a_thousand_timeouts() {
    aio::Process process = co_await sleep_forever();
    int timeouts = 0;
    for (int i = 0; i < 1000; ++i) {
        try {
            co_await aio::wait_for(process.wait(), 0.0);
        } catch (const aio::TimeoutError&) {
            ++timeouts;
        }
    }
    Lines lines;
    lines.push_back(fmt::format("{} timeouts, child still running: {}", timeouts, !process.returncode().has_value()));
    process.kill();
    process.kill();  // twice is harmless: the child may have exited, it is not reaped yet
    const int code = co_await process.wait();
    lines.push_back(fmt::format("returncode {}", code));
    co_return lines;
}

}  // namespace

TEST_CASE("a thousand wait()s cancelled by wait_for leave the child running and the next wait() working") {
    const Hygiene hygiene;
    CHECK(aio::run(a_thousand_timeouts()) == Lines{"1000 timeouts, child still running: true", "returncode -9"});
    hygiene.check();
}

namespace {

// A task waits while its Process is moved, and then destroyed: the child is killed and reaped,
// and the waiting task gets -9.
aio::Coroutine<int> destroyed_while_waited_for() {
    std::optional<aio::Process> process;
    process.emplace(co_await sleep_forever());
    aio::Task<int> waiter = aio::create_task(process->wait());
    co_await aio::sleep(0);
    aio::Process moved = std::move(*process);
    process.reset();
    co_await aio::sleep(0);
    { const aio::Process dropped = std::move(moved); }
    co_return co_await waiter;
}

}  // namespace

TEST_CASE("a Process moved, then destroyed, while a task waits for it: the child is killed and the waiter gets -9") {
    const Hygiene hygiene;
    CHECK(aio::run(destroyed_while_waited_for()) == -9);
    hygiene.check();
}

namespace {

aio::Coroutine<Lines> both_outputs() {
    std::vector<std::string> argv{"/bin/sh", "-c", "echo out; echo err >&2"};
    const aio::SubprocessOptions both{.stdout_to = aio::Redirect::pipe, .stderr_to = aio::Redirect::pipe};
    aio::Process process = co_await aio::create_subprocess_exec(std::move(argv), both);
    Lines lines;
    lines.push_back(co_await process.stdout().readline());
    lines.push_back(co_await process.stderr().readline());
    lines.push_back(fmt::format("returncode {}", co_await process.wait()));
    co_return lines;
}

}  // namespace

TEST_CASE("stderr may have a pipe of its own") {
    const Hygiene hygiene;
    CHECK(aio::run(both_outputs()) == Lines{"out\n", "err\n", "returncode 0"});
    hygiene.check();
}

// ---- stdin, stderr into stdout, communicate(): each expectation is what asyncio gives for the
// same child (tests/python/subprocesses.py prints them; Python 3.11). ----

namespace {

const aio::SubprocessOptions all_pipes{
    .stdin_from = aio::Redirect::pipe, .stdout_to = aio::Redirect::pipe, .stderr_to = aio::Redirect::pipe};

struct Communicated {
    aio::ProcessOutput output;
    int returncode = 0;
};

aio::Coroutine<Communicated> communicate_with(std::vector<std::string> argv, aio::SubprocessOptions options,
                                              std::string input) {
    aio::Process process = co_await aio::create_subprocess_exec(std::move(argv), options);
    Communicated result;
    result.output = co_await process.communicate(std::move(input));
    result.returncode = process.returncode().value_or(-1000);
    co_return result;
}

}  // namespace

TEST_CASE("communicate(input) feeds stdin, closes it, and returns stdout and stderr as asyncio's does") {
    const Hygiene hygiene;
    const Communicated result =
        aio::run(communicate_with({"/bin/sh", "-c", "tr a-z A-Z; echo done >&2; exit 3"}, all_pipes, "hello\nworld\n"));
    CHECK(result.output.stdout_data == std::optional<std::string>("HELLO\nWORLD\n"));
    CHECK(result.output.stderr_data == std::optional<std::string>("done\n"));
    CHECK(result.returncode == 3);
    hygiene.check();
}

TEST_CASE("stderr_to = Redirect::stdout puts both outputs in one pipe, in the order written, and stderr is none") {
    const Hygiene hygiene;
    const Communicated result =
        aio::run(communicate_with({"/bin/sh", "-c", "echo out; echo err >&2; echo out2"},
                                  {.stdout_to = aio::Redirect::pipe, .stderr_to = aio::Redirect::stdout}, ""));
    CHECK(result.output.stdout_data == std::optional<std::string>("out\nerr\nout2\n"));
    CHECK(result.output.stderr_data == std::nullopt);
    CHECK(result.returncode == 0);
    hygiene.check();
}

TEST_CASE("an output that is not a pipe is none in communicate()'s result, and stdin devnull reads EOF at once") {
    const Hygiene hygiene;
    const Communicated result = aio::run(communicate_with(
        {"/bin/sh", "-c", "wc -c; echo err >&2"},
        {.stdin_from = aio::Redirect::devnull, .stdout_to = aio::Redirect::pipe, .stderr_to = aio::Redirect::devnull},
        ""));
    CHECK(result.output.stdout_data == std::optional<std::string>("0\n"));
    CHECK(result.output.stderr_data == std::nullopt);
    hygiene.check();
}

namespace {

// The child writes `size` bytes to stdout and as many to stderr before it reads its input, far
// more than a pipe holds: a parent that wrote all its input first, or read one pipe to EOF
// before the other, would deadlock with it. The wait_for only turns such a deadlock into a
// failure instead of a hang.
aio::Coroutine<std::vector<std::size_t>> both_ways(std::size_t size) {
    std::vector<std::string> argv{
        "/bin/sh", "-c",
        fmt::format("head -c {0} /dev/zero | tr '\\0' o; head -c {0} /dev/zero | tr '\\0' e >&2; wc -c", size)};
    aio::Process process = co_await aio::create_subprocess_exec(std::move(argv), all_pipes);
    const aio::ProcessOutput output = co_await aio::wait_for(process.communicate(std::string(size, 'i')), 60.0);
    const std::string& out = output.stdout_data.value();
    const std::string& err = output.stderr_data.value();
    co_return std::vector<std::size_t>{out.size(),
                                       out.find_first_not_of('o'),
                                       err.size(),
                                       static_cast<std::size_t>(std::count(err.begin(), err.end(), 'e')),
                                       static_cast<std::size_t>(std::stoul(out.substr(size))),
                                       static_cast<std::size_t>(process.returncode().value_or(-1000))};
}

}  // namespace

TEST_CASE("communicate() with 4 MiB each way, the child writing both outputs before it reads: no deadlock") {
    const Hygiene hygiene;
    constexpr std::size_t size = 4 * 1024 * 1024;
    // stdout: the 'o's, then wc's count of the input; stderr: the 'e's; returncode 0.
    CHECK(aio::run(both_ways(size)) == std::vector<std::size_t>{size + 8, size, size, size, size, 0});
    hygiene.check();
}

namespace {

// A dialogue through stdin() and stdout(): each line written is read back before the next is
// written, then closing stdin gives the child its EOF.
aio::Coroutine<Lines> dialogue() {
    std::vector<std::string> argv{"cat"};
    aio::Process process = co_await aio::create_subprocess_exec(
        std::move(argv), {.stdin_from = aio::Redirect::pipe, .stdout_to = aio::Redirect::pipe});
    Lines lines;
    for (const char* line : {"ping\n", "pong\n"}) {
        process.stdin().write(line);
        co_await process.stdin().drain();
        lines.push_back(co_await process.stdout().readline());
    }
    process.stdin().close();
    co_await process.stdin().wait_closed();
    lines.push_back(fmt::format("after close: '{}'", co_await process.stdout().readline()));
    lines.push_back(fmt::format("returncode {}", co_await process.wait()));
    co_return lines;
}

}  // namespace

TEST_CASE("stdin() is a StreamWriter: a line at a time to cat and back, then close() gives it EOF") {
    const Hygiene hygiene;
    CHECK(aio::run(dialogue()) == Lines{"ping\n", "pong\n", "after close: ''", "returncode 0"});
    hygiene.check();
}

namespace {

aio::Coroutine<Lines> child_that_never_reads() {
    Lines lines;
    {  // communicate(): the child exits without reading; its closed stdin is no error (as asyncio)
        std::vector<std::string> argv{"true"};
        aio::Process process = co_await aio::create_subprocess_exec(
            std::move(argv), {.stdin_from = aio::Redirect::pipe, .stdout_to = aio::Redirect::pipe});
        const aio::ProcessOutput output = co_await process.communicate(std::string(1'000'000, 'x'));
        lines.push_back(fmt::format("communicate: stdout '{}', returncode {}", output.stdout_data.value(),
                                    process.returncode().value_or(-1000)));
    }
    {  // stdin() by hand: the write raises no SIGPIPE (we are alive), and drain() says why
        std::vector<std::string> argv{"true"};
        aio::Process process = co_await aio::create_subprocess_exec(
            std::move(argv), {.stdin_from = aio::Redirect::pipe, .stdout_to = aio::Redirect::devnull});
        co_await process.wait();
        process.stdin().write(std::string(1'000'000, 'x'));
        try {
            co_await process.stdin().drain();
            lines.push_back("drain: no error");
        } catch (const aio::ConnectionResetError& error) {
            lines.push_back(fmt::format("drain: ConnectionResetError, EPIPE: {}", error.code().value() == EPIPE));
        }
        process.stdin().close();
    }
    co_return lines;
}

}  // namespace

TEST_CASE("a child that exits without reading its stdin: communicate() ignores it, drain() throws, no SIGPIPE") {
    const Hygiene hygiene;
    CHECK(aio::run(child_that_never_reads()) ==
          Lines{"communicate: stdout '', returncode 0", "drain: ConnectionResetError, EPIPE: true"});
    hygiene.check();
}

namespace {

aio::Coroutine<Lines> communicate_cancelled() {
    aio::Process process = co_await sleep_forever(all_pipes);
    Lines lines;
    try {
        co_await aio::wait_for(process.communicate("input"), 0.1);
    } catch (const aio::TimeoutError&) {
        lines.push_back(fmt::format("TimeoutError, child still running: {}", !process.returncode().has_value()));
    }
    process.kill();
    const aio::ProcessOutput output = co_await process.communicate();  // again: what is left, to EOF
    lines.push_back(fmt::format("after kill: ({}, {}), returncode {}", output.stdout_data.value_or("None"),
                                output.stderr_data.value_or("None"), process.returncode().value_or(-1000)));
    co_return lines;
}

}  // namespace

TEST_CASE("a communicate() cancelled by wait_for leaves the child running, and after kill() a second one reaps it") {
    const Hygiene hygiene;
    CHECK(aio::run(communicate_cancelled()) ==
          Lines{"TimeoutError, child still running: true", "after kill: (, ), returncode -9"});
    hygiene.check();
}

namespace {

aio::Coroutine<Lines> stdin_misuse() {
    Lines lines;
    aio::Process process = co_await sleep_forever();
    try {
        (void)process.stdin();
    } catch (const std::logic_error& error) {
        lines.push_back(error.what());
    }
    try {
        (void)process.communicate("input");
    } catch (const std::logic_error& error) {
        lines.push_back(error.what());
    }
    for (const aio::SubprocessOptions& options : {aio::SubprocessOptions{.stdin_from = aio::Redirect::stdout},
                                                  aio::SubprocessOptions{.stdout_to = aio::Redirect::stdout}}) {
        try {
            std::vector<std::string> argv{"true"};
            const aio::Process never = co_await aio::create_subprocess_exec(std::move(argv), options);
            lines.push_back("started");
        } catch (const std::invalid_argument& error) {
            lines.push_back(error.what());
        }
    }
    co_return lines;
}

aio::Coroutine<std::string> read_stdout_or_error(aio::Process& process) {
    try {
        co_return co_await process.stdout().read(100);
    } catch (const std::logic_error& error) {
        co_return error.what();
    }
}

}  // namespace

TEST_CASE("misuse is a clear error: stdin() not piped, input for a stdin not piped, Redirect::stdout out of place") {
    const Hygiene hygiene;
    CHECK(aio::run(stdin_misuse()) ==
          Lines{
              "Process::stdin: the child's stdin is not a pipe (Redirect::pipe)",
              "Process::communicate: input for a child whose stdin is not a pipe (Redirect::pipe)",
              "create_subprocess_exec: stdin_from = Redirect::stdout: only stderr can go to stdout",
              "create_subprocess_exec: stdout_to = Redirect::stdout: only stderr can go to stdout",
          });
    hygiene.check();
}

TEST_CASE("a child's stdout read by a task of another loop is refused before it waits, and its own loop reads it") {
    const Hygiene hygiene;
    {
        aio::EventLoop a;
        aio::Process process = a.run_until_complete(started({"sleep", "1000"}));
        {
            aio::EventLoop b({.virtual_time = true});  // destroyed first: nothing of it may stay in a's epoll
            CHECK(b.run_until_complete(read_stdout_or_error(process)) ==
                  fmt::format("read from the stdout of process {}: the stream belongs to another event loop "
                              "(asyncio: Task got Future attached to a different loop)",
                              process.pid()));
        }
        CHECK(a.pending_io() == 0);
        process.kill();
        CHECK(a.run_until_complete(read_stdout_or_error(process)).empty());  // EOF: the child is gone
        CHECK(a.run_until_complete(process.wait()) == -SIGKILL);
    }
    hygiene.check();
}
