// aio::detail::FramePool: freed coroutine frames are reused by size, within a bound, on any
// thread; under AddressSanitizer every frame goes back to the heap.
#include "course_test.hpp"

#include <coroutine>
#include <set>
#include <thread>
#include <vector>

#include "aio/aio.hpp"
#include "aio/frame_pool.hpp"

namespace {

using aio::detail::FramePool;
constexpr bool pooled = aio::detail::frame_pool_enabled;

}  // namespace

TEST_CASE("a freed frame is reused by the next frame of its size class" * doctest::skip(!pooled)) {
    FramePool::trim();
    void* first = FramePool::allocate(100);
    FramePool::deallocate(first, 100);
    CHECK(FramePool::cached_frames() == 1);
    CHECK(FramePool::cached_bytes() == 104);  // 100 rounded up to its class: 16k + 8 bytes
    CHECK(FramePool::frame_bytes(89) == 104);
    void* second = FramePool::allocate(104);  // another size of the same class
    CHECK(second == first);
    CHECK(FramePool::cached_frames() == 0);
    void* third = FramePool::allocate(100);  // the list is empty again: from the heap
    CHECK(third != first);
    FramePool::deallocate(second, 104);
    FramePool::deallocate(third, 100);
    FramePool::trim();
    CHECK(FramePool::cached_bytes() == 0);
}

TEST_CASE("a thread keeps at most max_class_bytes of frames of one size, and none larger than largest" *
          doctest::skip(!pooled)) {
    FramePool::trim();
    std::vector<void*> frames;
    const std::size_t each = FramePool::frame_bytes(FramePool::largest);
    const std::size_t fit = FramePool::max_class_bytes / each;
    for (std::size_t i = 0; i < fit + 10; ++i) frames.push_back(FramePool::allocate(FramePool::largest));
    for (void* frame : frames) FramePool::deallocate(frame, FramePool::largest);
    CHECK(FramePool::cached_frames() == fit);
    CHECK(FramePool::cached_bytes() == fit * each);
    FramePool::trim();
    void* big = FramePool::allocate(FramePool::largest + 1);
    FramePool::deallocate(big, FramePool::largest + 1);
    CHECK(FramePool::cached_frames() == 0);
}

TEST_CASE("a size class that is full leaves room for frames of other sizes" * doctest::skip(!pooled)) {
    FramePool::trim();
    std::vector<void*> frames;
    const std::size_t fit = FramePool::max_class_bytes / FramePool::frame_bytes(500);
    for (std::size_t i = 0; i < fit + 10; ++i) frames.push_back(FramePool::allocate(500));
    for (void* frame : frames) FramePool::deallocate(frame, 500);
    void* small = FramePool::allocate(200);
    FramePool::deallocate(small, 200);
    CHECK(FramePool::cached_frames() == fit + 1);
    CHECK(FramePool::allocate(200) == small);
    FramePool::deallocate(small, 200);
    FramePool::trim();
}

TEST_CASE("under AddressSanitizer the pool keeps nothing: every frame goes back to the heap" * doctest::skip(pooled)) {
    void* frame = FramePool::allocate(100);
    FramePool::deallocate(frame, 100);
    CHECK(FramePool::cached_frames() == 0);
    CHECK(FramePool::cached_bytes() == 0);
}

namespace {

// Resumes at once, having noted the address of the frame that awaited it.
class FrameAddress {
public:
    explicit FrameAddress(std::set<void*>& addresses) noexcept : addresses_(addresses) {}
    [[nodiscard]] bool await_ready() const noexcept { return false; }
    bool await_suspend(std::coroutine_handle<> frame) {
        addresses_.insert(frame.address());
        return false;
    }
    void await_resume() const noexcept {}

private:
    std::set<void*>& addresses_;
};

aio::Coroutine<int> noted(std::set<void*>& addresses, int value) {
    co_await FrameAddress(addresses);
    co_return value;
}

aio::Coroutine<long> thousand_calls(std::set<void*>& addresses) {
    long total = 0;
    for (int i = 0; i < 1000; ++i) total += co_await noted(addresses, i);
    co_return total;
}

}  // namespace

TEST_CASE("a coroutine awaited a thousand times in a loop runs in one recycled frame" * doctest::skip(!pooled)) {
    std::set<void*> addresses;
    CHECK(aio::run(thousand_calls(addresses), {.virtual_time = true}) == 499'500);
    CHECK(addresses.size() == 1);
}

TEST_CASE("a frame freed on another thread joins that thread's pool, not the allocating thread's" *
          doctest::skip(!pooled)) {
    FramePool::trim();
    void* frame = FramePool::allocate(200);
    std::size_t kept_there = 0;
    std::thread other([frame, &kept_there] {
        FramePool::deallocate(frame, 200);
        kept_there = FramePool::cached_frames();
    });  // the thread's end gives its frames back to the heap (LeakSanitizer would see a leak)
    other.join();
    CHECK(kept_there == 1);
    CHECK(FramePool::cached_frames() == 0);
}

namespace {

aio::Coroutine<int> answer() { co_return 42; }

aio::Coroutine<aio::Task<int>> finished_task() {
    aio::Task<int> task = aio::create_task(answer());
    co_await task;
    co_return task;
}

// Made before the thread's pool registers its drain, so destroyed after it.
struct FreesLate {
    FreesLate() = default;
    FreesLate(const FreesLate&) = delete;
    FreesLate& operator=(const FreesLate&) = delete;
    ~FreesLate() {
        FramePool::deallocate(frame, 64);
        *kept = FramePool::cached_frames();
    }
    void* frame = nullptr;
    std::size_t* kept = nullptr;
};

}  // namespace

TEST_CASE("a task whose last handle is dropped on another thread frees its frame there") {
    aio::Task<int> task = aio::run(finished_task(), {.virtual_time = true});
    REQUIRE(task.done());
    CHECK(task.result() == 42);
    std::size_t kept_there = 99;
    std::thread other([held = std::move(task), &kept_there]() mutable {
        held = aio::Task<int>();  // the last reference: the frame is destroyed on this thread
        kept_there = FramePool::cached_frames();
    });
    other.join();
    CHECK(kept_there == (pooled ? 1 : 0));
}

TEST_CASE("a frame freed after its thread's pool drained goes straight back to the heap" * doctest::skip(!pooled)) {
    std::size_t kept_at_the_end = 99;
    std::thread other([&kept_at_the_end] {
        thread_local FreesLate late;
        late.frame = FramePool::allocate(64);
        late.kept = &kept_at_the_end;
        FramePool::deallocate(FramePool::allocate(32), 32);  // the pool's first frame: its drain registers
    });
    other.join();
    CHECK(kept_at_the_end == 0);
}

TEST_CASE("PoolAllocator gives a container's freed block to its next block of that size" * doctest::skip(!pooled)) {
    FramePool::trim();
    aio::detail::PoolAllocator<long> allocator;
    long* block = allocator.allocate(64);
    allocator.deallocate(block, 64);
    CHECK(FramePool::cached_bytes() == FramePool::frame_bytes(64 * sizeof(long)));
    CHECK(allocator.allocate(64) == block);
    allocator.deallocate(block, 64);
    FramePool::trim();
}
