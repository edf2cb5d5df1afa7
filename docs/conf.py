"""Sphinx configuration of the grouprep documentation.

Build from the repository root with::

    sphinx-build -W --keep-going -b html docs docs/_build/html

The build is offline: intersphinx reads the inventories committed under
``docs/_inventories/`` (see ``make_inventories.py`` there) before it would try the network.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from sphinx.ext import intersphinx

import grouprep

if TYPE_CHECKING:
    from docutils.nodes import Element
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

# -- Project ---------------------------------------------------------------------------------
project = "grouprep"
author = "The grouprep developers"
copyright = "the grouprep developers"
release = grouprep.__version__
version = ".".join(release.split(".")[:2])

# -- General ---------------------------------------------------------------------------------
extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.mathjax",
    "sphinx.ext.intersphinx",
    "sphinx.ext.viewcode",
    "sphinx_gallery.gen_gallery",
]
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
templates_path: list[str] = []
nitpicky = False  # type hints name private aliases (E, Perm); leave those unresolved quietly

# -- autodoc ---------------------------------------------------------------------------------
autodoc_typehints = "description"
autodoc_typehints_description_target = "all"
autodoc_member_order = "bysource"
autodoc_default_options = {
    "members": True,
    "show-inheritance": True,
}

# -- napoleon: numpy-style docstrings --------------------------------------------------------
napoleon_numpy_docstring = True
napoleon_google_docstring = False
napoleon_use_ivar = True  # "Attributes" sections become fields, not duplicate attribute entries
napoleon_use_rtype = False
napoleon_preprocess_types = False  # keep "ndarray of shape (m, n)" whole, not split at commas

# -- intersphinx: local inventory first, the real site second --------------------------------
# Sphinx tries the locations of an entry in order and stops at the first that loads, so the
# committed files make the build offline and deterministic; None (the site's own
# objects.inv) is only reached if a local file is missing.
intersphinx_mapping = {
    "python": ("https://docs.python.org/3/", ("_inventories/python.inv", None)),
    "numpy": ("https://numpy.org/doc/stable/", ("_inventories/numpy.inv", None)),
    "sympy": ("https://docs.sympy.org/latest/", ("_inventories/sympy.inv", None)),
    "networkx": (
        "https://networkx.org/documentation/stable/",
        ("_inventories/networkx.inv", None),
    ),
}
intersphinx_timeout = 3
intersphinx_disabled_reftypes = ["std:doc"]

# -- sphinx-gallery: the scripts of examples/ as a gallery -----------------------------------
# Every script is executed at build time (filename_pattern matches all of them), its printed
# output and matplotlib figures shown under its code. The generated pages go to
# docs/auto_examples/ (ignored by git), linked from the index. Each script's module
# docstring must start with an RST title; examples/ needs a GALLERY_HEADER.rst.
sphinx_gallery_conf = {
    "examples_dirs": "../examples",
    "gallery_dirs": "auto_examples",
    "filename_pattern": r"/.*\.py",
    "plot_gallery": True,
    "download_all_examples": False,
    "remove_config_comments": True,
    "within_subsection_order": "FileNameSortKey",
}

# -- HTML ------------------------------------------------------------------------------------
html_theme = "furo"
html_title = f"grouprep {release}"
html_static_path: list[str] = []


# -- Links to re-exported names --------------------------------------------------------------
# Each public object is documented once, under its subpackage (grouprep.groups.cyclic). Code
# and docstrings also name it through the top-level re-export (grouprep.cyclic) or, in type
# hints, through the private module that defines it (grouprep.groups._base.FiniteGroup).
# Type hints of other projects can name private modules too. This hook points such
# references at the documented name.
_DOCUMENTED_PACKAGES = (
    "grouprep.groups",
    "grouprep.actions",
    "grouprep.orbits",
    "grouprep.invariants",
    "grouprep.reps",
    "grouprep.numbers",
    "grouprep.laws",
    "grouprep.features",
    "grouprep.strategies",
    "grouprep.errors",
    "grouprep.cli",
)
_EXTERNAL_ALIASES = {
    "numpy.random._generator.Generator": "numpy.random.Generator",
}


def _documented_name(target: str) -> str | None:
    """The documented full name of a grouprep object referred to as ``target``, if any."""
    if not target.startswith("grouprep."):
        return None
    parts = target.split(".")
    # skip the module path: grouprep, then public subpackages and private modules
    k = 1
    while k < len(parts) and (
        parts[k].startswith("_") or ".".join(parts[: k + 1]) in _DOCUMENTED_PACKAGES
    ):
        k += 1
    if k == len(parts):
        return None
    name, rest = parts[k], parts[k + 1 :]
    for package in _DOCUMENTED_PACKAGES:
        if name in getattr(importlib.import_module(package), "__all__", ()):
            candidate = ".".join([package, name, *rest])
            return None if candidate == target else candidate
    return None


def _resolve_alias(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: Element
) -> Element | None:
    if node.get("refdomain") != "py":
        return None
    target = node.get("reftarget", "")
    if target in _EXTERNAL_ALIASES:
        aliased = node.deepcopy()
        aliased["reftarget"] = _EXTERNAL_ALIASES[target]
        return intersphinx.missing_reference(app, env, aliased, contnode)
    documented = _documented_name(target)
    if documented is None:
        return None
    domain = env.domains["py"]
    return domain.resolve_xref(
        env, node["refdoc"], app.builder, node["reftype"], documented, node, contnode
    )


def setup(app: Sphinx) -> None:
    """Register the reference hook of this configuration."""
    app.connect("missing-reference", _resolve_alias)
