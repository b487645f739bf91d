from __future__ import annotations

import pytest

from tests.support.servers import RunningAssistant, seeded_database


@pytest.fixture(scope="session")
def assistant(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("servers")
    running = RunningAssistant(workdir, seeded_database(workdir)).start()
    yield running
    running.stop()
