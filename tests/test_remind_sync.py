"""`ally remind sync` end to end, against a real CalDAV server (Radicale) on 127.0.0.1.

One server serves the whole module (each test uses its own calendar); the
test that stops a server mid-run starts one of its own. What the server
holds is checked with a second client, plain HTTP and icalendar, the way a
phone would see it.
"""

from __future__ import annotations

import base64
import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import icalendar
import pytest

from ally.reminders import caldav_sync

from conftest import invoke

USER, PASSWORD = "alice", "wonderland"
PW = {"ALLY_CALDAV_PASSWORD": PASSWORD}
NOW = "2026-11-25T21:50:00+00:00"  # a Wednesday
LATER = "2026-11-26T10:00:00+00:00"
DAV = "{DAV:}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Radicale:
    folder: Path
    port: int
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def start(self) -> None:
        config = self.folder / "config"
        (self.folder / "users").write_text(f"{USER}:{PASSWORD}\n")
        config.write_text(
            f"[server]\nhosts = 127.0.0.1:{self.port}\n"
            f"[auth]\ntype = htpasswd\nhtpasswd_filename = {self.folder / 'users'}\n"
            "htpasswd_encryption = plain\ndelay = 0\n"
            f"[storage]\nfilesystem_folder = {self.folder / 'storage'}\n"
            "[rights]\ntype = owner_only\n[logging]\nlevel = error\n"
        )
        self.process = subprocess.Popen(
            [sys.executable, "-m", "radicale", "--config", str(config)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"radicale stopped: {self.process.stderr.read()!r}")  # type: ignore[union-attr]
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("radicale did not start within 30 s")

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self.process.stderr:
            self.process.stderr.close()
        self.process = None


def started(folder: Path) -> Radicale:
    folder.mkdir(parents=True, exist_ok=True)
    server = Radicale(folder, free_port())
    server.start()
    return server


@pytest.fixture(scope="module")
def radicale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Radicale]:
    server = started(tmp_path_factory.mktemp("radicale"))
    yield server
    server.stop()


class Phone:
    """Another CalDAV client (plain HTTP): reads and edits the calendar like a phone would."""

    def __init__(self, server: Radicale, calendar: str) -> None:
        self.root = server.url.rstrip("/")
        self.calendar = f"/{USER}/{calendar}/"
        token = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
        self.auth = {"Authorization": f"Basic {token}"}

    def request(
        self, method: str, path: str, body: bytes | None = None, **headers: str
    ) -> tuple[int, bytes]:
        req = urllib.request.Request(
            self.root + path, data=body, method=method, headers={**self.auth, **headers}
        )
        try:
            with urllib.request.urlopen(req, timeout=10) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()

    def calendars(self) -> dict[str, str]:
        """href → display name of the user's calendars."""
        body = b'<propfind xmlns="DAV:"><prop><displayname/><resourcetype/></prop></propfind>'
        status, xml = self.request("PROPFIND", f"/{USER}/", body, Depth="1")
        assert status == 207
        found = {}
        for response in ET.fromstring(xml).iter(f"{DAV}response"):
            href = response.findtext(f"{DAV}href") or ""
            name = response.findtext(f".//{DAV}displayname") or ""
            if response.find(".//{urn:ietf:params:xml:ns:caldav}calendar") is not None:
                found[href] = name
        return found

    def hrefs(self) -> list[str]:
        status, xml = self.request("PROPFIND", self.calendar, b"", Depth="1")
        assert status == 207, xml
        hrefs = [h.text or "" for h in ET.fromstring(xml).iter(f"{DAV}href")]
        return sorted(h for h in hrefs if h.endswith(".ics"))

    def objects(self) -> dict[str, tuple[str, Any]]:
        """uid → (href, the event or to-do) for everything in the calendar."""
        found = {}
        for href in self.hrefs():
            status, data = self.request("GET", href)
            assert status == 200
            cal = icalendar.Calendar.from_ical(data)
            (component,) = [c for c in cal.subcomponents if c.name in ("VEVENT", "VTODO")]
            found[str(component["UID"])] = (href, component)
        return found

    def raw(self, href: str) -> bytes:
        return self.request("GET", href)[1]

    def put(self, href: str, data: bytes) -> None:
        status, body = self.request("PUT", href, data, **{"Content-Type": "text/calendar"})
        assert status in (201, 204), body

    def edit(self, uid: str, modified: str, **fields: str) -> None:
        """Change some properties of an object, as a phone app does (LAST-MODIFIED too).

        `fields` maps a property name to the rest of its line: summary=":Call Sam".
        """
        href, _ = self.objects()[uid]
        lines = self.raw(href).decode().replace("\r\n ", "").split("\r\n")
        names = {name.upper().replace("_", "-") for name in fields} | {"LAST-MODIFIED", "DTSTAMP"}
        out, inside = [], []
        for line in lines:
            name = line.split(":")[0].split(";")[0]
            if line.startswith("BEGIN:"):
                inside.append(line[6:])
            elif line.startswith("END:"):
                inside.pop()
            mine = inside[-1:] in (["VEVENT"], ["VTODO"])
            if mine and name in names:
                continue
            out.append(line)
            if line in ("BEGIN:VEVENT", "BEGIN:VTODO"):
                out += [f"{n.upper().replace('_', '-')}{value}" for n, value in fields.items()]
                out += [f"LAST-MODIFIED:{modified}", f"DTSTAMP:{modified}"]
        self.put(href, "\r\n".join(out).encode())

    def delete(self, uid: str) -> None:
        href, _ = self.objects()[uid]
        assert self.request("DELETE", href)[0] in (200, 204)


