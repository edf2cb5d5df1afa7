"""The layers under test are small: one thread avoids contention on a shared machine."""

import importlib.util

if importlib.util.find_spec("torch") is not None:
    import torch

    torch.set_num_threads(1)
