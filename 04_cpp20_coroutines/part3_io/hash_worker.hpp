// The CPU-bound job of section `processes`, and the worker process that runs it: this program
// started again by the section with --hash-worker, reading jobs from its stdin and writing
// each hash to its stdout.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace sections {

// The flag that turns the chapter program into a worker. main() looks for it first.
inline constexpr std::string_view hash_worker_flag = "--hash-worker";

// The job: a 64-bit FNV-1a hash over `data`, `passes` times (the CPU work grows with both).
std::uint64_t hash_passes(std::string_view data, std::uint64_t passes);

// The worker's protocol, one job after the other until EOF on stdin:
//   in:  "PASSES BYTES\n", then BYTES bytes of data
//   out: "HASH\n" (decimal)
// Returns the exit status: 0 at EOF; 2, with one line on stderr, for an argument or a job header
// it cannot read, or data cut short.
int hash_worker(std::span<char*> arguments);

}  // namespace sections
