"""The doctor's words in both languages: every finding any rule produces, every skipped check, every note on how a
log was read and every refusal is said in Vietnamese from a Vietnamese template with the doctor's own numbers --
never the English fallback -- and in English exactly as the doctor says it."""

import pickle
import re

import numpy as np
import pandas as pd
import pytest

from clinic import i18n, verdicts
from clinic.text import doctor as text
from nncore import Config, doctor, logs, train
from nncore.logs import LogError, Phrase, parse_log
from nncore.scenarios import SCENARIOS

NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?(?:e[-+]?\d+)?%?")  # 12, 0.376, 3.31e-07, 79%
VI_LETTERS = re.compile("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I)


@pytest.fixture
def vi():
    i18n.set_lang("vi")
    yield
    i18n.set_lang("en")


# -- a corpus of findings: every scenario's problem, and synthetic logs for the variants they do not show ------------

T = np.arange(100.0)
FALLING = 0.05 + 0.65 * np.exp(-T / 8)


def history(train_loss, val_loss=None, train_acc=None, val_acc=None):
    n = len(train_loss)
    nan = np.full(n, np.nan)
    pick = lambda v: nan if v is None else np.asarray(v, float)  # noqa: E731
    return pd.DataFrame({"epoch": np.arange(n), "step": np.arange(n) * 10, "lr": np.full(n, 0.01),
                         "train_loss": pick(train_loss), "val_loss": pick(val_loss), "train_acc": pick(train_acc),
                         "val_acc": pick(val_acc)})


def layers(epochs=100, widths=(8, 8, 1), grad=None, dead=None, distinct=None, update=0.01, units=True):
    rows = []
    for e in range(epochs):
        for layer, width in enumerate(widths, start=1):
            hidden = layer < len(widths)
            rows.append({"epoch": e, "layer": layer, "name": f"hidden {layer}" if hidden else "output",
                         "units": width if units else np.nan, "act_mean": 0.1, "act_std": 0.5,
                         "dead_frac": (dead or {}).get(layer, 0.0) if hidden else np.nan,
                         "saturated_frac": 0.0 if hidden else np.nan,
                         "grad_norm": np.nan if e == 0 else (grad or {}).get(layer, 0.1), "weight_norm": 1.0,
                         "update_ratio": np.nan if e == 0 else update,
                         "distinct_units": (distinct or {}).get(layer, width)})
    return pd.DataFrame(rows)


def broken(value, at):
    loss = FALLING.copy()
    loss[at:] = value
    return loss


FLAT = np.full(100, 0.6931)
RISING = np.where(T < 40, 0.7 * np.exp(-T / 10), 0.7 * np.exp(-4) + 0.02 * (T - 40))
BOUNCING = 0.1 + 0.6 * np.exp(-T / 5) + 0.15 * (T % 4 == 0) * (T > 5)
OVERFIT_VAL = 0.15 + 0.55 * np.exp(-T / 8) + 0.006 * np.maximum(T - 25, 0)
SYNTHETIC = {
    "nan": (history(broken(np.nan, 60), FALLING), None),
    "nan first": (history(np.r_[np.nan, FALLING[1:]]), None),
    "inf": (history(broken(np.inf, 70)), None),
    "minus inf": (history(broken(-np.inf, 30)), None),
    "explosion": (history(np.r_[FALLING[:50], FALLING[0] * np.geomspace(2, 5e3, 10)]), None),
    "rising above start": (history(RISING, RISING + 0.02), layers()),
    "rising back": (history(np.where(T < 40, 1.0 - 0.02 * T, 0.2 + 0.012 * (T - 40))), layers(update=10.0)),
    "rising from the start": (history(0.5 + 0.02 * T), None),
    "unstable": (history(BOUNCING, BOUNCING + 0.02), layers()),
    "unstable while rising": (history(RISING + 0.15 * (T % 4 == 0) * (T > 45)), None),
    "slow": (history(0.7 - 0.002 * T, 0.71 - 0.002 * T), layers()),
    "overfitting with accuracy gap": (history(0.7 * np.exp(-T / 15), OVERFIT_VAL, np.full(100, 0.99),
                                              np.full(100, 0.8)), None),
    "underfitting, regression": (history(0.6 + 0.1 * np.exp(-T / 3), 0.61 + 0.1 * np.exp(-T / 3)), None),
    "underfitting, two classes?": (history(FLAT, FLAT, np.full(100, 0.5), np.full(100, 0.5)), None),
    "underfitting, validation accuracy only": (history(FLAT, FLAT, val_acc=np.full(100, 0.5)), None),
    "regression settled at once": (history(np.r_[0.05, np.full(99, 0.02)], np.r_[0.05, np.full(99, 0.021)]), None),
    "underfitting, three classes": (history(np.full(100, 1.05), np.full(100, 1.06), np.full(100, 0.4),
                                            np.full(100, 0.4)), layers(widths=(8, 3))),
    "symmetric copies": (history(FLAT, FLAT), layers(distinct={1: 1, 2: 1}, dead={1: 1.0, 2: 1.0})),
    "symmetric, widths unknown": (history(FALLING, FALLING), layers(distinct={1: 1}, units=False)),
    "dead layer": (history(FALLING, FALLING + 0.01), layers(dead={1: 1.0})),
    "dying network": (history(FALLING, FALLING + 0.01), layers(dead={1: 0.75, 2: 0.8})),
    "dying, widths unknown": (history(FALLING, FALLING + 0.01), layers(widths=(8, 1), dead={1: 0.5}, units=False)),
    "vanishing": (history(FALLING, FALLING + 0.01), layers(grad={1: 1e-6, 2: 1e-4, 3: 0.1})),
    "vanishing, no updates": (history(FALLING, FALLING + 0.01),
                              layers(grad={1: 1e-6, 2: 1e-4, 3: 0.1}, update=np.nan)),
}


@pytest.fixture(scope="module")
def corpus() -> list[doctor.Finding]:
    found = []
    for sc in SCENARIOS.values():
        run = train(sc.problem)
        found += doctor.diagnose(run.history, run.layers)
    for h, ly in SYNTHETIC.values():
        found += doctor.diagnose(h, ly)
    return found


# Reachable only by a log whose very first loss is its smallest and that still ends no higher than it started --
# the rule needs a 20 % rise above that minimum, so practically never; its template is checked with the facts of
# the other variants of the same finding.
UNREACHED = {"loss_rising.rose_back"}


def kinds(found):
    out = set()
    for f in found:
        out.add(f"{f.code}.{f.facts['kind']}")
        out.update(f"{f.code}.{item['kind']}" for item in f.facts.get("items", ()))
    return out


def test_the_corpus_shows_every_evidence_variant_and_clause(corpus):
    assert set(doctor.EVIDENCE) - kinds(corpus) == UNREACHED
    assert {c for f in corpus for c in f.facts.get("clauses", ())} == set(doctor.CLAUSES)
    assert {f.code for f in corpus} == set(doctor.CODES)
    assert {f.severity for f in corpus} == set(doctor.SEVERITIES)


def test_every_doctor_sentence_has_a_vietnamese_template_with_the_same_placeholders():
    keys = ([f"doctor.{c}.evidence.{k.split('.', 1)[1]}" for c in doctor.CODES for k in doctor.EVIDENCE
             if k.startswith(c + ".")]
            + [f"doctor.clause.{k}" for k in doctor.CLAUSES] + [f"doctor.skip.{k}" for k in doctor.SKIPS]
            + [f"doctor.note.{k}" for k in logs.NOTES] + [f"doctor.error.{k}" for k in LogError.MESSAGES]
            + [f"doctor.{c}.title" for c in doctor.CODES]
            + [f"doctor.{c}.fix{i}" for c, p in doctor.PROBLEMS.items() for i in range(len(p.fixes))])
    assert len(keys) == len(set(keys)) and all(i18n.has(k) for k in keys)
    for k in keys:
        en, vi = i18n.TABLE[k]
        assert en != vi or len(en) < 25, k  # translated (a short name like "Keras CSVLogger" may stay)
        assert VI_LETTERS.search(vi), k
    # and nothing translated that the doctor no longer says
    assert set(text.EVIDENCE_VI) == set(doctor.EVIDENCE) and set(text.CLAUSES_VI) == set(doctor.CLAUSES)
    assert set(text.SKIPS_VI) == set(doctor.SKIPS) and set(text.NOTES_VI) == set(logs.NOTES)
    assert set(text.ERRORS_VI) == set(LogError.MESSAGES) and set(text.TITLES_VI) == set(doctor.CODES)


def vietnamese_evidence(f: doctor.Finding) -> str:
    """The evidence built from the Vietnamese table only (no fallback possible: a missing key raises)."""
    def template(key):
        return i18n.TABLE[f"doctor.{key}"][1]
    return doctor.say(f.code, f.facts, template=template)


def test_in_vietnamese_every_finding_is_said_from_vietnamese_templates(corpus, vi):
    for f in corpus:
        said = verdicts.evidence(f)
        assert said == vietnamese_evidence(f), f.code
        assert said != f.evidence and VI_LETTERS.search(said), f.code
        assert verdicts.title(f) == text.TITLES_VI[f.code]
        assert verdicts.fixes(f) == list(text.FIXES_VI[f.code])
        # the same numbers, written the same way (as the charts write them)
        assert sorted(NUMBER.findall(f.evidence)) == sorted(NUMBER.findall(said)), (f.code, f.evidence, said)


def test_in_english_the_app_says_exactly_what_the_doctor_says(corpus):
    for f in corpus:
        assert verdicts.evidence(f) == f.evidence
        assert verdicts.title(f) == f.title and verdicts.fixes(f) == list(f.fixes)


def test_every_template_formats_with_the_facts_its_rule_produces(corpus):
    by_code = {}
    for f in corpus:
        by_code.setdefault(f.code, []).append(f)
    for key in doctor.EVIDENCE:
        code, kind = key.split(".", 1)
        if kind.startswith("item"):
            continue  # formatted with each item's facts, by every finding that has items (above)
        same = [f for f in by_code[code] if f.facts["kind"] == kind] or by_code[code]
        for f in same:
            for lang in (0, 1):
                i18n.TABLE[f"doctor.{code}.evidence.{kind}"][lang].format(**f.facts)


def test_unknown_kind_falls_back_to_the_doctors_english_rather_than_crash(vi):
    f = doctor.diagnose(*SYNTHETIC["nan"])[0]
    odd = doctor.Finding(f.code, f.title, f.severity, f.evidence, f.fixes, f.page, {**f.facts, "kind": "martian"})
    assert verdicts.evidence(odd) == f.evidence


# -- skipped checks, notes and refusals ------------------------------------------------------------------------------

def test_skipped_check_reasons_are_translated(vi):
    reports = [doctor.examine(history(FALLING[:3], FALLING[:3])), doctor.examine(history(FALLING)),
               doctor.examine(history(FALLING, FALLING), layers(grad={1: 0.1}).drop(columns=["dead_frac"])),
               doctor.examine(history(FALLING, np.r_[FALLING[:3], np.full(97, np.nan)]), layers(widths=(1,)))]
    seen = set()
    for report in reports:
        for code, reason in report.skipped:
            assert isinstance(reason, Phrase) and reason.key in doctor.SKIPS
            said = verdicts.phrase(reason, "skip")
            assert said == i18n.TABLE[f"doctor.skip.{reason.key}"][1].format(**reason.facts) and said != reason
            seen.add(reason.key)
    assert seen >= {"few_epochs", "no_val", "few_val", "no_layers", "few_grad"}


AWKWARD = [  # (file, notes it must produce)
    (b"epoch;loss;val_loss\n0;0,70;0,72\n1;0,60;0,65\n2;0,50;0,55\n", {"sep_semicolon", "decimal_commas"}),
    (b"epoch\tloss\n0\t0.7\n1\t0.6\n", {"sep_tab"}),
    (b"epoch|loss\n0|0.7\n1|0.6\n", {"sep_pipe"}),
    (b"epoch,loss\n0,0.9\n1,0.8\n2,0.7\n1,0.5\n2,0.4\n3,0.3\n", {"repeated"}),
    (b"loss,accuracy,val_accuracy\n0.7,50,48\n0.6,75,70\n0.5,90,80\n",
     {"epoch_from_row", "percent_train_acc", "percent_val_acc"}),
    (b"step,loss\n10,0.7\n20,0.6\n30,0.5\n", {"epoch_from_step"}),
    (b"epoch,loss,val_loss\n0,0.7,\n,0.6,\n1,,0.5\n2,0.5,0.4\n3,,0.3\n", {"epoch_filled", "dropped"}),
]


@pytest.mark.parametrize("data, keys", AWKWARD)
def test_notes_on_how_a_log_was_read_are_translated(data, keys, vi):
    notes = parse_log(data).notes
    assert {n.key for n in notes} >= keys
    for n in notes:
        said = verdicts.phrase(n, "note")
        assert said == i18n.TABLE[f"doctor.note.{n.key}"][1].format(**n.facts) and said != str(n)


def test_every_note_is_produced_by_some_file():
    assert set().union(*(keys for _, keys in AWKWARD)) == set(logs.NOTES)


BAD = {
    "empty": b"",
    "binary": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    "utf16": b"\xff\xfe" + b"\x00\xd8" * 3,
    "no_rows": b"epoch,loss\n",
    "no_header": b"0,0.7\n1,0.6\n",
    "ragged": b"epoch,loss\n0,0.7,3\n1,0.6\n",
    "single_column": b"epoch loss val_loss\n0 0.7 0.8\n",
    "no_loss": b"epoch,accuracy\n0,0.5\n1,0.6\n",
    "not_number": b"epoch,loss\n0,0.7\n1,abc\n",
    "no_loss_values": b"epoch,loss,val_loss\n0,,0.7\n1,,0.6\n",
    "one_epoch": b"epoch,loss\n0,0.7\n",
    "no_epochs": b"epoch,loss\n,0.7\n,0.6\n",
    "epoch_not_whole": b"epoch,loss\n0.5,0.7\n1,0.6\n",
    "not_csv": b"epoch,loss\n0," + b"7" * 200_000 + b"\n1,0.6\n",  # a cell over the csv module's field limit
}


def refusal(data) -> LogError:
    with pytest.raises(LogError) as info:
        parse_log(data)
    return info.value


@pytest.mark.parametrize("code", list(BAD))
def test_refusals_are_translated(code, vi):
    e = refusal(BAD[code])
    assert e.code == code
    said = verdicts.log_error(e)
    assert said != str(e) and VI_LETTERS.search(said)


def test_refusals_of_paths_and_sizes_are_translated(tmp_path, monkeypatch, vi):
    errors = [refusal(tmp_path / "missing.csv"), refusal(tmp_path), refusal(12345)]
    monkeypatch.setattr(logs, "MAX_BYTES", 10)
    big = tmp_path / "big.csv"
    big.write_bytes(b"epoch,loss\n0,0.7\n1,0.6\n")
    errors += [refusal(big), refusal(big.read_bytes())]
    monkeypatch.setattr(logs, "MAX_BYTES", 10**6)
    monkeypatch.setattr(logs, "MAX_ROWS", 1)
    errors.append(refusal(b"epoch,loss\n0,0.7\n1,0.6\n"))
    assert [e.code for e in errors] == ["no_file", "directory", "source", "too_big_file", "too_big", "too_many_rows"]
    for e in errors:
        said = verdicts.log_error(e)
        assert said == i18n.TABLE[f"doctor.error.{e.code}"][1].format(**e.facts)
    assert set(BAD) | {e.code for e in errors} | {"unreadable"} == set(LogError.MESSAGES)


def test_reports_survive_the_cache_pickle_with_their_phrases():
    report = doctor.examine(history(FALLING[:3], FALLING[:3]))
    again = pickle.loads(pickle.dumps(report))
    assert again.skipped == report.skipped
    assert [(r.key, r.facts) for _, r in again.skipped] == [(r.key, r.facts) for _, r in report.skipped]
    note = parse_log(AWKWARD[0][0]).notes[0]
    assert pickle.loads(pickle.dumps(note)).key == note.key


def test_a_pathology_run_verdict_is_vietnamese(vi):
    run = train(Config(hidden=(16, 16), bias_init=-3.0, epochs=60))
    (f, *_) = verdicts.findings(run)
    assert f.code == "dying_relu" and verdicts.evidence(f).startswith("Tại epoch")
