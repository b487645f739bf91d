"""Running `mlplan` in-process."""

from __future__ import annotations

from typing import Any, Tuple

from bot.cli import main


def run(capsys, *argv: Any) -> Tuple[int, str, str]:
    """`mlplan ARGV...`: the exit code, standard output and standard error."""
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err
