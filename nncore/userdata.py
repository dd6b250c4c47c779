"""The learner's own 2-D points: an uploaded CSV file read into a data set the engine trains on.

TensorFlow Playground's most requested feature is "use your own data"; this
module is the careful half of it.  An upload is untrusted input, so every way
a file can be wrong ends in :class:`UploadError` -- a *code* naming the
problem and the *facts* (line, column, value, limit) a page needs to say it in
the learner's language -- and never in a traceback or a stuck server.

Accepted files (a header line is required; names are case-insensitive, in any
order; comma, semicolon, tab or pipe separated; quotes as in any CSV):

* ``x1, x2, label`` (or ``class``): 2-D classification.  Labels may be any
  short text or numbers; 2 to :data:`MAX_CLASSES` distinct labels are mapped to
  classes 0..C-1 in sorted order (numerically when every label is a number).
* ``x1, x2, y``: 2-D regression (``y`` a number).
* ``x, y``: 1-D regression (a curve).

Caps, so that a hostile file costs little: at most :data:`MAX_BYTES` bytes
(only that much plus one byte is ever read: a million-row file is refused
after reading 2 MB, in milliseconds), at most :data:`MAX_LINES` lines
(counted in the raw bytes, so 400,000 short rows are refused before any is
split or parsed), :data:`MIN_ROWS` to :data:`MAX_ROWS` data rows, labels of
at most :data:`MAX_LABEL_CHARS` characters, every value finite and within
+-:data:`MAX_ABS`.

:func:`parse` returns a :class:`UserData`; :func:`config_for` gives the config
of a built-in data set with the same task ("gauss", "blobs", "plane" or
"curve", as :func:`nncore.train` requires) and :func:`training_data` the
(X_train, y_train, X_val, y_val) split made from the config's seed.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass

import numpy as np

from . import datasets
from .config import Config
from .files import CodedError, read_head

MAX_BYTES = 2_000_000  # ~60,000 rows of "x1,x2,label": far beyond MAX_ROWS, so the row cap is the real one
MAX_ROWS = 5000  # = the engine's largest n_samples (config.LIMITS)
MAX_LINES = 2 * MAX_ROWS + 1  # blank lines included: more is refused before splitting the text
MIN_ROWS = 20  # = the engine's smallest n_samples; leaves at least 2 points on each side of any split
MAX_CLASSES = 6  # the boundary chart has six class colours; softmax works for any number
MAX_ABS = 1e6  # larger coordinates overflow the squared features in float32
MAX_LABEL_CHARS = 40
DELIMITERS = (",", ";", "\t", "|")
SCALE_TO = 3.0  # inputs are mapped to [-3, 3], the plane every built-in set lives in
QUOTE = 30  # how much of a bad cell or header an error quotes

# Accepted headers: the set of (normalised) column names -> (kind, input columns, target column).
FORMATS: dict[frozenset, tuple[str, tuple[str, ...], str]] = {
    frozenset({"x1", "x2", "label"}): ("classification", ("x1", "x2"), "label"),
    frozenset({"x1", "x2", "class"}): ("classification", ("x1", "x2"), "class"),
    frozenset({"x1", "x2", "y"}): ("regression", ("x1", "x2"), "y"),
    frozenset({"x", "y"}): ("regression", ("x",), "y"),
}
ACCEPTED = ("x1,x2,label", "x1,x2,y", "x,y")  # as the error message lists them


class UploadError(CodedError):
    """A file that cannot be used; ``code`` names the problem, ``facts`` fill its message.

    ``str(error)`` is an English sentence (for logs and tests); pages translate
    ``code`` with the facts instead.
    """

    MESSAGES = {
        "empty": "the file is empty",
        "too_big": "the file is larger than {limit_mb:g} MB",
        "binary": "this is not a text CSV file (it contains binary data)",
        "encoding": "the file is not UTF-8 text",
        "columns": "the columns are {found}; expected one of: {accepted}",
        "too_many_rows": "the file has {rows} data rows; the limit is {limit}",
        "too_many_lines": "the file has {lines} lines; the limit is {limit} data rows",
        "too_few_rows": "the file has {rows} data rows; at least {limit} are needed",
        "ragged": "line {line} has {found} cells; the header has {expected}",
        "missing": "line {line}: the {column} cell is empty",
        "not_number": "line {line}: {column} = '{value}' is not a number",
        "not_finite": "line {line}: {column} = '{value}' is not a finite number",
        "too_large": "line {line}: {column} = {value} is beyond +-{limit:g}",
        "label_too_long": "line {line}: the label '{value}' is longer than {limit} characters",
        "one_class": "every point has the label '{label}': a classifier needs at least 2 classes",
        "too_many_classes": "the file has {count} different labels; at most {limit} classes are allowed",
    }


@dataclass(frozen=True)
class UserData:
    """Points read from a file: inputs ``X`` (n, 1 or 2), targets ``y``, and what was decided on the way."""

    X: np.ndarray  # float64, as in the file (see scale_inputs)
    y: np.ndarray  # int class codes 0..C-1 (classification) or float targets (regression)
    task: str  # "binary", "multiclass" or "regression" (as Config.task)
    columns: tuple[str, ...]  # the file's names of the input columns, in X's order
    target: str  # the file's name of the label / target column
    classes: tuple[str, ...] = ()  # classes[k] = the file's label of class k
    counts: tuple[int, ...] = ()  # points per class
    delimiter: str = ","

    @property
    def n(self) -> int:
        return int(self.X.shape[0])

    @property
    def n_inputs(self) -> int:
        return int(self.X.shape[1])

    @property
    def n_classes(self) -> int:
        return len(self.classes)

    @property
    def dataset(self) -> str:
        """The built-in data set with the same task and input size: what the config names."""
        if self.task == "regression":
            return "curve" if self.n_inputs == 1 else "plane"
        return "blobs" if self.task == "multiclass" else "gauss"


# -- reading ---------------------------------------------------------------------------------------------

def read_limited(source) -> bytes:
    """At most MAX_BYTES bytes of ``source`` (bytes or a binary file object); UploadError beyond.

    Never reads more than MAX_BYTES + 1 bytes, so a huge file costs what a
    2 MB one does.  A file object's ``size`` attribute (Streamlit's
    UploadedFile has one) is checked first, so an oversized upload is refused
    without reading at all.
    """
    size = getattr(source, "size", None)
    if isinstance(size, int) and size > MAX_BYTES:
        raise UploadError("too_big", limit_mb=MAX_BYTES / 1e6)
    data = read_head(source, MAX_BYTES)
    if len(data) > MAX_BYTES:
        raise UploadError("too_big", limit_mb=MAX_BYTES / 1e6)
    return data


def _quote(text: str) -> str:
    text = text.replace("\n", " ").replace("\r", " ")
    return text if len(text) <= QUOTE else text[:QUOTE] + "…"


def _decode(data: bytes) -> str:
    if not data.strip():
        raise UploadError("empty")
    if b"\x00" in data[:8192]:
        raise UploadError("binary")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UploadError("encoding") from None


def _delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _header(cells: list[str]) -> tuple[tuple[str, tuple[str, ...], str], list[str]]:
    names = [c.strip().strip('"').strip().lower() for c in cells]
    spec = FORMATS.get(frozenset(names)) if len(set(names)) == len(names) else None
    if spec is None:
        found = ", ".join(_quote(c.strip()) or "(blank)" for c in cells[:6]) + (", …" if len(cells) > 6 else "")
        raise UploadError("columns", found=found, accepted="; ".join(ACCEPTED))
    return spec, names


def _numbers(rows: list["_Row"], index: int, column: str) -> np.ndarray:
    """One numeric column; on failure, find the first bad cell and say where it is."""
    cells = [r[index].strip() for r in rows]
    try:
        values = np.array(cells, dtype=float)
        bad = None if np.isfinite(values).all() and not (np.abs(values) > MAX_ABS).any() else True
    except ValueError:
        bad = True
    if bad is None:
        return values
    for row, cell in zip(rows, cells):
        line = row.line
        if not cell:
            raise UploadError("missing", line=line, column=column)
        try:
            v = float(cell)
        except ValueError:
            raise UploadError("not_number", line=line, column=column, value=_quote(cell)) from None
        if not math.isfinite(v):
            raise UploadError("not_finite", line=line, column=column, value=_quote(cell))
        if abs(v) > MAX_ABS:
            raise UploadError("too_large", line=line, column=column, value=_quote(cell), limit=MAX_ABS)
    raise AssertionError("unreachable: a column failed but no cell did")  # pragma: no cover


class _Row(list):
    """A row of cells that remembers its line number in the file (for error messages)."""

    line: int = 0


def _classes(rows: list["_Row"], index: int) -> tuple[np.ndarray, tuple[str, ...], tuple[int, ...]]:
    labels = []
    for r in rows:
        cell = r[index].strip()
        if not cell:
            raise UploadError("missing", line=r.line, column="label")
        if len(cell) > MAX_LABEL_CHARS:
            raise UploadError("label_too_long", line=r.line, value=_quote(cell), limit=MAX_LABEL_CHARS)
        labels.append(cell)
    distinct = set(labels)
    if len(distinct) > MAX_CLASSES:
        raise UploadError("too_many_classes", count=len(distinct), limit=MAX_CLASSES)
    if len(distinct) < 2:
        raise UploadError("one_class", label=_quote(labels[0]))
    numeric = {}
    for d in distinct:
        try:
            v = float(d)
        except ValueError:
            numeric = None
            break
        if not math.isfinite(v):
            numeric = None
            break
        numeric[d] = v
    if numeric is not None:
        # "1" and "1.0" are one class; name it as it was first written.
        first: dict[float, str] = {}
        for lab in labels:
            first.setdefault(numeric[lab], lab)
        if len(first) < 2:
            raise UploadError("one_class", label=_quote(labels[0]))
        order = sorted(first)
        code_of_value = {v: k for k, v in enumerate(order)}
        y = np.array([code_of_value[numeric[lab]] for lab in labels], dtype=int)
        names = tuple(first[v] for v in order)
    else:
        names = tuple(sorted(distinct))
        code = {name: k for k, name in enumerate(names)}
        y = np.array([code[lab] for lab in labels], dtype=int)
    counts = tuple(int(c) for c in np.bincount(y, minlength=len(names)))
    return y, names, counts


def parse(source) -> UserData:
    """Read an uploaded CSV (bytes or a binary file object) into :class:`UserData`; UploadError if unusable."""
    data = read_limited(source)
    # Count line breaks in the raw bytes first (~1 ms for 2 MB): a file of
    # hundreds of thousands of short rows is refused before any of them is
    # split or parsed.  Blank lines are allowed, within reason.
    breaks = max(data.count(b"\n"), data.count(b"\r"))
    if breaks > MAX_LINES:
        raise UploadError("too_many_lines", lines=breaks, limit=MAX_ROWS)
    text = _decode(data)
    lines = text.splitlines()
    # Count before parsing: a file of many short rows is refused without building any of them.
    numbered = [(i + 1, line) for i, line in enumerate(lines) if line.strip()]
    if not numbered:
        raise UploadError("empty")
    n_rows = len(numbered) - 1
    if n_rows > MAX_ROWS:
        raise UploadError("too_many_rows", rows=n_rows, limit=MAX_ROWS)
    delimiter = _delimiter(numbered[0][1])
    try:
        parsed = list(csv.reader((line for _, line in numbered), delimiter=delimiter))
    except csv.Error:
        raise UploadError("columns", found=_quote(numbered[0][1]), accepted="; ".join(ACCEPTED)) from None
    if len(parsed) != len(numbered):  # a quoted cell spanning lines: not a file of points
        raise UploadError("columns", found=_quote(numbered[0][1]), accepted="; ".join(ACCEPTED))
    (kind, inputs, target), names = _header(parsed[0])
    rows = []
    for (line, _), cells in zip(numbered[1:], parsed[1:]):
        if len(cells) != len(names):
            raise UploadError("ragged", line=line, found=len(cells), expected=len(names))
        row = _Row(cells)
        row.line = line
        rows.append(row)
    if len(rows) < MIN_ROWS:
        raise UploadError("too_few_rows", rows=len(rows), limit=MIN_ROWS)
    index = {name: i for i, name in enumerate(names)}
    X = np.column_stack([_numbers(rows, index[c], c) for c in inputs])
    if kind == "regression":
        y = _numbers(rows, index[target], target)
        return UserData(X=X, y=y, task="regression", columns=inputs, target=target, delimiter=delimiter)
    y, classes, counts = _classes(rows, index[target])
    task = "binary" if len(classes) == 2 else "multiclass"
    return UserData(X=X, y=y, task=task, columns=inputs, target=target, classes=classes, counts=counts,
                    delimiter=delimiter)


# -- from points to a training run ----------------------------------------------------------------------

def scale_inputs(X: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Map each input column's [min, max] onto [-3, 3]: (X_scaled, centre, half_range).

    Why: a network's first weights are initialised for inputs of order 1, and
    the built-in sets all live in [-3, 3]; coordinates in metres or dollars
    would saturate tanh units from the first step (a lesson in itself, which
    is why scaling can be switched off).  x_scaled = 3 * (x - centre) / half_range.
    A constant column is only centred.
    """
    X = np.asarray(X, dtype=float)
    lo, hi = X.min(axis=0), X.max(axis=0)
    centre = (lo + hi) / 2
    half = (hi - lo) / 2
    half = np.where(half > 0, half, SCALE_TO)
    return SCALE_TO * (X - centre) / half, centre, half


