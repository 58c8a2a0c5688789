#!/usr/bin/env python3
"""Test helper: forwards POST /v1/reports to the real collector, writes a marker file once
the collector has answered, then holds the response back for HOLD seconds, so a test can
SIGKILL the probe after the server stored the report but before the probe heard it."""
import http.server
import sys
import time
import urllib.error
import urllib.request

port, upstream, marker, hold = int(sys.argv[1]), sys.argv[2], sys.argv[3], float(sys.argv[4])


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        headers = {k: v for k, v in self.headers.items() if k.lower() in ("content-type", "content-encoding")}
        request = urllib.request.Request(upstream + self.path, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                status, answer = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, answer = error.code, error.read()
        with open(marker, "w") as f:
            f.write(str(status))
        time.sleep(hold)
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass


http.server.HTTPServer(("127.0.0.1", port), Handler).serve_forever()