def sync(*args: str, now: str = NOW) -> Any:
    result = invoke("remind", "sync", *args, env={**PW, "ALLY_NOW": now, "TZ": "Europe/London"})
    return result


def counts(now: str = NOW) -> dict[str, int]:
    result = sync("--json", now=now)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


ZERO = {"pushed": 0, "pulled": 0, "removed": 0, "conflicts": 0}


def setup(server: Radicale, calendar: str, *extra: str) -> Any:
    return invoke(
        "remind", "sync", "setup", "--url", server.url, "--username", USER,
        "--calendar", calendar, *extra, env=PW,
    )  # fmt: skip


def add(text: str, *args: str, now: str = NOW) -> None:
    result = invoke("remind", "add", text, *args, env={"ALLY_NOW": now, "TZ": "Europe/London"})
    assert result.exit_code == 0, result.stderr


def reminders(now: str = NOW) -> dict[str, dict[str, Any]]:
    result = invoke(
        "remind", "list", "--all", "--json", env={"ALLY_NOW": now, "TZ": "Europe/London"}
    )
    return {r["text"]: r for r in json.loads(result.stdout)}


def dump(home: Path) -> list[str]:
    conn = sqlite3.connect(home / "ally.sqlite3")
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


# Setup


def test_setup_with_a_wrong_password_is_refused_and_saves_nothing(
    radicale: Radicale, ally_home: Path
) -> None:
    result = invoke(
        "remind", "sync", "setup", "--url", radicale.url, "--username", USER,
        env={"ALLY_CALDAV_PASSWORD": "guess"},
    )  # fmt: skip
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
    assert "refused user 'alice'" in result.stderr and "guess" not in result.stderr
    assert not (ally_home / "config.toml").exists()


def test_setup_creates_the_missing_calendar_and_saves_no_password(
    radicale: Radicale, ally_home: Path
) -> None:
    result = setup(radicale, "ally-setup")
    assert result.exit_code == 0, result.stderr
    assert "created" in result.stdout
    assert "ally-setup" in Phone(radicale, "ally-setup").calendars().values()
    saved = (ally_home / "config.toml").read_text()
    assert f'url = "{radicale.url}"' in saved and 'calendar = "ally-setup"' in saved
    assert PASSWORD not in saved and PASSWORD not in result.stdout
    again = setup(radicale, "ally-setup")
    assert again.exit_code == 0 and "found" in again.stdout


