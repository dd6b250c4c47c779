"""Training logs as CSV: our own export, and the logs other frameworks write.

The doctor (:mod:`nncore.doctor`) judges telemetry frames (see
:mod:`nncore.telemetry`).  This module turns a CSV training log into those
frames, and our runs' frames into a CSV the module reads back unchanged.

Formats read
------------
* **Our export** (written by :func:`to_csv` / :func:`write_log`): one row per
  epoch, the history columns ``epoch, step, lr, train_loss, val_loss,
  train_acc, val_acc``, then one column per layer quantity and layer,
  ``<quantity>_<layer>`` with layers numbered from 1 (the last is the output
  layer): ``units_1, act_mean_1, act_std_1, dead_frac_1, saturated_frac_1,
  grad_norm_1, weight_norm_1, update_ratio_1, distinct_units_1, units_2, ...``.
  A non-finite loss is written ``nan`` / ``inf``; a value that was not measured
  (accuracy of a regression, a gradient at epoch 0) is an empty cell.
* **Keras CSVLogger**: ``epoch, loss, val_loss, accuracy, val_accuracy`` (old
  Keras: ``acc, val_acc``), epochs counted from 0, plus any other metric
  columns, which are ignored.
* **PyTorch Lightning CSVLogger** (``metrics.csv``): ``epoch, step`` and one
  column per logged metric; training and validation values sit on separate
  rows with empty cells, and a metric logged every few steps has several rows
  per epoch.  Per epoch, the training loss and accuracy are the mean of the
  epoch's values and the validation values and learning rate the last one.
  ``train_loss_epoch`` is preferred to ``train_loss``, which is preferred to
  ``train_loss_step``.
* **Plain** ``epoch, train_loss, val_loss`` (or any subset of the aliases).

Column names are matched case-insensitively after turning spaces, ``-``,
``.``, ``/`` and ``:`` into ``_`` (so ``Train Loss``, ``train/loss`` and
``train-loss`` are all ``train_loss``).  The accepted names are in
:data:`ALIASES`; a training loss column is required, everything else is
optional.  Per-layer columns (see :data:`LAYER_ALIASES`) may be written
``grad_norm_1``, ``grad_norm_layer1``, ``layer1_grad_norm`` or
``layer1/grad_norm``; layers are renumbered 1, 2, ... in the order of their
numbers (so 0-based logs work too), and the highest number is taken to be the
output layer.  They enable the doctor's layer-level rules.

Decisions on awkward input (each is reported in :attr:`ParsedLog.notes`)
---------------------------------------------------------------------------
* ``;``, tab and ``|`` separated files are read; in a ``;`` file, decimal
  commas (``0,693``) are read as decimal points.
* An epoch that appears on several full rows (a resumed run appending to its
  log) keeps its **last** row.
* An epoch without any training-loss value is left out (a Lightning row
  holding only validation metrics is merged into its epoch first).
* Accuracies logged in percent (values above 1) are divided by 100.
* Without an ``epoch`` column, each distinct ``step`` (or else each row) is an
  epoch, in file order.

Messages in any language
------------------------
Every sentence this module produces -- a note (:data:`NOTES`) or a refusal
(:attr:`LogError.MESSAGES`) -- is made from an English template and a few
facts.  A note is a :class:`Phrase`, a ``str`` that remembers its template's
key and facts; a :class:`LogError` has ``code`` and ``facts``.  Programs and
tests read the English; an app says the same thing in its own language from
the key and the facts (clinic/text/doctor.py).

Refused, with :class:`LogError` and a one-line message: a file over
:data:`MAX_BYTES` or :data:`MAX_ROWS` data rows, an empty file, a binary file,
a file without a header line, no training-loss column, a non-numeric cell in a
column the doctor uses, a row with more cells than the header, and fewer than
:data:`MIN_EPOCHS` epochs (unless the only epoch's loss is NaN or infinite: a
run that blew up at once).  NaN or infinite losses are *not* refused: they are
the evidence of a diverged run.
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import os
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .files import CodedError, read_head
from .telemetry import HISTORY_COLUMNS, LAYER_COLUMNS, layer_names

# Size caps: a training log of 100k epochs (or logged steps) is already far
# beyond what the charts can show, and 5 MB holds ~100k rows of a wide log.
# They bound the memory and time a hostile upload can cost the app.
MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 100_000
# A single row is a point, not a curve: every rule compares epochs (but one NaN row is a divergence).
MIN_EPOCHS = 2

# Canonical history column -> accepted (normalised) names, best first.
ALIASES: dict[str, tuple[str, ...]] = {
    "epoch": ("epoch", "epochs", "ep"),
    "step": ("step", "steps", "global_step", "iteration", "iterations", "iter"),
    "lr": ("lr", "learning_rate", "learningrate"),
    "train_loss": ("train_loss_epoch", "train_loss", "loss", "training_loss", "trn_loss", "loss_train",
                   "train_loss_step"),
    "val_loss": ("val_loss", "val_loss_epoch", "validation_loss", "valid_loss", "loss_val", "test_loss",
                 "val_loss_step"),
    "train_acc": ("train_acc_epoch", "train_acc", "train_accuracy", "accuracy", "acc", "training_accuracy",
                  "binary_accuracy", "categorical_accuracy", "sparse_categorical_accuracy", "train_accuracy_epoch",
                  "train_acc_step", "train_accuracy_step"),
    "val_acc": ("val_acc", "val_accuracy", "val_acc_epoch", "val_accuracy_epoch", "validation_accuracy",
                "valid_acc", "valid_accuracy", "val_binary_accuracy", "val_categorical_accuracy",
                "val_sparse_categorical_accuracy", "test_acc", "test_accuracy"),
}
# Learning-rate monitors name their column after the optimizer (Lightning: "lr-Adam").
LR_PREFIX = "lr_"

# Per-layer quantity (our telemetry name) -> accepted names.
LAYER_ALIASES: dict[str, tuple[str, ...]] = {
    "units": ("units", "width"),
    "act_mean": ("act_mean", "activation_mean"),
    "act_std": ("act_std", "activation_std"),
    "dead_frac": ("dead_frac", "dead_fraction", "dead_share", "dead"),
    "saturated_frac": ("saturated_frac", "saturated_fraction", "saturation"),
    "grad_norm": ("grad_norm", "gradient_norm", "gradnorm", "grad"),
    "weight_norm": ("weight_norm", "weightnorm"),
    "update_ratio": ("update_ratio", "update_weight_ratio"),
    "distinct_units": ("distinct_units", "distinct"),
}
LAYER_QUANTITIES = tuple(LAYER_ALIASES)  # the export's order

DELIMITERS = (",", ";", "\t", "|")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}


class Phrase(str):
    """An English sentence that remembers how it was made: a template's key and the facts that filled it.

    It *is* the string (so ``"semicolon" in note`` and ``print(note)`` work),
    and ``key`` / ``facts`` let an app say the same sentence in another
    language with the same numbers.  A ``str`` subclass rather than a pair, so
    that the notes and skipped-check reasons stay plain strings to every
    existing reader.
    """

    key: str
    facts: dict

    def __new__(cls, templates: dict[str, str], key: str, **facts) -> "Phrase":
        self = super().__new__(cls, templates[key].format(**facts))
        self.key, self.facts = key, facts
        return self

    def __reduce__(self):  # pickled by the app's caches: rebuild from the text, not through __new__
        return _phrase, (str(self), self.key, self.facts)


def _phrase(text: str, key: str, facts: dict) -> Phrase:
    p = str.__new__(Phrase, text)
    p.key, p.facts = key, facts
    return p


# How a log was read, when it took a decision (see "Decisions on awkward input").
NOTES: dict[str, str] = {
    "sep_semicolon": "read as a semicolon-separated file",
    "sep_tab": "read as a tab-separated file",
    "sep_pipe": "read as a pipe-separated file",
    "decimal_commas": "read decimal commas as decimal points",
    "epoch_filled": "rows without an epoch were given the epoch of the row above",
    "epoch_from_step": "no epoch column: each logged step is taken as one epoch",
    "epoch_from_row": "no epoch column: each row is taken as one epoch, in file order",
    "repeated": "{count} epoch(s) appear on several rows ({shown}): kept the last row of each",
    "dropped": "left out {count} epoch(s) without a training-loss value",
    "percent_train_acc": "train accuracy was logged in percent: divided by 100",
    "percent_val_acc": "val accuracy was logged in percent: divided by 100",
}


def note(key: str, **facts) -> Phrase:
    return Phrase(NOTES, key, **facts)


class LogError(CodedError):
    """A training log the doctor cannot read; the message says why in one line.

    ``code`` names the problem and ``facts`` fill its message
    (:attr:`MESSAGES`); ``str(error)`` is the English sentence.
    """

    MESSAGES = {
        "no_file": "no such file: {path}",
        "directory": "{path} is a directory, not a CSV file",
        "too_big_file": "the file is {size_mb:.1f} MB; the limit is {limit_mb:.0f} MB",
        "unreadable": "cannot read {path}: {reason}",
        "source": "expected a path, bytes or a file object, got {kind}",
        "too_big": "the file is over the {limit_mb:.0f} MB limit",
        "empty": "the file is empty",
        "utf16": "the file is not readable text (bad UTF-16)",
        "binary": "this is a binary file, not a CSV text file",
        "too_many_rows": "the file has {rows} rows; the limit is {limit}",
        "not_csv": "the file is not valid CSV: {detail}",
        "no_rows": "the file has a header line but no data rows",
        "no_header": "the first line should name the columns (e.g. epoch,loss,val_loss), but it holds numbers",
        "ragged": "line {line} has {cells} cells but the header has {width}",
        "single_column": "found a single column ({found}); the file should be comma-, semicolon- or tab-separated "
                         "with a training-loss column such as 'loss' or 'train_loss'",
        "no_loss": "no training-loss column: found {found}; expected one of {expected} (see nncore.logs.ALIASES)",
        "not_number": "column '{column}', line {line}: '{value}' is not a number",
        "no_loss_values": "no row has a value in the training-loss column '{column}'",
        "one_epoch": "only {count} epoch with a training loss: a curve needs at least {need}",
        "no_epochs": "the epoch column is empty",
        "epoch_not_whole": "the epoch column must hold whole numbers (below {limit:.0e})",
    }


@dataclass(frozen=True)
class ParsedLog:
    """A log read into telemetry frames, with what was decided on the way."""

    history: pd.DataFrame
    layers: pd.DataFrame | None
    format: str  # "nncore", "keras", "lightning" or "plain"
    notes: tuple[Phrase, ...] = ()  # English sentences carrying their key and facts (see Phrase)
    columns: dict[str, str] = field(default_factory=dict)  # canonical name -> the file's column


# -- writing -------------------------------------------------------------------

def to_frame(history: pd.DataFrame, layers: pd.DataFrame | None = None) -> pd.DataFrame:
    """The wide export frame: one row per epoch, history then per-layer columns."""
    wide = pd.DataFrame({c: history[c].to_numpy() if c in history else np.nan for c in HISTORY_COLUMNS})
    if layers is not None and len(layers):
        by_layer = {number: part.set_index("epoch") for number, part in layers.groupby("layer", sort=True)}
        epochs = wide["epoch"].to_numpy()
        extra = {}
        for number, part in by_layer.items():
            for q in LAYER_QUANTITIES:
                extra[f"{q}_{number}"] = part[q].reindex(epochs).to_numpy(dtype=float)
        wide = pd.concat([wide, pd.DataFrame(extra, index=wide.index)], axis=1)
    return wide


def to_csv(history: pd.DataFrame, layers: pd.DataFrame | None = None) -> str:
    """Our telemetry as the CSV :func:`read_log` reads back into the same frames.

    Floats are written with full precision (``repr``), so the round trip is
    exact.  Losses that are NaN or infinite are written ``nan``/``inf``, because
    they are evidence (a diverged run); every other unmeasured value is an
    empty cell.
    """
    wide = to_frame(history, layers)
    out = wide.copy()
    counts = ["epoch", "step"] + [c for c in wide.columns if c.startswith(("units_", "distinct_units_"))]
    for col in counts:  # whole numbers, written without a trailing ".0"; missing ones as empty cells
        v = wide[col].to_numpy(dtype=float)
        ok = np.isfinite(v)
        out[col] = pd.array(np.where(ok, v, 0).astype(np.int64), dtype="Int64")
        out.loc[~ok, col] = pd.NA
    for col in ("train_loss", "val_loss"):
        out[col] = [_format_loss(v) for v in wide[col].to_numpy(dtype=float)]
    return out.to_csv(index=False, lineterminator="\n", na_rep="")


def write_log(path_or_buffer, history: pd.DataFrame, layers: pd.DataFrame | None = None) -> None:
    """Write :func:`to_csv` to a path or a text buffer."""
    text = to_csv(history, layers)
    if hasattr(path_or_buffer, "write"):
        path_or_buffer.write(text)
    else:
        with open(path_or_buffer, "w", encoding="utf-8", newline="") as f:
            f.write(text)


def _format_loss(v: float) -> str:
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return repr(float(v))


# -- reading -------------------------------------------------------------------

def read_log(path_or_buffer) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """(history, layers) frames from a CSV training log; layers is None without per-layer columns.

    ``path_or_buffer`` is a path (str or os.PathLike), raw ``bytes``, or a
    binary or text file object (an uploaded file).  Raises :class:`LogError`.
    Use :func:`parse_log` to get the notes and the detected format too.
    """
    parsed = parse_log(path_or_buffer)
    return parsed.history, parsed.layers


def parse_log(path_or_buffer) -> ParsedLog:
    """Read a CSV training log; see the module docstring for formats and decisions."""
    text = _decode(_read_bytes(path_or_buffer))
    notes: list[Phrase] = []
    header, rows, delimiter = _split(text, notes)
    names = [_normalise(h) for h in header]
    mapping = _match_history(names)
    if "train_loss" not in mapping:
        found = ", ".join(h.strip() or "(blank)" for h in header[:12]) + (", ..." if len(header) > 12 else "")
        if len(header) == 1 and delimiter == ",":
            raise LogError("single_column", found=found)
        raise LogError("no_loss", found=found, expected=", ".join(ALIASES["train_loss"][:4]))
    layer_cols = _match_layers(names, set(mapping.values()))

    values = {canon: _column(rows, i, header[i]) for canon, i in mapping.items()}
    layer_values = {key: _column(rows, i, header[i]) for key, i in layer_cols.items()}

    fmt = _detect_format(names, mapping, values, layer_cols)
    groups = _grouping(_epochs(values, len(rows), notes), values, mapping, fmt, notes)
    history = _history(groups, values, notes)
    layers = _layers(groups, layer_values) if layer_cols else None
    if len(history) == 0:
        raise LogError("no_loss_values", column=header[mapping["train_loss"]].strip())
    if len(history) < MIN_EPOCHS and np.isfinite(history["train_loss"].to_numpy(dtype=float)).all():
        # (a single epoch whose loss is NaN or Inf is read: it is the evidence of a run that diverged at once)
        raise LogError("one_epoch", count=len(history), need=MIN_EPOCHS)
    used = {canon: header[i].strip() for canon, i in mapping.items()}
    return ParsedLog(history=history, layers=layers, format=fmt, notes=tuple(notes), columns=used)


def _read_bytes(source) -> bytes:
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        if not os.path.exists(path):
            raise LogError("no_file", path=path)
        if os.path.isdir(path):
            raise LogError("directory", path=path)
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            raise LogError("too_big_file", size_mb=size / 2**20, limit_mb=MAX_BYTES / 2**20)
        try:
            with open(path, "rb") as f:
                data = f.read(MAX_BYTES + 1)
        except OSError as exc:
            raise LogError("unreadable", path=path, reason=str(exc.strerror or exc)) from None
    elif isinstance(source, (bytes, bytearray, memoryview)) or hasattr(source, "read"):
        data = read_head(source, MAX_BYTES)
    else:
        raise LogError("source", kind=type(source).__name__)
    if len(data) > MAX_BYTES:
        raise LogError("too_big", limit_mb=MAX_BYTES / 2**20)
    return data


def _decode(data: bytes) -> str:
    if not data.strip():
        raise LogError("empty")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise LogError("utf16") from None
    if b"\x00" in data[:65536]:
        raise LogError("binary")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    sample = text[:65536]
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n\f") + sample.count("\ufffd")
    if control > 0.01 * len(sample):
        raise LogError("binary")
    return text


def _split(text: str, notes: list[Phrase]) -> tuple[list[str], list[list[str]], str]:
    """Header and rows of strings, with the delimiter detected from the header line."""
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    if not lines:
        raise LogError("empty")
    if len(lines) - 1 > MAX_ROWS:
        raise LogError("too_many_rows", rows=len(lines) - 1, limit=MAX_ROWS)
    head = lines[0]
    counts = {d: head.count(d) for d in DELIMITERS}
    delimiter = max(DELIMITERS, key=lambda d: counts[d])  # ties: the order of DELIMITERS (comma first)
    if counts[delimiter] == 0:
        delimiter = ","
    if delimiter != ",":
        notes.append(note(f"sep_{DELIMITER_NAMES[delimiter]}"))
    try:
        table = list(csv.reader(lines, delimiter=delimiter, skipinitialspace=True))
    except csv.Error as exc:
        raise LogError("not_csv", detail=str(exc)) from None
    header, rows = table[0], table[1:]
    if not rows:
        raise LogError("no_rows")
    if all(_is_number(h) for h in header if h.strip()):
        raise LogError("no_header")
    width = len(header)
    for number, row in enumerate(rows, start=2):
        if len(row) > width:
            raise LogError("ragged", line=number, cells=len(row), width=width)
    rows = [row + [""] * (width - len(row)) for row in rows]
    if delimiter == ";" and any(re.fullmatch(r"\s*-?\d+,\d+(?:[eE][-+]?\d+)?\s*", c) for r in rows[:50] for c in r):
        rows = [[c.replace(",", ".") for c in row] for row in rows]
        notes.append(note("decimal_commas"))
    return header, rows, delimiter


def _normalise(name: str) -> str:
    return re.sub(r"[\s\-./:]+", "_", name.strip().strip('"').lower()).strip("_")


def _match_history(names: list[str]) -> dict[str, int]:
    """Canonical column -> index of the file's column, taking each alias in order of preference."""
    taken: set[int] = set()
    mapping: dict[str, int] = {}
    for canon, aliases in ALIASES.items():
        for alias in aliases:
            if alias in names and names.index(alias) not in taken:
                mapping[canon] = names.index(alias)
                taken.add(mapping[canon])
                break
    if "lr" not in mapping:
        for i, name in enumerate(names):
            if name.startswith(LR_PREFIX) and i not in taken:
                mapping["lr"] = i
                break
    return mapping


