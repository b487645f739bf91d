"""The production topology (bot/cluster.py: PostgreSQL, Redis, 2 Rasa servers, 2 action
servers, HAProxy) with one part broken at a time in the middle of a plan conversation.
Each test talks as a lead of its own (a unit of their own), breaks one part, checks the
replies and the plan store field by field, and leaves every part running again.

One cluster for the module; skipped, with the reason, only when PostgreSQL's binaries,
redis-server or haproxy are not on the machine (`make cluster-deps` installs the last two).
"""

from __future__ import annotations

import concurrent.futures
import json
import shutil
import signal
import tempfile
from pathlib import Path
from typing import Dict, List, Tuple

import pytest
from sqlalchemy import select

from bot import directory, messages
from bot.cluster import Cluster, missing_programs
from bot.store.db import session_scope
from bot.store.models import AuditEntry, Plan
from tests.support.servers import TEST_JWT_SECRET, http

pytestmark = [pytest.mark.servers, pytest.mark.cluster]

START = {
    "en": (
        "I want to write next year's ML plan",
        "yes",
        "Invoice fraud detection",
        "Manual checks miss duplicate and fraudulent invoices",
    ),
    "zh": ("我要写明年的机器学习计划", "是的", "门店补货需求预测", "货架经常缺货，卖得慢的商品又订多了"),
}
YES = {"en": "yes, it's important", "zh": "是的，很重要"}
NO = {"en": "no", "zh": "不是"}


@pytest.fixture(scope="module")
def cluster():
    missing = missing_programs()
    if missing:
        pytest.skip(
            "the cluster tests need " + ", ".join(missing) + " (make cluster-deps installs redis-server and "
            "haproxy from Debian; PostgreSQL's initdb/pg_ctl/postgres come with the postgresql package)"
        )
    workdir = Path(
        tempfile.mkdtemp(prefix="mlplan-cluster-")
    )  # PostgreSQL's user must reach it (not pytest's 0700 tmp)
    workdir.chmod(0o755)
    running = Cluster(
        workdir, rasa=2, actions=2, log=lambda *_: None, env={"MLPLAN_JWT_SECRET": TEST_JWT_SECRET}
    ).start(samples=True)
    yield running
    running.stop()
    shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(autouse=True)
def every_part_running(cluster):
    yield
    dead = [p.name for p in cluster._parts() if not p.running()]
    if cluster.postgres and not cluster_postgres_up(cluster):
        cluster.postgres.start_server()
    for name in dead:
        cluster.restart(name)


def cluster_postgres_up(cluster) -> bool:
    try:
        cluster.postgres.connections()
        return True
    except Exception:
        return False


def lead(cluster, name: str, lang: str) -> str:
    """A lead with a unit of their own, who writes in `lang`."""
    with session_scope(cluster.database_url) as session:
        directory.add_unit(session, unit_of(name), f"单元 {name}", f"Unit {name}", actor="test")
        directory.add_person(session, name, name=name, unit=unit_of(name), role="lead", lang=lang, actor="test")
    return name


def unit_of(sender: str) -> str:
    return sender.replace(".", "-")


