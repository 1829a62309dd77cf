// Exercise: filter, a lazy adapter written as a coroutine, like take() in aio/generator_adapters.hpp.
//
// Python:
//     def filter_(keep, source):
//         for x in source:
//             if keep(x):
//                 yield x
//
// filter(count_up_to(5), is_even) yields 0, 2, 4. Keep it lazy: ask the source for one value at
// a time, only when the consumer asks for the next one; never build a list.
// Run its tests: ./course exercise filter
#pragma once

#include <utility>

#include "aio/generator.hpp"
#include "aio/generator_adapters.hpp"
#include "common/todo.hpp"

namespace exercises {

template <class T, class Predicate>
aio::Generator<T> filter(aio::Generator<T> source, Predicate keep) {
    // TODO: make this function a coroutine: loop over source, co_yield the values keep() accepts.
    static_cast<void>(source);
    static_cast<void>(keep);
    common::todo("filter()");
}

// The pipe form, `source | filter(keep)`: already done, it calls the function above.
template <class Predicate>
auto filter(Predicate keep) {
    return aio::Adapter([keep = std::move(keep)]<class T>(aio::Generator<T> source) mutable {
        return filter(std::move(source), std::move(keep));
    });
}

}  // namespace exercises
