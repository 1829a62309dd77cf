// clang++ 14: -fsanitize=function (part of -fsanitize=undefined) cannot compile a coroutine that
// is inline, a template or a member: "Cannot represent a difference across sections".
//   clang++ -std=c++20 -fsanitize=undefined -c compilers/clang_sanitize_function.cpp -o /tmp/csf.o   (error)
//   clang++ -std=c++20 -fsanitize=undefined -fno-sanitize=function -c compilers/clang_sanitize_function.cpp -o /tmp/csf.o   (compiles)
#include <coroutine>

struct Coroutine {
    struct promise_type {
        Coroutine get_return_object() { return {}; }
        std::suspend_never initial_suspend() noexcept { return {}; }
        std::suspend_never final_suspend() noexcept { return {}; }
        void return_void() {}
        void unhandled_exception() {}
    };
};

inline Coroutine inline_coroutine() { co_return; }

int main() { inline_coroutine(); }
