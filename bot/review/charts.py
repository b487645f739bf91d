"""Charts for the review report, drawn with matplotlib and embedded as PNG data URIs."""

from __future__ import annotations

import base64
import functools
import io
from pathlib import Path
from typing import Dict, List, Optional, Sequence

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import font_manager  # noqa: E402
from matplotlib.colors import ListedColormap  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

CJK_FAMILIES = (
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "SimHei",
    "Microsoft YaHei",
    "PingFang SC",
)


class MissingFont(RuntimeError):
    pass


FONT_FILES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
)


@functools.lru_cache(maxsize=1)
def cjk_family() -> Optional[str]:
    """A font family with Chinese glyphs, registering a system font matplotlib's cache predates."""

    def known() -> Optional[str]:
        installed = {f.name for f in font_manager.fontManager.ttflist}
        return next((family for family in CJK_FAMILIES if family in installed), None)

    if known() is None:
        for path in FONT_FILES:
            if Path(path).is_file():
                font_manager.fontManager.addfont(path)
    return known()


def _setup(lang: str) -> None:
    family = cjk_family()
    if lang == "zh" and family is None:
        raise MissingFont(
            "no font with Chinese characters was found for the charts; install one, "
            "e.g. `apt-get install fonts-wqy-microhei`, or use --lang en"
        )
    plt.rcParams["font.family"] = [family, "DejaVu Sans"] if family else ["DejaVu Sans"]
    plt.rcParams["axes.unicode_minus"] = False


def _png(fig) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def bars(labels: Sequence[str], values: Sequence[int], title: str, lang: str) -> str:
    _setup(lang)
    fig, ax = plt.subplots(figsize=(7, 0.45 * max(3, len(labels)) + 0.8))
    ax.barh(list(labels)[::-1], list(values)[::-1], color="#3b6ea5")
    for i, v in enumerate(list(values)[::-1]):
        ax.text(v, i, f" {v}", va="center")
    ax.set_title(title)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts: whole-number ticks only
    ax.spines[["top", "right"]].set_visible(False)
    return _png(fig)


def heatmap(
    units: List[str],
    challenges: List[str],
    ratings: List[List[Optional[int]]],
    title: str,
    legend: Dict[int, str],
    lang: str,
) -> str:
    """ratings[i][j]: 0 blocked, 1 at risk, 2 ready, None no data."""
    _setup(lang)
    grid = [[-1 if r is None else r for r in row] for row in ratings]
    fig, ax = plt.subplots(figsize=(1.1 * len(challenges) + 2.5, 0.4 * max(3, len(units)) + 1.2))
    colours = ListedColormap(["#dddddd", "#c0392b", "#f39c12", "#27ae60"])
    ax.imshow(grid, cmap=colours, vmin=-1, vmax=2, aspect="auto")
    ax.set_xticks(range(len(challenges)), challenges)
    ax.set_yticks(range(len(units)), units)
    ax.xaxis.tick_top()
    ax.set_title(title, pad=28)
    handles = [plt.Rectangle((0, 0), 1, 1, color=colours(i + 1)) for i in (0, 1, 2)]
    ax.legend(
        handles, [legend[i] for i in (0, 1, 2)], loc="upper center", bbox_to_anchor=(0.5, -0.02), ncol=3, frameon=False
    )
    return _png(fig)
