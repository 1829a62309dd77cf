#include "traced_coroutine.hpp"

#include <new>
#include <stdexcept>
#include <utility>

#include <fmt/format.h>

namespace traced {

namespace {
thread_local common::Log* trace_log = nullptr;
}  // namespace

TraceTo::TraceTo(common::Log& log) noexcept : previous_(std::exchange(trace_log, &log)) {}
TraceTo::~TraceTo() { trace_log = previous_; }

void trace(std::string_view line) noexcept {
    if (trace_log != nullptr) trace_log->print("{}", line);
}

TracedAwaiter::TracedAwaiter(std::string name, Decision decision, std::optional<int> result)
    : name_(std::move(name)), decision_(decision), result_(result) {}

bool TracedAwaiter::await_ready() const noexcept {
    const bool ready = decision_ == Decision::ready;
    trace(fmt::format("  {}: await_ready() -> {}", name_, ready));
    return ready;
}

bool TracedAwaiter::await_suspend(std::coroutine_handle<>) const noexcept {
    // Returning false here resumes the coroutine at once; returning true (or void) leaves it
    // suspended, and resume() returns to whoever called it.
    if (decision_ == Decision::resume_at_once) {
        trace(fmt::format("  {}: await_suspend(handle) -> false: resume at once", name_));
        return false;
    }
    trace(fmt::format("  {}: await_suspend(handle) -> true: suspended, back to the caller", name_));
    return true;
}

int TracedAwaiter::await_resume() const noexcept {
    if (!result_) {
        trace(fmt::format("  {}: await_resume()", name_));
        return 0;
    }
    trace(fmt::format("  {}: await_resume() -> {}", name_, *result_));
    return *result_;
}

TracedCoroutine::promise_type::promise_type() noexcept { trace("  promise_type()"); }
TracedCoroutine::promise_type::~promise_type() { trace("  ~promise_type()"); }

void* TracedCoroutine::promise_type::operator new(std::size_t size) {
    // The size depends on the compiler and its flags; the section "generator" prints it.
    trace("  operator new(frame size): the frame is allocated");
    return ::operator new(size);
}

void TracedCoroutine::promise_type::operator delete(void* frame, std::size_t) noexcept {
    trace("  operator delete(frame): the frame is freed");
    ::operator delete(frame);
}

TracedCoroutine TracedCoroutine::promise_type::get_return_object() noexcept {
    trace("  get_return_object()");
    return TracedCoroutine(Handle::from_promise(*this));
}

TracedAwaiter TracedCoroutine::promise_type::initial_suspend() const {
    trace("  initial_suspend()");
    return {"initial_suspend", Decision::suspend};
}

TracedAwaiter TracedCoroutine::promise_type::final_suspend() const noexcept {
    trace("  final_suspend()");
    return {"final_suspend", Decision::suspend};
}

void TracedCoroutine::promise_type::return_value(int value) noexcept {
    trace(fmt::format("  return_value({})", value));
    value_ = value;
}

void TracedCoroutine::promise_type::unhandled_exception() noexcept {
    trace("  unhandled_exception(): the exception is kept in the promise");
    exception_ = std::current_exception();
}

int TracedCoroutine::promise_type::result() const {
    if (exception_) std::rethrow_exception(exception_);
    if (!value_) throw std::logic_error("TracedCoroutine::result() before the coroutine finished");
    return *value_;
}

TracedCoroutine::TracedCoroutine(TracedCoroutine&& other) noexcept : handle_(std::exchange(other.handle_, {})) {}

// Out of line, in this file: had the optimiser seen destroy() next to the call, clang could have
// put the frame on the caller's stack, and operator new and delete would vanish from the trace.
TracedCoroutine::~TracedCoroutine() {
    if (!handle_) return;
    trace("  ~TracedCoroutine(): handle.destroy()");
    handle_.destroy();
}

void TracedCoroutine::resume() const {
    if (handle_ && !handle_.done()) handle_.resume();
}

bool TracedCoroutine::done() const noexcept { return handle_ && handle_.done(); }

int TracedCoroutine::result() const {
    if (!done()) throw std::logic_error("TracedCoroutine::result() before the coroutine finished");
    return handle_.promise().result();
}

}  // namespace traced
