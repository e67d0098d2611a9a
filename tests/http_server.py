#!/usr/bin/python3
"""tests/http_server.py: a small HTTP server for the fetch tests (Python standard library only).

    http_server.py --root DIR [--log FILE] [--tls CERT KEY]

Listens on 127.0.0.1 on an ephemeral port, prints the port on one line, and serves until it is
killed.  With --log, every request is appended to FILE as one line:
    GET /feed/x.json inm=<If-None-Match> ims=<If-Modified-Since> ua=<User-Agent> ae=<Accept-Encoding>

Routes (NAME is a file in DIR, read on every request, so a test can change it between requests):
    /feed/NAME        200 with ETag (a hash of the bytes) and Last-Modified (the file's mtime);
                      304 when If-None-Match matches (or, without it, If-Modified-Since is not
                      older than the file)
    /redirect/NAME    302 to /feed/NAME
    /loop             302 to /loop2, which redirects back: a redirect loop
    /to-file          302 to file:///etc/hostname
    /status/N         status N with a short text body
    /truncated/NAME   Content-Length 1000 bytes larger than the file, then the file, then close
    /drip             Content-Length 100000, then one byte every 0.2 seconds
    /slow/NAME        the file in 20 pieces over about 1.5 seconds (Content-Length announced)
    /big/N            N bytes of JSON white space with Content-Length
    /big-nolength/N   the same without Content-Length (the end is the end of the connection)
    /gzip/NAME        the file gzip-encoded (Content-Encoding: gzip)
    /html/NAME        the file labelled text/html
    /xml/NAME         the file labelled application/xml
    /page             an HTML page, labelled text/html
"""
import argparse
import email.utils
import gzip
import hashlib
import http.server
import os
import socket
import ssl
import sys
import time


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "planner-test"
    sys_version = ""

    def log_message(self, fmt, *args):  # no noise on stderr
        pass

    def log_request_line(self):
        if not self.server.log:
            return
        h = self.headers
        line = "%s %s inm=%s ims=%s ua=%s ae=%s\n" % (
            self.command, self.path, h.get("If-None-Match", "-"), h.get("If-Modified-Since", "-"),
            h.get("User-Agent", "-"), h.get("Accept-Encoding", "-"))
        with open(self.server.log, "a", encoding="utf-8") as f:
            f.write(line)

    def file(self, name):
        path = os.path.join(self.server.root, os.path.basename(name))
        try:
            with open(path, "rb") as f:
                return f.read(), os.stat(path).st_mtime
        except OSError:
            return None, None

    def send(self, status, body, ctype="application/json", extra=(), length=None):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def redirect(self, where):
        self.send(302, b"", "text/plain", [("Location", where)])

    def do_GET(self):
        self.log_request_line()
        parts = self.path.split("/", 2)
        route = parts[1] if len(parts) > 1 else ""
        arg = parts[2] if len(parts) > 2 else ""
        try:
            self.route(route, arg)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a size limit, a timeout): fine

    def route(self, route, arg):
        if route in ("feed", "truncated", "slow", "gzip", "html", "xml"):
            body, mtime = self.file(arg)
            if body is None:
                return self.send(404, b"not found\n", "text/plain")
        if route == "feed":
            etag = '"%s"' % hashlib.sha1(body).hexdigest()[:16]
            lm = email.utils.formatdate(mtime, usegmt=True)
            inm = self.headers.get("If-None-Match")
            ims = self.headers.get("If-Modified-Since")
            fresh = inm == etag if inm else False
            if not inm and ims:
                try:
                    fresh = email.utils.parsedate_to_datetime(ims).timestamp() >= int(mtime)
                except (TypeError, ValueError):
                    fresh = False
            if fresh:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            return self.send(200, body, "application/json", [("ETag", etag), ("Last-Modified", lm)])
        if route == "redirect":
            return self.redirect("/feed/" + arg)
        if route == "loop":
            return self.redirect("/loop2")
        if route == "loop2":
            return self.redirect("/loop")
        if route == "bad-redirect":
            return self.redirect("http://[::1")
        if route == "http09":
            self.close_connection = True
            self.wfile.write(b"hello, no status line\n")
            return
        if route == "big-header":
            self.send_response(200)
            self.send_header("X-Filler", "x" * 200000)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if route == "huge-etag":
            body, mtime = self.file(arg)
            return self.send(200, body, "application/json", [("ETag", '"%s"' % ("e" * 100000))])
        if route == "to-file":
            return self.redirect("file:///etc/hostname")
        if route == "status":
            code = int(arg)
            return self.send(code, b"status %d\n" % code, "text/plain")
        if route == "truncated":
            self.send(200, body, length=len(body) + 1000)
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        if route == "drip":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            for _ in range(100000):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(0.2)
            return
        if route == "slow":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            step = max(1, len(body) // 20 + 1)
            for i in range(0, len(body), step):
                self.wfile.write(body[i:i + step])
                self.wfile.flush()
                time.sleep(0.075)
            return
        if route in ("big", "big-nolength"):
            n = int(arg)
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            if route == "big":
                self.send_header("Content-Length", str(n))
            else:
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            chunk = b" " * 65536
            while n > 0:
                self.wfile.write(chunk[:min(n, len(chunk))])
                n -= len(chunk)
            return
        if route == "gzip":
            return self.send(200, gzip.compress(body), "application/json",
                             [("Content-Encoding", "gzip")])
        if route == "html":
            return self.send(200, body, "text/html; charset=utf-8")
        if route == "xml":
            return self.send(200, body, "application/xml; charset=utf-8")
        if route == "page":
            return self.send(200, b"<!DOCTYPE html>\n<html><body>Log in first</body></html>\n",
                             "text/html; charset=utf-8")
        return self.send(404, b"not found\n", "text/plain")


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A client that hangs up (a size limit, a timeout, a failed TLS handshake) is expected.
        if not isinstance(sys.exc_info()[1], (ConnectionError, ssl.SSLError, TimeoutError)):
            super().handle_error(request, client_address)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--log")
    ap.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    a = ap.parse_args()
    srv = Server(("127.0.0.1", 0), Handler)
    srv.root = a.root
    srv.log = a.log
    if a.tls:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(a.tls[0], a.tls[1])
        srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
    print(srv.server_address[1], flush=True)
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
