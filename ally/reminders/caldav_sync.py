"""The calendar server, reached through the python-caldav library (the only module importing it).

`open_calendar` logs in, finds the calendar by name (creating it with
MKCALENDAR when asked) and returns a `CalDAVCalendar`, which `sync_run`
drives: changes since a sync token (RFC 6578 sync-collection, ETags only),
downloads in calendar-multiget batches, and writes made conditional on the
ETag last seen, so a change made elsewhere is never overwritten blindly.

The library is pinned to its 2.0 series: later ones pull in an HTTP stack
(niquests and urllib3-future) that installs a `.pth` hook run at *every*
Python start in the environment, which would slow every `ally` command.

Every failure becomes one `SyncError` line: a wrong password, a server that
cannot be reached or whose certificate does not check out, an error status.
HTTPS certificates are always checked (see `sync_config.check_url` for which
URLs are accepted at all).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any
from urllib.parse import unquote, urlsplit

from ally.errors import AllyError
from ally.reminders.sync_config import Account
from ally.reminders.sync_run import Changed, Changes

TIMEOUT = 30  # seconds per request
ICS = {"Content-Type": "text/calendar; charset=utf-8"}
COMPONENT = {"event": "VEVENT", "todo": "VTODO"}
_SAFE_NAME = re.compile(r"^[A-Za-z0-9@._-]{1,120}$")


class SyncError(AllyError):
    """The calendar server could not be used; nothing here was changed."""


@contextmanager
def server_errors(account: Account) -> Iterator[None]:
    """One clear line for whatever went wrong talking to the server."""
    import requests
    from caldav.lib import error

    host = urlsplit(account.url).hostname or account.url
    try:
        yield
    except error.AuthorizationError as exc:
        status = getattr(exc, "status", None) or "401"
        raise SyncError(
            f"{host} refused user {account.username!r} (HTTP {status}): wrong user name "
            "or password, or no access",
            hint="check them, then run the command again",
        ) from None
    except requests.exceptions.SSLError as exc:
        raise SyncError(
            f"the certificate of {host} could not be verified ({_first_line(exc)})",
            hint="ally only talks to servers whose certificate checks out",
        ) from None
    except requests.exceptions.Timeout:
        raise SyncError(f"{host} did not answer within {TIMEOUT} seconds") from None
    except (requests.exceptions.ConnectionError, OSError) as exc:
        raise SyncError(f"cannot reach {host}: {_first_line(exc)}") from None
    except requests.exceptions.RequestException as exc:
        raise SyncError(f"talking to {host} failed: {_first_line(exc)}") from None
    except error.DAVError as exc:
        raise SyncError(f"{host} answered with an error: {_first_line(exc)}") from None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:300]


def open_calendar(account: Account, password: str, *, create: bool = False) -> CalDAVCalendar:
    """Log in and find the calendar named `account.calendar` (MKCALENDAR it if `create`)."""
    from caldav.davclient import DAVClient

    with server_errors(account):
        client = DAVClient(
            url=account.url,
            username=account.username,
            password=password,
            timeout=TIMEOUT,
            ssl_verify_cert=True,
        )
        principal: Any = client.principal()  # type: ignore[no-untyped-call]
        calendar: Any = _named(principal.calendars(), account.calendar)
        created = False
        if calendar is None:
            if not create:
                raise SyncError(
                    f"there is no calendar named {account.calendar!r} on {account.url}",
                    hint="run `ally remind sync setup` to create it",
                )
            calendar = principal.make_calendar(
                name=account.calendar,
                cal_id=_slug(account.calendar),
                supported_calendar_component_set=["VEVENT", "VTODO"],
            )
            created = True
        components: list[str] = list(calendar.get_supported_components() or [])
    wanted = COMPONENT[account.kind]
    if components and wanted not in components:
        raise SyncError(
            f"the calendar {account.calendar!r} holds only {', '.join(components)}, not {wanted}",
            hint="choose another calendar, or the other --as",
        )
    return CalDAVCalendar(account, client, calendar, created)


def _named(calendars: list[Any], name: str) -> Any | None:
    """The calendar whose display name (else last path segment) is `name`."""
    for calendar in calendars:
        if (calendar.get_display_name() or "") == name:
            return calendar
    for calendar in calendars:
        if str(calendar.url).rstrip("/").rsplit("/", 1)[-1] == name:
            return calendar
    return None


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug or hashlib.sha1(name.encode("utf-8")).hexdigest()[:12]


def object_name(uid: str) -> str:
    """The resource name for a new object: the uid itself when it is plain enough."""
    if _SAFE_NAME.match(uid):
        return f"{uid}.ics"
    return hashlib.sha1(uid.encode("utf-8")).hexdigest() + ".ics"


class CalDAVCalendar:
    """One calendar collection, as `sync_run.CalendarServer`."""

    def __init__(self, account: Account, client: Any, calendar: Any, created: bool) -> None:
        self.account = account
        self.client = client
        self.calendar = calendar
        self.created = created

    @property
    def url(self) -> str:
        return str(self.calendar.url)

    def close(self) -> None:
        self.client.close()

    def count(self) -> int:
        """How many objects the calendar holds (hrefs only: nothing is downloaded)."""
        return len(self.changes(None).etags)

    def changes(self, token: str | None) -> Changes:
        from caldav.elements import dav
        from caldav.lib import error

        with server_errors(self.account):
            try:
                found = self.calendar.objects_by_sync_token(sync_token=token, load_objects=False)
            except error.AuthorizationError:
                if token is None:
                    raise
                # RFC 6578: a token the server no longer knows is refused (403): list it all.
                return self.changes(None)
        etags: dict[str, str | None] = {}
        removed: set[str] = set()
        for obj in found:
            etag = obj.props.get(dav.GetEtag.tag)
            if etag:
                etags[_key(obj.url)] = str(etag)
            else:
                removed.add(_key(obj.url))  # reported without properties: gone (404)
        new_token = found.sync_token
        return Changes(
            token=str(new_token) if new_token else None,
            etags=etags,
            removed=frozenset(removed),
            full=token is None,
        )

    def fetch(self, hrefs: Sequence[str]) -> dict[str, tuple[bytes, str | None]]:
        """The data of these objects, in calendar-multiget batches (ETags: from `changes`)."""
        from caldav.lib.url import URL

        fetched: dict[str, bytes] = {}
        with server_errors(self.account):
            for start in range(0, len(hrefs), 100):
                batch = [URL.objectify(h) for h in hrefs[start : start + 100]]
                for obj in self.calendar.multiget(batch):
                    data = obj.data
                    if data:
                        raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
                        fetched[unquote(_key(obj.url))] = raw
        return {h: (fetched[unquote(h)], None) for h in hrefs if unquote(h) in fetched}

    def create(self, uid: str, data: bytes) -> tuple[str, str | None]:
        url = str(self.calendar.url.join(object_name(uid)))
        etag = self._put(url, data, {"If-None-Match": "*"})
        return _key(url), etag

    def update(self, href: str, data: bytes, etag: str | None) -> str | None:
        condition = {"If-Match": etag} if etag else {}
        return self._put(href, data, condition)

    def delete(self, href: str, etag: str | None) -> None:
        headers = {"If-Match": etag} if etag else {}
        with server_errors(self.account):
            response = self.client.request(href, "DELETE", "", headers)
        if response.status == 412:
            raise Changed(f"{href} changed in the calendar meanwhile")
        if response.status not in (200, 204, 404):
            raise SyncError(f"the server refused to delete {href} (HTTP {response.status})")

    def _put(self, url: str, data: bytes, condition: dict[str, str]) -> str | None:
        with server_errors(self.account):
            response = self.client.put(url, data.decode("utf-8"), {**ICS, **condition})
        if response.status in (404, 412):
            raise Changed(f"{url} changed in the calendar meanwhile")
        if response.status not in (200, 201, 204):
            reason = getattr(response, "reason", "") or ""
            raise SyncError(
                f"the server refused to store {object_label(url)} (HTTP {response.status} "
                f"{reason})".rstrip()
            )
        headers = response.headers or {}
        etag = headers.get("ETag") or headers.get("Etag") or headers.get("etag")
        return str(etag) if etag else None


def object_label(url: str) -> str:
    return unquote(url.rstrip("/").rsplit("/", 1)[-1])


def _key(url: Any) -> str:
    """One spelling per object URL (the library's canonical form), used as its href."""
    from caldav.lib.url import URL

    return str(URL.objectify(str(url)).canonical())
