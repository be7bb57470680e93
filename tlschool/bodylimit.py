"""Refuse request bodies over a limit before any of them is read.

Django's DATA_UPLOAD_MAX_MEMORY_SIZE leaves files out, and gunicorn's --limit-request-*
options cover the request line and headers, not the body: without this a 100 MB upload is
received whole before the 2 MB evidence limit refuses it. Wrapped around the WSGI
application, so it holds under every app server; a proxy in front may set its own limit too
(nginx `client_max_body_size`).
"""

BODY = (
    "<!doctype html><html lang='nl'><meta charset='utf-8'><title>Te groot / Too large</title>"
    "<h1>Wat je verstuurde is te groot</h1>"
    "<p>Een bestand mag hoogstens {mb} MB zijn. Ga terug, kies een kleiner bestand en "
    "verstuur opnieuw.</p>"
    "<p lang='en'>What you sent is too large: a file may be at most {mb} MB.</p></html>"
)


class RequestBodyLimit:
    def __init__(self, app, *, limit_bytes: int):
        self.app = app
        self.limit_bytes = limit_bytes

    def __call__(self, environ, start_response):
        declared = environ.get("CONTENT_LENGTH") or ""
        chunked = "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower()
        try:
            length = int(declared) if declared.strip() else 0
        except ValueError:
            length = -1
        if length < 0 or length > self.limit_bytes or chunked:
            return self._refuse(start_response, status="411 Length Required" if chunked else None)
        return self.app(environ, start_response)

    def _refuse(self, start_response, status=None):
        body = BODY.format(mb=max(1, self.limit_bytes // (1024 * 1024))).encode()
        start_response(
            status or "413 Content Too Large",
            [
                ("Content-Type", "text/html; charset=utf-8"),
                ("Content-Length", str(len(body))),
                ("Connection", "close"),
                ("Cache-Control", "no-store"),
            ],
        )
        return [body]
