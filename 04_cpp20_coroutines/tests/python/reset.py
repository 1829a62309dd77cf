#!/usr/bin/env python3
"""What asyncio's streams do when the peer resets the connection (closes it with SO_LINGER 0, so
the kernel sends RST instead of FIN): the read raises ConnectionResetError and the transport
closes itself (is_closing() turns true); drain, a second read and wait_closed() raise it too.

    python3 reset.py

stream_errors_test.cpp tells the same story with aio and expects the same lines (each followed
there by the error's message). Run on asyncio 3.11.7; exit status 1 and a diff if this Python's
asyncio prints something else.
"""
import asyncio
import difflib
import socket
import struct
import sys

EXPECTED = [
    "before the read: is_closing() false",
    "read: ConnectionResetError",
    "after the read: is_closing() true",
    "drain: ConnectionResetError",
    "read again: ConnectionResetError",
    "wait_closed: ConnectionResetError",
    "wait_closed again: ConnectionResetError",
]


async def story(lines):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    reader, writer = await asyncio.open_connection("127.0.0.1", listener.getsockname()[1])
    accepted, _ = listener.accept()
    accepted.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    accepted.close()
    listener.close()
    lines.append(f"before the read: is_closing() {str(writer.is_closing()).lower()}")
    try:
        await reader.read(10)
    except ConnectionResetError:
        lines.append("read: ConnectionResetError")
    lines.append(f"after the read: is_closing() {str(writer.is_closing()).lower()}")
    writer.write(b"anyone?")  # dropped: the connection is lost
    try:
        await writer.drain()
    except ConnectionResetError:
        lines.append("drain: ConnectionResetError")
    try:
        lines.append(f"read again: {await reader.read(10)!r}")
    except ConnectionResetError:
        lines.append("read again: ConnectionResetError")
    writer.close()
    for which in ("wait_closed", "wait_closed again"):
        try:
            await writer.wait_closed()
            lines.append(f"{which}: returns")
        except ConnectionResetError:
            lines.append(f"{which}: ConnectionResetError")


def main():
    lines = []
    asyncio.run(story(lines))
    print("\n".join(lines))
    if lines != EXPECTED:
        sys.stdout.writelines(line + "\n" for line in difflib.unified_diff(EXPECTED, lines, "expected", "asyncio"))
        sys.exit(1)


main()
