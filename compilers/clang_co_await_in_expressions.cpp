// clang++ 14: co_await inside a conditional operator, or inside a braced initialiser, goes wrong
// when the coroutine is destroyed while suspended there.
//   mode "conditional": `co_return cond ? Result{co_await Fail()} : Result{"no"};` where the
//     awaiter destroys the coroutine (an early exit). clang++ 14 at -O0 reads the freed frame
//     afterwards (ASan: heap-use-after-free). The same code written with if/else is fine.
//   mode "braced": `Pair pair{Counted(), co_await std::suspend_always()};`, then destroy the
//     suspended coroutine. The Counted already built is never destroyed (a leak).
//   clang++ -std=c++20 -O0 -fsanitize=address compilers/clang_co_await_in_expressions.cpp -o /tmp/ce && /tmp/ce conditional
//   clang++ -std=c++20 -O0 compilers/clang_co_await_in_expressions.cpp -o /tmp/ce && /tmp/ce braced
// The course names each co_await's result first: `auto value = co_await x;`, then uses it.
#include <coroutine>
#include <cstdio>
#include <exception>
#include <string>
#include <string_view>

struct Result {
    std::string text;
};

// Runs at once, frees its frame at the end; the caller gets nothing back but a handle.
struct Eager {
    std::coroutine_handle<> handle;
    struct promise_type {
        Eager get_return_object() { return {std::coroutine_handle<promise_type>::from_promise(*this)}; }
        std::suspend_never initial_suspend() noexcept { return {}; }
        std::suspend_never final_suspend() noexcept { return {}; }
        void return_value(const Result& result) { std::printf("returned \"%s\"\n", result.text.c_str()); }
        void return_value(int) {}
        void unhandled_exception() { std::terminate(); }
    };
};

// An early exit: destroys the suspended coroutine instead of resuming it (legal: it is suspended).
struct Fail {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> coroutine) const noexcept { coroutine.destroy(); }
    std::string await_resume() const noexcept { return "never"; }
};

Eager with_if(bool cond) {
    if (cond) {
        std::string text = co_await Fail();
        co_return Result{text};
    }
    co_return Result{"no"};
}

Eager with_conditional(bool cond) { co_return cond ? Result{co_await Fail()} : Result{"no"}; }

int alive = 0;
struct Counted {
    Counted() { ++alive; }
    Counted(const Counted&) = delete;
    ~Counted() { --alive; }
};
struct Pair {
    Counted counted;
    int number;
};

Eager braced() {
    Pair pair{Counted(), (co_await std::suspend_always(), 2)};
    co_return pair.number;
}

int main(int argc, char** argv) {
    const std::string_view mode = argc > 1 ? argv[1] : "conditional";
    if (mode == "braced") {
        braced().handle.destroy();  // suspended inside the braces: Counted must be destroyed
        std::printf("braced: Counted objects still alive after destroy(): %d (0 expected)\n", alive);
    } else if (mode == "if") {
        with_if(true);
        std::printf("if: survived\n");
    } else {
        with_conditional(true);
        std::printf("conditional: survived\n");
    }
}
