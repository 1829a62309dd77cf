// g++ 12: a braced list that builds an argument of a call awaited with co_await does not compile:
// "error: array used as initializer". Naming the argument first compiles.
//   g++ -std=c++20 -DBRACED -c compilers/gcc_braced_list_in_co_await.cpp -o /tmp/gb.o   (error)
//   g++ -std=c++20 -c compilers/gcc_braced_list_in_co_await.cpp -o /tmp/gb.o             (compiles)
//   clang++ -std=c++20 -DBRACED -c compilers/gcc_braced_list_in_co_await.cpp -o /tmp/gb.o (compiles)
#include <coroutine>
#include <string>
#include <utility>
#include <vector>

struct Task {
    struct promise_type {
        Task get_return_object() { return {}; }
        std::suspend_never initial_suspend() noexcept { return {}; }
        std::suspend_never final_suspend() noexcept { return {}; }
        void return_value(int) {}
        void unhandled_exception() {}
    };
    bool await_ready() const noexcept { return true; }
    void await_suspend(std::coroutine_handle<>) const noexcept {}
    int await_resume() const noexcept { return 0; }
};

Task count(std::vector<std::string> words) { co_return static_cast<int>(words.size()); }

#ifdef BRACED
Task caller() { co_return co_await count({"sleep", "1000"}); }
#else
Task caller() {
    std::vector<std::string> words{"sleep", "1000"};
    co_return co_await count(std::move(words));
}
#endif

int main() { caller(); }
