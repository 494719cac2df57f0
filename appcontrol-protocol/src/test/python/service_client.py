#!/usr/bin/env python3
"""A client of an app-control local service on a Unix domain socket, as the Python peers
speak it (spec section 8), written with the standard library only.

It connects, sends one request line, reads response lines until one whose status is not
"event", then checks that the host closed the connection. It prints one JSON object: the
envelopes received, whether the connection was closed after the final one, and the mode of
the socket file.

Usage: service_client.py SOCKET [--raw] [--no-newline] < request
  The request is read from standard input: a JSON object (re-encoded compactly) or, with
  --raw, bytes sent as they are. --no-newline ends the request by shutting down the
  writing side instead of sending a newline, as Python's readline() on the host allows.
"""

import json
import os
import socket
import stat
import sys

TIMEOUT_SECONDS = 30


def read_line(conn, pending):
    """Read one newline-terminated line; return (line or None at end of stream, rest)."""
    while b"\n" not in pending:
        chunk = conn.recv(65536)
        if not chunk:
            if pending:
                raise RuntimeError("connection closed in the middle of a line: %r" % pending[:200])
            return None, b""
        pending += chunk
    line, _, rest = pending.partition(b"\n")
    return line, rest


def main(argv):
    path = argv[1]
    raw = "--raw" in argv
    newline = "--no-newline" not in argv
    data = sys.stdin.buffer.read()
    request = data if raw else json.dumps(json.loads(data), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    envelopes = []
    closed_after_final = False
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
        conn.settimeout(TIMEOUT_SECONDS)
        conn.connect(path)
        conn.sendall(request + (b"\n" if newline else b""))
        if not newline:
            conn.shutdown(socket.SHUT_WR)
        pending = b""
        while True:
            line, pending = read_line(conn, pending)
            if line is None:
                break
            envelope = json.loads(line.decode("utf-8"))
            if not isinstance(envelope, dict):
                raise RuntimeError("response line is not a JSON object: %r" % line[:200])
            envelopes.append(envelope)
            if envelope.get("status") != "event":
                closed_after_final = pending == b"" and conn.recv(1) == b""
                break
    report = {
        "envelopes": envelopes,
        "closedAfterFinal": closed_after_final,
        "socketMode": oct(stat.S_IMODE(os.stat(path).st_mode)) if os.path.exists(path) else None,
    }
    print(json.dumps(report, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv)
