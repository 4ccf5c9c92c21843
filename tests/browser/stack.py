"""The Office's deployment on loopback: the real nginx, with TLS, in front of ``thidua serve``s.

Used by ``test_proxy_browser.py`` and by ``benchmarks/load_viewers.py``. What runs is what is
committed: nginx's site is ``deploy/nginx-thidua.conf`` with only its ports, paths and backends
changed (each change must find exactly what it expects, or rendering fails), and every backend
is started with the ``ExecStart`` and ``Environment`` of ``deploy/thidua@.service``, with
``/opt/thidua/.venv/bin/thidua`` read as this checkout's ``thidua`` and ``/var/lib/thidua`` as a
folder of the run. The main ``nginx.conf`` around the site plays the part of Debian's own.

Nothing here imports pytest: a failure is a ``StackError`` carrying the logs to look at.
"""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SITE = REPO / "deploy" / "nginx-thidua.conf"
UNIT = REPO / "deploy" / "thidua@.service"
NGINX = Path("/usr/sbin/nginx")
SAMPLE = REPO / "data" / "sample" / "thidua_mau.xlsx"
SERVER_NAME = re.search(r"server_name\s+([^;\s]+);", SITE.read_text()).group(1)
START_TIMEOUT_S = 120.0
# Parsed from the site's own log_format: request, status, user agent, upstream.
ACCESS_LINE = re.compile(r'"(?P<method>[A-Z]+) (?P<path>\S+) [^"]*" (?P<status>\d{3}) \d+ '
                         r'"[^"]*" "(?P<agent>[^"]*)" upstream=(?P<upstream>\S+)')


class StackError(RuntimeError):
    """The stack could not be set up; the message holds what to look at."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def tls_context() -> ssl.SSLContext:
    """A client context that accepts the run's self-signed certificate."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def make_certificate(folder: Path) -> tuple[Path, Path]:
    """A throw-away self-signed certificate for SERVER_NAME (openssl), valid two days."""
    folder.mkdir(parents=True, exist_ok=True)
    crt, key = folder / "thidua.crt", folder / "thidua.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", f"/CN={SERVER_NAME}", "-keyout", str(key), "-out", str(crt),
                    "-addext", f"subjectAltName=DNS:{SERVER_NAME},IP:127.0.0.1"],
                   check=True, capture_output=True)
    return crt, key


def _replace(text: str, pattern: str, new: str, count: int | None = 1) -> str:
    """``re.subn`` that fails unless the committed file has ``count`` matches (None: ≥ 1)."""
    result, found = re.subn(pattern, new, text, flags=re.MULTILINE)
    if found == 0 or (count is not None and found != count):
        raise StackError(f"{SITE.name}: expected {count or 'some'} match(es) of {pattern!r}, "
                         f"found {found}; update tests/browser/stack.py with the file")
    return result


def render_site(https_port: int, http_port: int, backends: list[int], root: Path) -> str:
    """The committed site with loopback ports, the run's folders and these backends."""
    text = SITE.read_text()
    text = _replace(text, r"^(\s*)listen 443 ssl;", rf"\g<1>listen 127.0.0.1:{https_port} ssl;")
    text = _replace(text, r"^(\s*)listen 80;", rf"\g<1>listen 127.0.0.1:{http_port};")
    servers = "".join(f"    server 127.0.0.1:{port};\n" for port in backends)
    text = _replace(text, r"^\s*server 127\.0\.0\.1:\d+;\n(?:\s*server 127\.0\.0\.1:\d+;\n)*",
                    servers)
    text = _replace(text, r"/etc/ssl/thidua/", f"{root}/ssl/", count=2)
    text = _replace(text, r"/var/log/nginx/", f"{root}/log/", count=None)
    directives = re.sub(r"#.*", "", text)
    leftover = re.findall(r"(?<![\w.])/(?:etc|var|opt|usr)/\S+", directives)
    if leftover:
        raise StackError(f"{SITE.name}: paths the test cannot place: {leftover}")
    return text


