#!/usr/bin/env python3
"""The course's HTTP server and client against peers nobody here wrote.

    python3 check_http_peers.py PATH/TO/04_cpp20_coroutines

1. Section "serve" on a free port (--port 0 --seconds 60, stopped with SIGINT as Ctrl-C would):
   curl gets 200 with the exact bytes, 404, 405 and 400; Python's http.client gets the same
   page; the curl session shown in part3_io/README.md is what curl prints now.
2. `python3 -m http.server` serving a folder of page/1 .. page/5 files: section "downloads
   --site" fetches them, byte for byte what http.client gets from the course's server, and
   page 6 is http.server's 404.
Exit status 1 and what differed, when something does. Loopback only; every process it starts
is stopped before it ends.
"""
import http.client
import pathlib
import re
import shutil
import signal
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
README = HERE.parent.parent / "part3_io" / "README.md"
README_PORT = 8004
failures = []


def check(label, got, want):
    if got == want:
        print(f"ok: {label}")
    else:
        failures.append(label)
        print(f"FAILED: {label}\n  got:  {got!r}\n  want: {want!r}")


def start(command, pattern):
    """Starts a server and returns it with the port its first matching output line names."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                               env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin"})
    for line in process.stdout:
        found = re.search(pattern, line)
        if found:
            return process, int(found.group(1))
    process.kill()
    raise SystemExit(f"{command[0]} ended before it said its port")


def curl(*args):
    # bytes, decoded by hand: text=True would turn the "\r\n" of the headers into "\n"
    return subprocess.run(["curl", "-s", "--max-time", "10", *args], capture_output=True, check=False).stdout.decode()


def page_with_http_client(port, page):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", f"/page/{page}")
    reply = connection.getresponse()
    result = (reply.status, reply.getheader("Content-Type"), reply.read())
    connection.close()
    return result


def readme_curl_session():
    """The block after '<!-- curl session: checked by tests/python/check_http_peers.py -->'."""
    text = README.read_text()
    marker = "<!-- curl session: checked by tests/python/check_http_peers.py -->\n```text\n"
    start_at = text.index(marker) + len(marker)
    return text[start_at:text.index("```\n", start_at)]


def against_the_course_server(binary):
    server, port = start([binary, "--port", "0", "--seconds", "60", "serve"], r"on http://127\.0\.0\.1:(\d+)")
    url = f"http://127.0.0.1:{port}"
    try:
        want = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 7\r\n"
                "Connection: close\r\n\r\npage 3\n")
        check("curl -i /page/3: 200 and the exact bytes", curl("-i", f"{url}/page/3"), want)
        check("curl /page/101: 404", curl("-o", "/dev/null", "-w", "%{http_code}", f"{url}/page/101"), "404")
        check("curl -X POST /page/3: 405", curl("-o", "/dev/null", "-w", "%{http_code}", "-X", "POST", f"{url}/page/3"),
              "405")
        check("curl -X 'GET BAD' (a request line of four parts): 400",
              curl("-o", "/dev/null", "-w", "%{http_code}", "-X", "GET BAD", f"{url}/page/3"), "400")
        check("http.client GET /page/3", page_with_http_client(port, 3), (200, "text/plain; charset=utf-8", b"page 3\n"))
        session = readme_curl_session()
        command = f"$ curl -i {url}/page/3\n".replace(str(port), str(README_PORT))
        check("part3_io/README.md's curl session is what curl prints",
              session, command + curl("-i", f"{url}/page/3").replace("\r\n", "\n"))
        course_pages = [page_with_http_client(port, page)[2] for page in range(1, 6)]
    finally:
        server.send_signal(signal.SIGINT)  # as Ctrl-C: the section closes its server and the program ends
        output, _ = server.communicate(timeout=30)
    check("serve stops on SIGINT, answered every request, exit status 0",
          (output.splitlines()[-2:], server.returncode),
          (["Ctrl-C: closing the server", "closed; 11 requests answered"], 0))
    return course_pages


def against_python_http_server(binary, course_pages):
    folder = pathlib.Path(tempfile.mkdtemp())
    try:
        (folder / "page").mkdir()
        for page in range(1, 6):
            (folder / "page" / str(page)).write_bytes(f"page {page}\n".encode())
        server, port = start([sys.executable, "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory",
                              str(folder)], r"port (\d+)")
        try:
            files = [(folder / "page" / str(page)).read_bytes() for page in range(1, 6)]
            check("the course's server sends the bytes http.server serves from the files", course_pages, files)
            run = subprocess.run([binary, "--pages", "5", "--site", f"http://127.0.0.1:{port}", "downloads"],
                                 capture_output=True, text=True, env={"NO_COLOR": "1"}, timeout=60, check=False)
            lines = [line for line in run.stdout.splitlines() if line.startswith("  page ")]
            check("downloads --site http.server: pages 1..5, and page 6 is its 404", (run.returncode, lines),
                  (0, ["  page 1: 'page 1'", "  page 2: 'page 2'", "  page 3: 'page 3'", "  page 5: 'page 5'",
                       "  page 6: PageNotFound: page 6: 404 not found"]))
        finally:
            server.terminate()
            server.communicate(timeout=10)
    finally:
        shutil.rmtree(folder)


def main():
    if shutil.which("curl") is None:
        raise SystemExit("check_http_peers.py: curl is not installed (Debian: apt-get install curl)")
    course_pages = against_the_course_server(sys.argv[1])
    against_python_http_server(sys.argv[1], course_pages)
    sys.exit(1 if failures else 0)


main()
