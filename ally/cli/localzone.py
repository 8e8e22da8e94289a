"""This machine's time zone as configured, read without importing zoneinfo."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping


def zone_candidates(env: Mapping[str, str]) -> list[str]:
    """IANA zone names to try, best first: $TZ, then the /etc/localtime link.

    Not validated: a caller that needs a real zone checks each with zoneinfo.
    """
    names = [env.get("TZ", "").lstrip(":")]
    with contextlib.suppress(OSError):
        names.append(os.readlink("/etc/localtime"))
    found = []
    for name in names:
        name = name.split("zoneinfo/", 1)[-1]
        if name and not name.startswith("/"):
            found.append(name)
    return found


def fixed_zone_of_posix(tz: str) -> tuple[str | None, str, bool]:
    """What a POSIX TZ rule ("EST+5", "<+0530>-5:30") says: the IANA zone with the same
    fixed offset if there is one, its standard offset as people write it
    ("UTC-05:00"), and whether it has clock changes.

    POSIX counts hours west of Greenwich, so EST+5 is UTC-05:00; the IANA
    "Etc/GMT+5" zones count the same way. Only whole hours from UTC-12 to
    UTC+14 have such a zone, and only a rule with no daylight-saving part is fixed.
    (None, "", False) if `tz` is not a POSIX rule at all.
    """
    import re

    match = re.match(
        r"^(?P<std>[A-Za-z]{3,}|<[A-Za-z0-9+-]{1,10}>)"
        r"(?P<sign>[+-]?)(?P<h>\d{1,2})(?::(?P<m>\d{2})(?::(?P<s>\d{2}))?)?(?P<dst>.*)$",
        tz,
    )
    if not match:
        return None, "", False
    west = int(match["h"]) * 60 + int(match["m"] or 0)
    if match["sign"] == "-":
        west = -west
    east = -west
    shown = f"UTC{'+' if east >= 0 else '-'}{abs(east) // 60:02d}:{abs(east) % 60:02d}"
    changes = bool(match["dst"])
    if changes or match["s"] or west % 60 or not -14 * 60 <= west <= 12 * 60:
        return None, shown, changes
    hours = west // 60
    return ("UTC" if hours == 0 else f"Etc/GMT{hours:+d}"), shown, False