def say(url: str, sender: str, text: str) -> Tuple[str, List[str]]:
    """(the replica that answered, the reply texts)."""
    import urllib.request

    request = urllib.request.Request(
        f"{url}/webhooks/rest/webhook",
        method="POST",
        data=json.dumps({"sender": sender, "message": text}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=300) as response:
        assert response.status == 200
        return response.headers.get("X-Served-By", ""), [m.get("text", "") for m in json.loads(response.read())]


def to_the_first_question(cluster, sender: str, lang: str) -> str:
    """Start a plan, give the title and the problem; the bot asks q_important. The replica."""
    for text in START[lang]:
        served_by, replies = say(cluster.url, sender, text)
    assert messages.text("ask.q_important", lang) in replies[-1], replies
    return served_by


def plan_of(cluster, unit: str) -> Dict:
    with session_scope(cluster.database_url) as session:
        [plan] = session.execute(select(Plan).where(Plan.unit_key == unit_of(unit))).scalars().all()
        edits = (
            session.execute(
                select(AuditEntry.detail).where(
                    AuditEntry.target_type == "plan", AuditEntry.target_id == str(plan.id), AuditEntry.action == "edit"
                )
            )
            .scalars()
            .all()
        )
        fields = [f for detail in edits for f in detail["fields"]]
        return {
            "title": plan.title,
            "problem": plan.problem,
            "q_important": plan.q_important,
            "q_real_problem": plan.q_real_problem,
            "q_unused_data": plan.q_unused_data,
            "status": plan.status,
            "version": plan.version,
            "edits": fields,
        }


def assert_saved_once(plan: Dict) -> None:
    assert len(plan["edits"]) == len(set(plan["edits"])), plan["edits"]


def expected(lang: str, **answers) -> Dict:
    title, problem = START[lang][2:]
    return {
        "title": title,
        "problem": problem,
        "q_important": None,
        "q_real_problem": None,
        "q_unused_data": None,
        "status": "draft",
        **answers,
    }


def check(plan: Dict, lang: str, **answers) -> None:
    assert {k: v for k, v in plan.items() if k not in ("version", "edits")} == expected(lang, **answers)
    assert_saved_once(plan)


def test_the_proxy_spreads_messages_and_the_pools_fit_postgresql(cluster):
    sender = lead(cluster, "fault.spread", "en")
    replicas = {say(cluster.url, sender, text)[0] for text in ("hello", "what is a data lake?", "thanks")}
    assert replicas == {"rasa1", "rasa2"}
    assert cluster.proxy_status() == {"rasa1": "UP", "rasa2": "UP", "actions1": "UP", "actions2": "UP"}
    # 2 Rasa servers × 2 engines + 2 action servers × 1 engine, each at most SQL_POOL_SIZE + SQL_MAX_OVERFLOW (2 + 3)
    assert cluster.postgres.connections() <= 6 * 5


def test_kill_9_the_serving_rasa_replica(cluster):
    sender = lead(cluster, "fault.kill9", "en")
    serving = to_the_first_question(cluster, sender, "en")
    cluster.kill(serving, signal.SIGKILL)
    served_by, replies = say(cluster.url, sender, YES["en"])
    assert served_by != serving and messages.text("ask.q_real_problem", "en") in replies[-1], replies
    check(plan_of(cluster, sender), "en", q_important="yes")
    cluster.wait_proxy(serving, "DOWN")  # the dead replica leaves the pool
    served_by, replies = say(cluster.url, sender, NO["en"])
    assert served_by != serving and messages.text("ask.q_unused_data", "en") in replies[-1], replies
    check(plan_of(cluster, sender), "en", q_important="yes", q_real_problem="no")


def test_both_rasa_servers_restarted(cluster):
    senders = {lang: lead(cluster, f"fault.restart.{lang}", lang) for lang in ("zh", "en")}
    for lang, sender in senders.items():
        to_the_first_question(cluster, sender, lang)
    for part in cluster.rasa:
        cluster.kill(part.name, signal.SIGTERM)
    assert not any(p.running() for p in cluster.rasa)
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        list(pool.map(cluster.restart, [p.name for p in cluster.rasa]))
    for lang, sender in senders.items():
        _, replies = say(cluster.url, sender, YES[lang])
        assert messages.text("ask.q_real_problem", lang) in replies[-1], replies
        check(plan_of(cluster, sender), lang, q_important="yes")


def test_one_action_server_killed(cluster):
    sender = lead(cluster, "fault.actions1", "zh")
    to_the_first_question(cluster, sender, "zh")
    cluster.kill("actions1", signal.SIGKILL)
    _, replies = say(cluster.url, sender, YES["zh"])
    assert messages.text("ask.q_real_problem", "zh") in replies[-1], replies
    _, replies = say(cluster.url, sender, NO["zh"])
    assert messages.text("ask.q_unused_data", "zh") in replies[-1], replies
    check(plan_of(cluster, sender), "zh", q_important="yes", q_real_problem="no")


def test_all_action_servers_down_then_the_answer_sent_again_is_saved_once(cluster):
    senders = {lang: lead(cluster, f"fault.noactions.{lang}", lang) for lang in ("zh", "en")}
    for lang, sender in senders.items():
        to_the_first_question(cluster, sender, lang)
    for part in cluster.actions:
        cluster.kill(part.name, signal.SIGKILL)
    for lang, sender in senders.items():
        _, replies = say(cluster.url, sender, YES[lang])
        assert replies == [messages.text("service_unavailable", lang)]
        check(plan_of(cluster, sender), lang)  # nothing pretended
    for part in cluster.actions:
        cluster.restart(part.name)
    for lang, sender in senders.items():
        _, replies = say(cluster.url, sender, YES[lang])
        assert messages.text("ask.q_real_problem", lang) in replies[-1], replies
        plan = plan_of(cluster, sender)
        check(plan, lang, q_important="yes")
        assert plan["edits"].count("q_important") == 1


def test_postgresql_restarted_mid_form(cluster):
    sender = lead(cluster, "fault.pgrestart", "en")
    to_the_first_question(cluster, sender, "en")
    before = plan_of(cluster, sender)
    cluster.postgres.stop_server("fast")
    cluster.postgres.start_server()
    _, replies = say(cluster.url, sender, YES["en"])  # every pooled connection in every process is stale
    assert messages.text("ask.q_real_problem", "en") in replies[-1], replies
    plan = plan_of(cluster, sender)
    check(plan, "en", q_important="yes")
    assert plan["version"] == before["version"] + 1


def test_postgresql_down_gets_a_clear_reply_and_forgets_nothing(cluster):
    sender = lead(cluster, "fault.pgdown", "zh")
    to_the_first_question(cluster, sender, "zh")
    cluster.postgres.stop_server("fast")
    try:
        _, replies = say(cluster.url, sender, YES["zh"])
        assert replies == [messages.text("service_unavailable", "zh")]
    finally:
        cluster.postgres.start_server()
    _, replies = say(cluster.url, sender, YES["zh"])  # the same conversation, at the same question
    assert messages.text("ask.q_real_problem", "zh") in replies[-1], replies
    check(plan_of(cluster, sender), "zh", q_important="yes")


def test_redis_down_gets_a_clear_reply_and_service_resumes(cluster):
    sender = lead(cluster, "fault.redis", "en")
    to_the_first_question(cluster, sender, "en")
    cluster.kill("redis", signal.SIGKILL)
    for _ in range(2):  # whichever replica answers
        _, replies = say(cluster.url, sender, YES["en"])
        assert replies == [messages.text("service_unavailable", "en")]
    check(plan_of(cluster, sender), "en")
    cluster.restart("redis")
    _, replies = say(cluster.url, sender, YES["en"])
    assert messages.text("ask.q_real_problem", "en") in replies[-1], replies
    check(plan_of(cluster, sender), "en", q_important="yes")


def test_one_sender_two_messages_at_once_on_two_replicas(cluster):
    sender = lead(cluster, "fault.together", "en")
    to_the_first_question(cluster, sender, "en")
    first, second = cluster.rasa
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        replies = list(pool.map(lambda args: say(*args), [(first.url, sender, "yes"), (second.url, sender, "no")]))
    asked = sorted(
        next((q for q in ("q_real_problem", "q_unused_data") if messages.text(f"ask.{q}", "en") in r[1][-1]), "?")
        for r in replies
    )
    assert asked == ["q_real_problem", "q_unused_data"], replies  # one after the other: each asked the next question
    plan = plan_of(cluster, sender)
    assert {plan["q_important"], plan["q_real_problem"]} == {"yes", "no"}
    assert_saved_once(plan)
    _, replies = say(cluster.url, sender, "yes")  # the draft and the conversation agree on where we are
    assert messages.text("ask.q_needs_ml", "en") in replies[-1], replies
    assert plan_of(cluster, sender)["q_unused_data"] == "yes"


def test_the_web_chat_through_the_proxy(cluster):
    from tests.e2e.test_web_chat import converse, token_for

    status, page = http("GET", f"{cluster.url}/chat")
    assert status == 200 and b"http://" not in page and b"https://" not in page

    class Through:
        base = cluster.url

    replies = converse(Through, {"token": token_for("li.wei")}, ["你好", "什么是数据湖"])
    assert replies and "李伟" in replies[0]["text"] and len(replies) >= 2
