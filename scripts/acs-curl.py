#!/usr/bin/env python3
"""Send one request to an ACS-compatible SMS endpoint (Relay or Azure), signed with an access key.

Standard library only. Signs exactly as the Azure SDKs do (HMAC-SHA256 over METHOD, path and query, x-ms-date,
host and the body's SHA-256) and prints the status, the response headers that matter and the body.

  scripts/acs-curl.py --connection-string "endpoint=https://127.0.0.1:8443/;accesskey=..." \\
      --cacert .relay-data/api/tls/relay-api.crt \\
      POST '/sms?api-version=2021-03-07' \\
      '{"from":"+18005550100","smsRecipients":[{"to":"+14255550123"}],"message":"Hello"}'

The connection string may also come from ACS_CONNECTION_STRING. A body of '@file.json' is read from the file.
Exit status: 0 for a 2xx answer, 1 otherwise.
"""
import argparse
import base64
import hashlib
import hmac
import os
import ssl
import sys
import urllib.error
import urllib.parse
import urllib.request
from email.utils import formatdate


def parse_connection_string(text):
    parts = {}
    for part in text.split(";"):
        if not part.strip():
            continue
        name, sep, value = part.partition("=")
        if not sep:
            raise SystemExit("connection string part without '=': %r" % part)
        parts[name.strip().lower()] = value.strip()
    if "endpoint" not in parts or "accesskey" not in parts:
        raise SystemExit("the connection string needs endpoint=...;accesskey=...")
    try:
        base64.b64decode(parts["accesskey"], validate=True)
    except ValueError:
        raise SystemExit("the connection string's accesskey is not base64: copy it whole from Relay's banner "
                         "(or the Azure portal's Keys page)")
    return parts["endpoint"], parts["accesskey"]


def signed_headers(method, url, body, access_key):
    target = urllib.parse.urlsplit(url)
    path_and_query = target.path + ("?" + target.query if target.query else "")
    host = target.netloc  # host plus a non-default port, as urllib sends it in Host
    date = formatdate(usegmt=True)  # RFC 1123, e.g. 'Fri, 27 Nov 2026 08:21:17 GMT'
    content_hash = base64.b64encode(hashlib.sha256(body).digest()).decode()
    string_to_sign = "%s\n%s\n%s;%s;%s" % (method.upper(), path_and_query, date, host, content_hash)
    signature = base64.b64encode(hmac.new(base64.b64decode(access_key), string_to_sign.encode("utf-8"),
                                          hashlib.sha256).digest()).decode()
    return {
        "x-ms-date": date,
        "x-ms-content-sha256": content_hash,
        "Authorization": "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=" + signature,
        "Content-Type": "application/json",
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--connection-string", default=os.environ.get("ACS_CONNECTION_STRING"))
    parser.add_argument("--cacert", help="PEM certificate to trust (Relay's generated relay-api.crt)")
    parser.add_argument("method", help="GET or POST")
    parser.add_argument("path", help="path and query, e.g. '/sms?api-version=2021-03-07'")
    parser.add_argument("body", nargs="?", default="", help="JSON body, or @file to read it from a file")
    args = parser.parse_args()
    if not args.connection_string:
        raise SystemExit("give --connection-string or set ACS_CONNECTION_STRING")
    endpoint, key = parse_connection_string(args.connection_string)
    body = args.body
    if body.startswith("@"):
        try:
            with open(body[1:], "rb") as f:
                body = f.read()
        except OSError as error:
            raise SystemExit("cannot read the body from %s: %s" % (body[1:], error.strerror or error))
    else:
        body = body.encode("utf-8")
    url = urllib.parse.urljoin(endpoint if endpoint.endswith("/") else endpoint + "/", args.path.lstrip("/"))
    request = urllib.request.Request(url, data=body if body or args.method.upper() != "GET" else None,
                                     method=args.method.upper(), headers=signed_headers(args.method, url, body, key))
    try:
        context = ssl.create_default_context(cafile=args.cacert) if args.cacert else None
    except (OSError, ssl.SSLError) as error:
        raise SystemExit("cannot use --cacert %s: %s" % (args.cacert, error))
    try:
        with urllib.request.urlopen(request, context=context, timeout=30) as response:
            status, headers, payload = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, headers, payload = error.code, error.headers, error.read()
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, ssl.SSLCertVerificationError):
            if args.cacert:
                raise SystemExit("%s: the server's certificate does not pass with --cacert %s (%s); Relay's generated "
                                 "certificate names the hosts of api.tls.hostnames (localhost, 127.0.0.1, ::1 by default)"
                                 % (url, args.cacert, reason.verify_message))
            raise SystemExit("%s: the server's certificate is not trusted (%s); for Relay's generated certificate "
                             "add --cacert .relay-data/api/tls/relay-api.crt" % (url, reason.verify_message))
        raise SystemExit("%s: %s" % (url, reason))
    except (TimeoutError, OSError) as error:
        raise SystemExit("%s: %s" % (url, error))
    print("HTTP %d" % status)
    for name in ("Content-Type", "Retry-After"):
        if headers.get(name):
            print("%s: %s" % (name, headers.get(name)))
    print(payload.decode("utf-8", "replace"))
    return 0 if 200 <= status < 300 else 1


if __name__ == "__main__":
    sys.exit(main())
