#!/usr/bin/env python3
# The asyncio program that chapter 04's section "downloads" ports: a page server and its client on
# one loop, speaking HTTP/1.1 (a minimal server and client on asyncio's streams, as the section's);
# pages one after the other, then with gather; failures kept by return_exceptions=True; pages as
# they arrive with as_completed; a server that serves 10 pages at once, and 10 workers.
# PAGES (default 100) is the section's --pages.
import asyncio
import math
import os
import socket

PAGES = int(os.environ.get("PAGES", "100"))
VARIED_WORK = [0.4, 0.2, 0.5, 0.3, 0.1]
REASONS = {200: "OK", 404: "Not Found", 405: "Method Not Allowed", 503: "Service Unavailable"}


class PageError(Exception):
    pass


class PageNotFound(PageError):
    pass


def response(status, body, extra=""):
    return (f"HTTP/1.1 {status} {REASONS[status]}\r\nContent-Type: text/plain; charset=utf-8\r\n"
            f"Content-Length: {len(body)}\r\n{extra}Connection: close\r\n\r\n{body}").encode()


def site(pages, work, at_once=0):
    serving = 0

    async def serve_page(reader, writer):
        nonlocal serving
        method, target, _version = (await reader.readline()).decode().split()
        while (await reader.readline()) not in (b"\r\n", b"\n"):
            pass  # the headers: this page site needs none of them
        page = target.removeprefix("/page/")
        if method != "GET":
            writer.write(response(405, f"405 {REASONS[405]}\n", "Allow: GET\r\n"))
        elif not (target.startswith("/page/") and page.isdigit() and 1 <= int(page) <= pages):
            writer.write(response(404, f"404 {REASONS[404]}\n"))
        elif at_once and serving >= at_once:
            writer.write(response(503, f"503 {REASONS[503]}\n", "Retry-After: 1\r\n"))
        else:
            serving += 1
            await asyncio.sleep(work(int(page)))
            serving -= 1
            writer.write(response(200, f"page {page}\n"))
        await writer.drain()
        writer.close()
        await writer.wait_closed()

    return asyncio.start_server(serve_page, "127.0.0.1", 0)


async def fetch(port, page):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"GET /page/{page} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode())
    await writer.drain()
    _version, status, reason = (await reader.readline()).decode().rstrip("\r\n").split(" ", 2)
    length = 0
    while (line := (await reader.readline()).decode()) not in ("\r\n", "\n"):
        name, value = line.split(":", 1)
        if name.lower() == "content-length":
            length = int(value)
    body = (await reader.readexactly(length)).decode()
    writer.close()
    await writer.wait_closed()
    if status == "404":
        raise PageNotFound(f"page {page}: 404 not found")
    if status != "200":
        raise PageError(f"page {page}: {status} {reason}")
    return body.removesuffix("\n")


def describe(outcome):
    if isinstance(outcome, ConnectionRefusedError):
        return "ConnectionRefusedError: Connection refused"
    if isinstance(outcome, PageNotFound):
        return f"PageNotFound: {outcome}"
    return f"'{outcome}'"


async def worker(port, pages, state, texts):
    while state["next"] <= pages:
        page = state["next"]
        state["next"] += 1
        texts[page - 1] = await fetch(port, page)


async def bounded(loop, pages):
    at_once = 10
    server = await site(pages, lambda page: 1.0, at_once)
    port = server.sockets[0].getsockname()[1]
    print(f"a third server, as a busy real one: at most {at_once} pages at once, and 503 Service Unavailable beyond")
    print(f"await gather(*(fetch(page) for page in 1..{pages}), return_exceptions=True)   # all at once again")
    start = loop.time()
    outcomes = await asyncio.gather(*(fetch(port, page) for page in range(1, pages + 1)), return_exceptions=True)
    good = sum(1 for outcome in outcomes if isinstance(outcome, str))
    print(f"  {loop.time() - start:.1f} s: {good} pages, {pages - good} x 503 Service Unavailable")
    workers = min(at_once, pages)
    print(f"{workers} workers, each fetching the next page nobody has taken, until none is left"
          f"   # at most {workers} at once")
    start = loop.time()
    state, texts = {"next": 1}, [None] * pages
    await asyncio.gather(*(worker(port, pages, state, texts) for _ in range(workers)))
    rounds = math.ceil(pages / at_once)
    print(f"  {pages} pages in {loop.time() - start:.1f} s ('{texts[0]}' .. '{texts[-1]}'), no 503: "
          f"ceil({pages} / {at_once}) = {rounds} round{'' if rounds == 1 else 's'} of 1 s (the ideal: 1.0 s)")
    server.close()
    await server.wait_closed()


async def main():
    loop = asyncio.get_running_loop()
    server = await site(PAGES, lambda page: 1.0)
    port = server.sockets[0].getsockname()[1]
    print(f"a page server on 127.0.0.1 (a free port): pages 1..{PAGES}, each takes 1 s of its work")

    print(f"for page in 1..{PAGES}: await fetch(page)   # one after the other")
    start = loop.time()
    for page in range(1, PAGES + 1):
        last = await fetch(port, page)
    print(f"  {PAGES} pages one after the other: {loop.time() - start:.1f} s (the last: '{last}')")

    print(f"await gather(*(fetch(page) for page in 1..{PAGES}))   # all at once")
    start = loop.time()
    texts = await asyncio.gather(*(fetch(port, page) for page in range(1, PAGES + 1)))
    print(f"  {PAGES} pages at once: {loop.time() - start:.1f} s ('{texts[0]}' .. '{texts[-1]}', in the order asked)")

    nobody = socket.socket()
    nobody.bind(("127.0.0.1", 0))  # bound, not listening: refused
    missing = PAGES + 1
    print(f"await gather(fetch(1), fetch({missing}), fetch(2) where nobody listens, fetch(3), return_exceptions=True)")
    start = loop.time()
    first, absent, refused, third = await asyncio.gather(
        fetch(port, 1), fetch(port, missing), fetch(nobody.getsockname()[1], 2), fetch(port, 3),
        return_exceptions=True)
    nobody.close()
    print(f"  page 1: {describe(first)}")
    print(f"  page {missing}: {describe(absent)}")
    print(f"  page 2 where nobody listens: {describe(refused)}")
    print(f"  page 3: {describe(third)}")
    print(f"  {loop.time() - start:.1f} s: the failures lost none of the other pages")
    server.close()
    await server.wait_closed()

    second = await site(len(VARIED_WORK), lambda page: VARIED_WORK[page - 1])
    port = second.sockets[0].getsockname()[1]
    print(f"a second server, whose pages 1..5 take {', '.join(str(w) for w in VARIED_WORK)} s")
    print("for next in as_completed([fetch(page) for page in 1..5]): print(await next)")
    for next_page in asyncio.as_completed([fetch(port, page) for page in range(1, 6)]):
        print(f"  {await next_page}")
    second.close()
    await second.wait_closed()

    await bounded(loop, PAGES)


asyncio.run(main())
