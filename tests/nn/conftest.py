"""The layers under test are small: one thread avoids contention on a shared machine."""

try:
    import torch
except ImportError:
    pass  # the tests skip by pytest.importorskip
else:
    torch.set_num_threads(1)
