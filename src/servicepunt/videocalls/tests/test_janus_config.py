"""The project's Janus configuration: rendered from settings with the secrets filled in and the
files readable by the owner only; Janus must listen on loopback; a secret with a quote (which
would break out of the configuration's string) is refused."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from django.test import override_settings

from servicepunt.videocalls.janus import JanusConfig, render
from servicepunt.videocalls.janus.settings import config_from_settings


def test_render_fills_the_secrets_and_keeps_them_private(tmp_path: Path) -> None:
    config = JanusConfig(
        port=18089, admin_port=17089, api_secret="a" * 20, admin_secret="b" * 20, token_auth_secret="c"
    )
    folder = render(config, tmp_path / "janus")
    main = (folder / "janus.jcfg").read_text()
    assert 'api_secret = "' + "a" * 20 + '"' in main and "token_auth = true" in main
    assert "libjanus_echotest.so" in main and "libjanus_websockets.so" in main  # disabled, by name
    http = (folder / "janus.transport.http.jcfg").read_text()
    assert 'ip = "127.0.0.1"' in http and 'admin_ip = "127.0.0.1"' in http and "allow_origin" not in http
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(path.stat().st_mode) == 0o600 for path in folder.iterdir())
    with pytest.raises(ValueError, match="api_secret"):
        render(JanusConfig(port=1, admin_port=2, api_secret='x"y', admin_secret="b", token_auth_secret="c"), tmp_path)
    with pytest.raises(ValueError, match="token_auth_secret"):
        render(JanusConfig(port=1, admin_port=2, api_secret="a", admin_secret="b", token_auth_secret=""), tmp_path)


@override_settings(SERVICEPUNT_JANUS_URL="http://0.0.0.0:8089/janus")
def test_janus_listens_on_loopback_only() -> None:
    with pytest.raises(ValueError, match="loopback"):
        config_from_settings()


@override_settings(
    SERVICEPUNT_JANUS_URL="http://127.0.0.1:8089/janus", SERVICEPUNT_PUBLIC_URL="https://sp.example.org/x"
)
def test_the_browser_origin_comes_from_the_public_url() -> None:
    assert config_from_settings().allow_origin == "https://sp.example.org"
