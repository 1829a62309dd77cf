// Wrong: the test is read backwards: filter keeps the values that fail it.
// Solution: filter, a lazy adapter written as a coroutine.
#pragma once

#include <functional>
#include <utility>

#include "aio/generator.hpp"
#include "aio/generator_adapters.hpp"

namespace exercises {

// The co_yield makes this a coroutine: calling it only builds the frame, with source and keep
// moved into it as parameters, and each step of the consumer runs the loop to the next match.
template <class T, class Predicate>
aio::Generator<T> filter(aio::Generator<T> source, Predicate keep) {
    for (const T& value : source) {
        if (!std::invoke(keep, value)) co_yield value;
    }
}

template <class Predicate>
auto filter(Predicate keep) {
    return aio::Adapter([keep = std::move(keep)]<class T>(aio::Generator<T> source) mutable {
        return filter(std::move(source), std::move(keep));
    });
}

}  // namespace exercises
