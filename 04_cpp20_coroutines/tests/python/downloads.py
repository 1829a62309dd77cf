#!/usr/bin/env python3
# The asyncio program that chapter 04's section "downloads" ports: a page server and its client on
# one loop; pages one after the other, then with gather; failures kept by return_exceptions=True;
# pages as they arrive with as_completed. PAGES (default 100) is the section's --pages.
import asyncio
import os
import socket

PAGES = int(os.environ.get("PAGES", "100"))
VARIED_WORK = [0.4, 0.2, 0.5, 0.3, 0.1]


class PageNotFound(Exception):
    pass


def site(pages, work):
    async def serve_page(reader, writer):
        request = (await reader.readline()).decode()
        page = request.removeprefix("GET /page/").removesuffix("\n")
        if page.isdigit() and 1 <= int(page) <= pages:
            await asyncio.sleep(work(int(page)))
            writer.write(f"page {page}\n".encode())
        else:
            writer.write(b"404 not found\n")
        await writer.drain()
        writer.close()
        await writer.wait_closed()

    return asyncio.start_server(serve_page, "127.0.0.1", 0)


async def fetch(port, page):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"GET /page/{page}\n".encode())
    await writer.drain()
    reply = (await reader.readline()).decode()
    writer.close()
    await writer.wait_closed()
    if reply.startswith("404"):
        raise PageNotFound(f"page {page}: 404 not found")
    return reply.removesuffix("\n")


def describe(outcome):
    if isinstance(outcome, ConnectionRefusedError):
        return "ConnectionRefusedError: Connection refused"
    if isinstance(outcome, PageNotFound):
        return f"PageNotFound: {outcome}"
    return f"'{outcome}'"


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


asyncio.run(main())
