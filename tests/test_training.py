"""The training loop, its telemetry, determinism, divergence and bounded cost."""

import math
import warnings

import numpy as np
import pandas as pd
import pytest

import nncore
from nncore import Config, datasets, features, optimizers, telemetry, train
from nncore.config import ACTIVATION_NAMES, DATASET_NAMES, FEATURE_NAMES, INIT_NAMES, OPTIMIZER_NAMES, SCHEDULE_NAMES
from nncore.training import BudgetError, estimate_seconds

SMALL = Config(n_samples=120, hidden=(6, 5), epochs=12, batch_size=16, snapshots=4, dtype="float64")


# -- registries agree with the names Config accepts --------------------------

def test_registries_cover_every_config_name():
    assert set(nncore.activations.ACTIVATIONS) == set(ACTIVATION_NAMES)
    assert set(nncore.initializers.INITIALIZERS) == set(INIT_NAMES)
    assert set(optimizers.OPTIMIZERS) == set(OPTIMIZER_NAMES)
    assert set(nncore.schedules.SCHEDULES) == set(SCHEDULE_NAMES)
    assert set(datasets.DATASETS) == set(DATASET_NAMES)
    assert set(features.FEATURES) == set(FEATURE_NAMES)


# -- the loop follows the lecture's algorithm --------------------------------

def test_loop_matches_a_naive_reference_implementation():
    """Shuffle every epoch, take k samples, forward/backward, theta -= lr * grad."""
    cfg = SMALL.replace(optimizer="sgd", lr=0.1, epochs=5, batch_size=10)
    run = train(cfg)
    X, y, _, _ = datasets.load(cfg)
    net = nncore.build(cfg)
    rng = cfg.rng("train")
    for _ in range(cfg.epochs):
        perm = rng.permutation(len(X))
        for lo in range(0, len(X), cfg.batch_size):
            idx = perm[lo:lo + cfg.batch_size]
            _, grads = net.loss_and_grads(X[idx], y[idx])
            for p, g in zip(net.params, grads):
                p -= cfg.lr * g
    np.testing.assert_allclose(run.network.theta, net.theta, rtol=1e-10, atol=1e-12)


