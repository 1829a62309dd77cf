// Blocking loopback sockets, the way a WSGI server or a plain client uses them: every call waits,
// so a thread serves one connection at a time. Section "servers" builds its servers (a) and (b)
// and its load generator on them; section "downloads" its port where nobody listens.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

#include "aio/socket.hpp"

namespace blocking {

// Owns one file descriptor: aio's, which the streams use too (its close() counts a system call
// on the running loop, if any: none runs in these threads).
using Fd = aio::detail::Fd;

// A socket bound to 127.0.0.1 that does not listen: a connection to its port is refused, and
// no other program can take the port meanwhile. Port 0 picks a free one. Throws std::system_error.
Fd bind_loopback(int port);
// A listening socket on 127.0.0.1; port 0 picks a free one. Throws std::system_error.
Fd listen_loopback(int port);
// The port a socket is bound to.
int local_port(const Fd& socket);
// Waits up to `timeout` for a connection to accept (so a server can look at its stop flag).
bool wait_for_connection(const Fd& listener, std::chrono::milliseconds timeout);
Fd accept_connection(const Fd& listener);
// Connects to 127.0.0.1:port. Throws std::system_error (ECONNREFUSED: nobody listens).
Fd connect_loopback(int port);
// One line, through '\n' (what came before EOF, if the peer closed first). Each connection of
// the section carries one line each way, so nothing is read past it.
std::string read_line(const Fd& socket);
// An HTTP request's head, through the blank line that ends it (what came before EOF, if the
// peer closed first). std::runtime_error past `limit` bytes: a server cannot hold an endless head.
std::string read_head(const Fd& socket, std::size_t limit = 16 * 1024);
// Everything until the peer closes: an HTTP response sent with "Connection: close".
std::string read_to_eof(const Fd& socket);
void send_all(const Fd& socket, std::string_view data);

}  // namespace blocking
