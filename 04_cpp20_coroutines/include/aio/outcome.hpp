// aio::Outcome<T>: how one piece of work ended, its value or its exception, kept instead of
// thrown. gather_settled returns one per child (asyncio: gather(..., return_exceptions=True)).
// Section "settled".
#pragma once

#include <exception>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <variant>

#include "aio/errors.hpp"

namespace aio {

template <class T>
class Outcome {
public:
    // What a value is kept as: void work keeps std::monostate, as gather does.
    using Stored = std::conditional_t<std::is_void_v<T>, std::monostate, T>;

    static Outcome success(Stored value) { return Outcome(std::in_place_index<0>, std::move(value)); }
    static Outcome failure(std::exception_ptr error) {
        if (!error) throw std::invalid_argument("Outcome::failure: a null exception_ptr is no error");
        return Outcome(std::in_place_index<1>, std::move(error));
    }

    [[nodiscard]] bool has_value() const noexcept { return state_.index() == 0; }
    // The exception, or nullptr when the work returned a value.
    [[nodiscard]] std::exception_ptr error() const noexcept { return has_value() ? nullptr : std::get<1>(state_); }
    // True when the work ended by letting CancelledError escape (asyncio returns the
    // CancelledError itself in gather's list).
    [[nodiscard]] bool cancelled() const {
        if (has_value()) return false;
        try {
            std::rethrow_exception(std::get<1>(state_));
        } catch (const CancelledError&) {
            return true;
        } catch (...) {
            return false;
        }
    }

    // The value; the exception is rethrown, the way awaiting the work would have thrown it.
    [[nodiscard]] const Stored& value() const& requires(!std::is_void_v<T>) {
        rethrow_if_failed();
        return std::get<0>(state_);
    }
    [[nodiscard]] Stored& value() & requires(!std::is_void_v<T>) {
        rethrow_if_failed();
        return std::get<0>(state_);
    }
    [[nodiscard]] Stored value() && requires(!std::is_void_v<T>) {
        rethrow_if_failed();
        return std::move(std::get<0>(state_));
    }
    // Void work has no value: only its exception, rethrown.
    void value() const& requires std::is_void_v<T> { rethrow_if_failed(); }

private:
    template <std::size_t Index, class Arg>
    Outcome(std::in_place_index_t<Index> index, Arg&& arg) : state_(index, std::forward<Arg>(arg)) {}

    void rethrow_if_failed() const {
        if (!has_value()) std::rethrow_exception(std::get<1>(state_));
    }

    std::variant<Stored, std::exception_ptr> state_;
};

}  // namespace aio
