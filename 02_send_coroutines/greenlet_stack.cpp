#include "greenlet_stack.hpp"

#include <atomic>
#include <new>

#include <sys/mman.h>
#include <unistd.h>

#ifdef COURSE_ASAN
#include <sanitizer/asan_interface.h>
#endif

namespace greenlet {

namespace {
std::size_t page_size() {
    static const auto size = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
    return size;
}

std::atomic<std::size_t> live_stacks{0};
}  // namespace

Stack::Stack(std::size_t size) {
    const std::size_t page = page_size();
    size_ = (size + page - 1) / page * page;
    mapping_ = mmap(nullptr, size_ + page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapping_ == MAP_FAILED) throw std::bad_alloc();
    // The lowest page stays inaccessible: running off the end of the stack faults right there.
    if (mprotect(mapping_, page, PROT_NONE) != 0) {
        munmap(mapping_, size_ + page);
        throw std::bad_alloc();
    }
    usable_ = static_cast<std::byte*>(mapping_) + page;
    ++live_stacks;
}

Stack::~Stack() {
#ifdef COURSE_ASAN
    // Frames that never returned (an unfinished greenlet's) leave poisoned redzones in ASan's
    // shadow; clear them, or the next mapping at this address would report false errors.
    __asan_unpoison_memory_region(usable_, size_);
#endif
    munmap(mapping_, size_ + page_size());
    --live_stacks;
}

std::size_t Stack::guard_size() noexcept { return page_size(); }

std::size_t Stack::live_count() noexcept { return live_stacks.load(); }

}  // namespace greenlet
