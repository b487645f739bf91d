import datetime as dt

import jwt
import pytest

from bot.channels import tokens

KEY = "k" * 40


def test_a_token_round_trips(monkeypatch):
    monkeypatch.setenv(tokens.SECRET_ENV, KEY)
    assert tokens.subject(tokens.issue("li.wei", 5)) == "li.wei"


@pytest.mark.parametrize(
    "token, problem",
    [
        (None, "no token"),
        ("", "no token"),
        ("not-a-jwt", "invalid token"),
        (
            jwt.encode(
                {"sub": "li.wei", "exp": dt.datetime.now(dt.timezone.utc) + dt.timedelta(minutes=5)},
                "x" * 40,
                algorithm="HS256",
            ),
            "invalid token",
        ),
        (
            jwt.encode(
                {"sub": "li.wei", "exp": dt.datetime.now(dt.timezone.utc) - dt.timedelta(seconds=5)},
                KEY,
                algorithm="HS256",
            ),
            "expired",
        ),
        (jwt.encode({"sub": "li.wei"}, KEY, algorithm="HS256"), "invalid token"),  # no exp
        (
            jwt.encode({"exp": dt.datetime.now(dt.timezone.utc) + dt.timedelta(minutes=5)}, KEY, algorithm="HS256"),
            "invalid token",
        ),
        (
            jwt.encode(
                {"sub": "li.wei", "exp": dt.datetime.now(dt.timezone.utc) + dt.timedelta(minutes=5)},
                None,
                algorithm="none",
            ),
            "invalid token",
        ),
    ],
)
def test_bad_tokens_are_refused(monkeypatch, token, problem):
    monkeypatch.setenv(tokens.SECRET_ENV, KEY)
    with pytest.raises(tokens.TokenError, match=problem):
        tokens.subject(token)


def test_a_short_or_missing_secret_is_refused(monkeypatch):
    monkeypatch.setenv(tokens.SECRET_ENV, "short")
    with pytest.raises(tokens.TokenError, match="at least 32"):
        tokens.issue("li.wei")


def test_without_the_variable_the_development_secret_is_used(monkeypatch, tmp_path):
    dev_secret = tmp_path / "dev-jwt-secret"
    dev_secret.write_text("d" * 48 + "\n")
    monkeypatch.delenv(tokens.SECRET_ENV, raising=False)
    monkeypatch.setattr(tokens, "DEV_SECRET_FILE", dev_secret)
    token = tokens.issue("li.wei", 5)
    assert tokens.subject(token, key="d" * 48) == "li.wei"
    monkeypatch.setenv(tokens.SECRET_ENV, KEY)  # production's variable always wins
    with pytest.raises(tokens.TokenError):
        tokens.subject(token)


def test_without_the_variable_or_a_development_secret_tokens_are_refused(monkeypatch, tmp_path):
    monkeypatch.delenv(tokens.SECRET_ENV, raising=False)
    monkeypatch.setattr(tokens, "DEV_SECRET_FILE", tmp_path / "absent")
    with pytest.raises(tokens.TokenError, match="make run"):
        tokens.issue("li.wei")
