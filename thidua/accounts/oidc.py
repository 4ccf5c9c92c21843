"""OpenID Connect: the settings IT gives ``thidua serve``, and the rules of an OIDC sign-in.

IT sets four variables (in the service's environment file, mode 0600, or a file given to
``thidua serve --oidc-env``): ``THIDUA_OIDC_METADATA_URL`` (the provider's discovery
document), ``THIDUA_OIDC_CLIENT_ID``, ``THIDUA_OIDC_CLIENT_SECRET`` and
``THIDUA_OIDC_REDIRECT_URI`` (this server's public address + ``/oauth2callback``).
``THIDUA_OIDC_COOKIE_SECRET`` signs Streamlit's identity cookie; when it is not given, one is
made once and kept beside the accounts file (0600), so every server process shares it.
Nothing is written into the repository; Streamlit gets the values as programmatic secrets.

An identity is used once: the provider's ID token (its issuer, subject, issue time and nonce)
signs one session in and is then marked as seen, and only a fresh one (issued within
``FRESH_FOR``) counts. Streamlit keeps its identity cookie for 30 days; thidua's own session
(8 hours idle, 24 hours at most) decides how long someone stays signed in.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import json
import os
import secrets
import stat
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from thidua.accounts.account import AccountError
from thidua.accounts.sqlite import connect, stamp, utc
from thidua.accounts.store import check_email

ENV = {"metadata_url": "THIDUA_OIDC_METADATA_URL", "client_id": "THIDUA_OIDC_CLIENT_ID",
       "client_secret": "THIDUA_OIDC_CLIENT_SECRET", "redirect_uri": "THIDUA_OIDC_REDIRECT_URI"}
COOKIE_SECRET_ENV = "THIDUA_OIDC_COOKIE_SECRET"
SECRET_ENVS = (ENV["client_secret"], COOKIE_SECRET_ENV)  # never passed on to child processes
CALLBACK = "/oauth2callback"
MIN_COOKIE_SECRET = 32
FRESH_FOR = dt.timedelta(minutes=10)
SKEW = dt.timedelta(minutes=2)  # a provider's clock a little ahead of this server's
SEEN_FOR = dt.timedelta(days=2)


def is_loopback(host: str) -> bool:
    """Whether ``host`` is this computer only: 127.0.0.0/8, ::1 or localhost."""
    name = host.strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class OidcSettings:
    metadata_url: str
    client_id: str
    client_secret: str
    redirect_uri: str
    cookie_secret: str | None = None

    @property
    def provider(self) -> str:
        """The provider's host, for what ``thidua serve`` prints."""
        return urlparse(self.metadata_url).netloc

    def secrets(self) -> dict[str, str]:
        """Streamlit's ``[auth]`` section (its one default provider)."""
        return {"redirect_uri": self.redirect_uri, "cookie_secret": self.cookie_secret or "",
                "client_id": self.client_id, "client_secret": self.client_secret,
                "server_metadata_url": self.metadata_url}

    def env(self) -> dict[str, str]:
        values = {name: getattr(self, field) for field, name in ENV.items()}
        return {**values, COOKIE_SECRET_ENV: self.cookie_secret or ""}


def _check_url(value: str, name: str, callback: bool = False) -> None:
    parts = urlparse(value)
    plain = parts.scheme == "http" and not is_loopback(parts.hostname or "")
    if parts.scheme not in ("http", "https") or not parts.hostname or plain:
        raise AccountError("oidc_bad_url", name=name, value=value)
    if callback and not parts.path.endswith(CALLBACK):
        raise AccountError("oidc_bad_callback", name=name, value=value, path=CALLBACK)


def settings(env: Mapping[str, str]) -> OidcSettings | None:
    """The OIDC settings in ``env``; None when none is set, AccountError when incomplete."""
    values = {field: (env.get(name) or "").strip() for field, name in ENV.items()}
    if not any(values.values()):
        return None
    missing = [ENV[field] for field, value in values.items() if not value]
    if missing:
        raise AccountError("oidc_missing", names=", ".join(missing))
    _check_url(values["metadata_url"], ENV["metadata_url"])
    _check_url(values["redirect_uri"], ENV["redirect_uri"], callback=True)
    cookie_secret = (env.get(COOKIE_SECRET_ENV) or "").strip() or None
    if cookie_secret is not None and len(cookie_secret) < MIN_COOKIE_SECRET:
        raise AccountError("oidc_weak_cookie_secret", name=COOKIE_SECRET_ENV,
                           min=MIN_COOKIE_SECRET)
    return OidcSettings(**values, cookie_secret=cookie_secret)


