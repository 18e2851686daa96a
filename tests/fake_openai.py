"""An OpenAI-compatible chat-completions server for tests, on 127.0.0.1 in a thread.

It replays scripted steps (a reply, or a fault: an HTTP error with headers, a
slow reply, a dropped connection, raw text that is not JSON; or a hostile answer:
a whole completion of its own, a raw body of any content type, a body dripped one
byte at a time, a huge body streamed) and records every request with its arrival
time, so tests can assert retries and their waits.
The reply is shaped to the request: a tool call when the request offers
tools, a fenced JSON block when it asks for neither tools nor a JSON format
(instructor's MD_JSON mode), else plain JSON content.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Step:
    """One scripted answer."""

    payload: dict[str, Any] | None = None  # the JSON object the model "writes"
    raw: str | None = None  # or raw text in its place (broken JSON, prose)
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    error_body: dict[str, Any] | None = None
    delay: float = 0.0  # seconds to wait before answering
    drop: bool = False  # close the connection without answering
    finish_reason: str = "stop"
    completion: dict[str, Any] | None = None  # the whole 200 body, instead of one built here
    body: bytes | None = None  # or raw bytes as the 200 body, sent with `content_type`
    content_type: str = "application/json; charset=utf-8"
    drip: float = 0.0  # seconds between single bytes of the body
    size: int = 0  # a completion padded to this many bytes, streamed in pieces
    declare_length: bool = True  # else the body runs until the connection closes


@dataclass
class Recorded:
    """A request as the server saw it."""

    at: float
    path: str
    headers: dict[str, str]
    raw: bytes
    body: dict[str, Any]

    @property
    def text(self) -> str:
        """All message contents of the request, joined."""
        return "\n".join(str(m.get("content", "")) for m in self.body.get("messages", []))


Responder = Callable[[Recorded], Step]


class FakeOpenAI:
    """Start with `with FakeOpenAI(script) as server:`; `server.url` is the base URL."""

    def __init__(self, script: list[Step] | None = None, responder: Responder | None = None):
        self.script = list(script or [])
        self.responder = responder
        self.requests: list[Recorded] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def __enter__(self) -> FakeOpenAI:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def gaps(self) -> list[float]:
        """Seconds between consecutive request arrivals."""
        times = [r.at for r in self.requests]
        return [b - a for a, b in zip(times, times[1:], strict=False)]

    def next_step(self, request: Recorded) -> Step:
        with self._lock:
            self.requests.append(request)
            if self.script:
                return self.script.pop(0)
        if self.responder is not None:
            return self.responder(request)
        return Step(payload={})


def completion(request: dict[str, Any], step: Step) -> dict[str, Any]:
    """A chat.completion object answering `request` as the step says."""
    text = step.raw if step.raw is not None else json.dumps(step.payload or {}, ensure_ascii=False)
    message: dict[str, Any] = {"role": "assistant", "content": None}
    tools = request.get("tools") or []
    if tools:
        name = tools[0]["function"]["name"]
        call = {"id": "call_1", "type": "function", "function": {"name": name, "arguments": text}}
        message["tool_calls"] = [call]
    elif "response_format" not in request and step.raw is None:
        message["content"] = f"```json\n{text}\n```"
    else:
        message["content"] = text
    prompt_tokens = len(json.dumps(request.get("messages", []), ensure_ascii=False)) // 4
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": request.get("model", "fake"),
        "choices": [{"index": 0, "message": message, "finish_reason": step.finish_reason}],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": max(len(text) // 4, 1),
            "total_tokens": prompt_tokens + max(len(text) // 4, 1),
        },
    }


def _json(body: dict[str, Any]) -> bytes:
    return json.dumps(body, ensure_ascii=False).encode("utf-8")


def _handler_for(fake: FakeOpenAI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
            pass

        def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
            try:
                self._answer()
            except (BrokenPipeError, ConnectionResetError, OSError):
                pass  # the client gave up (a timeout test): nothing to answer

        def _answer(self) -> None:
            raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            request = Recorded(
                at=time.monotonic(),
                path=self.path,
                headers={k.lower(): v for k, v in self.headers.items()},
                raw=raw,
                body=json.loads(raw or b"{}"),
            )
            step = fake.next_step(request)
            if step.delay:
                time.sleep(step.delay)
            if step.drop:
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            if step.status != 200:
                error = step.error_body or {"error": {"message": f"fake {step.status}"}}
                self._send(step.status, _json(error), step)
            elif step.size:
                self._send_huge(step)
            elif step.body is not None:
                self._send(200, step.body, step)
            else:
                self._send(200, _json(step.completion or completion(request.body, step)), step)

        def _send(self, status: int, data: bytes, step: Step) -> None:
            self.send_response(status)
            content_type = step.content_type if status == 200 else "application/json"
            self._headers(content_type, len(data), step.headers)
            if not step.drip:
                self.wfile.write(data)
                return
            for i in range(len(data)):
                self.wfile.write(data[i : i + 1])
                self.wfile.flush()
                time.sleep(step.drip)

        def _send_huge(self, step: Step) -> None:
            head = b'{"id": "x", "object": "chat.completion", "created": 1, "model": "m", ' \
                   b'"choices": [{"index": 0, "message": {"role": "assistant", "content": "'
            tail = b'"}, "finish_reason": "stop"}]}'
            self.send_response(200)
            if step.declare_length:
                self._headers(step.content_type, step.size, step.headers)
            else:  # no length: the body ends when the connection closes
                self.close_connection = True
                self._headers(step.content_type, None, {**step.headers, "Connection": "close"})
            self.wfile.write(head)
            left, piece = step.size - len(head) - len(tail), b"x" * 65536
            while left > 0:
                self.wfile.write(piece[:left])
                left -= len(piece)
            self.wfile.write(tail)

        def _headers(self, content_type: str, length: int | None, headers: dict[str, str]) -> None:
            self.send_header("Content-Type", content_type)
            if length is not None:
                self.send_header("Content-Length", str(length))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()

    return Handler