def config_for(data: UserData, base: Config) -> Config:
    """``base`` with the data fields of ``data``: a built-in set of the same task, its size and class count.

    The engine builds the network from the config (input size from the
    dataset and features, output size from the task), so the config names a
    built-in set of the same shape; the points themselves go to
    ``nncore.train(config, data=...)``.  Features other than x1's are
    dropped for 1-D data ("curve" has one input).
    """
    changes = {"dataset": data.dataset, "n_samples": data.n}
    if data.task == "multiclass":
        changes["n_classes"] = data.n_classes
    if data.n_inputs == 1:
        changes["features"] = tuple(f for f in base.features if f in ("x1", "x1^2", "sin(x1)"))
    return base.replace(**changes)


def training_data(data: UserData, config: Config, scale: bool = True):
    """(X_train, y_train, X_val, y_val): ``data`` (scaled to [-3, 3] if ``scale``) split by ``config``'s seed.

    The split is the built-in sets' (:func:`nncore.datasets.split`: stratified
    for classes, ``val_fraction`` held out, seeded from the config's "data"
    stream), so a share link with the same file rebuilds the same split.  When
    a class is too small to appear on both sides (stratification impossible),
    the points are split without stratifying.
    """
    X = scale_inputs(data.X)[0] if scale else np.asarray(data.X, dtype=float)
    try:
        return datasets.split(X, data.y, config.val_fraction, config.rng("data"), config.task)
    except ValueError:
        return datasets.split(X, data.y, config.val_fraction, config.rng("data"), "regression")
