"""A small OpenID Connect provider on 127.0.0.1 for the tests: no internet, no user interface.

It serves what Streamlit's ``st.login`` (Authlib) asks of a real provider: the discovery
document, an authorize endpoint that sends the browser straight back with a code (the person
"signing in" is whoever ``FakeIdP.email`` names at that moment), a token endpoint that checks
the client's secret and the PKCE verifier and answers with an RS256-signed ID token, the JWKS
to verify it, userinfo, and an end-session endpoint that sends the browser back.

Tokens are signed with joserfc, the JOSE library Authlib itself verifies with (Authlib 1.9
deprecates its older ``authlib.jose``).
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from joserfc import jwt
from joserfc.jwk import RSAKey

KID = "thidua-test-key"


@dataclass
class FakeIdP:
    client_id: str = "thidua-test"
    client_secret: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    email: str = "lanh.dao@vanphong.test"
    email_verified: bool = True
    key: RSAKey = field(default_factory=lambda: RSAKey.generate_key(
        2048, parameters={"kid": KID, "use": "sig", "alg": "RS256"}))
    codes: dict[str, dict[str, Any]] = field(default_factory=dict)
    issued: list[dict[str, Any]] = field(default_factory=list)  # the ID tokens' claims
    logouts: int = 0
    server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self.server is not None, "start() first"
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def metadata_url(self) -> str:
        return f"{self.url}/.well-known/openid-configuration"

    def metadata(self) -> dict[str, Any]:
        return {"issuer": self.url, "authorization_endpoint": f"{self.url}/authorize",
                "token_endpoint": f"{self.url}/token", "jwks_uri": f"{self.url}/jwks",
                "userinfo_endpoint": f"{self.url}/userinfo",
                "end_session_endpoint": f"{self.url}/logout",
                "response_types_supported": ["code"], "subject_types_supported": ["public"],
                "id_token_signing_alg_values_supported": ["RS256"],
                "code_challenge_methods_supported": ["S256"],
                "token_endpoint_auth_methods_supported": ["client_secret_basic",
                                                          "client_secret_post"]}

    def start(self) -> FakeIdP:
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    # -- the flows -------------------------------------------------------------------------

    def authorize(self, query: dict[str, str]) -> str:
        """Where the browser goes next: back to the client with a code (or an error)."""
        back = query.get("redirect_uri", "")
        if query.get("client_id") != self.client_id or query.get("response_type") != "code":
            return f"{back}?{urlencode({'error': 'unauthorized_client'})}"
        code = secrets.token_urlsafe(16)
        self.codes[code] = {**query, "email": self.email, "verified": self.email_verified}
        return f"{back}?{urlencode({'code': code, 'state': query.get('state', '')})}"

    def token(self, form: dict[str, str], basic: tuple[str, str] | None) -> dict[str, Any]:
        client = basic or (form.get("client_id", ""), form.get("client_secret", ""))
        if client != (self.client_id, self.client_secret):
            raise PermissionError("invalid_client")
        grant = self.codes.pop(form.get("code", ""), None)
        if grant is None or grant.get("redirect_uri") != form.get("redirect_uri"):
            raise PermissionError("invalid_grant")
        verifier = form.get("code_verifier", "")
        challenge = base64.urlsafe_b64encode(
            hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
        if grant.get("code_challenge") and challenge != grant["code_challenge"]:
            raise PermissionError("invalid_grant")
        now = int(time.time())
        claims = {"iss": self.url, "sub": hashlib.sha256(grant["email"].encode()).hexdigest(),
                  "aud": self.client_id, "iat": now, "exp": now + 300,
                  "nonce": grant.get("nonce", ""), "email": grant["email"],
                  "email_verified": grant["verified"], "name": grant["email"].split("@")[0]}
        self.issued.append(claims)
        id_token = jwt.encode({"alg": "RS256", "kid": KID}, claims, self.key)
        return {"access_token": secrets.token_urlsafe(16), "token_type": "Bearer",
                "expires_in": 300, "id_token": id_token}


def _basic(header: str | None) -> tuple[str, str] | None:
    if not header or not header.startswith("Basic "):
        return None
    from urllib.parse import unquote

    user, _, password = base64.b64decode(header[6:]).decode().partition(":")
    return unquote(user), unquote(password)


def _handler(idp: FakeIdP) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # quiet
            pass

        def _json(self, body: Any, status: int = 200) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _redirect(self, to: str) -> None:
            self.send_response(302)
            self.send_header("Location", to)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            query = {k: v[0] for k, v in parse_qs(parts.query).items()}
            if parts.path == "/.well-known/openid-configuration":
                self._json(idp.metadata())
            elif parts.path == "/jwks":
                self._json({"keys": [idp.key.as_dict(private=False)]})
            elif parts.path == "/authorize":
                self._redirect(idp.authorize(query))
            elif parts.path == "/logout":
                idp.logouts += 1
                self._redirect(query.get("post_logout_redirect_uri") or "/")
            elif parts.path == "/userinfo" and idp.issued:
                self._json({k: idp.issued[-1][k] for k in ("sub", "email", "name")})
            else:
                self._json({"error": "not_found"}, 404)

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
            if urlsplit(self.path).path != "/token":
                self._json({"error": "not_found"}, 404)
                return
            try:
                self._json(idp.token(form, _basic(self.headers.get("Authorization"))))
            except PermissionError as exc:
                self._json({"error": str(exc)}, 400 if "grant" in str(exc) else 401)

    return Handler
