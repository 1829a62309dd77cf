#include "common/flags.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

namespace common {

long long parse_integer(std::string_view text, std::string_view what) {
    long long value = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, error] = std::from_chars(text.data(), end, value);
    if (text.empty() || error == std::errc::invalid_argument || ptr != end) {
        throw UsageError(fmt::format("{}: '{}' is not a whole number", what, text));
    }
    if (error == std::errc::result_out_of_range) throw UsageError(fmt::format("{}: '{}' is out of range", what, text));
    return value;
}

double parse_number(std::string_view text, std::string_view what) {
    double value = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, error] = std::from_chars(text.data(), end, value);
    if (text.empty() || error == std::errc::invalid_argument || ptr != end || std::isnan(value)) {
        throw UsageError(fmt::format("{}: '{}' is not a number", what, text));
    }
    if (error == std::errc::result_out_of_range || std::isinf(value)) {
        throw UsageError(fmt::format("{}: '{}' is out of range", what, text));
    }
    return value;
}

void Flags::add_flag(Flag flag) {
    if (find(flag.long_name) != nullptr) throw std::logic_error("flag --" + flag.long_name + " added twice");
    flags_.push_back(std::move(flag));
}

void Flags::add(std::string long_name, char short_name, std::string help, int& target, int min, int max) {
    add_flag({std::move(long_name), short_name, std::move(help), IntTarget{&target, min, max}});
}
void Flags::add(std::string long_name, char short_name, std::string help, std::uint64_t& target) {
    add_flag({std::move(long_name), short_name, std::move(help), &target});
}
void Flags::add(std::string long_name, char short_name, std::string help, double& target, double min, double max) {
    add_flag({std::move(long_name), short_name, std::move(help), DoubleTarget{&target, min, max}});
}
void Flags::add(std::string long_name, char short_name, std::string help, std::string& target) {
    add_flag({std::move(long_name), short_name, std::move(help), &target});
}
void Flags::add(std::string long_name, char short_name, std::string help, bool& target) {
    add_flag({std::move(long_name), short_name, std::move(help), &target});
}

void Flags::set_value_name(std::string_view long_name, std::string value_name) {
    for (Flag& flag : flags_) {
        if (flag.long_name == long_name) {
            flag.value_name = std::move(value_name);
            return;
        }
    }
    throw std::logic_error("no flag --" + std::string(long_name));
}

const Flags::Flag* Flags::find(std::string_view name) const {
    for (const Flag& flag : flags_) {
        if (name.size() == 1 ? flag.short_name == name[0] : flag.long_name == name) return &flag;
    }
    return nullptr;
}

namespace {
std::string display_name(std::string_view long_name) { return fmt::format("--{}", long_name); }

template <class Number>
void check_range(Number value, Number min, Number max, std::string_view name) {
    if (value < min) throw UsageError(fmt::format("{}: must be at least {}, got {}", name, min, value));
    if (value > max) throw UsageError(fmt::format("{}: must be at most {}, got {}", name, max, value));
}

struct Assigner {
    std::string_view value;
    std::string name;
    void operator()(const auto& target) const {
        using T = std::decay_t<decltype(target)>;
        if constexpr (std::is_same_v<T, std::string*>) {
            *target = std::string(value);
        } else if constexpr (std::is_same_v<T, bool*>) {
            *target = true;
        } else if constexpr (std::is_same_v<T, std::uint64_t*>) {
            if (!value.empty() && value.front() == '-') {
                throw UsageError(fmt::format("{}: must be at least 0, got {}", name, value));
            }
            std::uint64_t number = 0;
            const char* end = value.data() + value.size();
            const auto [ptr, error] = std::from_chars(value.data(), end, number);
            if (value.empty() || error == std::errc::invalid_argument || ptr != end) {
                throw UsageError(fmt::format("{}: '{}' is not a whole number", name, value));
            }
            if (error == std::errc::result_out_of_range) {
                throw UsageError(fmt::format("{}: '{}' is out of range: it must be at most {}", name, value,
                                             std::numeric_limits<std::uint64_t>::max()));
            }
            *target = number;
        } else {  // IntTarget or DoubleTarget: a number with a range
            if constexpr (std::is_same_v<std::remove_pointer_t<decltype(target.value)>, int>) {
                const long long number = parse_integer(value, name);
                check_range<long long>(number, target.min, target.max, name);
                *target.value = static_cast<int>(number);
            } else {
                const double number = parse_number(value, name);
                check_range(number, target.min, target.max, name);
                *target.value = number;
            }
        }
    }
};
}  // namespace

void Flags::assign(const Flag& flag, std::string_view value) {
    std::visit(Assigner{value, display_name(flag.long_name)}, flag.target);
}

std::vector<std::string> Flags::parse(int argc, const char* const* argv) const {
    std::vector<std::string_view> args;
    for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
    return parse(args);
}

std::vector<std::string> Flags::parse(const std::vector<std::string_view>& args) const {
    std::vector<std::string> positional;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view arg = args[i];
        if (arg == "--") {  // what follows is positional, even when it starts with a dash
            positional.insert(positional.end(), args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end());
            break;
        }
        const bool is_long = arg.starts_with("--") && arg.size() > 2;
        const bool is_short = !is_long && arg.size() >= 2 && arg[0] == '-' && arg[1] != '-';
        if (!is_long && !is_short) {
            positional.emplace_back(arg);
            continue;
        }
        std::string_view name = arg.substr(is_long ? 2 : 1);
        std::string_view inline_value;
        bool has_inline = false;
        if (is_long) {
            if (const auto eq = name.find('='); eq != std::string_view::npos) {
                inline_value = name.substr(eq + 1);
                name = name.substr(0, eq);
                has_inline = true;
            }
        } else if (name.size() > 1) {  // -p3
            inline_value = name.substr(1);
            name = name.substr(0, 1);
            has_inline = true;
        }
        const Flag* flag = find(name);
        if (flag == nullptr) throw UsageError(fmt::format("unknown option '{}'", arg));
        const bool is_switch = std::holds_alternative<bool*>(flag->target);
        if (is_switch) {
            if (has_inline) throw UsageError(fmt::format("{} takes no value", display_name(flag->long_name)));
            assign(*flag, {});
            continue;
        }
        if (!has_inline) {
            if (i + 1 >= args.size()) throw UsageError(fmt::format("{}: missing value", display_name(flag->long_name)));
            inline_value = args[++i];
        }
        assign(*flag, inline_value);
    }
    return positional;
}

std::string Flags::help() const {
    std::vector<std::string> names;
    std::size_t width = 0;
    for (const Flag& flag : flags_) {
        const bool is_switch = std::holds_alternative<bool*>(flag.target);
        std::string name = flag.short_name != '\0' ? fmt::format("-{}, --{}", flag.short_name, flag.long_name)
                                                   : fmt::format("    --{}", flag.long_name);
        if (!is_switch) name += " " + flag.value_name;
        width = std::max(width, name.size());
        names.push_back(std::move(name));
    }
    std::string out;
    for (std::size_t i = 0; i < flags_.size(); ++i) {
        out += fmt::format("  {:<{}}  {}\n", names[i], width, flags_[i].help);
    }
    return out;
}

}  // namespace common
