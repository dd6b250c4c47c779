"""Controls whose state lives in the URL, so a share link rebuilds the same view.

A :class:`Control` describes one knob: its URL parameter name, label key,
default and allowed values.  Its pure half (``parse`` / ``serialize``) turns
the raw text of a URL parameter into a valid value, clamping or ignoring
what is out of range or malformed and saying so; it is tested without
Streamlit.  Its widget half draws the Streamlit widget.

How the URL and the widgets stay in step (see :func:`render` and
:func:`sync_url`): the first time a control appears in a session, its value
is seeded from the URL (after parsing); from then on the widget owns the value,
and at the end of every run the URL is rewritten to hold exactly the values
that differ from their defaults.  We do this ourselves rather than with
``bind="query-params"`` because Streamlit silently drops out-of-range URL
values, while a learner who hand-edits a link deserves to be told what
happened to it -- and because this way the URL is visible to AppTest.
"""

from __future__ import annotations

import contextvars
import math
from dataclasses import dataclass, field
from typing import Any

from .i18n import t

NOTICE_ICON = "🔗"  # marks notices about the link, apart from other warnings
MAX_RAW_LENGTH = 200  # longer URL values are refused unread
SHOW_RAW = 40  # how much of a bad value a notice quotes


def _quote(raw: str) -> str:
    return raw if len(raw) <= SHOW_RAW else raw[:SHOW_RAW] + "…"


@dataclass(frozen=True)
class Parsed:
    value: Any
    notice: str | None = None  # a translated sentence when the URL value was changed or ignored


@dataclass(frozen=True)
class Control:
    name: str  # URL parameter name, also the widget's key within its page
    label: str  # translation key of the label
    default: Any
    help: str | None = None  # translation key of the help text

    # -- pure half -------------------------------------------------------------
    def parse(self, raw: str | None) -> Parsed:
        """A valid value from the URL text ``raw`` (None: parameter absent)."""
        if raw is None:
            return Parsed(self.default)
        if len(raw) > MAX_RAW_LENGTH:
            return self._ignored(raw)
        try:
            return self._parse(raw.strip())
        except (ValueError, TypeError, OverflowError):
            return self._ignored(raw)

    def _parse(self, raw: str) -> Parsed:
        raise NotImplementedError

    def serialize(self, value) -> str:
        return str(value)

    def display(self, value) -> str:
        return self.serialize(value)

    def alternative(self, value):
        """A valid value different from ``value`` (tests use it to change every control once)."""
        raise NotImplementedError

    def coerce(self, value):
        """``value`` if the widget can show it, else the closest thing it can.

        A control's allowed values can change between runs (an epoch scrubber
        follows the epoch count); a stale value would make the widget raise.
        """
        parsed = self.parse(self.serialize(value)) if value is not None else Parsed(self.default)
        return parsed.value

    def _ignored(self, raw: str) -> Parsed:
        return Parsed(self.default, t("notice.ignored", name=self.name, raw=_quote(raw),
                                      default=self.display(self.default)))

    def _changed(self, raw: str, value, why_key: str, **fmt) -> Parsed:
        return Parsed(value, t(why_key, name=self.name, raw=_quote(raw), value=self.display(value), **fmt))

    # -- widget half -----------------------------------------------------------
    def widget(self, st_container, key: str):
        raise NotImplementedError


def _finite(raw: str) -> float:
    v = float(raw)
    if not math.isfinite(v):
        raise ValueError("not finite")
    return v


@dataclass(frozen=True)
class Number(Control):
    """A number in [lo, hi] on a grid of ``step`` (a slider).  Integers when all three are ints."""

    lo: float = 0.0
    hi: float = 1.0
    step: float = 0.1
    fmt: str = "%g"

    @property
    def integer(self) -> bool:
        return all(isinstance(v, int) for v in (self.lo, self.hi, self.step, self.default))

    def _snap(self, v: float):
        k = round((v - self.lo) / self.step)
        snapped = self.lo + k * self.step
        return int(snapped) if self.integer else round(snapped, 12)

    def _parse(self, raw: str) -> Parsed:
        v = _finite(raw)
        if v < self.lo or v > self.hi:
            value = self._snap(min(max(v, self.lo), self.hi))
            return self._changed(raw, value, "notice.clamped", lo=self.display(self.lo), hi=self.display(self.hi))
        value = self._snap(v)
        if abs(value - v) > 1e-9 * max(1.0, abs(v)):
            return self._changed(raw, value, "notice.snapped")
        return Parsed(value)

    def serialize(self, value) -> str:
        return str(int(value)) if self.integer else format(float(value), ".10g")

    def alternative(self, value):
        return self._snap(value - self.step if value - self.step >= self.lo else value + self.step)

    def display(self, value) -> str:
        return self.fmt % value

    def widget(self, st_container, key: str):
        return st_container.slider(t(self.label), min_value=self.lo, max_value=self.hi, step=self.step, key=key,
                                   format=self.fmt, help=t(self.help) if self.help else None)


