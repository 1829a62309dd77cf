// Section "serve": the page site on a real port, for curl, a browser or a load tool, until
// Ctrl-C or for --seconds N. Ctrl-C stops the server, not the program: the loop watches SIGINT
// through a signalfd, as asyncio's loop.add_signal_handler does.
#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <string>
#include <string_view>
#include <system_error>

#include <fmt/format.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include "aio/aio.hpp"
#include "page_site.hpp"
#include "sections.hpp"

namespace sections {

namespace {

double one_second(int /*page*/) { return 1.0; }

// SIGINT delivered to a file descriptor instead of ending the process, for as long as it lives.
class InterruptFd {
public:
    InterruptFd() {
        sigset_t interrupt;
        sigemptyset(&interrupt);
        sigaddset(&interrupt, SIGINT);
        if (pthread_sigmask(SIG_BLOCK, &interrupt, &previous_) != 0)
            throw std::system_error(errno, std::generic_category(), "sigmask");
        fd_ = signalfd(-1, &interrupt, SFD_NONBLOCK | SFD_CLOEXEC);
        if (fd_ < 0) {
            const int error = errno;
            pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
            throw std::system_error(error, std::generic_category(), "signalfd");
        }
    }
    InterruptFd(const InterruptFd&) = delete;
    InterruptFd& operator=(const InterruptFd&) = delete;
    ~InterruptFd() {
        ::close(fd_);  // a Ctrl-C not read yet stays pending, and ends the program once unblocked
        pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
    }
    [[nodiscard]] int fd() const noexcept { return fd_; }
    // Reads the signal, so that it is not delivered again once unblocked.
    void consume() const noexcept {
        signalfd_siginfo info{};
        [[maybe_unused]] const ssize_t n = ::read(fd_, &info, sizeof info);
    }

private:
    sigset_t previous_{};
    int fd_ = -1;
};

aio::Coroutine<void> wait_for_ctrl_c(const InterruptFd& interrupt) {
    co_await aio::wait_readable(interrupt.fd());
    interrupt.consume();
}

aio::Coroutine<void> serve_main(common::Context& ctx, int port, double seconds, const InterruptFd& interrupt) {
    auto& log = ctx.log;
    int answered = 0;
    const double start = aio::time();
    downloads::Site site{.pages = 100, .work = one_second};
    site.on_answer = [&log, &answered, start](std::string_view line) {
        ++answered;
        log.plain("[{:7.3f}s] {}", aio::time() - start, line);
        std::fflush(stdout);
    };
    aio::Server server = co_await downloads::start_site(std::move(site), port);
    const std::string url = fmt::format("http://127.0.0.1:{}", server.port());
    log.plain("serving pages 1..100 on {} (each takes 1 s of the server's work), {}", url,
              std::isinf(seconds) ? std::string("until Ctrl-C") : fmt::format("for {} s", seconds));
    log.plain("try, from another terminal:");
    log.plain("  curl -i {}/page/3", url);
    log.plain("  curl -i -X POST {}/page/3        # 405: GET only", url);
    log.plain(
        "  python3 -c 'import http.client as h; c = h.HTTPConnection(\"127.0.0.1\", {}); c.request(\"GET\", "
        "\"/page/3\"); print(c.getresponse().read())'",
        server.port());
    log.plain("  ab -n 100 -c 100 {}/page/1      # 100 at once: about 1 s, as gather", url);
    log.plain("or a browser on {}/page/3", url);
    std::fflush(stdout);
    try {
        if (std::isinf(seconds)) {
            co_await wait_for_ctrl_c(interrupt);
        } else {
            co_await aio::wait_for(wait_for_ctrl_c(interrupt), seconds);
        }
        log.plain("Ctrl-C: closing the server");
    } catch (const aio::TimeoutError&) {
        log.plain("{} s are up: closing the server", seconds);
    }
    server.close();
    co_await server.wait_closed();  // the requests under way get their answer first
    log.plain("closed; {} requests answered", answered);
}

}  // namespace

void serve(common::Context& ctx, int port, double seconds) {
    if (ctx.clock.is_virtual()) {
        ctx.log.plain("(a client in another program cannot wait on a virtual clock: run it without --virtual,");
        ctx.log.plain(" for example: serve --seconds 30)");
        return;
    }
    const InterruptFd interrupt;
    aio::run(serve_main(ctx, port, seconds, interrupt));  // a real clock: the clients are real
}

}  // namespace sections
