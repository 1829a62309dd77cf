// Lambda coroutines and their captures. The coroutine's frame copies its parameters, and a
// lambda's captures are not parameters: the frame keeps only a pointer to the closure object.
//   mode "same-expression": co_await [text]() -> Task { ... }(); awaited in the full expression
//     that creates the closure. Fine by the standard (the closure lives to the end of that full
//     expression), but g++ 12 destroys the captured std::string twice: a double free (glibc
//     aborts even without ASan). clang++ 14 prints "same-expression: 100".
//   mode "dangling": the closure is a temporary that dies at the end of the statement that
//     created the coroutine; reading a capture after the first suspension reads a dead object,
//     on every compiler (ASan: stack-use-after-scope).
//   g++ -std=c++20 -O0 -fsanitize=address compilers/lambda_coroutine_captures.cpp -o /tmp/lc && /tmp/lc same-expression
//   g++ -std=c++20 -O0 -fsanitize=address compilers/lambda_coroutine_captures.cpp -o /tmp/lc && /tmp/lc dangling
// The course passes state as parameters instead (C++ Core Guidelines CP.51).
#include <coroutine>
#include <cstdio>
#include <exception>
#include <string>
#include <string_view>
#include <utility>

class Task {
public:
    struct promise_type {
        std::coroutine_handle<> continuation = std::noop_coroutine();
        int value = 0;

        Task get_return_object() { return Task(std::coroutine_handle<promise_type>::from_promise(*this)); }
        std::suspend_always initial_suspend() noexcept { return {}; }
        struct FinalAwaiter {
            bool await_ready() noexcept { return false; }
            std::coroutine_handle<> await_suspend(std::coroutine_handle<promise_type> self) noexcept {
                return self.promise().continuation;
            }
            void await_resume() noexcept {}
        };
        FinalAwaiter final_suspend() noexcept { return {}; }
        void return_value(int v) { value = v; }
        void unhandled_exception() { std::terminate(); }
    };

    explicit Task(std::coroutine_handle<promise_type> handle) : handle_(handle) {}
    Task(Task&& other) noexcept : handle_(std::exchange(other.handle_, {})) {}
    ~Task() {
        if (handle_) handle_.destroy();
    }

    bool await_ready() { return false; }
    std::coroutine_handle<> await_suspend(std::coroutine_handle<> awaiting) {
        handle_.promise().continuation = awaiting;
        return handle_;
    }
    int await_resume() { return handle_.promise().value; }

    std::coroutine_handle<promise_type> handle_;
};

Task same_expression(std::string text) {
    const int size = co_await [text]() -> Task { co_return static_cast<int>(text.size()); }();
    co_return size;
}

Task dangling(std::string text) {
    auto inner = [text]() -> Task {
        co_await std::suspend_always{};
        co_return static_cast<int>(text.size());  // the closure, and text, died long ago
    }();
    inner.handle_.resume();  // runs to the suspend_always; the closure is already gone
    const int size = co_await inner;
    co_return size;
}

int main(int argc, char** argv) {
    const std::string_view mode = argc > 1 ? argv[1] : "same-expression";
    Task task = mode == "dangling" ? dangling(std::string(100, 'x')) : same_expression(std::string(100, 'x'));
    task.handle_.resume();
    std::printf("%s: %d\n", std::string(mode).c_str(), task.handle_.promise().value);
}
