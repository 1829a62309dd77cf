// The aio library of chapter 04: asyncio's core in C++20 coroutines. Include this one header.
#pragma once

#include "aio/as_completed.hpp"    // as_completed
#include "aio/coroutine.hpp"       // Coroutine<T>: what an async function returns
#include "aio/errors.hpp"          // CancelledError, TimeoutError
#include "aio/event_loop.hpp"      // EventLoop, RunOptions, get_running_loop, time
#include "aio/future.hpp"          // Future<T>
#include "aio/gather.hpp"          // gather
#include "aio/gather_settled.hpp"  // gather_settled, Outcome<T>
#include "aio/io_watch.hpp"        // IoWatch, wait_readable, wait_writable
#include "aio/run.hpp"             // run
#include "aio/server.hpp"          // start_server, Server
#include "aio/shield.hpp"          // shield
#include "aio/sleep.hpp"           // sleep
#include "aio/stream_errors.hpp"   // ConnectionRefusedError, ConnectionResetError, IncompleteReadError
#include "aio/streams.hpp"         // open_connection, StreamReader, StreamWriter
#include "aio/task.hpp"            // Task<T>, create_task
#include "aio/to_thread.hpp"       // to_thread
#include "aio/wait.hpp"            // wait, ReturnWhen
#include "aio/wait_for.hpp"        // wait_for