_QUANTITY_OF = {alias: q for q, aliases in LAYER_ALIASES.items() for alias in aliases}
_Q = "|".join(sorted(map(re.escape, _QUANTITY_OF), key=len, reverse=True))
_LAYER_PATTERNS = (
    re.compile(rf"^(?P<q>{_Q})_(?:layer_?|l)?(?P<n>\d+)$"),
    re.compile(rf"^(?:layer_?|l)(?P<n>\d+)_(?P<q>{_Q})$"),
)


def _match_layers(names: list[str], taken: set[int]) -> dict[tuple[int, str], int]:
    """(original layer number, quantity) -> column index, for every per-layer column."""
    found: dict[tuple[int, str], int] = {}
    for i, name in enumerate(names):
        if i in taken:
            continue
        for pattern in _LAYER_PATTERNS:
            m = pattern.match(name)
            if m:
                found.setdefault((int(m["n"]), _QUANTITY_OF[m["q"]]), i)
                break
    return found


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class _Cells:
    """One column's floats, and which cells held anything (empty: absent; 'nan': present, NaN)."""

    values: np.ndarray
    present: np.ndarray


def _column(rows: list[list[str]], index: int, name: str) -> _Cells:
    """One column as floats; Python's float() reads 'nan', 'inf', 'Infinity' and '1e-3' alike."""
    values = np.full(len(rows), np.nan)
    present = np.zeros(len(rows), dtype=bool)
    for r, row in enumerate(rows):
        cell = row[index].strip()
        if not cell:
            continue
        try:
            values[r] = float(cell)
        except ValueError:
            shown = cell if len(cell) <= 30 else cell[:27] + "..."
            raise LogError("not_number", column=name.strip(), line=r + 2, value=shown) from None
        present[r] = True
    return _Cells(values, present)


