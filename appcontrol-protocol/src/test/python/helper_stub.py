#!/usr/bin/env python3
"""A desktop helper double on a Unix domain socket, written with the standard library only:
per connection it reads one app_control.helper.request.v1 line and answers with one line,
chosen by the command's operation:

  ok             app_control.helper.response.v1, success, with an ok observation
  tool_failure   app_control.helper.response.v1, success false, with a failed observation
  helper_error   app_control.helper.response.v1, success false, with an error
  legacy_wrapped a legacy reply: {"observation": {...}} without a schema
  legacy_bare    a legacy reply: the observation itself
  half_line      half of a reply, without its newline, then the connection is closed
  oversized      a line of input.bytes bytes
  silent         no answer for input.seconds seconds
  not_json       a line that is not JSON
  hang_up        closes the connection without answering

A request with another token than the one given on the command line is answered with an
error (failureKind "unauthorized"). Every observation carries, in observation.request, the
token and metadata the helper received. It prints READY once it listens.

Usage: helper_stub.py SOCKET TOKEN
"""

import json
import os
import socketserver
import sys
import time

HELPER_RESPONSE_SCHEMA = "app_control.helper.response.v1"
HELPER_REQUEST_SCHEMA = "app_control.helper.request.v1"


def observation(command, request, status="ok", summary="Done."):
    payload = {
        "schema": "app_control.observation.v1",
        "commandId": command["commandId"],
        "tool": command["tool"],
        "operation": command["operation"],
        "status": status,
        "success": status == "ok",
        "summary": summary,
        "observation": {"request": {"token": request.get("token"), "metadata": request.get("metadata")}},
    }
    if status != "ok":
        payload["failureKind"] = "app_not_allowed"
        payload["message"] = summary
    return payload


def encode(payload):
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


class Handler(socketserver.StreamRequestHandler):
    def handle(self):
        line = self.rfile.readline()
        if not line:
            return
        request = json.loads(line.decode("utf-8"))
        if request.get("schema") != HELPER_REQUEST_SCHEMA:
            raise ValueError("not a helper request: %r" % request)
        command = request["command"]
        if request.get("token") != self.server.token:
            self.wfile.write(encode({"schema": HELPER_RESPONSE_SCHEMA, "success": False,
                                     "error": {"failureKind": "unauthorized", "message": "invalid helper token",
                                               "retryable": False}}))
            return
        operation = command["operation"]
        given = command.get("input", {})
        if operation == "ok":
            self.wfile.write(encode({"schema": HELPER_RESPONSE_SCHEMA, "success": True,
                                     "observation": observation(command, request)}))
        elif operation == "tool_failure":
            self.wfile.write(encode({"schema": HELPER_RESPONSE_SCHEMA, "success": False,
                                     "observation": observation(command, request, "failed", "App is not allowlisted.")}))
        elif operation == "helper_error":
            self.wfile.write(encode({"schema": HELPER_RESPONSE_SCHEMA, "success": False,
                                     "error": {"failureKind": "not_ready", "message": "Accessibility is off.",
                                               "retryable": True}}))
        elif operation == "legacy_wrapped":
            self.wfile.write(encode({"observation": observation(command, request, summary="Legacy wrapped.")}))
        elif operation == "legacy_bare":
            self.wfile.write(encode(observation(command, request, summary="Legacy bare.")))
        elif operation == "half_line":
            self.wfile.write(encode({"schema": HELPER_RESPONSE_SCHEMA, "success": True})[:20])
        elif operation == "oversized":
            self.wfile.write(b"x" * int(given["bytes"]) + b"\n")
        elif operation == "silent":
            time.sleep(float(given["seconds"]))
        elif operation == "not_json":
            self.wfile.write(b"hello, helper here\n")
        elif operation != "hang_up":
            raise ValueError("unknown operation: " + operation)


class Server(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True


def main(argv):
    path, token = argv[1], argv[2]
    if os.path.exists(path):
        os.unlink(path)
    with Server(path, Handler) as server:
        server.token = token
        os.chmod(path, 0o600)
        print("READY", flush=True)
        server.serve_forever()


if __name__ == "__main__":
    main(sys.argv)
