"""Engine benchmark: nncore.train (telemetry on) against scikit-learn's MLPClassifier.

Same data, same network, same optimizer, same number of epochs, one BLAS thread,
measured side by side in one process, alternating, median of ROUNDS rounds.
Also times a lean loop (the same engine pieces with no telemetry) to show what
the telemetry costs.

    python bench/engine.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import warnings

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import numpy as np  # noqa: E402
from sklearn.exceptions import ConvergenceWarning  # noqa: E402
from sklearn.neural_network import MLPClassifier  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402

from nncore import Config, build, datasets, losses, optimizers, train  # noqa: E402

# 1,250 points split 80/20: 1,000 training samples (what both libraries fit on).
BASE = Config(dataset="moons", n_samples=1250, val_fraction=0.2, noise=0.2, seed=0)
WORKLOADS = {
    "W1": (BASE.replace(hidden=(64, 64), activation="tanh", optimizer="adam", lr=0.001, batch_size=32, epochs=200),
           dict(hidden_layer_sizes=(64, 64), activation="tanh", solver="adam", learning_rate_init=0.001,
                batch_size=32, max_iter=200)),
    "W2": (BASE.replace(hidden=(64, 64), activation="tanh", optimizer="sgd", lr=0.1, batch_size=1000, epochs=2000),
           dict(hidden_layer_sizes=(64, 64), activation="tanh", solver="sgd", momentum=0.0,
                nesterovs_momentum=False, learning_rate_init=0.1, batch_size=1000, max_iter=2000)),
    "W3": (BASE.replace(hidden=(32,) * 5, activation="sigmoid", optimizer="momentum", lr=0.01, mu=0.9,
                        batch_size=64, epochs=100),
           dict(hidden_layer_sizes=(32,) * 5, activation="logistic", solver="sgd", momentum=0.9,
                nesterovs_momentum=False, learning_rate_init=0.01, batch_size=64, max_iter=100)),
}
TARGETS = {"W1": 0.5, "W2": 0.8, "W3": 0.6}


def time_nncore(cfg):
    t = time.perf_counter()
    run = train(cfg, max_seconds=None)
    return time.perf_counter() - t, run


def time_sklearn(cfg, kwargs):
    X, y, _, _ = datasets.load(cfg)
    clf = MLPClassifier(alpha=0.0, tol=0.0, n_iter_no_change=10**9, shuffle=True, random_state=0, **kwargs)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        t = time.perf_counter()
        clf.fit(X, y)
        return time.perf_counter() - t, clf


def time_lean(cfg):
    """The same engine pieces with no telemetry at all: the floor telemetry is measured against."""
    X, y, _, _ = datasets.load(cfg)
    t = time.perf_counter()
    net = build(cfg)
    X = net.inputs(X)
    Y = losses.targets(y, 1, "binary").astype(net.dtype)
    opt = optimizers.make(cfg.optimizer, lr=cfg.lr, mu=cfg.mu)
    rng = cfg.rng("train")
    n, bs = len(X), min(cfg.batch_size, len(X))
    for _ in range(cfg.epochs):
        if bs < n:
            perm = rng.permutation(n)
            Xs, Ys = X[perm], Y[perm]
        else:
            Xs, Ys = X, Y
        for lo in range(0, n, bs):
            net.step_grad(Xs[lo:lo + bs], Ys[lo:lo + bs], need_loss=False)
            opt.step([net.theta], [net.grad])
    return time.perf_counter() - t


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--only", nargs="*", default=list(WORKLOADS))
    args = ap.parse_args(argv)
    print(f"numpy {np.__version__}; one BLAS thread; median of {args.rounds} alternating rounds")
    print(f"{'':4} {'nncore s':>9} {'lean s':>8} {'sklearn s':>10} {'ratio':>6} {'target':>7} {'telemetry':>10}"
          f" {'nncore acc':>10} {'sklearn acc':>11}")
    ok = True
    with threadpool_limits(1):
        for name in args.only:
            cfg, kw = WORKLOADS[name]
            ours, lean, theirs = [], [], []
            for _ in range(args.rounds):
                t, run = time_nncore(cfg)
                ours.append(t)
                t, clf = time_sklearn(cfg, kw)
                theirs.append(t)
                lean.append(time_lean(cfg))
            o, l, s = statistics.median(ours), statistics.median(lean), statistics.median(theirs)
            _, _, Xv, yv = datasets.load(cfg)
            ratio = o / s
            ok &= ratio <= TARGETS[name]
            print(f"{name:4} {o:9.3f} {l:8.3f} {s:10.3f} {ratio:6.2f} {'<=' + str(TARGETS[name]):>7} "
                  f"{(o / l - 1) * 100:+9.0f}% {run.history.val_acc.iloc[-1]:10.3f} {clf.score(Xv, yv):11.3f}")
    print("all targets met" if ok else "SOME TARGETS MISSED")
    return 0


if __name__ == "__main__":
    sys.exit(main())
