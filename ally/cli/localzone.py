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
