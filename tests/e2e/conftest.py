from __future__ import annotations

import pytest

from bot.store import migrate
from tests.conftest import seed_directory
from tests.support.servers import RunningAssistant


@pytest.fixture(scope="session")
def assistant(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("servers")
    url = f"sqlite:///{workdir / 'mlplan.sqlite3'}"
    migrate.upgrade(url)
    seed_directory(url)
    running = RunningAssistant(workdir, url).start()
    yield running
    running.stop()