@dataclass(frozen=True)
class Levels(Control):
    """One of a fixed list of numbers, typically spaced on a log scale (learning rates, L2 strengths)."""

    values: tuple = ()
    fmt: str = "%g"

    def _parse(self, raw: str) -> Parsed:
        v = _finite(raw)
        if all(x > 0 for x in self.values) and v > 0:
            nearest = min(self.values, key=lambda x: abs(math.log(x) - math.log(v)))
        else:
            nearest = min(self.values, key=lambda x: abs(x - v))
        if v < min(self.values) or v > max(self.values):
            return self._changed(raw, nearest, "notice.clamped", lo=self.display(min(self.values)),
                                 hi=self.display(max(self.values)))
        if abs(nearest - v) > 1e-9 * max(abs(v), 1e-12):
            return self._changed(raw, nearest, "notice.snapped")
        return Parsed(nearest)

    def serialize(self, value) -> str:
        return format(float(value), ".10g")

    def display(self, value) -> str:
        return self.fmt % value

    def alternative(self, value):
        return _neighbour(self.values, value)

    def widget(self, st_container, key: str):
        return st_container.select_slider(t(self.label), options=list(self.values), key=key,
                                          format_func=lambda v: self.fmt % v, help=t(self.help) if self.help else None)


@dataclass(frozen=True)
class Choice(Control):
    """One of ``options`` (stable codes); labels come from ``option_labels`` translation keys."""

    options: tuple = ()
    option_labels: str | None = None  # translation-key prefix: label of code c is t(prefix + c)
    horizontal: bool = False

    def _label(self, code) -> str:
        return t(self.option_labels + str(code)) if self.option_labels else str(code)

    def display(self, value) -> str:
        return self._label(value)

    def alternative(self, value):
        return _neighbour(self.options, value)

    def _parse(self, raw: str) -> Parsed:
        for code in self.options:
            if raw == str(code) or raw.lower() == str(code).lower():
                return Parsed(code)
        return self._ignored(raw)

    def widget(self, st_container, key: str):
        if self.horizontal:
            return st_container.radio(t(self.label), self.options, key=key, format_func=self._label, horizontal=True,
                                      help=t(self.help) if self.help else None)
        return st_container.selectbox(t(self.label), self.options, key=key, format_func=self._label,
                                      help=t(self.help) if self.help else None)


def _neighbour(options, value):
    options = list(options)
    i = options.index(value) if value in options else 0
    return options[i - 1] if i > 0 else options[min(1, len(options) - 1)]


TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off"}


@dataclass(frozen=True)
class Flag(Control):
    """On or off (a toggle)."""

    default: bool = False

    def _parse(self, raw: str) -> Parsed:
        low = raw.lower()
        if low in TRUE_WORDS:
            return Parsed(True)
        if low in FALSE_WORDS:
            return Parsed(False)
        return self._ignored(raw)

    def serialize(self, value) -> str:
        return "true" if value else "false"

    def display(self, value) -> str:
        return t("word.on") if value else t("word.off")

    def alternative(self, value):
        return not value

    def widget(self, st_container, key: str):
        return st_container.toggle(t(self.label), key=key, help=t(self.help) if self.help else None)


@dataclass(frozen=True)
class Several(Control):
    """A subset of ``options`` (comma-separated in the URL), with at least ``min_count`` chosen."""

    default: tuple = ()
    options: tuple = ()
    option_labels: str | None = None
    min_count: int = 1

    def _label(self, code) -> str:
        return t(self.option_labels + str(code)) if self.option_labels else str(code)

    def _parse(self, raw: str) -> Parsed:
        asked = [p.strip() for p in raw.split(",") if p.strip()]
        chosen = tuple(o for o in self.options if o in asked)  # canonical order, no duplicates
        if len(chosen) < self.min_count:
            return self._ignored(raw)
        if len(chosen) != len(asked):
            return self._changed(raw, chosen, "notice.dropped")
        return Parsed(chosen)

    def serialize(self, value) -> str:
        return ",".join(value)

    def display(self, value) -> str:
        return ", ".join(value)

    def alternative(self, value):
        missing = [o for o in self.options if o not in value]
        if missing:
            return tuple(o for o in self.options if o in value or o == missing[0])
        return tuple(value[: max(self.min_count, len(value) - 1)])

    def widget(self, st_container, key: str):
        return tuple(st_container.multiselect(t(self.label), self.options, key=key, format_func=self._label,
                                              help=t(self.help) if self.help else None))


