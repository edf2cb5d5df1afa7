"""Applying the group by hand, independently of the layers' own bases and tables."""

from __future__ import annotations

import numpy as np


def act_sites(action, g, X):
    """The action on the sites of (batch, channels, num_sites) signals, via action.act."""
    X = np.asarray(X)
    b, c, _ = X.shape
    moved = action.act(g, X.reshape(b, c, *action.shape))
    return np.asarray(moved).reshape(b, c, -1)


def act_rep(rep, g, X):
    """A representation on the last axis, by its numeric matrix."""
    return np.asarray(X) @ rep.numeric(g).T


def act_regular(group, h, F):
    """(h F)(g) = F(h^-1 g) on the last axis, indexed by group.elements()."""
    elems = group.elements()
    hinv = group.inverse(h)
    idx = [elems.index(group.compose(hinv, g)) for g in elems]
    return np.asarray(F)[..., idx]


def run(module, X):
    import torch

    dtype = next(module.parameters()).dtype
    with torch.no_grad():
        return module(torch.as_tensor(X, dtype=dtype)).numpy().astype(np.float64)


def relative_error(a, b):
    scale = max(np.abs(a).max(), np.abs(b).max(), 1e-300)
    return float(np.abs(a - b).max() / scale)


def burnside_dim(perms_in, perms_out):
    """dim Hom_G = (1/|G|) sum_g fix_in(g) fix_out(g), from the permutations by hand."""
    total = sum(
        int(np.sum(np.asarray(p) == np.arange(len(p))))
        * int(np.sum(np.asarray(q) == np.arange(len(q))))
        for p, q in zip(perms_in, perms_out, strict=True)
    )
    assert total % len(perms_in) == 0
    return total // len(perms_in)
