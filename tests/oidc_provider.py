"""A small, real OpenID Connect provider on 127.0.0.1 for the login tests (authorization code flow, PKCE,
RS256-signed ID tokens, discovery, JWKS, userinfo). Test use only: one client, users chosen on a login page.

Start with ``OIDCProvider(users={"kari": {...}}).start()``; ``issuer`` is its base URL and
``issuer + "/.well-known/openid-configuration"`` the ``server_metadata_url`` Streamlit needs.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import secrets
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from joserfc import jwt
from joserfc.jwk import RSAKey


class OIDCProvider:
    def __init__(self, users: dict[str, dict], client_id: str = "utfordringsbilde",
                 client_secret: str = "test-hemmelighet") -> None:
        self.users, self.client_id, self.client_secret = users, client_id, client_secret
        self.key = RSAKey.generate_key(2048, parameters={"kid": "test-1", "use": "sig", "alg": "RS256"})
        self.codes: dict[str, dict] = {}
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.issuer = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.logins: list[str] = []

    def start(self) -> OIDCProvider:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    # -- protocol ---------------------------------------------------------------------------------
    def metadata(self) -> dict:
        i = self.issuer
        return {"issuer": i, "authorization_endpoint": f"{i}/authorize", "token_endpoint": f"{i}/token",
                "userinfo_endpoint": f"{i}/userinfo", "jwks_uri": f"{i}/jwks", "end_session_endpoint": f"{i}/logout",
                "response_types_supported": ["code"], "subject_types_supported": ["public"],
                "id_token_signing_alg_values_supported": ["RS256"], "scopes_supported": ["openid", "email", "profile"],
                "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
                "code_challenge_methods_supported": ["S256"], "grant_types_supported": ["authorization_code"]}

    def id_token(self, sub: str, nonce: str | None) -> str:
        now = int(time.time())
        claims = {"iss": self.issuer, "sub": sub, "aud": self.client_id, "iat": now, "exp": now + 600,
                  **self.users[sub]}
        if nonce:
            claims["nonce"] = nonce
        return jwt.encode({"alg": "RS256", "kid": "test-1"}, claims, self.key)

    def _handler(self):
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # quiet
                pass

            def _send(self, code: int, body: bytes, ctype: str = "application/json", headers: dict | None = None):
                self.send_response(code)
                self.send_header("Content-Type", ctype)
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:  # noqa: N802
                url = urllib.parse.urlsplit(self.path)
                q = dict(urllib.parse.parse_qsl(url.query))
                if url.path == "/.well-known/openid-configuration":
                    return self._send(200, json.dumps(provider.metadata()).encode())
                if url.path == "/jwks":
                    return self._send(200, json.dumps({"keys": [provider.key.as_dict(private=False)]}).encode())
                if url.path == "/authorize":
                    if q.get("client_id") != provider.client_id or q.get("response_type") != "code":
                        return self._send(400, b'{"error":"invalid_request"}')
                    buttons = "".join(
                        f'<a role="button" href="/approve?{urllib.parse.urlencode({**q, "user": u})}">'
                        f"Logg inn som {html.escape(info.get('name', u))}</a><br>" for u, info in provider.users.items())
                    return self._send(200, f"<html><body><h1>Test-innlogging</h1>{buttons}</body></html>".encode(),
                                      "text/html; charset=utf-8")
                if url.path == "/approve":
                    code = secrets.token_urlsafe(16)
                    provider.codes[code] = {"sub": q["user"], "nonce": q.get("nonce"), "redirect_uri": q["redirect_uri"],
                                            "challenge": q.get("code_challenge")}
                    provider.logins.append(q["user"])
                    target = q["redirect_uri"] + "?" + urllib.parse.urlencode({"code": code, "state": q.get("state", "")})
                    return self._send(302, b"", "text/plain", {"Location": target})
                if url.path == "/logout":
                    return self._send(302, b"", "text/plain", {"Location": q.get("post_logout_redirect_uri", "/")})
                if url.path == "/userinfo":
                    return self._send(200, json.dumps({"sub": "?"}).encode())
                return self._send(404, b"{}")

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length") or 0)
                form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
                if urllib.parse.urlsplit(self.path).path != "/token":
                    return self._send(404, b"{}")
                cid, csecret = form.get("client_id"), form.get("client_secret")
                auth = self.headers.get("Authorization", "")
                if auth.startswith("Basic "):
                    cid, _, csecret = base64.b64decode(auth[6:]).decode().partition(":")
                    cid, csecret = urllib.parse.unquote(cid), urllib.parse.unquote(csecret)
                grant = provider.codes.pop(form.get("code", ""), None)
                ok = (cid == provider.client_id and csecret == provider.client_secret and grant is not None
                      and form.get("redirect_uri") == grant["redirect_uri"])
                if ok and grant["challenge"]:
                    digest = hashlib.sha256(form.get("code_verifier", "").encode()).digest()
                    ok = base64.urlsafe_b64encode(digest).rstrip(b"=").decode() == grant["challenge"]
                if not ok:
                    return self._send(400, b'{"error":"invalid_grant"}')
                body = {"access_token": secrets.token_urlsafe(16), "token_type": "Bearer", "expires_in": 600,
                        "id_token": provider.id_token(grant["sub"], grant["nonce"]), "scope": "openid email profile"}
                return self._send(200, json.dumps(body).encode(), headers={"Cache-Control": "no-store"})

        return Handler
