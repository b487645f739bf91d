"""Signed web-chat tokens (JWT, HS256): `sub` is the person id, `exp` is required."""

from __future__ import annotations

import datetime as dt
import os
from typing import Optional

import jwt

from bot.settings import VAR_DIR

ALGORITHM = "HS256"
SECRET_ENV = "MLPLAN_JWT_SECRET"
MIN_SECRET_LENGTH = 32
DEV_SECRET_FILE = VAR_DIR / "dev-jwt-secret"  # written by scripts/serve when MLPLAN_JWT_SECRET is unset


class TokenError(ValueError):
    """A token that must be refused: missing, malformed, wrongly signed or expired."""


def secret() -> str:
    """`MLPLAN_JWT_SECRET`; in development (where `make run` made one and the variable is unset),
    `var/dev-jwt-secret`."""
    value = os.environ.get(SECRET_ENV, "")
    if not value and DEV_SECRET_FILE.is_file():
        value = DEV_SECRET_FILE.read_text(encoding="utf-8").strip()
    if len(value) < MIN_SECRET_LENGTH:
        raise TokenError(
            f"{SECRET_ENV} must be set to a random secret of at least {MIN_SECRET_LENGTH} characters "
            f"(in development, `make run` makes one in var/dev-jwt-secret)"
        )
    return value


def issue(
    person_id: str, ttl_minutes: int = 60, *, key: Optional[str] = None, now: Optional[dt.datetime] = None
) -> str:
    now = now or dt.datetime.now(dt.timezone.utc)
    claims = {"sub": person_id, "iat": now, "exp": now + dt.timedelta(minutes=ttl_minutes)}
    return jwt.encode(claims, key or secret(), algorithm=ALGORITHM)


def subject(token: Optional[str], *, key: Optional[str] = None) -> str:
    """The verified `sub` of a token; raises TokenError for anything else."""
    if not token or not isinstance(token, str):
        raise TokenError("no token")
    try:
        claims = jwt.decode(token, key or secret(), algorithms=[ALGORITHM], options={"require": ["sub", "exp"]})
    except jwt.ExpiredSignatureError as error:
        raise TokenError("expired token") from error
    except jwt.InvalidTokenError as error:
        raise TokenError(f"invalid token: {error}") from error
    sub = claims.get("sub")
    if not isinstance(sub, str) or not sub.strip():
        raise TokenError("token without a subject")
    return sub
