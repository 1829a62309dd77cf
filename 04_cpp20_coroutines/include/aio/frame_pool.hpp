// Recycled coroutine frames: every aio coroutine allocates its frame when it is called, so a
// loop of `co_await reader.read_into(...)` would call malloc and free once per read. A freed
// frame goes on a free list of this thread, by size, and the next frame of that size takes it.
// 04_bench counts allocations per echo round trip; chapter 05's wait loops use it too, and the
// loop's ready queue takes its blocks from it (PoolAllocator).
//
// Bounded: a thread keeps at most max_class_bytes of frames of each size (a few KiB; 520 KiB if
// frames of all 65 sizes piled up); beyond that they go back to the heap. A bound per size, not
// in all: a million finished tasks must not fill the pool and leave no room for the frames of
// reads (04_bench's echo allocated 4 times a round trip so). Off under AddressSanitizer, so that
// ASan still sees every use of a freed frame.
#pragma once

#include <array>
#include <cstddef>
#include <limits>
#include <new>

namespace aio::detail {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool frame_pool_enabled = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool frame_pool_enabled = false;
#else
inline constexpr bool frame_pool_enabled = true;
#endif
#else
inline constexpr bool frame_pool_enabled = true;
#endif

inline constexpr std::size_t frame_pool_largest = 1024;  // larger frames are not kept

// A freed frame, while it waits on a free list.
struct FreeFrame {
    FreeFrame* next;
};

// The free lists of one thread, one per size class.
struct FramePoolState {
    static constexpr std::size_t classes = (frame_pool_largest + 7) / 16 + 1;
    std::array<FreeFrame*, classes> free{};
    std::array<std::size_t, classes> class_bytes{};  // kept in each list
    std::size_t cached_bytes = 0;
    std::size_t cached_frames = 0;
    bool drain_registered = false;
    bool gone = false;  // the thread is ending and has drained: frames go straight back
};

// Trivially destructible and constant-initialised, so reaching it costs no guard, and it stays
// readable while other thread-locals (a loop and its frames) are destroyed.
inline thread_local FramePoolState frame_pool_state;

// Frames in and out of this thread's lists. A frame is heap memory like any other, so a frame
// freed on another thread than the one that allocated it simply joins the freeing thread's lists.
class FramePool {
public:
    static constexpr std::size_t largest = frame_pool_largest;
    static constexpr std::size_t max_class_bytes = 8192;  // per size class and thread

    static void* allocate(std::size_t size) {
        if constexpr (frame_pool_enabled) {
            if (size <= largest) {
                FramePoolState& pool = frame_pool_state;
                const std::size_t index = class_of(size);
                if (FreeFrame* frame = pool.free[index]) {
                    pool.free[index] = frame->next;
                    pool.class_bytes[index] -= class_capacity(index);
                    pool.cached_bytes -= class_capacity(index);
                    --pool.cached_frames;
                    return frame;
                }
                return ::operator new(class_capacity(index));  // the class's size: any of its frames fits
            }
        }
        return ::operator new(size);
    }

    static void deallocate(void* frame, std::size_t size) noexcept {
        if constexpr (frame_pool_enabled) {
            FramePoolState& pool = frame_pool_state;
            if (size <= largest && !pool.gone) {
                const std::size_t index = class_of(size);
                if (pool.class_bytes[index] + class_capacity(index) <= max_class_bytes) {
                    if (!pool.drain_registered) register_drain();
                    pool.free[index] = ::new (frame) FreeFrame{pool.free[index]};
                    pool.class_bytes[index] += class_capacity(index);
                    pool.cached_bytes += class_capacity(index);
                    ++pool.cached_frames;
                    return;
                }
            }
        }
        ::operator delete(frame);
    }

    // What this thread keeps now (tests, and a benchmark's curiosity).
    [[nodiscard]] static std::size_t cached_frames() noexcept { return frame_pool_state.cached_frames; }
    [[nodiscard]] static std::size_t cached_bytes() noexcept { return frame_pool_state.cached_bytes; }
    // The bytes a frame of `size` gets from the heap: the capacity of its size class.
    static constexpr std::size_t frame_bytes(std::size_t size) noexcept { return class_capacity(class_of(size)); }
    // Gives every frame this thread keeps back to the heap.
    static void trim() noexcept {
        FramePoolState& pool = frame_pool_state;
        for (FreeFrame*& head : pool.free) {
            while (FreeFrame* frame = head) {
                head = frame->next;
                ::operator delete(frame);
            }
        }
        pool.class_bytes = {};
        pool.cached_bytes = pool.cached_frames = 0;
    }

private:
    // Empties the lists when the thread ends. Registered at the first frame kept, so it runs
    // before the destructors of thread-locals made earlier; frames they free go to the heap.
    struct Drain {
        Drain() = default;
        Drain(const Drain&) = delete;
        Drain& operator=(const Drain&) = delete;
        ~Drain() {
            trim();
            frame_pool_state.gone = true;
        }
    };
    static void register_drain() noexcept {
        static thread_local Drain drain;
        frame_pool_state.drain_registered = true;
    }

    // Size classes 16 bytes apart, at 8, 24, 40, ... bytes: glibc's malloc gives a request of
    // 16k + 8 bytes a chunk of 16k + 16 (8 for its header), as it would any size of the class,
    // so a frame rounded up to its class costs no more memory (04_bench, bytes_per_task).
    static constexpr std::size_t class_of(std::size_t size) noexcept { return (size + 7) / 16; }
    static constexpr std::size_t class_capacity(std::size_t index) noexcept { return index * 16 + 8; }
};

// A standard allocator over the pool, for containers whose blocks come and go at a steady pace:
// the ready queue, a std::deque, allocates and frees a block of 64 entries as it slides along
// (04_bench's echo: 0.03 allocations per round trip; 0 with this allocator).
template <class T>
class PoolAllocator {
public:
    using value_type = T;

    PoolAllocator() noexcept = default;
    template <class U>
    explicit(false) PoolAllocator(const PoolAllocator<U>& /*other*/) noexcept {}

    T* allocate(std::size_t n) {
        if (n > std::numeric_limits<std::size_t>::max() / sizeof(T)) throw std::bad_array_new_length();
        return static_cast<T*>(FramePool::allocate(n * sizeof(T)));
    }
    void deallocate(T* block, std::size_t n) noexcept { FramePool::deallocate(block, n * sizeof(T)); }

    friend bool operator==(const PoolAllocator& /*a*/, const PoolAllocator& /*b*/) noexcept { return true; }
};

}  // namespace aio::detail