def test_batch_size_sets_the_number_of_updates():
    n_train = len(datasets.load(SMALL)[0])
    for bs, per_epoch in [(1, n_train), (16, math.ceil(n_train / 16)), (10_000 // 10, 1)]:
        run = train(SMALL.replace(batch_size=min(bs, 5000), epochs=3))
        assert run.history["step"].tolist() == [0, per_epoch, 2 * per_epoch, 3 * per_epoch]


def test_full_batch_reuse_gives_the_same_result_as_recomputing():
    cfg = SMALL.replace(batch_size=5000, optimizer="momentum", lr=0.05, epochs=8)
    run = train(cfg)
    X, y, _, _ = datasets.load(cfg)
    net = nncore.build(cfg)
    opt = optimizers.make("momentum", lr=0.05, mu=cfg.mu)
    for _ in range(cfg.epochs):
        _, grads = net.loss_and_grads(X, y)
        opt.step(net.params, grads)
    np.testing.assert_allclose(run.network.theta, net.theta, rtol=1e-10)


def test_recorded_steps_are_the_batch_losses_and_change_nothing_else():
    """record_steps keeps one loss per update; the run itself is the same bytes."""
    cfg = SMALL.replace(optimizer="sgd", lr=0.1, epochs=4, batch_size=10)
    plain, recorded = train(cfg), train(cfg.replace(record_steps=True))
    pd.testing.assert_frame_equal(plain.history, recorded.history)
    pd.testing.assert_frame_equal(plain.layers, recorded.layers)
    assert plain.steps.empty and list(recorded.steps.columns) == telemetry.STEP_COLUMNS
    per_epoch = math.ceil(len(datasets.load(cfg)[0]) / 10)
    assert recorded.steps["step"].tolist() == list(range(1, 4 * per_epoch + 1))
    assert recorded.steps["epoch"].value_counts().to_dict() == {e: per_epoch for e in range(1, 5)}
    # full batch, no dropout, no L2: update e's batch is the whole set, measured by the parameters that the
    # history measured at the end of epoch e - 1
    full = train(cfg.replace(batch_size=5000, record_steps=True))
    np.testing.assert_allclose(full.steps["batch_loss"], full.history["train_loss"].iloc[:-1], rtol=1e-9)


def test_the_batch_loss_of_sgd_is_noisier_than_that_of_batch_gd():
    """The lecture's contrast, per update: one sample's loss jumps about, the whole set's does not."""
    cfg = SMALL.replace(optimizer="sgd", lr=0.05, epochs=3, record_steps=True, dtype="float32")
    sgd = np.log(train(cfg.replace(batch_size=1)).steps["batch_loss"]).diff().abs().median()
    batch = np.log(train(cfg.replace(batch_size=5000, epochs=60)).steps["batch_loss"]).diff().abs().median()
    assert sgd > 10 * batch


def test_history_losses_are_the_losses_of_the_snapshot_parameters():
    run = train(SMALL)
    X, y, Xv, yv = run.data
    for epoch in run.snapshot_epochs:
        net = run.network_at(epoch)
        row = run.history.set_index("epoch").loc[epoch]
        assert row.train_loss == pytest.approx(net.data_loss(X, y), rel=1e-12)
        assert row.val_loss == pytest.approx(net.data_loss(Xv, yv), rel=1e-12)


def test_grad_norm_and_update_ratio_mean_what_they_say():
    cfg = SMALL.replace(batch_size=5000, optimizer="sgd", lr=0.3, epochs=1, snapshots=1)
    run = train(cfg)
    X, y, _, _ = run.data
    net0 = run.network_at(0)
    _, grads = net0.loss_and_grads(X, y)
    row = run.layers[run.layers.epoch == 1].set_index("layer")
    for l, g in enumerate(grads[0::2], start=1):
        assert row.loc[l, "grad_norm"] == pytest.approx(np.linalg.norm(g), rel=1e-10)
        W0, W1 = net0.weights[l - 1], run.network.weights[l - 1]
        assert row.loc[l, "update_ratio"] == pytest.approx(np.linalg.norm(W1 - W0) / np.linalg.norm(W0))
        assert row.loc[l, "weight_norm"] == pytest.approx(np.linalg.norm(W1))


def test_lr_column_follows_the_schedule():
    run = train(SMALL.replace(schedule="step", decay_rate=0.5, decay_every=4, lr=0.02, epochs=9))
    assert run.history["lr"].tolist() == [0.02, 0.02, 0.02, 0.02, 0.02, 0.01, 0.01, 0.01, 0.01, 0.005]


def test_flipped_gradient_sign_makes_the_loss_climb():
    cfg = SMALL.replace(optimizer="sgd", lr=0.2, epochs=30, flip_sign_epoch=11)
    h = train(cfg).history
    assert h.train_loss.iloc[10] < h.train_loss.iloc[0]  # learning before the flip
    assert (np.diff(h.train_loss.iloc[11:]) > 0).mean() > 0.9  # climbing after it
    assert h.train_loss.iloc[-1] > h.train_loss.iloc[10] * 1.5


def test_dropout_is_used_in_training_only():
    cfg = SMALL.replace(dropout=0.5, epochs=3)
    run = train(cfg)
    X = features.transform(run.data[0], cfg.features)
    np.testing.assert_array_equal(run.network.forward(X)[0], run.network.forward(X)[0])  # eval: no masks
    assert not np.array_equal(train(cfg.replace(dropout=0.0)).network.theta, run.network.theta)


def test_early_stopping_stops_and_says_why():
    cfg = Config(dataset="moons", n_samples=60, noise=0.4, hidden=(64, 64), epochs=400, lr=0.02,
                 early_stopping=15)
    run = train(cfg)
    assert run.stopped_epoch < 400
    assert run.history.epoch.iloc[-1] == run.stopped_epoch
    assert "Stopped early" in run.message and not run.diverged


# -- telemetry columns --------------------------------------------------------

def test_frames_have_the_documented_columns():
    run = train(SMALL)
    assert list(run.history.columns) == telemetry.HISTORY_COLUMNS
    assert list(run.layers.columns) == telemetry.LAYER_COLUMNS
    assert list(run.histograms.columns) == telemetry.HIST_COLUMNS
    assert run.history.epoch.tolist() == list(range(SMALL.epochs + 1))
    assert len(run.layers) == (SMALL.epochs + 1) * 3
    assert run.layers.name.unique().tolist() == ["hidden 1", "hidden 2", "output"]
    assert set(run.histograms.epoch) == set(run.snapshot_epochs) == {0, 3, 6, 9, 12}


def test_negative_bias_kills_every_relu_unit():
    run = train(SMALL.replace(bias_init=-10.0, epochs=3))
    hidden = run.layers[run.layers.name.str.startswith("hidden")]
    assert (hidden.dead_frac == 1.0).all()
    assert train(SMALL.replace(epochs=3)).layers.query("layer == 1").dead_frac.max() < 0.5


def test_leaky_relu_units_are_never_dead():
    run = train(SMALL.replace(activation="leaky_relu", bias_init=-10.0, epochs=3))
    assert (run.layers.query("layer < 3").dead_frac == 0.0).all()


def test_saturation_of_sigmoid_units():
    big = train(SMALL.replace(activation="sigmoid", init="normal", init_scale=8.0, epochs=2)).layers
    small = train(SMALL.replace(activation="sigmoid", init="normal", init_scale=0.1, epochs=2)).layers
    assert big.query("layer == 2").saturated_frac.min() > 0.5
    assert small.query("layer == 2").saturated_frac.max() == 0.0
    relu = train(SMALL.replace(epochs=2)).layers
    assert (relu.query("layer < 3").saturated_frac == 0).all()


@pytest.mark.parametrize("init,scale", [("zeros", 0.0), ("constant", 0.3)])
def test_symmetric_init_stays_symmetric(init, scale):
    run = train(SMALL.replace(activation="sigmoid", init=init, init_scale=scale, epochs=40, optimizer="sgd",
                              lr=0.5))
    hidden = run.layers.query("layer < 3")
    assert (hidden.distinct_units == 1).all()
    assert hidden.query("epoch == 40").weight_norm.min() > 0  # the weights moved, but all together


def test_random_init_gives_distinct_units():
    run = train(SMALL)
    assert run.layers.query("layer == 1").distinct_units.min() == 6
    assert run.layers.query("layer == 2").distinct_units.min() == 5


def test_distinct_units_counts_copies():
    W = np.array([[1.0, 1.0, 2.0, 1.0], [0.5, 0.5, 0.5, 0.5]])
    b = np.array([0.0, 0.0, 0.0, 0.1])
    assert telemetry.distinct_units(W, b, np.array([0.3, -1.1, 0.7])) == 3


def test_regression_accuracy_is_nan_and_multiclass_works():
    reg = train(Config(dataset="curve", hidden=(8,), epochs=5))
    assert reg.history.train_acc.isna().all()
    multi = train(Config(dataset="blobs", n_classes=4, hidden=(8,), epochs=30, noise=0.1))
    assert multi.network.sizes[-1] == 4
    assert multi.history.val_acc.iloc[-1] > 0.8


def test_features_change_the_input_layer():
    cfg = SMALL.replace(features=("x1", "x2", "x1^2", "x2^2", "x1*x2"), epochs=2)
    run = train(cfg)
    assert run.network.sizes[0] == 5
    assert run.predict(run.data[0]).shape == (len(run.data[0]), 1)


# -- determinism ---------------------------------------------------------------

@pytest.mark.parametrize("cfg", [SMALL, SMALL.replace(dropout=0.3, l2=0.01, optimizer="rmsprop"),
                                 Config(dataset="spiral", hidden=(8,), epochs=5, batch_size=1)])
def test_same_config_same_bytes(cfg):
    a, b = train(cfg), train(cfg)
    for name in ("history", "layers", "histograms"):
        fa, fb = getattr(a, name), getattr(b, name)
        assert fa.to_csv() == fb.to_csv()
        pd.testing.assert_frame_equal(fa, fb, check_exact=True)
    assert a.network.theta.tobytes() == b.network.theta.tobytes()


def test_seed_changes_data_and_init_but_fixes_share_the_data():
    a, b = train(SMALL), train(SMALL.replace(seed=1))
    assert not np.array_equal(a.data[0], b.data[0])
    c = train(SMALL.replace(hidden=(3,), l2=0.1, optimizer="sgd"))
    np.testing.assert_array_equal(a.data[0], c.data[0])  # same data, whatever the model


def test_no_global_random_state_is_used():
    np.random.seed(1)
    a = train(SMALL)
    np.random.seed(2)
    b = train(SMALL)
    assert a.network.theta.tobytes() == b.network.theta.tobytes()


# -- divergence ----------------------------------------------------------------

@pytest.mark.parametrize("cfg", [
    Config(dataset="curve", hidden=(16, 16), activation="tanh", optimizer="sgd", lr=5.0, epochs=100),
    Config(dataset="moons", hidden=(16,), activation="linear", optimizer="momentum", lr=20.0, mu=0.99, epochs=200),
])
def test_divergence_stops_training_with_a_message_and_no_warning(cfg):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        run = train(cfg)
    assert run.diverged
    assert run.stopped_epoch < cfg.epochs
    assert run.history.epoch.iloc[-1] == run.stopped_epoch
    last = run.history.train_loss.iloc[-1]
    assert not math.isfinite(last) or last > 1e3 * run.history.train_loss.iloc[0]
    assert f"diverged at epoch {run.stopped_epoch}" in run.message
    assert "learning rate" in run.message
    assert all(np.isfinite(v).all() for v in run.snapshots.values())


def test_healthy_run_is_not_diverged():
    run = train(SMALL)
    assert not run.diverged and run.message == "" and run.stopped_epoch == SMALL.epochs


# -- validation and budget -------------------------------------------------------

@pytest.mark.parametrize("changes,field", [
    (dict(dataset="mnist"), "dataset"), (dict(activation="gelu"), "activation"), (dict(init="orthogonal"), "init"),
    (dict(optimizer="adamw"), "optimizer"), (dict(schedule="cosine"), "schedule"), (dict(n_samples=-5), "n_samples"),
    (dict(hidden=(8, 0)), "hidden"), (dict(hidden=(8,) * 20), "len(hidden)"), (dict(lr=0.0), "lr"),
    (dict(lr=float("inf")), "lr"), (dict(dropout=1.0), "dropout"), (dict(mu=1.0), "mu"),
    (dict(batch_size=0), "batch_size"), (dict(epochs=2.5), "epochs"), (dict(features=("x3",)), "features"),
    (dict(dataset="blobs", output="sigmoid"), "multi-class"), (dict(dataset="curve", loss="bce"), "loss"),
    (dict(output="softmax"), "softmax"), (dict(seed=-1), "seed"), (dict(noise="0.2"), "noise"),
    (dict(record_steps="yes"), "record_steps"),
])
def test_invalid_configs_name_the_field(changes, field):
    with pytest.raises(ValueError, match=field.replace("(", r"\(").replace(")", r"\)")):
        Config(**changes)


def test_from_dict_rejects_unknown_fields_and_round_trips():
    with pytest.raises(ValueError, match="unknown Config field"):
        Config.from_dict({"learning_rate": 0.1})
    cfg = SMALL.replace(features=("x1", "sin(x2)"), flip_sign_epoch=3)
    assert Config.from_json(cfg.to_json()) == cfg
    assert hash(Config.from_json(cfg.to_json())) == hash(cfg)


def test_budget_refuses_huge_runs_before_working():
    huge = Config(n_samples=5000, hidden=(256,) * 6, epochs=5000, batch_size=1)
    with pytest.raises(BudgetError, match="budget"):
        train(huge)
    assert estimate_seconds(huge) > 1000
    assert estimate_seconds(SMALL) < 0.5


def test_estimate_orders_runs_by_cost():
    base = Config()
    assert estimate_seconds(base.replace(epochs=400)) == pytest.approx(2 * estimate_seconds(base))
    assert estimate_seconds(base.replace(batch_size=1)) > 10 * estimate_seconds(base)
    assert estimate_seconds(base.replace(hidden=(128, 128))) > estimate_seconds(base)


def test_float32_training_tracks_float64():
    a = train(SMALL.replace(epochs=30))
    b = train(SMALL.replace(epochs=30, dtype="float32"))
    assert b.network.theta.dtype == np.float32
    np.testing.assert_allclose(a.history.train_loss, b.history.train_loss, rtol=1e-3, atol=1e-5)


@pytest.mark.parametrize("nonneg", [False, True])
def test_activation_stats_by_hand(nonneg):
    H = np.array([[0.0, 0.99, 0.5], [0.0, 0.2, 0.995]])
    mean, std, dead, sat = telemetry.activation_stats(H, (0.0, 1.0), nonneg)
    assert mean == pytest.approx(H.mean()) and std == pytest.approx(H.std())
    assert dead == pytest.approx(1 / 3)  # the first unit is 0 on every sample
    assert sat == pytest.approx(4 / 6)  # 0.0, 0.0, 0.99 and 0.995 lie within 0.02 of an asymptote
    signed = np.array([[-0.97, 0.0], [0.5, 0.0]])
    assert telemetry.activation_stats(signed, (-1.0, 1.0))[2:] == pytest.approx((0.5, 0.25))
