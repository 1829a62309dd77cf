#include "course_test.hpp"

#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "greenlet_generator.hpp"

namespace {

// A tree of ints: a leaf holds a value, a branch holds children.
struct Node {
    int value = 0;
    std::vector<Node> children;
};

// Recursion: the yield happens deep inside nested calls, not in the body itself.
void walk(const Node& node, const exercises::GreenletGenerator::Yield& yield, int& visited) {
    ++visited;
    if (node.children.empty()) {
        yield(node.value);
        return;
    }
    for (const Node& child : node.children) walk(child, yield, visited);
}

}  // namespace

TEST_CASE("a greenlet generator yields each value, then nullopt for ever") {
    exercises::GreenletGenerator gen([](const exercises::GreenletGenerator::Yield& yield) {
        yield(1);
        yield(2);
    });
    CHECK(gen.next() == 1);
    CHECK(gen.next() == 2);
    CHECK(gen.next() == std::nullopt);
    CHECK(gen.next() == std::nullopt);
}

TEST_CASE("a greenlet generator yields from deep inside a recursion, lazily") {
    const Node tree{0, {{1, {}}, {0, {{2, {}}, {0, {{3, {}}}}}}, {4, {}}}};
    int visited = 0;
    exercises::GreenletGenerator gen(
        [&](const exercises::GreenletGenerator::Yield& yield) { walk(tree, yield, visited); });
    CHECK(visited == 0);
    CHECK(gen.next() == 1);
    CHECK(visited == 2);  // the root and the first leaf: nothing further yet
    CHECK(gen.next() == 2);
    CHECK(visited == 4);
    CHECK(gen.next() == 3);
    CHECK(gen.next() == 4);
    CHECK(gen.next() == std::nullopt);
    CHECK(visited == 7);
}

TEST_CASE("an exception in the body comes out of next()") {
    exercises::GreenletGenerator gen([](const exercises::GreenletGenerator::Yield& yield) {
        yield(7);
        throw std::runtime_error("bad leaf");
    });
    CHECK(gen.next() == 7);
    CHECK_THROWS_WITH_AS(gen.next(), "bad leaf", std::runtime_error);
    CHECK(gen.next() == std::nullopt);
}

TEST_CASE("a greenlet generator pulled from inside another one yields back to that one, not to main") {
    using Yield = exercises::GreenletGenerator::Yield;
    std::vector<std::string> steps;
    exercises::GreenletGenerator outer([&](const Yield& yield) {
        // inner is made and pulled on outer's greenlet: each of its yields must come back here.
        exercises::GreenletGenerator inner([&](const Yield& inner_yield) {
            for (int i = 1; i <= 3; ++i) {
                steps.push_back(fmt::format("inner yields {}", i));
                inner_yield(i);
            }
        });
        while (const std::optional<int> value = inner.next()) yield(*value * 10);
        steps.push_back("outer ends");
    });
    CHECK(outer.next() == 10);
    CHECK(outer.next() == 20);
    CHECK(outer.next() == 30);
    CHECK(outer.next() == std::nullopt);
    CHECK(steps == std::vector<std::string>{"inner yields 1", "inner yields 2", "inner yields 3", "outer ends"});
}
