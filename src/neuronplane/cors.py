"""Cross-origin requests to the glue: only from the origins NEURONPLANE_ALLOWED_ORIGINS lists
(none by default), and only those get credentials.

Starlette's CORSMiddleware answers every Origin with Access-Control-Allow-Credentials,
listed or not; here an origin that is not listed gets no Access-Control-* header at all.
"""

from __future__ import annotations

from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Send

# What a browser page may send to the glue: cookies, the CSRF header, JSON and uploads.
ALLOW_METHODS = ["GET", "POST"]
ALLOW_HEADERS = ["Content-Type", "X-CSRF-Token", "Authorization"]


def _strip(headers: MutableHeaders) -> None:
    for name in [k for k in headers if k.lower().startswith("access-control-")]:
        del headers[name]


class ListedOriginsCORS(CORSMiddleware):
    def __init__(self, app: ASGIApp, origins: list[str]) -> None:
        super().__init__(app, allow_origins=origins, allow_credentials=True,
                         allow_methods=ALLOW_METHODS, allow_headers=ALLOW_HEADERS,
                         max_age=600)

    def preflight_response(self, request_headers: Headers) -> Response:
        response = super().preflight_response(request_headers)
        if not self.is_allowed_origin(request_headers["origin"]):
            _strip(response.headers)
        return response

    async def send(self, message: Message, send: Send, request_headers: Headers) -> None:
        origin = request_headers.get("origin")
        if (message["type"] == "http.response.start" and origin is not None
                and not self.is_allowed_origin(origin)):
            headers = MutableHeaders(scope=message)
            headers["Vary"] = ", ".join([*headers.getlist("Vary"), "Origin"])
            await send(message)
            return
        await super().send(message, send, request_headers)
