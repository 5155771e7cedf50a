"""Run the project's Janus WebRTC Server (Debian package `janus`) with the configuration in this
folder: its files are templates whose `$`-placeholders come from settings (secrets, ports), so
no secret is ever committed. `servicepunt janus` renders them under var/janus and runs the
server in the foreground; `make run` starts it beside the web server and the task worker, and the
tests start their own instance on free ports (videocalls/tests/conftest.py)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from string import Template

CONFIG_DIR = Path(__file__).resolve().parent
TEMPLATES = ("janus.jcfg", "janus.transport.http.jcfg", "janus.plugin.videoroom.jcfg")
# Where Debian installs the modules (multiarch); the first that exists is used.
LIB_DIRS = ("/usr/lib/x86_64-linux-gnu/janus", "/usr/lib/aarch64-linux-gnu/janus", "/usr/lib/janus")


@dataclass(frozen=True)
class JanusConfig:
    port: int
    admin_port: int
    api_secret: str
    admin_secret: str
    token_auth_secret: str
    rtp_port_range: str = "20000-40000"
    allow_origin: str = ""
    binary: str = "janus"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/janus"


def library_dir() -> Path:
    for candidate in LIB_DIRS:
        if Path(candidate, "plugins", "libjanus_videoroom.so").exists():
            return Path(candidate)
    raise FileNotFoundError("Janus is not installed (apt-get install janus; `make debs` does it).")


def render(config: JanusConfig, target: Path) -> Path:
    """Write the configuration files into `target` (0700, the files 0600) and return it."""
    secrets = (
        ("api_secret", config.api_secret),
        ("admin_secret", config.admin_secret),
        ("token_auth_secret", config.token_auth_secret),  # empty: anyone could sign tokens
    )
    for name, value in secrets:
        if not value or '"' in value:
            raise ValueError(f"Janus needs a {name} without quotes.")
    lib = library_dir()
    target.mkdir(parents=True, exist_ok=True)
    target.chmod(0o700)
    values = {
        "configs_folder": str(target),
        "plugins_folder": str(lib / "plugins"),
        "transports_folder": str(lib / "transports"),
        "events_folder": str(lib / "events"),
        "loggers_folder": str(lib / "loggers"),
        "port": str(config.port),
        "admin_port": str(config.admin_port),
        "api_secret": config.api_secret,
        "admin_secret": config.admin_secret,
        "token_auth_secret": config.token_auth_secret,
        "rtp_port_range": config.rtp_port_range,
        "allow_origin": config.allow_origin,
    }
    for name in TEMPLATES:
        text = Template((CONFIG_DIR / name).read_text(encoding="utf-8")).substitute(values)
        if not config.allow_origin:  # no origin configured: Janus answers any origin (development)
            text = text.replace('\tallow_origin = ""\n', "")
        path = target / name
        path.write_text(text, encoding="utf-8")
        path.chmod(0o600)
    return target


def command(config: JanusConfig, folder: Path) -> list[str]:
    binary = shutil.which(config.binary) or config.binary
    return [binary, "--configs-folder", str(folder), "--config", str(folder / "janus.jcfg"), "--disable-colors"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_ready(url: str, timeout: float = 15.0, process: subprocess.Popen[bytes] | None = None) -> None:
    """Wait until Janus answers `info` on its HTTP API (no secret needed for it)."""
    deadline = time.monotonic() + timeout
    while True:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"Janus stopped at start (exit code {process.returncode}).")
        try:
            with urllib.request.urlopen(f"{url}/info", timeout=1) as answer:  # noqa: S310 - loopback http
                if answer.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f"Janus did not answer on {url} within {timeout} s.")
        time.sleep(0.1)