def _detect_format(names, mapping, values, layer_cols) -> str:
    """A label for the reader's notes; the parsing itself depends only on the columns."""
    if layer_cols or names[:len(HISTORY_COLUMNS)] == HISTORY_COLUMNS:
        return "nncore"
    if "step" in mapping and (_has_gaps(values) or _repeats(values)):
        return "lightning"
    if names[mapping["train_loss"]] == "loss":
        return "keras"
    return "plain"


def _has_gaps(values) -> bool:
    return any(not values[k].present.all() for k in ("train_loss", "val_loss") if k in values)


def _repeats(values) -> bool:
    if "epoch" not in values:
        return False
    ep = values["epoch"]
    return len(np.unique(ep.values[ep.present])) < int(ep.present.sum())


def _epochs(values, n_rows: int, notes: list[Phrase]) -> np.ndarray:
    """The epoch of every row (forward-filled), or a stand-in when the log has none."""
    if "epoch" in values:
        col = values["epoch"]
        if not col.present.any():
            raise LogError("no_epochs")
        ep = pd.Series(np.where(col.present, col.values, np.nan)).ffill().bfill().to_numpy()
        if _whole(ep) is None:
            raise LogError("epoch_not_whole", limit=MAX_WHOLE)
        if not col.present.all():
            notes.append(note("epoch_filled"))
        return _whole(ep)
    if "step" in values and values["step"].present.all():
        notes.append(note("epoch_from_step"))
        _, ep = np.unique(values["step"].values, return_inverse=True)
        return ep.astype(np.int64)
    notes.append(note("epoch_from_row"))
    return np.arange(n_rows, dtype=np.int64)


