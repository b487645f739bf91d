"""The web chat: Rasa's socket.io channel, but the conversation belongs to the verified
token's subject, whatever session id the client sends, and the chat page is served
by the Rasa server itself at GET /chat (no external assets). Messages waiting for the
person (reminders, review decisions: bot/reminders.py) are shown when the chat opens."""

from __future__ import annotations

import json
import logging
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOOutput
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

from bot.channels import tokens
from bot.settings import PROJECT_ROOT

logger = logging.getLogger(__name__)
WEB_DIR = PROJECT_ROOT / "web"
SOCKET_CLIENT = WEB_DIR / "node_modules" / "socket.io-client" / "dist" / "socket.io.min.js"
MAX_MESSAGE_CHARS = 5000


async def chat_page(_: Request) -> HTTPResponse:
    return await response.file(str(WEB_DIR / "chat.html"), mime_type="text/html; charset=utf-8")


async def socket_client(_: Request) -> HTTPResponse:
    if not SOCKET_CLIENT.exists():
        return response.text("the socket.io client is not installed: run `make web`", status=503)
    return await response.file(str(SOCKET_CLIENT), mime_type="application/javascript")


async def deliver_waiting(output: SocketIOOutput, sid: Text, person: Text) -> None:
    """Show the reminders and decisions that waited for this person's visit (each once)."""
    from bot import reminders
    from bot.store.db import session_scope

    try:
        with session_scope() as session:
            waiting = reminders.waiting(session, person)
    except Exception:  # a store problem must not stop the chat from opening
        logger.exception("could not read the messages waiting for %s", person)
        return
    for text, buttons in waiting:
        if buttons:
            await output.send_text_with_buttons(sid, text, buttons)
        else:
            await output.send_text_message(sid, text)


class ChatBlueprint(SocketBlueprint):
    """Attaches socket.io at /socket.io/ and serves the chat page at the top-level /chat."""

    def register(self, app: Sanic, options: Dict[Text, Any]) -> None:
        app.add_route(chat_page, "/chat", methods=["GET"], name="webchat_page")
        app.add_route(socket_client, "/chat/socket.io.min.js", methods=["GET"], name="webchat_socket_client")
        super().register(app, options)


class WebChatInput(InputChannel):
    @classmethod
    def name(cls) -> Text:
        return "webchat"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        credentials = credentials or {}
        return cls(credentials.get("socketio_path", "/socket.io"))

    def __init__(self, socketio_path: Text = "/socket.io") -> None:
        tokens.secret()  # refuse to start without a proper secret
        self.socketio_path = socketio_path
        self.sio: Optional[AsyncServer] = None

    def get_output_channel(self) -> Optional[SocketIOOutput]:
        return SocketIOOutput(self.sio, "bot_uttered") if self.sio else None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=[])
        self.sio = sio
        socket_blueprint = ChatBlueprint(sio, self.socketio_path, "webchat", __name__)

        @sio.on("connect")
        async def connect(sid: Text, environ: Dict, auth: Optional[Dict]) -> bool:
            try:
                person = tokens.subject((auth or {}).get("token") if isinstance(auth, dict) else None)
            except tokens.TokenError as error:
                logger.info("web chat connection refused: %s", error)
                return False
            await sio.save_session(sid, {"person": person})
            await sio.enter_room(sid, person)  # bot replies go to every tab of this person
            return True

        @sio.on("session_request")
        async def session_request(sid: Text, data: Any) -> None:
            person = (await sio.get_session(sid))["person"]
            await sio.emit("session_confirm", person, room=sid)  # whatever id the client asked for
            await deliver_waiting(SocketIOOutput(sio, "bot_uttered"), sid, person)

        @sio.on("user_uttered")
        async def handle_message(sid: Text, data: Any) -> None:
            person = (await sio.get_session(sid))["person"]
            if isinstance(data, str):
                try:
                    data = json.loads(data)
                except ValueError:
                    data = {"message": data}
            if not isinstance(data, dict):
                return
            text = data.get("message")
            if not isinstance(text, str):
                return
            output = SocketIOOutput(sio, "bot_uttered")
            await on_new_message(UserMessage(text[:MAX_MESSAGE_CHARS], output, person, input_channel=self.name()))

        return socket_blueprint
