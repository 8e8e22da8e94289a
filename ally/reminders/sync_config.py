"""The settings of `ally remind sync`, checked: where the calendar is and how to log in.

Kept in ally's config file (`sync.url`, `sync.username`, `sync.calendar`,
`sync.as`, `sync.password_command`, `sync.allow_http`); never a password.
Light on purpose: `ally config set` checks these values without loading
any network or calendar code.
"""

from __future__ import annotations

import ipaddress
import shlex
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from ally.errors import UsageError
from ally.reminders.calendar_item import KINDS, Kind

DEFAULT_CALENDAR = "ally"
TRUE = ("true", "yes", "on", "1")
FALSE = ("false", "no", "off", "0")


@dataclass(frozen=True)
class Account:
    url: str
    username: str
    calendar: str = DEFAULT_CALENDAR
    kind: Kind = "event"


def check_url(url: str, *, allow_http: bool = False) -> str:
    """The server URL, or UsageError: https (http only to this machine), no password in it."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        host = parts.hostname
        _ = parts.port  # raises ValueError for a bad port
    except ValueError as exc:
        raise UsageError(f"the server URL {url!r} cannot be read: {exc}") from None
    if parts.password is not None or parts.username is not None:
        raise UsageError(
            "the server URL must not hold a user name or password",
            hint="give --username; the password comes from --password-command, "
            "ALLY_CALDAV_PASSWORD or a prompt",
        )
    if parts.scheme not in ("https", "http") or not host:
        raise UsageError(
            f"the server URL must start with https:// and name a server, not {url!r}",
            hint="for example https://caldav.fastmail.com/",
        )
    if parts.scheme == "http" and not (allow_http or is_loopback(host)):
        raise UsageError(
            "plain http:// would send your password and reminders unencrypted",
            hint="use https://, or pass --allow-http if you trust every network in between",
        )
    return url


def is_loopback(host: str) -> bool:
    """Whether a host name or address is this machine (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url_setting(value: str) -> str:
    """`sync.url` as stored: readable, no credentials (http is checked with sync.allow_http)."""
    return check_url(value, allow_http=True)


def check_name(value: str, what: str) -> str:
    name = " ".join(value.split())
    if not name:
        raise UsageError(f"the {what} cannot be empty")
    return name


def check_kind(value: str) -> Kind:
    for kind in KINDS:
        if value.strip().lower() == kind:
            return kind
    raise UsageError(f"sync.as must be event or todo, not {value!r}")


def check_flag(value: str) -> str:
    word = value.strip().lower()
    if word in TRUE:
        return "true"
    if word in FALSE:
        return "false"
    raise UsageError(f"expected true or false, not {value!r}")


def password_argv(command: str) -> list[str]:
    """The password command split like a shell would (but run without one)."""
    try:
        argv = shlex.split(command)
    except ValueError as exc:
        raise UsageError(f"the password command cannot be read: {exc}") from None
    if not argv:
        raise UsageError("the password command is empty")
    return argv


def check_password_command(value: str) -> str:
    password_argv(value)
    return value.strip()


def account_from(settings: Mapping[str, str]) -> Account | None:
    """The account in the config file's settings; None when sync is not set up."""
    url, username = settings.get("sync.url"), settings.get("sync.username")
    if not url or not username:
        return None
    allow_http = settings.get("sync.allow_http") == "true"
    return Account(
        url=check_url(url, allow_http=allow_http),
        username=username,
        calendar=settings.get("sync.calendar", DEFAULT_CALENDAR),
        kind=check_kind(settings.get("sync.as", "event")),
    )