@dataclass(frozen=True)
class _Groups:
    """Rows grouped by epoch: ``of_row`` numbers each row's epoch 0..G-1 in epoch order; ``keep`` the kept ones."""

    of_row: np.ndarray
    epochs: np.ndarray  # the epoch of each group
    keep: np.ndarray  # indices of the groups kept (those with a training-loss value)
    mean_cols: frozenset[str]  # columns averaged over the group's rows (training metrics logged per step)

    def last(self, col: _Cells) -> np.ndarray:
        """Per kept group, the value of its last row where ``col`` is present (NaN if none)."""
        rows = np.flatnonzero(col.present)
        last = np.full(len(self.epochs), -1)
        np.maximum.at(last, self.of_row[rows], rows)
        last = last[self.keep]
        return np.where(last >= 0, col.values[np.maximum(last, 0)], np.nan)

    def mean(self, col: _Cells) -> np.ndarray:
        """Per kept group, the mean of its present values (a NaN among them makes it NaN)."""
        rows = np.flatnonzero(col.present)
        g = self.of_row[rows]
        total = np.bincount(g, weights=col.values[rows], minlength=len(self.epochs))
        count = np.bincount(g, minlength=len(self.epochs)).astype(float)
        with np.errstate(invalid="ignore", divide="ignore"):
            return (total / np.where(count > 0, count, np.nan))[self.keep]