def test_the_password_command_runs_without_a_shell(radicale: Radicale, ally_home: Path) -> None:
    marker = ally_home.parent / "shell-ran"
    good = f"{sys.executable} -c 'print(\"{PASSWORD}\")'"
    result = invoke(
        "remind", "sync", "setup", "--url", radicale.url, "--username", USER,
        "--calendar", "by-command", "--password-command", good,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    # With a shell, this would print the password and create the marker file.
    sneaky = f"echo {PASSWORD}; touch {marker}"
    result = invoke(
        "remind", "sync", "setup", "--url", radicale.url, "--username", USER,
        "--password-command", sneaky,
    )  # fmt: skip
    assert result.exit_code == 1 and not marker.exists()


@pytest.mark.parametrize(
    ("url", "extra"),
    [
        ("https://alice:wonderland@caldav.example.org/", ()),
        ("http://caldav.example.org/dav/", ()),
        ("caldav.example.org", ()),
    ],
)
def test_setup_refuses_unsafe_urls_before_asking_anyone(
    url: str, extra: tuple[str, ...], ally_home: Path
) -> None:
    result = invoke("remind", "sync", "setup", "--url", url, "--username", USER, *extra, env=PW)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and "wonderland" not in result.stderr
    assert not (ally_home / "config.toml").exists()


def test_sync_before_setup_says_how_to_set_it_up() -> None:
    result = sync()
    assert result.exit_code == 1
    assert "sync is not set up" in result.stderr and "sync setup" in result.stderr
    status = invoke("remind", "sync", "status")
    assert status.exit_code == 0 and "not set up" in status.stdout


# Both ways


def test_reminders_flow_both_ways(radicale: Radicale, ally_home: Path) -> None:
    assert setup(radicale, "both-ways").exit_code == 0
    add("Check in with Sam", "--at", "sunday 6pm", "--every", "sunday", "--about", "Sam")
    add("Pay rent", "--at", "2027-01-31 09:00", "--every", "month")
    add("Ask how the interview went", "--at", "friday 7pm")
    assert counts() == {**ZERO, "pushed": 3}

    mine = reminders()
    phone = Phone(radicale, "both-ways")
    there = phone.objects()
    assert set(there) == {r["uid"] for r in mine.values()}
    weekly = there[mine["Check in with Sam"]["uid"]][1]
    monthly = there[mine["Pay rent"]["uid"]][1]
    once = there[mine["Ask how the interview went"]["uid"]][1]
    assert weekly.get("RRULE").to_ical() == b"FREQ=WEEKLY;BYDAY=SU"
    assert str(weekly["DTSTART"].params["TZID"]) == "Europe/London"
    assert monthly.get("RRULE").to_ical() == b"FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1"
    assert monthly.decoded("DTSTART").replace(tzinfo=None).isoformat() == "2027-01-31T09:00:00"
    assert "RRULE" not in once
    for component in (weekly, monthly, once):
        assert [str(a["ACTION"]) for a in component.walk("VALARM")] == ["DISPLAY"]
    assert counts() == ZERO

    # On the phone: the weekly one renamed and moved, the monthly one deleted, one added.
    phone.edit(
        mine["Check in with Sam"]["uid"],
        "20261126T080000Z",
        summary=":Call Sam",
        dtstart=";TZID=Europe/London:20261129T190000",
        dtend=";TZID=Europe/London:20261129T191500",
    )
    phone.delete(mine["Pay rent"]["uid"])
    phone.put(
        f"/{USER}/both-ways/dentist.ics",
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Phone//EN\r\nBEGIN:VEVENT\r\n"
        b"UID:phone-dentist\r\nDTSTAMP:20261126T080000Z\r\n"
        b"DTSTART;TZID=Europe/London:20261202T100000\r\n"
        b"DTEND;TZID=Europe/London:20261202T110000\r\nSUMMARY:Dentist with Sam\r\n"
        b"END:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    result = sync(now=LATER)
    assert result.exit_code == 0, result.stderr
    assert "2 pulled, 1 removed" in result.stdout
    assert "Removed here (deleted in the calendar): 2  Pay rent" in result.stdout

    mine = reminders(LATER)
    assert set(mine) == {"Call Sam", "Ask how the interview went", "Dentist with Sam"}
    assert mine["Call Sam"]["next_due"] == "2026-11-29T19:00:00+00:00"
    assert (mine["Call Sam"]["every"], mine["Call Sam"]["about"]) == ("sunday", "Sam")
    assert mine["Dentist with Sam"]["uid"] == "phone-dentist"
    assert mine["Dentist with Sam"]["next_due"] == "2026-12-02T10:00:00+00:00"
    assert counts(LATER) == ZERO

    # Removed here: removed there, and it can be brought back.
    assert invoke("remind", "remove", str(mine["Ask how the interview went"]["id"])).exit_code == 0
    assert counts(LATER) == {**ZERO, "removed": 1}
    assert len(phone.objects()) == 2
    restored = invoke("remind", "restore", "2", env={"ALLY_NOW": LATER})
    assert restored.exit_code == 0 and "Pay rent" in restored.stdout
    assert counts(LATER) == {**ZERO, "pushed": 1}
    assert "Pay rent" in {str(c["SUMMARY"]) for _, c in phone.objects().values()}
    assert counts(LATER) == ZERO


def test_only_changed_objects_are_downloaded(
    radicale: Radicale, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert setup(radicale, "etags").exit_code == 0
    for n in range(5):
        add(f"Reminder {n}", "--at", f"2027-01-0{n + 1} 09:00")
    assert counts()["pushed"] == 5
    fetched: list[str] = []
    real = caldav_sync.CalDAVCalendar.fetch

    def spy(self: caldav_sync.CalDAVCalendar, hrefs: list[str]) -> Any:
        fetched.extend(hrefs)
        return real(self, hrefs)

    monkeypatch.setattr(caldav_sync.CalDAVCalendar, "fetch", spy)
    # Our own writes come back once with the ETag we stored: nothing to download.
    assert counts() == ZERO
    assert fetched == []
    phone = Phone(radicale, "etags")
    uid = reminders()["Reminder 3"]["uid"]
    phone.edit(uid, "20261126T080000Z", summary=":Reminder three")
    assert counts(LATER) == {**ZERO, "pulled": 1}
    assert len(fetched) == 1 and fetched[0].endswith(f"/etags/{uid}.ics")


def test_what_ally_cannot_follow_is_left_alone_and_said(radicale: Radicale) -> None:
    assert setup(radicale, "odd").exit_code == 0
    phone = Phone(radicale, "odd")
    hourly = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Phone//EN\r\nBEGIN:VEVENT\r\n"
        b"UID:phone-hourly\r\nDTSTAMP:20261126T080000Z\r\nDTSTART:20261202T100000Z\r\n"
        b"RRULE:FREQ=HOURLY\r\nSUMMARY:Drink water\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    phone.put(f"/{USER}/odd/hourly.ics", hourly)
    stored = phone.raw(f"/{USER}/odd/hourly.ics")
    for _ in range(2):
        result = sync()
        assert result.exit_code == 0, result.stderr
        assert "Skipped: hourly.ics" in result.stdout and "repeat" in result.stdout
        assert counts() == ZERO
    assert reminders() == {}
    assert phone.raw(f"/{USER}/odd/hourly.ics") == stored


def test_a_sync_token_the_server_forgot_means_one_full_listing(
    radicale: Radicale, ally_home: Path
) -> None:
    assert setup(radicale, "old-token").exit_code == 0
    add("Check in with Sam", "--at", "friday 7pm")
    assert counts()["pushed"] == 1
    conn = sqlite3.connect(ally_home / "ally.sqlite3")
    conn.execute("UPDATE sync_account SET sync_token = 'http://radicale.org/ns/sync/forgotten'")
    conn.commit()
    conn.close()
    assert counts() == ZERO
    token = sqlite3.connect(ally_home / "ally.sqlite3").execute(
        "SELECT sync_token FROM sync_account"
    )
    assert "forgotten" not in token.fetchone()[0]


def test_a_conflict_keeps_the_newer_change_and_the_other_version(radicale: Radicale) -> None:
    assert setup(radicale, "conflicts").exit_code == 0
    add("Check in with Sam", "--at", "friday 7pm")
    add("Take a walk", "--at", "saturday 9am")
    assert counts()["pushed"] == 2
    phone = Phone(radicale, "conflicts")
    mine = reminders()
    sam, walk = mine["Check in with Sam"], mine["Take a walk"]

    # Sam: edited here at 10:00, on the phone at 12:00 -> the phone's wins.
    edited = invoke("remind", "edit", str(sam["id"]), "Text Sam", env={"ALLY_NOW": LATER})
    assert edited.exit_code == 0
    phone.edit(sam["uid"], "20261126T120000Z", summary=":Phone Sam")
    # Walk: edited on the phone at 08:00, here at 10:00 -> this one wins.
    phone.edit(walk["uid"], "20261126T080000Z", summary=":Walk (phone)")
    edited = invoke("remind", "edit", str(walk["id"]), "Long walk", env={"ALLY_NOW": LATER})
    assert edited.exit_code == 0

    result = sync(now=LATER)
    assert result.exit_code == 0, result.stderr
    assert "2 conflicts" in result.stdout and "ally remind restore" in result.stdout
    assert set(reminders(LATER)) == {"Phone Sam", "Long walk"}
    summaries = {str(c["SUMMARY"]) for _, c in phone.objects().values()}
    assert summaries == {"Phone Sam", "Long walk"}
    kept = json.loads(invoke("remind", "restore", str(sam["id"]), "--list", "--json").stdout)
    assert [k["reminder"]["text"] for k in kept] == ["Text Sam"]
    kept = json.loads(invoke("remind", "restore", str(walk["id"]), "--list", "--json").stdout)
    assert [k["reminder"]["text"] for k in kept] == ["Walk (phone)"]
    assert counts(LATER) == ZERO

    # The losing version can be put back, and then syncs like any change made here.
    back = invoke("remind", "restore", str(sam["id"]), "--version", "1", env={"ALLY_NOW": LATER})
    assert back.exit_code == 0
    assert counts(LATER) == {**ZERO, "pushed": 1}
    assert "Text Sam" in {str(c["SUMMARY"]) for _, c in phone.objects().values()}


def test_a_dry_run_changes_nothing_anywhere(radicale: Radicale, ally_home: Path) -> None:
    assert setup(radicale, "dry").exit_code == 0
    add("Check in with Sam", "--at", "friday 7pm")
    assert counts()["pushed"] == 1
    add("Call Mum", "--at", "saturday 10am")
    phone = Phone(radicale, "dry")
    uid = reminders()["Check in with Sam"]["uid"]
    phone.edit(uid, "20261126T080000Z", summary=":Text Sam")
    before_here, before_there = dump(ally_home), {h: phone.raw(h) for h in phone.hrefs()}
    result = sync("--dry-run", now=LATER)
    assert result.exit_code == 0, result.stderr
    assert "would push 1, pull 1" in result.stdout and "Nothing changed" in result.stdout
    assert dump(ally_home) == before_here
    assert {h: phone.raw(h) for h in phone.hrefs()} == before_there
    assert counts(LATER) == {**ZERO, "pushed": 1, "pulled": 1}


def test_tasks_done_on_the_phone_are_done_here(radicale: Radicale) -> None:
    assert setup(radicale, "tasks", "--as", "todo").exit_code == 0
    add("Ask how the interview went", "--at", "friday 7pm")
    add("Take a walk", "--at", "saturday 9am", "--every", "saturday")
    assert counts()["pushed"] == 2
    phone = Phone(radicale, "tasks")
    mine = reminders()
    once, walk = mine["Ask how the interview went"], mine["Take a walk"]
    tasks = phone.objects()
    assert {c.name for _, c in tasks.values()} == {"VTODO"}
    assert str(tasks[once["uid"]][1]["STATUS"]) == "NEEDS-ACTION"
    assert tasks[walk["uid"]][1].get("RRULE").to_ical() == b"FREQ=WEEKLY;BYDAY=SA"

    for uid in (once["uid"], walk["uid"]):
        phone.edit(uid, "20261128T100000Z", status=":COMPLETED", completed=":20261128T100000Z")
    now = "2026-11-28T12:00:00+00:00"
    assert counts(now) == {**ZERO, "pulled": 2}
    mine = reminders(now)
    assert mine["Ask how the interview went"]["status"] == "done"
    assert [d["at"] for d in mine["Ask how the interview went"]["done"]] == [
        "2026-11-28T10:00:00+00:00"
    ]
    # The repeating task moves on to next Saturday, here and on the phone.
    assert mine["Take a walk"]["status"] == "open"
    assert mine["Take a walk"]["next_due"] == "2026-12-05T09:00:00+00:00"
    walk_task = phone.objects()[walk["uid"]][1]
    assert str(walk_task["STATUS"]) == "NEEDS-ACTION"
    assert walk_task.decoded("DUE").replace(tzinfo=None).isoformat() == "2026-12-05T09:00:00"
    assert counts(now) == ZERO

    # Done here: completed on the phone.
    done = invoke("remind", "done", str(walk["id"]), env={"ALLY_NOW": now})
    assert done.exit_code == 0
    assert counts(now) == {**ZERO, "pushed": 1}
    walk_task = phone.objects()[walk["uid"]][1]
    assert walk_task.decoded("DUE").replace(tzinfo=None).isoformat() == "2026-12-12T09:00:00"


def test_the_server_stopped_mid_run(
    tmp_path: Path, ally_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = started(tmp_path / "own-radicale")
    try:
        assert setup(server, "ally").exit_code == 0
        for text in ("One", "Two", "Three"):
            add(text, "--at", "2027-01-05 18:00")
        before = dump(ally_home)
        real = caldav_sync.CalDAVCalendar.create

        def then_stop(self: caldav_sync.CalDAVCalendar, uid: str, data: bytes) -> Any:
            written = real(self, uid, data)
            server.stop()
            return written

        monkeypatch.setattr(caldav_sync.CalDAVCalendar, "create", then_stop)
        result = sync()
        assert result.exit_code == 1
        assert result.stderr.startswith("Error: cannot reach 127.0.0.1")
        assert result.stderr.count("\n") == 1
        assert dump(ally_home) == before
        assert invoke("remind", "sync", "status").stdout.count("never") == 1

        monkeypatch.setattr(caldav_sync.CalDAVCalendar, "create", real)
        server.start()  # the same port and storage: the same calendar
        assert len(Phone(server, "ally").hrefs()) == 1
        assert counts() == {**ZERO, "pushed": 2}
        assert len(Phone(server, "ally").hrefs()) == 3
        assert counts() == ZERO
    finally:
        server.stop()


def test_status_shows_the_last_sync(radicale: Radicale) -> None:
    assert setup(radicale, "status").exit_code == 0
    add("Check in with Sam", "--at", "friday 7pm")
    assert counts()["pushed"] == 1
    result = invoke("remind", "sync", "status", "--json", env={"TZ": "Europe/London"})
    shown = json.loads(result.stdout)
    assert shown["calendar"] == "status" and shown["url"] == radicale.url
    assert shown["last_synced"] == NOW and shown["synced_reminders"] == 1
    assert shown["password_from"] == "asked each time"
