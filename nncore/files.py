"""Files users hand the app (training logs, data points): read with a size cap, refused with coded errors.

Both readers promise the same two things: a hostile file costs what a file at
the cap costs (never more than ``limit + 1`` bytes are read), and every refusal
is a :class:`CodedError` whose ``code`` names the problem and whose ``facts``
fill its message -- an English sentence for logs and tests, and the numbers a
page needs to say the same thing in another language.
"""

from __future__ import annotations


class CodedError(ValueError):
    """A refusal: ``code`` keys :attr:`MESSAGES` (set by each subclass), ``facts`` fill the sentence."""

    MESSAGES: dict[str, str] = {}

    def __init__(self, code: str, **facts):
        self.code, self.facts = code, facts
        super().__init__(self.MESSAGES[code].format(**facts))


def read_head(source, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of ``source``: bytes-like, or a file object (rewound first).

    A text file object is read as UTF-8.  One byte over ``limit`` is how the
    caller learns the file is too big without reading the rest of it.
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source[: limit + 1])
    if hasattr(source, "seek"):
        try:
            source.seek(0)
        except (OSError, ValueError):
            pass
    data = source.read(limit + 1)
    return data.encode("utf-8") if isinstance(data, str) else data