def _grouping(epochs, values, mapping, fmt, notes) -> _Groups:
    """Group rows by epoch; decide which epochs to keep and which columns to average (see the module doc)."""
    uniq, of_row = np.unique(epochs, return_inverse=True)
    tl = values["train_loss"].present
    per_group = np.bincount(of_row[tl], minlength=len(uniq))
    mean_cols: frozenset[str] = frozenset()
    if fmt == "lightning":
        mean_cols = frozenset(c for c in ("train_loss", "train_acc") if c in mapping)
    else:
        repeated = uniq[per_group > 1]
        if repeated.size:
            shown = ", ".join(map(str, repeated[:5].tolist())) + (", ..." if repeated.size > 5 else "")
            notes.append(note("repeated", count=int(repeated.size), shown=shown))
    keep = np.flatnonzero(per_group > 0)
    if keep.size < len(uniq):
        notes.append(note("dropped", count=int(len(uniq) - keep.size)))
    return _Groups(of_row=of_row, epochs=uniq, keep=keep, mean_cols=mean_cols)


def _history(groups: _Groups, values, notes) -> pd.DataFrame:
    n = groups.keep.size
    cols: dict[str, np.ndarray] = {"epoch": groups.epochs[groups.keep].astype(np.int64)}
    for canon in HISTORY_COLUMNS[1:]:
        if canon not in values:
            cols[canon] = np.full(n, np.nan)
        elif canon in groups.mean_cols:
            cols[canon] = groups.mean(values[canon])
        else:
            cols[canon] = groups.last(values[canon])
    for acc in ("train_acc", "val_acc"):
        finite = cols[acc][np.isfinite(cols[acc])]
        if finite.size and finite.max() > 1.0 and finite.max() <= 100.0 and finite.min() >= 0.0:
            cols[acc] = cols[acc] / 100.0
            notes.append(note(f"percent_{acc}"))
    history = pd.DataFrame(cols, columns=HISTORY_COLUMNS)
    step = _whole(history["step"].to_numpy())
    if step is not None:
        history["step"] = step
    return history


