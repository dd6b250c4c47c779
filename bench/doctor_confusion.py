"""How often the doctor names the right problem, and how often it cries wolf.

Trains every variant of every scenario in ``nncore.scenarios.SCENARIOS`` (the
problem and each of its fixes) and the well-tuned healthy configs below, each
with several seeds, runs :func:`nncore.doctor.examine` on the telemetry and
counts, per variant, the runs in which each problem code was raised as an
*alarm* (severity error or warning; info findings are not alarms).

Measures (issue 5):
* recall of a code: share of the problem runs whose scenario symptom is that
  code in which the doctor raised it as an alarm (target >= 95 %);
* false alarms: share of healthy runs, and of fix runs, with any alarm at all
  (target <= 5 %).

Usage::

    python bench/doctor_confusion.py [--seeds 10] [--workers 2] [--log-format frames|ours|keras|lightning]

``--log-format`` chooses what the doctor reads: our telemetry frames (the
default); ``ours``, each run through its CSV export and read_log (it must give
the same table); ``keras`` or ``lightning``, the run's history written as
those frameworks' CSVLoggers write it (no per-layer columns, so the layer
rules cannot judge: their codes are counted as "not judged", outside the
recall).  Prints markdown.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from nncore import Config, train  # noqa: E402
from nncore.doctor import CODES, examine  # noqa: E402
from nncore import symptoms  # noqa: E402
from nncore.logs import LogError, from_text, to_csv  # noqa: E402
from clinic import doctor_logs  # noqa: E402

_B = Config()
_DECAY = dict(schedule="exponential", decay_rate=0.5, decay_every=20)
# Well-tuned networks on every data-set kind (binary, multi-class, regression),
# activation family, optimizer and full-batch training.  "Well-tuned" is
# checked, not assumed: nncore.symptoms finds no symptom in any of them for
# seeds 0-9 (the adaptive-rate ones decay their rate, as cs231n advises, so
# that their loss settles instead of bouncing).
HEALTHY: dict[str, Config] = {
    "moons, ReLU, Adam": _B.replace(dataset="moons", n_samples=400, hidden=(16, 16), activation="relu", init="he",
                                    optimizer="adam", lr=0.01, l2=1e-3, epochs=60, **_DECAY),
    "circles, tanh, Adam": _B.replace(dataset="circles", n_samples=400, noise=0.1, hidden=(16, 16),
                                      activation="tanh", optimizer="adam", lr=0.01, l2=1e-3, epochs=60, **_DECAY),
    "blobs, softmax": _B.replace(dataset="blobs", n_samples=300, hidden=(16,), activation="relu", init="he",
                                 optimizer="adam", lr=0.01, l2=1e-3, epochs=40),
    "curve, regression": _B.replace(dataset="curve", n_samples=300, noise=0.1, hidden=(32, 32), activation="tanh",
                                    optimizer="adam", lr=0.01, epochs=150, **_DECAY),
    "xor, tanh": _B.replace(dataset="xor", n_samples=400, noise=0.1, hidden=(8, 8), activation="tanh",
                            optimizer="adam", lr=0.01, l2=1e-3, epochs=80, **_DECAY),
    "gauss, logistic SGD": _B.replace(dataset="gauss", n_samples=300, hidden=(), optimizer="sgd", lr=0.1, epochs=50),
    "moons, full-batch momentum": _B.replace(dataset="moons", n_samples=300, hidden=(16, 16), activation="tanh",
                                             optimizer="momentum", lr=0.1, mu=0.9, batch_size=5000, l2=1e-3,
                                             epochs=300),
    "circles, 6-layer ReLU": _B.replace(dataset="circles", n_samples=400, noise=0.1, hidden=(16,) * 6,
                                        activation="relu", init="he", optimizer="adam", lr=0.003, l2=3e-3, epochs=50,
                                        **_DECAY),
    "bumps, regression": _B.replace(dataset="bumps", n_samples=400, noise=0.1, hidden=(32, 32), activation="tanh",
                                    optimizer="adam", lr=0.01, epochs=150, **_DECAY),
    "spiral, 64x64 ReLU": _B.replace(dataset="spiral", n_samples=400, noise=0.05, hidden=(64, 64), activation="relu",
                                     init="he", optimizer="adam", lr=0.01, l2=1e-4, epochs=150, schedule="exponential",
                                     decay_rate=0.5, decay_every=40),
    "plane, linear SGD": _B.replace(dataset="plane", n_samples=300, noise=0.1, hidden=(), optimizer="sgd", lr=0.05,
                                    epochs=60),
}


def variants(seeds: int) -> list[tuple[str, str, str, str | None, Config]]:
    """(group, scenario, variant, expected symptom or None, config) for every run."""
    from nncore.scenarios import SCENARIOS

    runs = []
    for name, sc in SCENARIOS.items():
        for seed in range(seeds):
            s = sc.with_seed(seed)
            runs.append(("problem", name, "problem", sc.symptom, s.problem))
            for fix, cfg in s.fixes.items():
                runs.append(("fix", name, fix, None, cfg))
    for name, cfg in HEALTHY.items():
        for seed in range(seeds):
            runs.append(("healthy", "healthy", name, None, cfg.replace(seed=seed)))
    return runs


WRITERS = {"ours": lambda run: to_csv(run.history, run.layers),
           "keras": lambda run: doctor_logs.keras_csv(run.history),  # the Doctor page's example writers
           "lightning": lambda run: doctor_logs.lightning_csv(run.history)}
FORMAT_NOTE = {"frames": "", "ours": ", through our CSV export and read_log",
               "keras": ", read from logs in Keras' CSVLogger convention (no layer columns)",
               "lightning": ", read from logs in PyTorch Lightning's CSVLogger convention (no layer columns)"}


def judge(job) -> tuple:
    """Train one run; return its alarms, its info codes, the symptoms nncore.symptoms confirms and the codes the
    doctor could not judge (every code when the log could not be read)."""
    group, scenario, variant, symptom, cfg, log_format = job
    run = train(cfg, max_seconds=None)
    oracle = tuple(code for code, check in symptoms.examine(run).items() if check.present)
    if log_format == "frames":
        report = examine(run.history, run.layers)
    else:
        try:
            parsed = from_text(WRITERS[log_format](run))
        except LogError:  # e.g. a run that exploded in its first epoch leaves a one-row log: no curve to judge
            return group, scenario, variant, symptom, (), (), oracle, tuple(CODES)
        report = examine(parsed.history, parsed.layers)
    alarms = tuple(sorted({f.code for f in report.alarms}, key=CODES.index))
    infos = tuple(sorted({f.code for f in report.findings if not f.alarm}, key=CODES.index))
    skipped = tuple(sorted({code for code, _ in report.skipped}))
    return group, scenario, variant, symptom, alarms, infos, oracle, skipped


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, default=10)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--log-format", choices=["frames", *WRITERS], default="frames")
    args = ap.parse_args(argv)
    jobs = [(*v, args.log_format) for v in variants(args.seeds)]
    t0 = time.perf_counter()
    with ProcessPoolExecutor(max_workers=min(2, args.workers)) as pool:
        results = list(pool.map(judge, jobs, chunksize=4))
    seconds = time.perf_counter() - t0

    rows: dict[tuple, dict] = {}
    for group, scenario, variant, symptom, alarms, infos, oracle, skipped in results:
        r = rows.setdefault((group, scenario, variant), {"symptom": symptom, "n": 0, "alarms": Counter(),
                                                         "clean": 0, "unconfirmed": 0})
        r["n"] += 1
        r["alarms"].update(alarms)
        r["clean"] += not alarms
        r["unconfirmed"] += bool(set(alarms) - set(oracle))

    short = {c: c.replace("_", " ") for c in CODES}
    print(f"## Doctor confusion table ({args.seeds} seeds per variant, {len(results)} runs, {seconds:.0f} s"
          f"{FORMAT_NOTE[args.log_format]})\n")
    print("Cells: runs in which the doctor raised that code as an alarm (error or warning). **Bold**: the "
          "scenario's symptom. *Unconfirmed*: runs with an alarm that nncore.symptoms (the oracle the scenarios "
          "are calibrated with) does not confirm.\n")
    print("| group | scenario | variant | runs | " + " | ".join(short[c] for c in CODES) + " | no alarm | unconfirmed |")
    print("|---|---|---|---:|" + "---:|" * len(CODES) + "---:|---:|")
    for (group, scenario, variant), r in rows.items():
        cells = []
        for c in CODES:
            k = r["alarms"][c]
            cells.append(f"**{k}**" if c == r["symptom"] else (str(k) if k else "."))
        print(f"| {group} | {scenario} | {variant} | {r['n']} | " + " | ".join(cells)
              + f" | {r['clean']} | {r['unconfirmed'] or '.'} |")

    recall: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    not_judged: Counter = Counter()  # problem runs whose symptom's rule could not judge the log
    strict = {"fix": [0, 0], "healthy": [0, 0]}
    unconfirmed = {"fix": [0, 0], "healthy": [0, 0]}
    agree: dict[str, Counter] = defaultdict(Counter)
    confusion: dict[str, Counter] = defaultdict(Counter)
    for group, scenario, variant, symptom, alarms, infos, oracle, skipped in results:
        for code in CODES:
            agree[code][(code in alarms, code in oracle)] += 1
        if group == "problem" and symptom in skipped:
            not_judged[symptom] += 1
        elif group == "problem":
            recall[symptom][0] += symptom in alarms
            recall[symptom][1] += 1
            confusion[symptom].update(alarms or ("(none)",))
        else:
            strict[group][0] += bool(alarms)
            strict[group][1] += 1
            unconfirmed[group][0] += bool(set(alarms) - set(oracle))
            unconfirmed[group][1] += 1
            confusion[f"{group} runs"].update(alarms or ("(none)",))

    print("\n### Recall per code (problem runs whose symptom is that code)\n")
    print("| code | detected | runs | recall |")
    print("|---|---:|---:|---:|")
    for code in CODES:
        if code in recall:
            hit, n = recall[code]
            print(f"| {code} | {hit} | {n} | {100 * hit / n:.1f}% |")
    for code, n in not_judged.items():
        print(f"| {code} | not judged | {n} | the log lacks per-layer columns, or was too short to read |")
    missing = [c for c in CODES if c not in recall and c not in not_judged]
    if missing:
        print(f"\nNo scenario has the symptom: {', '.join(missing)}.")

    print("\n### False alarms\n")
    print("Strict: a run with any alarm. Unconfirmed: a run with an alarm for a problem nncore.symptoms does not "
          "find in it (a fix may cure its scenario's problem and still show another one).\n")
    print("| runs | strict | rate | unconfirmed | rate |")
    print("|---|---:|---:|---:|---:|")
    for group in ("healthy", "fix"):
        (a, n), (b, _) = strict[group], unconfirmed[group]
        label = "fixes" if group == "fix" else "healthy"
        print(f"| {label} ({n}) | {a} | {100 * a / max(n, 1):.1f}% | {b} | {100 * b / max(n, 1):.1f}% |")

    print("\n### The scenarios' own proof (nncore.symptoms, the oracle of tests/test_scenarios.py)\n")
    print("Per scenario: how many problem runs show its symptom, how many fix runs show it, and how many fix runs "
          "show any symptom at all.\n")
    print("| scenario | symptom | problem runs with it | fix runs with it | fix runs with any symptom |")
    print("|---|---|---:|---:|---:|")
    symptom_of = {scenario: symptom for group, scenario, _, symptom, *_ in results if group == "problem"}
    proof: dict[str, Counter] = {}
    for group, scenario, variant, symptom, alarms, infos, oracle, skipped in results:
        if group != "healthy":
            p = proof.setdefault(scenario, Counter())
            p[group] += 1
            p[f"{group} with it"] += symptom_of[scenario] in oracle
            p["fix with any"] += group == "fix" and bool(oracle)
    for scenario, p in proof.items():
        print(f"| {scenario} | {symptom_of[scenario]} | {p['problem with it']}/{p['problem']} "
              f"| {p['fix with it']}/{p['fix']} | {p['fix with any']}/{p['fix']} |")

    print("\n### Agreement with nncore.symptoms on every run (doctor alarm / oracle verdict)\n")
    print("| code | both | doctor only | oracle only | neither |")
    print("|---|---:|---:|---:|---:|")
    for code in CODES:
        a = agree[code]
        print(f"| {code} | {a[(True, True)]} | {a[(True, False)]} | {a[(False, True)]} | {a[(False, False)]} |")

    print("\n### Confusion: expected (rows) vs alarms raised (columns; a run may raise several)\n")
    cols = list(CODES) + ["(none)"]
    print("| expected | " + " | ".join(short.get(c, c) for c in cols) + " |")
    print("|---|" + "---:|" * len(cols))
    for exp, counter in confusion.items():
        print(f"| {exp} | " + " | ".join(str(counter[c]) if counter[c] else "." for c in cols) + " |")
    hits = sum(h for h, _ in recall.values())
    total = sum(n for _, n in recall.values())
    n_ok = sum(n for _, n in strict.values())
    print(f"\n**Overall: recall {100 * hits / max(total, 1):.1f}% ({hits}/{total}); false alarms on healthy runs "
          f"{100 * strict['healthy'][0] / max(strict['healthy'][1], 1):.1f}%; on healthy and fix runs "
          f"{100 * sum(a for a, _ in strict.values()) / max(n_ok, 1):.1f}% strict, "
          f"{100 * sum(b for b, _ in unconfirmed.values()) / max(n_ok, 1):.1f}% unconfirmed.**")
    return 0


if __name__ == "__main__":
    sys.exit(main())