def _private(path: Path) -> None:
    """Refuse a secrets file others may read (it holds the client or cookie secret)."""
    mode = path.stat().st_mode
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise AccountError("oidc_file_open", path=path, mode=oct(stat.S_IMODE(mode)))


def read_env_file(path: Path) -> dict[str, str]:
    """The ``THIDUA_OIDC_*`` lines of a KEY=VALUE file (systemd's EnvironmentFile form)."""
    try:
        _private(path)
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise AccountError("oidc_file_unreadable", path=path, error=exc) from None
    values = {}
    for line in lines:
        key, sep, value = line.strip().removeprefix("export ").partition("=")
        if sep and key.strip().startswith("THIDUA_OIDC_"):
            values[key.strip()] = value.strip().strip("'\"")
    return values


def cookie_secret_path(accounts: Path) -> Path:
    return Path(accounts).with_suffix(".cookie-secret")


def shared_cookie_secret(path: Path) -> str:
    """The cookie secret kept at ``path``, made (0600, atomically) if there is none yet."""
    if not path.exists():
        fresh = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        fd = os.open(fresh, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(secrets.token_hex(32))
        try:
            os.link(fresh, path)  # exactly one process makes it; the others read it
        except FileExistsError:
            pass
        finally:
            fresh.unlink()
    _private(path)
    return path.read_text(encoding="utf-8").strip()


def with_cookie_secret(found: OidcSettings, accounts: Path) -> OidcSettings:
    if found.cookie_secret:
        return found
    try:
        secret = shared_cookie_secret(cookie_secret_path(accounts))
    except OSError as exc:
        raise AccountError("oidc_file_unreadable", path=cookie_secret_path(accounts),
                           error=exc) from None
    return OidcSettings(found.metadata_url, found.client_id, found.client_secret,
                        found.redirect_uri, secret)


def streamlit_secrets(env: MutableMapping[str, str], accounts: Path
                      ) -> dict[str, dict[str, str]] | None:
    """Streamlit's secrets for the Office sign-in (``{"auth": ...}``), None when it is not
    set up; the two secret values are taken out of ``env`` (a process's own environment), so
    what it starts later does not inherit them."""
    found = settings(env)
    if found is not None:
        found = with_cookie_secret(found, accounts)
    for name in SECRET_ENVS:
        env.pop(name, None)
    return {"auth": found.secrets()} if found else None


# -- an identity from the provider -----------------------------------------------------------

def email_of(claims: Mapping[str, Any]) -> str | None:
    """The identity's e-mail as accounts keep it, or None if it has none that is one."""
    email = claims.get("email")
    if not isinstance(email, str):
        return None
    try:
        return check_email(email)
    except AccountError:
        return None


def check_identity(claims: Mapping[str, Any], now: dt.datetime | None = None) -> str:
    """ok, stale (issued too long ago, or no time), no_email or unverified_email."""
    moment = utc(now).timestamp()
    issued = claims.get("iat")
    if isinstance(issued, bool) or not isinstance(issued, int | float):
        return "stale"
    if not moment - FRESH_FOR.total_seconds() <= issued <= moment + SKEW.total_seconds():
        return "stale"
    if email_of(claims) is None:
        return "no_email"
    if claims.get("email_verified") in (False, "false"):
        return "unverified_email"
    return "ok"


def identity_key(claims: Mapping[str, Any]) -> str:
    parts = [str(claims.get(k, "")) for k in ("iss", "sub", "aud", "iat", "nonce")]
    return hashlib.sha256(json.dumps(parts).encode("utf-8")).hexdigest()


def claim_identity(path: Path, claims: Mapping[str, Any],
                   now: dt.datetime | None = None) -> bool:
    """Mark an identity as used; False if it was used already (by any process)."""
    moment = utc(now)
    with connect(Path(path), write=True) as con:
        con.execute("DELETE FROM oidc_seen WHERE at < ?", (stamp(moment - SEEN_FOR),))
        return con.execute("INSERT OR IGNORE INTO oidc_seen (key, at) VALUES (?, ?)",
                           (identity_key(claims), stamp(moment))).rowcount == 1
