// g++ 12: symmetric transfer is not always a tail call. A million co_awaits of coroutines that
// finish at once should run on a flat stack; at -O0, -Og, -O1 (and -O2 with ASan) g++ 12 grows
// the stack by a frame per await until it overflows. clang++ 14 runs it at every level.
//   g++ -std=c++20 -O0 compilers/symmetric_transfer_stack.cpp -o /tmp/st && /tmp/st   (crashes)
//   g++ -std=c++20 -O2 compilers/symmetric_transfer_stack.cpp -o /tmp/st && /tmp/st   (prints "done")
#include <coroutine>
#include <cstdio>
#include <exception>
#include <utility>

class Task {
public:
    struct promise_type {
        std::coroutine_handle<> continuation = std::noop_coroutine();
        int value = 0;

        Task get_return_object() { return Task(std::coroutine_handle<promise_type>::from_promise(*this)); }
        std::suspend_always initial_suspend() noexcept { return {}; }
        // Symmetric transfer: returning the awaiting coroutine's handle resumes it, and should
        // not add a stack frame.
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
        return handle_;  // symmetric transfer into the child
    }
    int await_resume() { return handle_.promise().value; }

    std::coroutine_handle<promise_type> handle_;
};

Task one() { co_return 1; }

Task sum(int count) {
    int total = 0;
    for (int i = 0; i < count; ++i) total += co_await one();
    co_return total;
}

int main() {
    Task task = sum(1'000'000);
    task.handle_.resume();
    std::printf("done: %d\n", task.handle_.promise().value);
}
