#include "course_test.hpp"

#include "common/flags.hpp"

using common::Flags;
using common::UsageError;

namespace {
struct Options {
    int nprod = 5;
    double rate = 1.0;
    std::string name = "x";
    bool verbose = false;
    std::uint64_t seed = 0;
    Flags flags;
    Options() {
        flags.add("nprod", 'p', "producers", nprod, 0);
        flags.add("rate", '\0', "rate", rate, 0.0);
        flags.add("name", 'n', "name", name);
        flags.add("verbose", 'v', "more output", verbose);
        flags.add("seed", '\0', "random seed", seed);
    }
};
}  // namespace

TEST_CASE("flags take values in every usual spelling and leave positionals in order") {
    Options o;
    const auto rest =
        o.flags.parse({"first", "--nprod", "3", "-n", "alice", "--rate=2.5", "second", "-v", "--seed=42"});
    CHECK(rest == std::vector<std::string>{"first", "second"});
    CHECK(o.nprod == 3);
    CHECK(o.name == "alice");
    CHECK(o.rate == 2.5);
    CHECK(o.verbose);
    CHECK(o.seed == 42);
    Options packed;
    packed.flags.parse({"-p7"});
    CHECK(packed.nprod == 7);
}

TEST_CASE("bad flag input is one clear message") {
    Options o;
    CHECK_THROWS_WITH_AS(o.flags.parse({"--nprod", "-3"}), "--nprod: must be at least 0, got -3", UsageError);
    CHECK_THROWS_WITH_AS(o.flags.parse({"--nprod", "abc"}), "--nprod: 'abc' is not a whole number", UsageError);
    CHECK_THROWS_WITH_AS(o.flags.parse({"--nprod", "3.5"}), "--nprod: '3.5' is not a whole number", UsageError);
    CHECK_THROWS_WITH_AS(o.flags.parse({"--nprod", "99999999999999999999"}),
                         "--nprod: '99999999999999999999' is out of range", UsageError);
    CHECK_THROWS_WITH_AS(o.flags.parse({"--rate", "abc"}), "--rate: 'abc' is not a number", UsageError);
    CHECK_THROWS_WITH_AS(o.flags.parse({"--rate", "nan"}), "--rate: 'nan' is not a number", UsageError);
    CHECK_THROWS_WITH_AS(o.flags.parse({"--rate"}), "--rate: missing value", UsageError);
    CHECK_THROWS_WITH_AS(o.flags.parse({"--bogus"}), "unknown option '--bogus'", UsageError);
    CHECK_THROWS_WITH_AS(o.flags.parse({"-x"}), "unknown option '-x'", UsageError);
    CHECK_THROWS_WITH_AS(o.flags.parse({"--verbose=yes"}), "--verbose takes no value", UsageError);
    CHECK_THROWS_WITH_AS(o.flags.parse({"--seed", "-1"}), "--seed: must be at least 0, got -1", UsageError);
}

TEST_CASE("numbers too large for their type are out of range, not 'not a number'") {
    Options o;
    CHECK_THROWS_WITH_AS(o.flags.parse({"--rate", "inf"}), "--rate: 'inf' is out of range", UsageError);
    CHECK_THROWS_WITH_AS(o.flags.parse({"--rate", "1e400"}), "--rate: '1e400' is out of range", UsageError);
    CHECK_THROWS_WITH_AS(o.flags.parse({"--seed", "18446744073709551616"}),
                         "--seed: '18446744073709551616' is out of range: it must be at most 18446744073709551615",
                         UsageError);
}

TEST_CASE("--seed takes the whole 64-bit range") {
    Options o;
    o.flags.parse({"--seed", "4294967296"});
    CHECK(o.seed == 4294967296u);
    o.flags.parse({"--seed", "18446744073709551615"});
    CHECK(o.seed == 18446744073709551615u);
}

TEST_CASE("what follows -- is positional, even when it looks like a flag") {
    Options o;
    CHECK(o.flags.parse({"-v", "--", "counter", "--nprod", "-p"}) ==
          std::vector<std::string>{"counter", "--nprod", "-p"});
    CHECK(o.nprod == 5);
    CHECK(o.flags.parse({"--"}).empty());
}

TEST_CASE("a lone dash and negative numbers as positionals are not flags") {
    Options o;
    CHECK(o.flags.parse({"-"}) == std::vector<std::string>{"-"});
}

TEST_CASE("help lists every flag with its text") {
    Options o;
    const std::string help = o.flags.help();
    CHECK(help.find("-p, --nprod X") != std::string::npos);
    CHECK(help.find("    --rate X") != std::string::npos);
    CHECK(help.find("-v, --verbose ") != std::string::npos);
    CHECK(help.find("more output") != std::string::npos);
}
