"""Side-by-side benchmarks of grouprep against reference libraries.

Run the suite from the repository root with ``python -m benchmarks`` (or
``python benchmarks/run.py``); ``--help`` lists the options. Each entry module
(``bench_*.py``) returns a list of :class:`benchmarks._harness.Case`: one operation on one
input, timed for grouprep and for its baseline in the same process, with both answers
checked against each other.
"""
