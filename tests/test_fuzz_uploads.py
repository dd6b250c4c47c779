"""Hostile uploads for every page that accepts one (the doctor's training logs, the playground's points), through
AppTest: near-miss CSV text, numbers that are NaN, infinite or huge, unicode, binary noise.  Whatever the file,
the page either reads it (and draws) or names what is wrong with it in one message; never an exception.

The parsers themselves are fuzzed harder, without Streamlit, in test_doctor.py and test_playground_data.py.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs

from tests.apptest_utils import assert_ok, charts, open_page

EXAMPLES = 10  # per page and kind: a readable playground file trains a network, so keep it modest

CELLS = hs.one_of(
    hs.floats(allow_nan=True, allow_infinity=True).map(repr),
    hs.integers(-10**40, 10**40).map(str),
    hs.sampled_from(["", "nan", "inf", "-inf", "1e400", "abc", "a", "b", " 3 ", "1,5", "\"x\"", "—", "🙂", "0x10"]),
    hs.text(max_size=12),
)


def table(headers: list[str]):
    """CSV text: one of the given header lines (or a random one), then rows of hostile cells, any delimiter."""
    header = hs.one_of(hs.sampled_from(headers), hs.lists(hs.text(max_size=10), min_size=1, max_size=4).map(",".join))
    rows = hs.lists(hs.lists(CELLS, min_size=1, max_size=5), min_size=0, max_size=40)
    sep = hs.sampled_from([",", ";", "\t", " "])
    return hs.tuples(header, rows, sep).map(
        lambda h: (h[0].replace(",", h[2]) + "\n" + "\n".join(h[2].join(r) for r in h[1]) + "\n").encode())


NUMBER = hs.floats(min_value=-50, max_value=50, allow_nan=False).map(lambda v: repr(round(v, 3)))
LABEL = hs.sampled_from(["a", "b", "0", "1", "2", "cat", "dog"])


def near_miss(headers: list[str]):
    """A proper header and mostly good rows (numbers; labels where a label goes; epochs counting up), with a
    hostile cell here and there: files a page should often read, so that reading, training and drawing are
    fuzzed too, not only refusing."""
    def rows_for(header: str):
        names = header.split(",")
        # about one cell in 150 is hostile (drawn from an integer that starts small, so good cells come first)
        cell = [hs.tuples(hs.integers(0, 149), LABEL if name == "label" else NUMBER, CELLS).map(
                    lambda t: t[2] if t[0] == 149 else t[1]) for name in names if name != "epoch"]
        rows = hs.lists(hs.tuples(*cell).map(list), min_size=25, max_size=60)
        with_epochs = rows.map(lambda rs: [[str(i)] * (names[0] == "epoch") + r for i, r in enumerate(rs)])
        return with_epochs.map(lambda rs: (header + "\n" + "\n".join(",".join(r) for r in rs) + "\n").encode())
    return hs.sampled_from(headers).flatmap(rows_for)


def garbage(headers: list[str]):
    return hs.one_of(table(headers), hs.binary(max_size=400), hs.text(max_size=300).map(str.encode))


KINDS = {"near_miss": near_miss, "garbage": garbage}


PAGES = {
    "doctor": ("pages/doctor.py", {"mode": "upload"}, "doctor.upload",
               ["epoch,loss,val_loss", "epoch,step,train_loss,val_loss", "epoch,train_loss,val_loss,grad_norm_1"]),
    "playground": ("pages/playground.py", {"data": "upload", "epochs": "20"}, "playground.upload",
                   ["x1,x2,label", "x,y", "x1,x2,y"]),
}


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("page", list(PAGES))
def test_any_upload_is_read_or_refused_with_one_message_never_an_exception(page, kind):
    path, query, key, headers = PAGES[page]
    outcomes = []

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(body=KINDS[kind](headers))
    def check(body):
        at = open_page(path, query=query)
        at.file_uploader(key=key).set_value(("upload.csv", body, "text/csv")).run()
        assert_ok(at)
        refused = [e.value for e in at.error if "upload.csv" in e.value]
        assert len(refused) <= 1, refused
        assert refused or charts(at), "a file must be read (and drawn) or refused with a message"
        outcomes.append("refused" if refused else "read")

    check()
    if kind == "near_miss":  # the fuzzing reached the pages' reading, training and drawing, not only refusals
        assert "read" in outcomes and "refused" in outcomes, outcomes
