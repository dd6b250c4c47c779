"""nncore: the NumPy engine that trains every network of Training Clinic.

Pure NumPy and pandas (no Streamlit): one module per idea --
:mod:`~nncore.activations`, :mod:`~nncore.initializers`, :mod:`~nncore.losses`,
:mod:`~nncore.optimizers`, :mod:`~nncore.schedules`, :mod:`~nncore.network`,
:mod:`~nncore.training` (the loop), :mod:`~nncore.telemetry`,
:mod:`~nncore.datasets`, :mod:`~nncore.features`; for the optimizer lab
:mod:`~nncore.surfaces`, :mod:`~nncore.descent`, :mod:`~nncore.landscape`;
:mod:`~nncore.scenarios` (the pathology pages' configs) and :mod:`~nncore.doctor`.

The public entry points::

    from nncore import Config, train, build
    run = train(Config(dataset="moons", hidden=(16, 16), epochs=100))
    run.history, run.layers          # tidy telemetry frames
"""

# nncore.doctor is not imported here: it is also a program (python -m nncore.doctor), and runpy warns
# when a module it runs was already imported by its package.  `from nncore import doctor` works as usual.
from . import (activations, datasets, descent, features, files, initializers, landscape, logs, losses, optimizers,
               scenarios, schedules, surfaces, symptoms, telemetry, userdata)
from .config import LIMITS, Config
from .network import Network, build
from .training import MAX_SECONDS, BudgetError, Run, estimate_seconds, train

__all__ = [
    "Config", "LIMITS", "Network", "build", "train", "Run", "BudgetError", "estimate_seconds", "MAX_SECONDS",
    "activations", "datasets", "descent", "features", "files", "initializers", "landscape", "logs", "losses",
    "optimizers", "scenarios", "schedules", "surfaces", "symptoms", "telemetry", "userdata", "SCENARIOS",
]
SCENARIOS = scenarios.SCENARIOS
