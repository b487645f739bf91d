"""The cluster's Rasa replicas must start with any API token the cluster generates."""

from pathlib import Path

from rasa.__main__ import create_argument_parser

from bot.cluster import Cluster


def test_a_token_that_starts_with_a_dash_reaches_rasa_as_the_token(tmp_path: Path) -> None:
    cluster = Cluster(tmp_path, rasa=1, actions=1, env={"MLPLAN_DATABASE_URL": "sqlite://"})
    token = "-Qx3_9a-token"
    argv = cluster.rasa_argv(5123, token)
    arguments = create_argument_parser().parse_args(argv[1:])
    assert arguments.auth_token == token
    assert arguments.port == 5123
    assert arguments.enable_api
