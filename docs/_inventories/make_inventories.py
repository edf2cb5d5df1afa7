"""Write the small intersphinx inventories the grouprep documentation links through.

Why these files exist
---------------------
The documentation links to Python, NumPy, SymPy and networkx with ``sphinx.ext.intersphinx``.
Normally intersphinx downloads each project's ``objects.inv`` at build time. The machines that
build grouprep's documentation (developers' machines and CI) may have no internet access, and
the build runs with ``-W`` (every warning is an error), so a failed download would fail the
build and a successful one would make the output depend on the day it ran.

``docs/conf.py`` therefore lists, for every project, one of these committed files first and
the project's real ``objects.inv`` second. Sphinx tries the locations of an entry in order and
stops at the first one that loads, so the build reads only these files: it is offline and
deterministic. Each file is a valid Sphinx inventory (format version 2, zlib-compressed)
listing only the objects grouprep's documentation and type hints refer to, each with its
real documentation address, so the rendered links lead to the real pages.

How to regenerate them
----------------------
Edit the tables below (add an object when the documentation starts to mention one; the
address is the page and anchor on the project's site, relative to the base address given
in ``docs/conf.py``), then run, from the repository root::

    python docs/_inventories/make_inventories.py

and commit the changed ``.inv`` files with this script. The output is byte-for-byte
reproducible; ``python docs/_inventories/make_inventories.py --check`` exits with status 1
if a committed file differs from what the script would write.

The format, as Sphinx reads it: four header lines (``# Sphinx inventory version 2``,
``# Project: ...``, ``# Version: ...``, a line announcing the zlib compression), then the
zlib-compressed lines ``name domain:role priority address display-name``; an address ending
in ``$`` stands for the address with the name put in place of the ``$``, and a display name
``-`` means "the same as the name".
"""

from __future__ import annotations

import sys
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent

# (name, domain:role, address relative to the project's base address)
_PY_BUILTIN_CLASSES = {
    "int": "library/functions.html#int",
    "float": "library/functions.html#float",
    "complex": "library/functions.html#complex",
    "bool": "library/functions.html#bool",
    "object": "library/functions.html#object",
    "type": "library/functions.html#type",
    "str": "library/stdtypes.html#str",
    "bytes": "library/stdtypes.html#bytes",
    "tuple": "library/stdtypes.html#tuple",
    "list": "library/stdtypes.html#list",
    "dict": "library/stdtypes.html#dict",
    "set": "library/stdtypes.html#set",
    "frozenset": "library/stdtypes.html#frozenset",
    "range": "library/stdtypes.html#range",
}
_PY_EXCEPTIONS = (
    "Exception",
    "ValueError",
    "TypeError",
    "AssertionError",
    "AttributeError",
    "KeyError",
    "IndexError",
)
_COLLECTIONS_ABC = (
    "Callable",
    "Hashable",
    "Iterable",
    "Iterator",
    "Sequence",
    "Mapping",
    "Sized",
    "Container",
)

PYTHON: list[tuple[str, str, str]] = [
    *((name, "py:class", uri) for name, uri in _PY_BUILTIN_CLASSES.items()),
    *((name, "py:exception", "library/exceptions.html#$") for name in _PY_EXCEPTIONS),
    ("None", "py:data", "library/constants.html#$"),
    ("True", "py:data", "library/constants.html#$"),
    ("False", "py:data", "library/constants.html#$"),
    ("hash", "py:function", "library/functions.html#$"),
    ("isinstance", "py:function", "library/functions.html#$"),
    ("object.__eq__", "py:method", "reference/datamodel.html#$"),
    ("object.__hash__", "py:method", "reference/datamodel.html#$"),
    ("collections.abc", "py:module", "library/collections.abc.html#module-$"),
    *(
        (f"collections.abc.{n}", "py:class", "library/collections.abc.html#$")
        for n in _COLLECTIONS_ABC
    ),
    ("typing", "py:module", "library/typing.html#module-$"),
    ("typing.Any", "py:data", "library/typing.html#$"),
    ("typing.Literal", "py:data", "library/typing.html#$"),
    ("typing.Protocol", "py:class", "library/typing.html#$"),
    ("typing.Generic", "py:class", "library/typing.html#$"),
    ("typing.TypeVar", "py:class", "library/typing.html#$"),
    ("typing.runtime_checkable", "py:function", "library/typing.html#$"),
    ("typing.overload", "py:function", "library/typing.html#$"),
    ("abc.ABC", "py:class", "library/abc.html#$"),
    ("enum.Enum", "py:class", "library/enum.html#$"),
    ("dataclasses.dataclass", "py:function", "library/dataclasses.html#$"),
    ("argparse", "py:module", "library/argparse.html#module-$"),
    ("argparse.ArgumentParser", "py:class", "library/argparse.html#$"),
    ("argparse.Namespace", "py:class", "library/argparse.html#$"),
    ("doctest", "py:module", "library/doctest.html#module-$"),
    ("random", "py:module", "library/random.html#module-$"),
]

_NUMPY_FUNCTIONS = (
    "array",
    "asarray",
    "array_equal",
    "roll",
    "stack",
    "take_along_axis",
    "arange",
    "zeros",
)
_NUMPY_SCALARS = ("intp", "int64", "float64", "complex128", "bool_")

