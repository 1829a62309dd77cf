// Coroutines waiting for something (a task to finish, a Future to be set; chapter 05: a queue
// item, a lock): a FIFO list whose nodes live inside the waiters' awaiters, so waiting allocates
// nothing. Used by Task, Future, gather and wait_for; section "loop" explains it.
#pragma once

#include <cstdint>

namespace aio::detail {

struct PromiseBase;
class WaiterList;

// One waiting task. It leaves its list in its destructor: a frame destroyed while it waits
// (the loop closed under it) leaves no dangling pointer behind.
class WaiterNode {
public:
    WaiterNode() = default;
    WaiterNode(const WaiterNode&) = delete;
    WaiterNode& operator=(const WaiterNode&) = delete;
    ~WaiterNode();

    [[nodiscard]] bool linked() const noexcept { return list_ != nullptr; }
    // Wakes the task through the ready queue, if it still waits for this node (see wait_id).
    void wake() const noexcept;

private:
    friend class WaiterList;
    PromiseBase* task_ = nullptr;
    std::uint64_t wait_id_ = 0;
    WaiterList* list_ = nullptr;
    WaiterNode* prev_ = nullptr;
    WaiterNode* next_ = nullptr;
};

class WaiterList {
public:
    WaiterList() = default;
    WaiterList(const WaiterList&) = delete;
    WaiterList& operator=(const WaiterList&) = delete;
    ~WaiterList() {
        while (head_ != nullptr) remove(*head_);
    }

    [[nodiscard]] bool empty() const noexcept { return head_ == nullptr; }

    // `task` waits, and may be woken by `wait_id` (from EventLoop::new_wait_id; a task queues
    // itself with PromiseBase::suspend_on).
    // The list is a ring: the tail is head_->prev_, so an empty list costs one pointer.
    void push_back(WaiterNode& node, PromiseBase* task, std::uint64_t wait_id) noexcept {
        node.task_ = task;
        node.wait_id_ = wait_id;
        node.list_ = this;
        if (head_ == nullptr) {
            node.prev_ = node.next_ = &node;
            head_ = &node;
            return;
        }
        WaiterNode* tail = head_->prev_;
        node.prev_ = tail;
        node.next_ = head_;
        tail->next_ = &node;
        head_->prev_ = &node;
    }

    void remove(WaiterNode& node) noexcept {
        if (node.next_ == &node) {
            head_ = nullptr;
        } else {
            node.prev_->next_ = node.next_;
            node.next_->prev_ = node.prev_;
            if (head_ == &node) head_ = node.next_;
        }
        node.list_ = nullptr;
        node.prev_ = node.next_ = nullptr;
    }

    // Wakes the longest waiter; false when nobody waits.
    bool wake_one() noexcept {
        if (head_ == nullptr) return false;
        WaiterNode& node = *head_;
        remove(node);
        node.wake();
        return true;
    }

    void wake_all() noexcept {
        while (wake_one()) {}
    }

private:
    WaiterNode* head_ = nullptr;  // the longest waiter
};

inline WaiterNode::~WaiterNode() {
    if (list_ != nullptr) list_->remove(*this);
}

}  // namespace aio::detail
