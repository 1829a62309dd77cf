// What every test of the course includes: doctest, plus printing of vectors, so a failed
// CHECK(lines == expected) shows both sides line by line instead of "{?} == {?}".
#pragma once

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

namespace doctest {
template <class T>
struct StringMaker<std::vector<T>> {
    static String convert(const std::vector<T>& items) {
        std::ostringstream out;
        out << "{";
        for (const T& item : items) {
            out << "\n    ";
            if constexpr (std::is_convertible_v<const T&, std::string>) {
                out << '"' << std::string(item) << '"';
            } else {
                out << StringMaker<T>::convert(item);
            }
        }
        out << (items.empty() ? "}" : "\n}");
        return String(out.str().c_str());
    }
};
}  // namespace doctest
