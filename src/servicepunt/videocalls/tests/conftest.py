"""A Janus of the tests' own on free loopback ports, started once per test process, with the
project's configuration (Janus is a test dependency: `make test-debs` installs it), and the
wijkbureau host who asks for the calls."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from django.conf import settings

from servicepunt.accounts.roles import Role
from servicepunt.videocalls.janus import JanusConfig, command, free_port, render, wait_until_ready
from servicepunt.videocalls.media import _provider

if TYPE_CHECKING:
    from servicepunt.accounts.models import User


@pytest.fixture(scope="session")
def janus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[JanusConfig]:
    if shutil.which("janus") is None:
        pytest.fail("Janus is not installed: run `make test-debs` (Debian package janus).")
    config = JanusConfig(
        port=free_port(),
        admin_port=free_port(),
        api_secret="test-janus-api-secret",
        admin_secret="test-janus-admin-secret",
        token_auth_secret="test-janus-token-secret",
    )
    folder = render(config, tmp_path_factory.mktemp("janus"))
    log = Path(folder, "janus.log").open("wb")  # noqa: SIM115 - open while Janus runs
    process = subprocess.Popen(command(config, folder), stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
    overrides = {
        "SERVICEPUNT_MEDIA_PROVIDER": "servicepunt.videocalls.media.janus.JanusProvider",
        "SERVICEPUNT_JANUS_URL": config.url,
        "SERVICEPUNT_JANUS_PUBLIC_URL": config.url,
        "SERVICEPUNT_JANUS_API_SECRET": config.api_secret,
        "SERVICEPUNT_JANUS_ADMIN_SECRET": config.admin_secret,
        "SERVICEPUNT_JANUS_TOKEN_SECRET": config.token_auth_secret,
    }
    previous = {name: getattr(settings, name) for name in overrides}
    try:
        wait_until_ready(config.url, process=process)
        for name, value in overrides.items():
            setattr(settings, name, value)
        _provider.cache_clear()
        yield config
    finally:
        for name, value in previous.items():
            setattr(settings, name, value)
        _provider.cache_clear()
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture
def host(make_user: Callable[..., User]) -> User:
    return make_user(Role.WIJKBUREAU, "host")
