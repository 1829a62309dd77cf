// Lazy adapters over aio::Generator, each one a coroutine: take, take_while and transform, plus
// the pipe `fibonacci() | take(10)`. Used by the section "generator".
#pragma once

#include <cstddef>
#include <functional>
#include <type_traits>
#include <utility>

#include "aio/generator.hpp"

namespace aio {

// The first `count` values of `source`, then stop. The source is never resumed past the
// count-th value: take(10) of an endless Fibonacci computes ten numbers, not eleven.
template <class T>
Generator<T> take(Generator<T> source, std::size_t count) {
    if (count == 0) co_return;
    for (const T& value : source) {
        co_yield value;
        if (--count == 0) co_return;
    }
}

// Values of `source` while `keep(value)` is true; the first false one ends it.
template <class T, class Predicate>
Generator<T> take_while(Generator<T> source, Predicate keep) {
    for (const T& value : source) {
        if (!std::invoke(keep, value)) co_return;
        co_yield value;
    }
}

// `function(value)` for each value of `source`, computed when the consumer asks for it.
// Parameters, not lambda captures, carry the state: a coroutine's parameters are copied into
// its frame, a lambda's captures are not (COMPILERS.md).
template <class T, class Function, class R = std::remove_cvref_t<std::invoke_result_t<Function&, const T&>>>
Generator<R> transform(Generator<T> source, Function function) {
    for (const T& value : source) co_yield std::invoke(function, value);
}

// `generator | adapter`: what `take(10)` returns, waiting for the generator on its left.
template <class Apply>
class Adapter {
public:
    explicit Adapter(Apply apply) : apply_(std::move(apply)) {}

    template <class T>
    friend auto operator|(Generator<T> source, Adapter adapter) {
        return std::invoke(std::move(adapter.apply_), std::move(source));
    }

private:
    Apply apply_;
};

// These lambdas are not coroutines: they only call one, passing their state as parameters.
inline auto take(std::size_t count) {
    return Adapter([count]<class T>(Generator<T> source) { return take(std::move(source), count); });
}
template <class Predicate>
auto take_while(Predicate keep) {
    return Adapter([keep = std::move(keep)]<class T>(Generator<T> source) mutable {
        return take_while(std::move(source), std::move(keep));
    });
}
template <class Function>
auto transform(Function function) {
    return Adapter([function = std::move(function)]<class T>(Generator<T> source) mutable {
        return transform(std::move(source), std::move(function));
    });
}

}  // namespace aio
