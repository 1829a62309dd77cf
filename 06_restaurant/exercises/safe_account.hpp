// Exercise: fix the lost update. Two threads call add() a million times each at once; not one
// update may be lost, and there must be no data race: the tests run under ThreadSanitizer, which
// stops them at the first data race it sees, however the threads happened to run.
//
// Python (the originals' fix):
//     lock = threading.Lock()
//     def depositos():
//         for _ in range(1_000_000):
//             with lock:
//                 BALANCE += 1
//
// Section balance shows LostUpdateAccount losing updates, and two ways to fix it.
// Run its tests: ./course exercise safe_account
#pragma once

#include <cstdint>

#include "common/todo.hpp"

namespace exercises {

class SafeAccount {
public:
    // TODO: add `amount` so that no other thread's update is lost (add the members you need).
    void add(std::int64_t amount) {
        (void)amount;
        common::todo("SafeAccount::add()");
    }
    [[nodiscard]] std::int64_t balance() const { return 0; }
};

}  // namespace exercises
