"""Learning-rate schedules, per epoch, usable with every optimizer.

``SCHEDULES`` maps a name to ``fn(epoch, lr0, decay_rate, decay_every) -> lr``
where ``epoch`` counts completed epochs from 0 (the first epoch trains at
``lr0``).  All three decays are parameterised the same way so that they are
easy to compare: each has multiplied the rate by ``decay_rate`` after
``decay_every`` epochs, and they differ in shape:

* step:          lr0 * r ** floor(e / k)       -- drops in stairs
* exponential:   lr0 * r ** (e / k)            -- the smooth version of step
* inverse_time:  lr0 / (1 + (1/r - 1) * e / k) -- the classic 1/t decay, whose
  tail falls ever more slowly

The lecture's advice: once the loss stops improving and starts to bounce, a
smaller rate lets the weights settle into the valley instead of jumping across.
"""

from __future__ import annotations

import math


def constant(epoch: int, lr0: float, decay_rate: float = 0.5, decay_every: int = 50) -> float:
    return lr0


def step(epoch: int, lr0: float, decay_rate: float = 0.5, decay_every: int = 50) -> float:
    return lr0 * decay_rate ** math.floor(epoch / decay_every)


def exponential(epoch: int, lr0: float, decay_rate: float = 0.5, decay_every: int = 50) -> float:
    return lr0 * decay_rate ** (epoch / decay_every)


def inverse_time(epoch: int, lr0: float, decay_rate: float = 0.5, decay_every: int = 50) -> float:
    return lr0 / (1.0 + (1.0 / decay_rate - 1.0) * epoch / decay_every)


SCHEDULES = {
    "constant": constant,
    "step": step,
    "exponential": exponential,
    "inverse_time": inverse_time,
}


def rates(name: str, epochs: int, lr0: float, decay_rate: float = 0.5, decay_every: int = 50) -> list[float]:
    """The rate used in each of ``epochs`` epochs (for drawing a schedule)."""
    if name not in SCHEDULES:
        raise ValueError(f"schedule must be one of {list(SCHEDULES)}, got {name!r}")
    fn = SCHEDULES[name]
    return [fn(e, lr0, decay_rate, decay_every) for e in range(epochs)]
