#include "greenlet.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <stdexcept>
#include <string>
#include <system_error>
#include <utility>

#ifdef COURSE_ASAN
#include <sanitizer/common_interface_defs.h>
#endif
#ifdef COURSE_TSAN
#include <sanitizer/tsan_interface.h>
#endif

namespace greenlet {

namespace {

// What each thread knows about its greenlets: greenlets never cross threads, so this needs
// no lock.
struct ThreadState {
    Greenlet* current = nullptr;         // nullptr: the thread's original stack
    Greenlet* switching_from = nullptr;  // who made the last switch (nullptr: the original stack)
    ucontext_t main_context{};           // where the original stack is saved while a greenlet runs
    std::exception_ptr pending;          // an exception a finished body hands to whoever runs next
    // ASan must be told the bounds of the stack it switches to; it tells us the original
    // stack's bounds the first time we leave it.
    const void* main_stack_bottom = nullptr;
    std::size_t main_stack_size = 0;
    void* main_fiber = nullptr;  // TSan's handle on the original stack
};

thread_local ThreadState thread_state;

[[noreturn]] void fatal(const char* message) noexcept {
    std::fputs(message, stderr);
    std::fputc('\n', stderr);
    std::abort();
}

// ASan: "the thread is about to run on [bottom, bottom + size)". `fake_stack` saves the
// stack we leave; nullptr when that stack will never run again.
void before_switch([[maybe_unused]] void** fake_stack, [[maybe_unused]] const void* bottom,
                   [[maybe_unused]] std::size_t size) noexcept {
#ifdef COURSE_ASAN
    __sanitizer_start_switch_fiber(fake_stack, bottom, size);
#endif
}

// ASan: "the switch is done"; it hands back the bounds of the stack we came from.
void after_switch([[maybe_unused]] void* fake_stack) noexcept {
#ifdef COURSE_ASAN
    const void* from_bottom = nullptr;
    std::size_t from_size = 0;
    __sanitizer_finish_switch_fiber(fake_stack, &from_bottom, &from_size);
    if (thread_state.switching_from == nullptr) {
        thread_state.main_stack_bottom = from_bottom;
        thread_state.main_stack_size = from_size;
    }
#endif
}

void* create_fiber() noexcept {
#ifdef COURSE_TSAN
    return __tsan_create_fiber(0);
#else
    return nullptr;
#endif
}

void destroy_fiber([[maybe_unused]] void* fiber) noexcept {
#ifdef COURSE_TSAN
    __tsan_destroy_fiber(fiber);
#endif
}

std::size_t checked_stack_size(std::size_t size) {
    if (size < Greenlet::min_stack_size) {
        throw std::invalid_argument("Greenlet: a stack of " + std::to_string(size) + " bytes is too small (minimum " +
                                    std::to_string(Greenlet::min_stack_size) + ")");
    }
    return size;
}

}  // namespace

Greenlet::Greenlet(std::function<void()> body, std::size_t stack_size)
    : body_(std::move(body)),
      stack_(checked_stack_size(stack_size)),
      link_(std::make_shared<Link>(Link{this, parent_link()})),
      owner_(std::this_thread::get_id()) {
    if (!body_) throw std::invalid_argument("Greenlet: the body is empty");
    if (getcontext(&context_) != 0) throw std::system_error(errno, std::generic_category(), "getcontext");
    context_.uc_stack.ss_sp = stack_.bottom();
    context_.uc_stack.ss_size = stack_.size();
    context_.uc_link = nullptr;  // the trampoline never returns: it switches to the parent
    makecontext(&context_, &Greenlet::trampoline, 0);
    tsan_fiber_ = create_fiber();
}

Greenlet::~Greenlet() {
    if (thread_state.current == this) fatal("greenlet: a running greenlet cannot destroy itself");
    link_->self = nullptr;  // children now return past this greenlet, to the nearest living ancestor
    destroy_fiber(tsan_fiber_);
    // stack_ unmaps itself. An unfinished body's locals are abandoned, not destroyed.
}

std::shared_ptr<Greenlet::Link> Greenlet::parent_link() noexcept {
    return thread_state.current != nullptr ? thread_state.current->link_ : nullptr;
}

Greenlet* Greenlet::current() noexcept { return thread_state.current; }

Greenlet* Greenlet::parent() const noexcept {
    for (const Link* link = link_->parent.get(); link != nullptr; link = link->parent.get()) {
        if (link->self != nullptr) return link->self;
    }
    return nullptr;
}

Greenlet* Greenlet::return_target() const noexcept {
    for (const Link* link = link_->parent.get(); link != nullptr; link = link->parent.get()) {
        if (link->self != nullptr && !link->self->finished_) return link->self;
    }
    return nullptr;
}

void Greenlet::check_switchable() const {
    if (owner_ != std::this_thread::get_id()) {
        throw std::logic_error("cannot switch to a greenlet of another thread");
    }
    if (finished_) throw std::logic_error("cannot switch to a finished greenlet");
}

void Greenlet::switch_to() {
    check_switchable();
    Greenlet* from = thread_state.current;
    if (from == this) return;
    started_ = true;
    transfer(from, this);
    rethrow_pending();
}

void Greenlet::switch_to_main() {
    Greenlet* from = thread_state.current;
    if (from == nullptr) return;
    transfer(from, nullptr);
    rethrow_pending();
}

void Greenlet::rethrow_pending() {
    if (thread_state.pending) std::rethrow_exception(std::exchange(thread_state.pending, nullptr));
}

void Greenlet::transfer(Greenlet* from, Greenlet* to) {
    ThreadState& state = thread_state;
    ucontext_t* from_context = from != nullptr ? &from->context_ : &state.main_context;
    ucontext_t* to_context = to != nullptr ? &to->context_ : &state.main_context;
    const bool leaving_for_good = from != nullptr && from->finished_;
    void* fake_stack = nullptr;
    before_switch(leaving_for_good ? nullptr : &fake_stack,
                  to != nullptr ? to->stack_.bottom() : state.main_stack_bottom,
                  to != nullptr ? to->stack_.size() : state.main_stack_size);
    state.switching_from = from;
    state.current = to;
#ifdef COURSE_TSAN
    // TSan keeps a shadow call stack per fiber, so the switch is announced here, right before
    // swapcontext: a helper function's return would already be booked on the target fiber.
    if (from == nullptr) state.main_fiber = __tsan_get_current_fiber();
    __tsan_switch_to_fiber(to != nullptr ? to->tsan_fiber_ : state.main_fiber, 0);
#endif
    if (swapcontext(from_context, to_context) != 0) fatal("greenlet: swapcontext failed");
    // Someone switched back to `from`: we are on its stack again.
    after_switch(fake_stack);
}

void Greenlet::trampoline() noexcept {
    after_switch(nullptr);  // the first entry: this stack has no saved fake frames yet
    Greenlet* self = thread_state.current;
    // The body runs inside a function of its own, so that when it ends nothing with a
    // destructor is left on this stack: the switch below never comes back.
    thread_state.pending = self->run_body();
    self->finished_ = true;
    transfer(self, self->return_target());
    fatal("greenlet: a finished greenlet was resumed");
}

std::exception_ptr Greenlet::run_body() noexcept {
    try {
        body_();
    } catch (...) {
        return std::current_exception();
    }
    return nullptr;
}

}  // namespace greenlet