# -- per-run state: notices and the URL this run should leave behind ---------------

@dataclass
class RunState:
    notices: list[str] = field(default_factory=list)
    url: dict[str, str] = field(default_factory=dict)  # parameter -> serialized non-default value
    known: set[str] = field(default_factory=set)  # every parameter a control of this run owns
    notice_box: Any = None  # where the page wants its notices (a Streamlit container)
    routed: bool = False  # app.py (the router) started this run


_run: contextvars.ContextVar[RunState] = contextvars.ContextVar("clinic_run")


def begin_run() -> RunState:
    state = RunState()
    _run.set(state)
    return state


def run_state() -> RunState:
    try:
        return _run.get()
    except LookupError:  # a page run on its own (tests): start a state lazily
        return begin_run()


REGISTRY_KEY = "_clinic_controls"  # session key -> Control, for tests and tools that walk a page's controls
WRITTEN_KEY = "_clinic_url_written"  # the URL parameters this session's previous run left behind


def url_is_external() -> bool:
    """Whether the URL now differs from what this session's previous run wrote.

    It does on a share link's first load, a hand edit, a page change (which
    clears it) or the browser's back button: then a value the URL gets wrong
    was written by a person, who deserves a notice.  Otherwise the URL is our
    own echo of the last run: a control that appears only now (say, after the
    page's "case" changed) still reads a parameter of the same name -- a
    shared knob such as the noise follows the learner -- but a value that does
    not fit it is clamped quietly, since nobody typed it.
    """
    import streamlit as st

    return st.query_params.to_dict() != st.session_state.get(WRITTEN_KEY)


def render(controls, namespace: str, where=None) -> dict[str, Any]:
    """Draw ``controls`` (in ``where``: a container, or a list of containers used in turn).

    Seeds each control from the URL the first time it appears in the session,
    records its notice, and registers its value for :func:`sync_url`.
    Returns {control name: value}.
    """
    import streamlit as st

    state = run_state()
    places = where if isinstance(where, (list, tuple)) else [where if where is not None else st]
    values = {}
    registry = st.session_state.setdefault(REGISTRY_KEY, {})
    external = url_is_external()
    for i, control in enumerate(controls):
        key = f"{namespace}.{control.name}"
        registry[key] = control
        if key not in st.session_state:
            parsed = control.parse(st.query_params.get(control.name))
            st.session_state[key] = parsed.value
            if parsed.notice and external:
                state.notices.append(parsed.notice)
        else:
            current = st.session_state[key]
            fixed = control.coerce(current)
            if fixed != current or type(fixed) is not type(current):
                st.session_state[key] = fixed
        value = control.widget(places[i % len(places)], key)
        if value is None:  # a cleared widget: fall back to the default
            value = control.default
        values[control.name] = value
        remember(control, value)
    return values


def remember(control: Control, value) -> None:
    """Register ``value`` as what the URL should say about ``control`` after this run."""
    state = run_state()
    state.known.add(control.name)
    if value != control.default:
        state.url[control.name] = control.serialize(value)
    else:
        state.url.pop(control.name, None)


def sync_url() -> None:
    """Rewrite the URL to hold this run's non-default values, and nothing else.

    Parameters no control claimed this run are removed, with a notice.
    """
    import streamlit as st

    state = run_state()
    current = st.query_params.to_dict()
    written = st.session_state.get(WRITTEN_KEY) or {}
    # Parameters our own previous run wrote and no control claims now (a control
    # that disappeared) are dropped quietly; only foreign ones deserve a notice.
    unknown = sorted(k for k in current if k not in state.known and k not in written)
    if unknown:
        shown = ", ".join(_quote(k) for k in unknown[:5]) + (" …" if len(unknown) > 5 else "")
        state.notices.append(t("notice.unknown", names=shown))
    if current != state.url:
        st.query_params.from_dict(state.url)
    st.session_state[WRITTEN_KEY] = dict(state.url)


def show_notices() -> None:
    """Show this run's notices in the page's notice box (or at the end of the page)."""
    import streamlit as st

    state = run_state()
    if not state.notices:
        return
    box = state.notice_box if state.notice_box is not None else st
    box.warning("\n\n".join(f"- {n}" for n in state.notices), icon=NOTICE_ICON)
