"""A stand-in for `python -m llama_cpp.server`, run as a script by the local-server tests.

Usage: _local_fake_server.py PORT BEHAVIOUR [CHILD_PID_FILE]
  ok       serve GET /v1/models (and a canned chat completion) after a short delay
  exit     print a message and exit with code 3 before serving
  never    never open the port
  bind     try to bind PORT and fail as uvicorn does when it is taken
With CHILD_PID_FILE, first spawn a sleeping grandchild and write its pid there, so tests
can check that stopping the server stops its whole process group.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

MODELS = {"object": "list", "data": [{"id": "fake", "object": "model", "owned_by": "me"}]}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/v1/models":
            self._reply(200, MODELS)
        else:
            self._reply(404, {"detail": "not found"})

    def _reply(self, status: int, body: object) -> None:
        data = json.dumps(body, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        return


def main() -> None:
    port, behaviour = int(sys.argv[1]), sys.argv[2]
    if len(sys.argv) > 3:
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
        with open(sys.argv[3], "w") as handle:
            handle.write(str(child.pid))
    print(f"fake server starting, behaviour={behaviour}, cwd={os.getcwd()}", flush=True)
    if behaviour == "exit":
        print("error: model file is corrupt", flush=True)
        sys.exit(3)
    if behaviour == "never":
        time.sleep(120)
    if behaviour == "bind":
        try:
            socket.create_server(("127.0.0.1", port))
        except OSError as exc:
            print(f"ERROR: [Errno 98] error while attempting to bind: {exc}", flush=True)
            sys.exit(1)
    time.sleep(0.3)
    HTTPServer(("127.0.0.1", port), Handler).serve_forever()


if __name__ == "__main__":
    main()
