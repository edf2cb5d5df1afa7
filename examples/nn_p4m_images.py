"""
Training a p4m-equivariant image classifier
===========================================

A p4m-equivariant network and a plain CNN, trained on the same few images. The task:
periodic 12 x 12 images holding one of two shapes, an L tetromino or a T tetromino, at a
random place, in a random one of the 8 orientations (quarter turns and mirrors), on noise.
The label (which shape) does not change under the wallpaper group p4m. The equivariant
network (``ImageLiftingConv`` -> ReLU -> ``ImageGroupConv`` -> ReLU -> max over the
group -> linear) is invariant by construction; the plain CNN (``Conv2d`` of the same
widths, circular padding, global max pooling) must learn the orientations from the data.

Run: python examples/nn_p4m_images.py (about 10 s on 2 cores); ``--full`` trains on more
sizes and seeds.
"""

from __future__ import annotations

import argparse

import numpy as np
import torch

import grouprep
from grouprep.nn import ImageGroupConv, ImageLiftingConv

H = 12
SHAPES = {
    "L": [(0, 0), (1, 0), (2, 0), (2, 1)],
    "T": [(0, 0), (0, 1), (0, 2), (1, 1)],
}


def images(count: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Images with one shape each, moved by a random element of p4m, plus noise."""
    action = grouprep.p4m_action(H)
    G = action.group
    X = np.zeros((count, 1, H, H))
    y = rng.integers(0, 2, count)
    for n in range(count):
        base = np.zeros((H, H))
        for a, b in SHAPES["LT"[y[n]]]:
            base[a, b] = 1.0
        X[n, 0] = action.act(G.element(int(rng.integers(G.order))), base)
    X += 0.2 * rng.standard_normal(X.shape)
    return X, y


class Equivariant(torch.nn.Module):
    def __init__(self, width: int) -> None:
        super().__init__()
        p4m = grouprep.p4m_action(H)
        self.lift = ImageLiftingConv(p4m, 1, width, kernel_size=3)
        self.conv = ImageGroupConv(p4m, width, width, kernel_size=3)
        self.head = torch.nn.Linear(width, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        z = torch.relu(self.conv(torch.relu(self.lift(x))))
        return self.head(z.amax(dim=(2, 3, 4)))  # max over the group: invariant


class Plain(torch.nn.Module):
    def __init__(self, width: int) -> None:
        super().__init__()
        # the same number of feature maps as the equivariant net (8 per field)
        self.c1 = torch.nn.Conv2d(1, 8 * width, 3, padding=1, padding_mode="circular")
        self.c2 = torch.nn.Conv2d(8 * width, 8 * width, 3, padding=1, padding_mode="circular")
        self.head = torch.nn.Linear(8 * width, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        z = torch.relu(self.c2(torch.relu(self.c1(x))))
        return self.head(z.amax(dim=(2, 3)))


def train(model: torch.nn.Module, X: np.ndarray, y: np.ndarray, epochs: int) -> None:
    opt = torch.optim.Adam(model.parameters(), lr=0.01)
    xt, yt = torch.from_numpy(X).float(), torch.from_numpy(y)
    for _ in range(epochs):
        opt.zero_grad()
        torch.nn.functional.cross_entropy(model(xt), yt).backward()
        opt.step()


def accuracy(model: torch.nn.Module, X: np.ndarray, y: np.ndarray) -> float:
    with torch.no_grad():
        pred = model(torch.from_numpy(X).float()).argmax(dim=1).numpy()
    return float((pred == y).mean())


def main() -> None:
    parser = argparse.ArgumentParser(description="a p4m-equivariant image classifier")
    parser.add_argument("--full", action="store_true", help="more sizes and seeds")
    args, _ = parser.parse_known_args()
    torch.set_num_threads(2)
    sizes = (8, 16, 32, 64) if args.full else (8, 32)
    seeds = range(3) if args.full else range(1)
    rng = np.random.default_rng(0)
    X_test, y_test = images(200, rng)
    print(f"{'train size':>10}  {'p4m-equivariant':>15}  {'plain CNN':>9}")
    for size in sizes:
        eq, plain = [], []
        for seed in seeds:
            X, y = images(size, np.random.default_rng(100 + seed))
            torch.manual_seed(seed)
            a, b = Equivariant(4), Plain(4)
            train(a, X, y, 150)
            train(b, X, y, 150)
            eq.append(accuracy(a, X_test, y_test))
            plain.append(accuracy(b, X_test, y_test))
        print(f"{size:>10}  {np.mean(eq):>15.3f}  {np.mean(plain):>9.3f}")
    # the equivariant net predicts the same on every moved test image (float64)
    net = a.double()
    action = grouprep.p4m_action(H)
    with torch.no_grad():
        base = net(torch.from_numpy(X_test[:20]))
        for g in list(action.group.elements())[::97]:
            moved = torch.from_numpy(np.ascontiguousarray(action.act(g, X_test[:20])))
            assert torch.allclose(net(moved), base, rtol=1e-10, atol=1e-10)
    print("the p4m network's outputs are unchanged under the group (checked to 1e-10)")


if __name__ == "__main__":
    main()
