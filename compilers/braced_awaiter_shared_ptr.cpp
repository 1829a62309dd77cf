// g++ 12: co_await on an aggregate awaiter built with braces, Awaiter{some_shared_ptr},
// releases the shared_ptr member twice (ASan: heap-use-after-free). The same awaiter with a
// constructor, Awaiter(some_shared_ptr), is fine; so is clang++ 14 either way.
//   g++ -std=c++20 -O0 -fsanitize=address compilers/braced_awaiter_shared_ptr.cpp -o /tmp/ba && /tmp/ba braces
//   g++ -std=c++20 -O0 -fsanitize=address compilers/braced_awaiter_shared_ptr.cpp -o /tmp/ba && /tmp/ba constructor
// The course gives every awaiter type a constructor.
#include <coroutine>
#include <cstdio>
#include <exception>
#include <memory>
#include <string_view>
#include <utility>

struct Coroutine {
    struct promise_type {
        Coroutine get_return_object() { return {}; }
        std::suspend_never initial_suspend() noexcept { return {}; }
        std::suspend_never final_suspend() noexcept { return {}; }
        void return_void() {}
        void unhandled_exception() { std::terminate(); }
    };
};

struct Shared {
    int value = 42;
};

// An aggregate: no constructor, built with braces.
struct BracedAwaiter {
    std::shared_ptr<Shared> shared;
    bool await_ready() const noexcept { return true; }
    void await_suspend(std::coroutine_handle<>) const noexcept {}
    int await_resume() const noexcept { return shared->value; }
};

// The same awaiter with a constructor.
class ConstructedAwaiter {
public:
    explicit ConstructedAwaiter(std::shared_ptr<Shared> shared) : shared_(std::move(shared)) {}
    bool await_ready() const noexcept { return true; }
    void await_suspend(std::coroutine_handle<>) const noexcept {}
    int await_resume() const noexcept { return shared_->value; }

private:
    std::shared_ptr<Shared> shared_;
};

Coroutine with_braces(std::shared_ptr<Shared> shared, int& out) { out = co_await BracedAwaiter{shared}; }

Coroutine with_constructor(std::shared_ptr<Shared> shared, int& out) { out = co_await ConstructedAwaiter(shared); }

int main(int argc, char** argv) {
    const std::string_view mode = argc > 1 ? argv[1] : "braces";
    auto shared = std::make_shared<Shared>();
    int out = 0;
    if (mode == "constructor") {
        with_constructor(shared, out);
    } else {
        with_braces(shared, out);
    }
    std::printf("%.*s: %d, use_count %ld (1 expected)\n", static_cast<int>(mode.size()), mode.data(), out,
                shared.use_count());
}