NUMPY: list[tuple[str, str, str]] = [
    ("numpy", "py:module", "reference/index.html#module-$"),
    ("numpy.ndarray", "py:class", "reference/generated/$.html#$"),
    ("numpy.dtype", "py:class", "reference/generated/$.html#$"),
    *((f"numpy.{n}", "py:class", "reference/arrays.scalars.html#$") for n in _NUMPY_SCALARS),
    *((f"numpy.{n}", "py:function", "reference/generated/$.html#$") for n in _NUMPY_FUNCTIONS),
    ("numpy.fft.fft", "py:function", "reference/generated/$.html#$"),
    ("numpy.fft.rfft", "py:function", "reference/generated/$.html#$"),
    ("numpy.random", "py:module", "reference/random/index.html#module-$"),
    ("numpy.random.Generator", "py:class", "reference/random/generator.html#$"),
    ("numpy.random.default_rng", "py:function", "reference/random/generator.html#$"),
    ("numpy.random.Generator.integers", "py:method", "reference/random/generated/$.html#$"),
    ("numpy.random.Generator.standard_normal", "py:method", "reference/random/generated/$.html#$"),
    ("numpy.typing", "py:module", "reference/typing.html#module-$"),
    ("numpy.typing.NDArray", "py:data", "reference/typing.html#$"),
    ("numpy.typing.ArrayLike", "py:data", "reference/typing.html#$"),
]

_PERM_GROUPS = "modules/combinatorics/perm_groups.html#$"
_NAMED_GROUPS = "modules/combinatorics/named_groups.html#$"

SYMPY: list[tuple[str, str, str]] = [
    ("sympy.combinatorics.perm_groups.PermutationGroup", "py:class", _PERM_GROUPS),
    (
        "sympy.combinatorics.perm_groups.PermutationGroup.schreier_sims_incremental",
        "py:method",
        _PERM_GROUPS,
    ),
    ("sympy.combinatorics.perm_groups.PermutationGroup.order", "py:method", _PERM_GROUPS),
    (
        "sympy.combinatorics.permutations.Permutation",
        "py:class",
        "modules/combinatorics/permutations.html#$",
    ),
    (
        "sympy.combinatorics.permutations.Permutation.array_form",
        "py:property",
        "modules/combinatorics/permutations.html#$",
    ),
    ("sympy.combinatorics.named_groups.SymmetricGroup", "py:function", _NAMED_GROUPS),
    ("sympy.combinatorics.named_groups.AlternatingGroup", "py:function", _NAMED_GROUPS),
    ("sympy.combinatorics.named_groups.CyclicGroup", "py:function", _NAMED_GROUPS),
    ("sympy.combinatorics.named_groups.DihedralGroup", "py:function", _NAMED_GROUPS),
    ("sympy.utilities.iterables.necklaces", "py:function", "modules/utilities/iterables.html#$"),
    ("sympy.simplify.simplify.simplify", "py:function", "modules/simplify/simplify.html#$"),
]

NETWORKX: list[tuple[str, str, str]] = [
    ("networkx.Graph", "py:class", "reference/classes/graph.html#$"),
    ("networkx.DiGraph", "py:class", "reference/classes/digraph.html#$"),
    ("networkx.MultiGraph", "py:class", "reference/classes/multigraph.html#$"),
    ("networkx.MultiDiGraph", "py:class", "reference/classes/multidigraph.html#$"),
    (
        "networkx.MultiDiGraph.add_edges_from",
        "py:method",
        "reference/classes/generated/$.html#$",
    ),
]

# file name -> (project, version of the documentation the addresses point into, objects)
INVENTORIES: dict[str, tuple[str, str, list[tuple[str, str, str]]]] = {
    "python.inv": ("Python", "3", PYTHON),
    "numpy.inv": ("NumPy", "stable", NUMPY),
    "sympy.inv": ("SymPy", "latest", SYMPY),
    "networkx.inv": ("NetworkX", "stable", NETWORKX),
}


def _address(template: str, name: str) -> str:
    """Expand every ``$`` except a trailing one, which Sphinx itself expands when reading."""
    if template.endswith("$"):
        return template[:-1].replace("$", name) + "$"
    return template.replace("$", name)


def render(project: str, version: str, objects: list[tuple[str, str, str]]) -> bytes:
    """The bytes of one inventory file (format version 2)."""
    header = (
        "# Sphinx inventory version 2\n"
        f"# Project: {project}\n"
        f"# Version: {version}\n"
        "# The remainder of this file is compressed using zlib.\n"
    )
    lines = []
    for name, role, template in sorted(objects):
        lines.append(f"{name} {role} 1 {_address(template, name)} -\n")
    body = zlib.compress("".join(lines).encode("utf-8"), 9)
    return header.encode("utf-8") + body


def main(argv: list[str]) -> int:
    """Write (or with ``--check``, compare) every inventory next to this script."""
    check = "--check" in argv
    stale = []
    for filename, (project, version, objects) in INVENTORIES.items():
        data = render(project, version, objects)
        path = HERE / filename
        if check:
            if not path.is_file() or path.read_bytes() != data:
                stale.append(filename)
        else:
            path.write_bytes(data)
            print(f"wrote {path} ({len(objects)} objects)")
    if stale:
        print("out of date: " + ", ".join(stale) + "; run make_inventories.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