# Counts (epochs, steps, units) larger than this are not counts; float64 holds whole numbers exactly below 2**53.
MAX_WHOLE = 1e15


def _whole(v: np.ndarray) -> np.ndarray | None:
    """v as int64 when every value is a whole number of sensible size, else None."""
    if v.size and np.all(np.isfinite(v)) and np.all(np.abs(v) < MAX_WHOLE) and np.all(v == np.round(v)):
        return v.astype(np.int64)
    return None


def _layers(groups: _Groups, layer_values) -> pd.DataFrame:
    numbers = sorted({n for n, _ in layer_values})
    names = layer_names(len(numbers))
    n = groups.keep.size
    epochs = groups.epochs[groups.keep].astype(np.int64)
    parts = []
    for new, old in enumerate(numbers, start=1):
        part = {"epoch": epochs, "layer": np.full(n, new, dtype=np.int64), "name": [names[new - 1]] * n}
        for q in LAYER_QUANTITIES:
            col = layer_values.get((old, q))
            part[q] = groups.last(col) if col is not None else np.full(n, np.nan)
        parts.append(pd.DataFrame(part))
    layers = pd.concat(parts, ignore_index=True).sort_values(["epoch", "layer"], kind="stable")
    layers = layers.reset_index(drop=True)[LAYER_COLUMNS]
    for q in ("units", "distinct_units"):
        whole = _whole(layers[q].to_numpy(dtype=float))
        if whole is not None:
            layers[q] = whole
    return layers


def from_text(text: str) -> ParsedLog:
    """Parse CSV text (a convenience for tests and the app)."""
    return parse_log(io.BytesIO(text.encode("utf-8")))
