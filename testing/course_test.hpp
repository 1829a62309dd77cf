// What every test of the course includes: doctest, plus printers for what the lessons and the
// exercises return (vectors, std::optional and std::nullopt, std::pair, numbers inside them), so
// that a failed CHECK(result == expected) shows both sides instead of "{?} == {?}".
#pragma once

#include <doctest/doctest.h>

#include <charconv>
#include <optional>
#include <sstream>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace course_test {

// One value as a failed check shows it: strings quoted, numbers exact, the rest by doctest.
template <class T>
std::string show(const T& value) {
    if constexpr (std::is_same_v<T, bool>) {
        return value ? "true" : "false";
    } else if constexpr (std::is_same_v<T, char>) {
        return std::string{'\'', value, '\''};
    } else if constexpr (std::is_arithmetic_v<T>) {
        char buffer[64];  // the shortest text that reads back as the same number
        const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
        return std::string(buffer, result.ptr);
    } else if constexpr (std::is_convertible_v<const T&, std::string>) {
        return '"' + std::string(value) + '"';
    } else {
        return doctest::StringMaker<T>::convert(value).c_str();
    }
}

}  // namespace course_test

namespace doctest {

template <class T>
struct StringMaker<std::vector<T>> {
    static String convert(const std::vector<T>& items) {
        std::ostringstream out;
        out << "{";
        for (const T& item : items) out << "\n    " << course_test::show(item);
        out << (items.empty() ? "}" : "\n}");
        return String(out.str().c_str());
    }
};

template <class T>
struct StringMaker<std::optional<T>> {
    static String convert(const std::optional<T>& value) {
        return value ? String(("optional(" + course_test::show(*value) + ")").c_str()) : String("nullopt");
    }
};

// The other side of CHECK(gen.next() == std::nullopt).
template <>
struct StringMaker<std::nullopt_t> {
    static String convert(std::nullopt_t) { return String("nullopt"); }
};

template <class A, class B>
struct StringMaker<std::pair<A, B>> {
    static String convert(const std::pair<A, B>& pair) {
        return String(("(" + course_test::show(pair.first) + ", " + course_test::show(pair.second) + ")").c_str());
    }
};

}  // namespace doctest
