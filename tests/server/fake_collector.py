#!/usr/bin/env python3
"""Test helper: something other than the collector answering POST /v1/reports, as a probe
meets it in the field: a captive portal (302, or 200 with its login page), a reverse proxy
with the wrong path (404 page), a gateway with its own JSON error shape. Usage:
fake_collector.py PORT STATUS BODY_FILE [EXTRA_HEADER]. Counts requests in PORT.count."""
import http.server
import sys

port, status, body_file = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
extra = sys.argv[4] if len(sys.argv) > 4 else ""
body = open(body_file, "rb").read()
count = 0


class Handler(http.server.BaseHTTPRequestHandler):
    def answer(self):
        global count
        count += 1
        with open(f"{port}.count", "w") as f:
            f.write(str(count))
        self.send_response(status)
        if extra:
            name, value = extra.split(": ", 1)
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.answer()

    def do_GET(self):
        self.answer()

    def log_message(self, *args):
        pass


http.server.HTTPServer(("127.0.0.1", port), Handler).serve_forever()