def main_conf(root: Path) -> str:
    """What Debian's /etc/nginx/nginx.conf gives the site: one worker, logs and temp in root."""
    temp = "\n".join(f"    {kind}_temp_path {root}/temp/{kind};"
                     for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    return (f"worker_processes 1;\npid {root}/nginx.pid;\nerror_log {root}/log/error.log;\n"
            "events { worker_connections 768; }\n"
            "http {\n    include /etc/nginx/mime.types;\n"
            "    default_type application/octet-stream;\n"
            f"    access_log {root}/log/access.log;\n{temp}\n    include {root}/site.conf;\n}}\n")


def unit_command(port: int, root: Path) -> tuple[list[str], dict[str, str]]:
    """The unit's ExecStart for instance ``port`` and its Environment, placed in this run."""
    unit = UNIT.read_text()
    start = re.search(r"^ExecStart=(.+)$", unit, re.MULTILINE).group(1)
    argv = shlex.split(start.replace("%i", str(port)))
    if argv[0] != "/opt/thidua/.venv/bin/thidua":
        raise StackError(f"{UNIT.name}: ExecStart runs {argv[0]}, not the venv's thidua")
    env = {k: v for k, v in os.environ.items() if not k.startswith("THIDUA_")}
    for name, value in re.findall(r"^Environment=(\w+)=(.*)$", unit, re.MULTILINE):
        env[name] = value.replace("/var/lib/thidua", str(root / "lib"))
    return [sys.executable, "-m", "thidua.cli", *argv[1:]], env


@dataclass
class Process:
    name: str
    popen: subprocess.Popen
    log: Path

    def tail(self, lines: int = 30) -> str:
        with contextlib.suppress(OSError):
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        return "(no log)"

    def stop(self) -> None:
        """SIGTERM to the process group, SIGKILL after 15 s; waits until the group is gone."""
        group = self.popen.pid
        with contextlib.suppress(ProcessLookupError):
            os.killpg(group, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.popen.wait(timeout=15)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                os.killpg(group, 0)
            except ProcessLookupError:
                break
            time.sleep(0.1)
        else:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(group, signal.SIGKILL)
        if self.popen.poll() is None:
            self.popen.kill()
            self.popen.wait(timeout=10)


def _spawn(name: str, argv: list[str], env: dict[str, str], log: Path) -> Process:
    with open(log, "ab") as out:
        popen = subprocess.Popen(argv, cwd=REPO, env=env, stdin=subprocess.DEVNULL, stdout=out,
                                 stderr=subprocess.STDOUT, start_new_session=True)
    return Process(name, popen, log)


def thidua(root: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    """A ``thidua`` command on the run's database (the unit's THIDUA_DB), checked."""
    _argv, env = unit_command(0, root)
    result = subprocess.run([sys.executable, "-m", "thidua.cli", *args], cwd=REPO, env=env,
                            input=stdin, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise StackError(f"thidua {' '.join(args)} exited {result.returncode}:\n"
                         f"{result.stdout}\n{result.stderr}")
    return result


def _get(url: str, host: str | None = None, timeout: float = 3) -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(request, timeout=timeout, context=tls_context()) as answer:
            return answer.status, answer.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except OSError:
        return 0, ""


def _wait(processes: list[Process], urls: list[str], host: str | None = None) -> None:
    """Until every url's /_stcore/health says "ok", or StackError with the logs."""
    deadline = time.monotonic() + START_TIMEOUT_S
    waiting = list(urls)
    while waiting and time.monotonic() < deadline:
        dead = [p for p in processes if p.popen.poll() is not None]
        if dead:
            raise StackError("\n".join(f"{p.name} exited {p.popen.returncode}:\n{p.tail()}"
                                       for p in dead))
        waiting = [u for u in waiting if _get(f"{u}/_stcore/health", host) != (200, "ok")]
        time.sleep(0.25)
    if waiting:
        raise StackError(f"not healthy after {START_TIMEOUT_S:.0f}s: {waiting}\n" + "\n".join(
            f"{p.name}:\n{p.tail()}" for p in processes))


@dataclass
class Stack:
    """nginx on ``https_port`` (and ``http_port``) in front of ``backends``."""

    root: Path
    https_port: int
    http_port: int
    backends: list[int]
    processes: list[Process] = field(default_factory=list)

    @property
    def url(self) -> str:
        """The address a browser opens (SERVER_NAME must resolve to 127.0.0.1 for it)."""
        return f"https://{SERVER_NAME}:{self.https_port}"

    @property
    def access_log(self) -> Path:
        return self.root / "log" / "thidua.access.log"

    @property
    def db(self) -> Path:
        return self.root / "lib" / "thidua.duckdb"

    def upstream(self, port: int) -> str:
        return f"127.0.0.1:{port}"

    def access(self) -> list[dict[str, str]]:
        """The site's access log so far, one dict per request (method, path, status, ...)."""
        if not self.access_log.exists():
            return []
        return [m.groupdict() for m in map(ACCESS_LINE.search,
                                           self.access_log.read_text().splitlines()) if m]

    def check_alive(self) -> None:
        dead = [p for p in self.processes if p.popen.poll() is not None]
        if dead:
            raise StackError("\n".join(f"{p.name} exited {p.popen.returncode}:\n{p.tail()}"
                                       for p in dead))

    def backend_groups(self) -> list[int]:
        """Process groups of the backends (each: the command and its streamlit child)."""
        return [p.popen.pid for p in self.processes if p.name.startswith("backend")]

    def stop(self) -> None:
        for process in reversed(self.processes):
            process.stop()


def prepare(root: Path, accounts: dict[str, str]) -> None:
    """The run's database (the sample, loaded once) and its accounts: {name: role}."""
    for folder in ("lib", "log", "ssl", "temp"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    root.chmod(0o755)  # nginx's workers (nobody, when the master is root) reach temp/
    thidua(root, "load", str(SAMPLE))
    for name, role in accounts.items():
        thidua(root, "users", "add", name, "--role", role, "--password-stdin",
               stdin=password(name) + "\n")


def password(name: str) -> str:
    return f"{name}-Loopback-2026"


@contextlib.contextmanager
def running(root: Path, count: int, extra_env: dict[str, str] | None = None,
            command: Callable[[int, Path], tuple[list[str], dict[str, str]]] = unit_command,
            ) -> Iterator[Stack]:
    """``count`` backends (the unit's command, unless ``command``) and nginx in front; all
    stopped on exit."""
    stack = Stack(root, free_port(), free_port(), [free_port() for _ in range(count)])
    try:
        for port in stack.backends:
            argv, env = command(port, root)
            stack.processes.append(_spawn(f"backend :{port}", argv,
                                          {**env, **(extra_env or {})},
                                          root / "log" / f"serve-{port}.log"))
        _wait(stack.processes, [f"http://127.0.0.1:{port}" for port in stack.backends])
        make_certificate(root / "ssl")
        (root / "site.conf").write_text(render_site(stack.https_port, stack.http_port,
                                                    stack.backends, root))
        (root / "nginx.conf").write_text(main_conf(root))
        nginx = [str(NGINX), "-p", str(root), "-c", str(root / "nginx.conf"),
                 "-e", str(root / "log" / "error.log")]
        checked = subprocess.run([*nginx, "-t"], capture_output=True, text=True)
        if checked.returncode != 0:
            raise StackError(f"nginx -t refused the rendered site:\n{checked.stderr}")
        stack.processes.append(_spawn("nginx", [*nginx, "-g", "daemon off;"], dict(os.environ),
                                      root / "log" / "nginx.out"))
        _wait(stack.processes, [f"https://127.0.0.1:{stack.https_port}"], host=SERVER_NAME)
        yield stack
    finally:
        stack.stop()
