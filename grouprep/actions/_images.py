"""Rotations, reflections and translations of square images (private).

An image is an array of shape ``(h, h)``, a batch has shape ``(..., h, h)``: axis -2 is the
row i (top to bottom), axis -1 the column j (left to right), and site ``(i, j)`` has the
number ``i * h + j``. The three moves, written as the NumPy calls they equal:

* the quarter turn r: ``numpy.rot90(x, 1, axes=(-2, -1))``, counterclockwise as the
  array is printed, :math:`(r \\cdot x)[i, j] = x[j, h-1-i]`;
* the mirror m: ``numpy.flip(x, axis=-1)``, :math:`(m \\cdot x)[i, j] = x[i, h-1-j]`;
* the periodic translation t by (a, b): ``numpy.roll(x, (a, b), axis=(-2, -1))``,
  :math:`(t \\cdot x)[i, j] = x[i-a, j-b]` (indices mod h).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from grouprep._validation import check_int, describe
from grouprep.actions._signals import (
    SignalAction,
    SitesOfPermutation,
    _alphabet,
    _check_sites,
    _fmt,
)
from grouprep.errors import GroupRepTypeError
from grouprep.groups import FiniteGroup, PermutationGroup, cyclic, dihedral, permutation_group

__all__ = ["c4_action", "d4_action", "image_symmetry", "p4_action", "p4m_action"]

# the four corners of a square about its centre, counterclockwise from (1, 1): they record
# the rotation part of a symmetry of the periodic image (faithfully, whatever h is)
_CORNERS = ((1, 1), (-1, 1), (-1, -1), (1, -1))


def _side(h: Any, where: str) -> int:
    side = check_int(h, "h", where, minimum=1)
    _check_sites(side * side, "h", where)
    return side


def _square_sites(
    h: int, rotation: int, mirror: bool, shift: tuple[int, int] = (0, 0)
) -> npt.NDArray[np.intp]:
    """Where each site goes under t_shift r^rotation m^mirror (the mirror acts first)."""
    rows, cols = np.divmod(np.arange(h * h, dtype=np.intp), h)
    if mirror:  # m: (i, j) -> (i, h-1-j)
        cols = h - 1 - cols
    for _ in range(rotation % 4):  # r: (i, j) -> (h-1-j, i)
        rows, cols = h - 1 - cols, rows
    rows = (rows + shift[0]) % h
    cols = (cols + shift[1]) % h
    out: npt.NDArray[np.intp] = rows * h + cols
    return out


def _corner_map(rotation: int, mirror: bool) -> tuple[int, ...]:
    """How the linear part of r^rotation m^mirror permutes the four corners."""
    out = []
    for p, q in _CORNERS:
        if mirror:
            q = -q
        for _ in range(rotation % 4):  # the linear part of r: (p, q) -> (-q, p)
            p, q = -q, p
        out.append(_CORNERS.index((p, q)))
    return tuple(out)


def image_symmetry(
    h: int, shift: tuple[int, int] = (0, 0), rotation: int = 0, mirror: bool = False
) -> tuple[int, ...]:
    """The element :math:`t_{(a,b)}\\, r^k\\, m^s` of :func:`p4m_action` (and :func:`p4_action`).

    .. math:: g \\cdot x = \\texttt{roll}(\\texttt{rot90}(\\texttt{flip}^s(x), k), (a, b)):

    first the mirror (when ``mirror``), then ``rotation`` quarter turns, then the periodic
    translation by ``shift``. The groups of :func:`p4_action` and :func:`p4m_action` are
    permutation groups on the :math:`h^2` sites followed by four points recording the
    rotation (the corners of a square; for :math:`h \\le 2`, where :math:`-1 \\equiv 1 \\bmod
    h`, the sites alone do not tell every element apart), and this is the element as their
    image tuple of length :math:`h^2 + 4`.

    Parameters
    ----------
    h : int
        The side of the images, ``h >= 1``.
    shift : pair of int, default (0, 0)
        The translation (a, b): rows down by a, columns right by b, modulo h.
    rotation : int, default 0
        The number k of counterclockwise quarter turns, modulo 4.
    mirror : bool, default False
        Whether the left-right mirror acts first.

    Returns
    -------
    tuple of int
        The permutation of the :math:`h^2 + 4` points.

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> a = grouprep.p4m_action(3)
    >>> g = grouprep.image_symmetry(3, shift=(1, 0), rotation=1, mirror=True)
    >>> x = np.arange(9).reshape(3, 3)
    >>> bool(np.array_equal(a.act(g, x), np.roll(np.rot90(np.flip(x, -1)), 1, axis=0)))
    True
    """
    where = "image_symmetry"
    h = _side(h, where)
    if not isinstance(shift, tuple | list) or len(shift) != 2:
        raise GroupRepTypeError(
            f"{where}: argument 'shift' must be a pair of ints (a, b), got {describe(shift)}"
        )
    a = check_int(shift[0], "shift[0]", where)
    b = check_int(shift[1], "shift[1]", where)
    k = check_int(rotation, "rotation", where)
    if not isinstance(mirror, bool | np.bool_):
        raise GroupRepTypeError(
            f"{where}: argument 'mirror' must be True or False, got {describe(mirror)} of type "
            f"{type(mirror).__name__}"
        )
    sites = _square_sites(h, k, bool(mirror), (a % h, b % h))
    corners = _corner_map(k, bool(mirror))
    return (*(int(v) for v in sites), *(h * h + c for c in corners))


def _square_group(h: int, mirror: bool) -> PermutationGroup:
    gens = [
        image_symmetry(h, shift=(1, 0)),
        image_symmetry(h, shift=(0, 1)),
        image_symmetry(h, rotation=1),
    ]
    if mirror:
        gens.append(image_symmetry(h, mirror=True))
    identity = tuple(range(h * h + 4))
    return permutation_group([g for g in gens if g != identity], degree=h * h + 4)


def _image_action(
    group: FiniteGroup[Any], h: int, alphabet: int | None, ctor: Any, sites: Any
) -> SignalAction:
    name = _fmt(ctor.__name__, str(h), alphabet)
    action = SignalAction(group, (h, h), sites, alphabet, name)
    action._recipe = (ctor, (h, alphabet))
    return action


def c4_action(h: int, alphabet: int | None = None) -> SignalAction:
    """The cyclic group :math:`C_4` rotating ``h x h`` images by quarter turns.

    .. math:: (k \\cdot x)[i, j] = (r^k x)[i, j], \\qquad (r \\cdot x)[i, j] = x[j, h-1-i],

    so ``act(k, x) == numpy.rot90(x, k, axes=(-2, -1))``: k counterclockwise quarter turns
    about the centre of the image. The group is ``cyclic(4)``.

    Parameters
    ----------
    h : int
        The side of the images, ``h >= 1``; signals have shape ``(..., h, h)``.
    alphabet : int, optional
        Number of symbols k; makes the action finite on the :math:`k^{h^2}` images.

    Returns
    -------
    SignalAction

    See Also
    --------
    d4_action, p4_action

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> a = grouprep.c4_action(2)
    >>> a.act(1, np.array([[1, 2], [3, 4]]))
    array([[2, 4],
           [1, 3]])
    >>> grouprep.count_orbits(grouprep.c4_action(3, alphabet=2))  # OEIS A047937
    140
    """
    where = "c4_action"
    h = _side(h, where)
    alphabet = _alphabet(alphabet, where)

    def sites(k: int) -> npt.NDArray[np.intp]:
        return _square_sites(h, k, False)

    return _image_action(cyclic(4), h, alphabet, c4_action, sites)


def d4_action(h: int, alphabet: int | None = None) -> SignalAction:
    """The dihedral group :math:`D_4` rotating and reflecting ``h x h`` images.

    .. math:: (r, s) \\cdot x = r^{r}\\, m^{s} x, \\qquad
              (r \\cdot x)[i, j] = x[j, h-1-i], \\quad (m \\cdot x)[i, j] = x[i, h-1-j],

    so ``act((k, s), x) == numpy.rot90(numpy.flip(x, -1) if s else x, k, axes=(-2, -1))``:
    the left-right mirror first, then k counterclockwise quarter turns. The group is
    ``dihedral(4)``, whose element ``(r, s)`` is :math:`\\rho^r \\sigma^s`.

    Parameters
    ----------
    h : int
        The side of the images, ``h >= 1``; signals have shape ``(..., h, h)``.
    alphabet : int, optional
        Number of symbols k; makes the action finite on the :math:`k^{h^2}` images.

    Returns
    -------
    SignalAction

    See Also
    --------
    c4_action, p4m_action

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> a = grouprep.d4_action(2)
    >>> a.act((0, 1), np.array([[1, 2], [3, 4]]))
    array([[2, 1],
           [4, 3]])
    >>> grouprep.count_orbits(grouprep.d4_action(3, alphabet=2))  # OEIS A054247
    102
    """
    where = "d4_action"
    h = _side(h, where)
    alphabet = _alphabet(alphabet, where)

    def sites(g: tuple[int, int]) -> npt.NDArray[np.intp]:
        return _square_sites(h, g[0], bool(g[1]))

    return _image_action(dihedral(4), h, alphabet, d4_action, sites)


def p4_action(h: int, alphabet: int | None = None) -> SignalAction:
    """The wallpaper group p4 on periodic ``h x h`` images: translations and quarter turns.

    .. math:: t_{(a,b)}\\, r^k \\cdot x = \\texttt{roll}(\\texttt{rot90}(x, k), (a, b)),
              \\qquad |G| = 4 h^2,

    the semidirect product :math:`(\\mathbb{Z}_h \\times \\mathbb{Z}_h) \\rtimes C_4` of
    the periodic translations and the rotations about the centre (on a torus every
    rotation centre gives the same group). The group is a
    :class:`~grouprep.groups.PermutationGroup` on the :math:`h^2` sites plus four points
    recording the rotation, generated by the two unit translations and r; its order comes
    from Schreier–Sims. :func:`image_symmetry` names its elements.

    Parameters
    ----------
    h : int
        The side of the images, ``h >= 1``; signals have shape ``(..., h, h)``.
    alphabet : int, optional
        Number of symbols k; makes the action finite on the :math:`k^{h^2}` images.

    Returns
    -------
    SignalAction

    See Also
    --------
    p4m_action, c4_action, translation_action

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> a = grouprep.p4_action(4)
    >>> a.group.order
    64
    >>> g = grouprep.image_symmetry(4, shift=(1, 2), rotation=3)
    >>> x = np.arange(16).reshape(4, 4)
    >>> bool(np.array_equal(a.act(g, x), np.roll(np.rot90(x, 3), (1, 2), axis=(0, 1))))
    True
    """
    where = "p4_action"
    h = _side(h, where)
    alphabet = _alphabet(alphabet, where)
    return _image_action(
        _square_group(h, False), h, alphabet, p4_action, SitesOfPermutation(h * h)
    )


def p4m_action(h: int, alphabet: int | None = None) -> SignalAction:
    """The wallpaper group p4m on periodic ``h x h`` images: translations, turns, mirrors.

    .. math:: t_{(a,b)}\\, r^k m^s \\cdot x
              = \\texttt{roll}(\\texttt{rot90}(\\texttt{flip}^s(x), k), (a, b)),
              \\qquad |G| = 8 h^2,

    the semidirect product :math:`(\\mathbb{Z}_h \\times \\mathbb{Z}_h) \\rtimes D_4`. The
    group is a :class:`~grouprep.groups.PermutationGroup` on the :math:`h^2` sites plus
    four points recording the rotation and reflection, generated by the two unit
    translations, r and m; :func:`image_symmetry` names its elements.

    Parameters
    ----------
    h : int
        The side of the images, ``h >= 1``; signals have shape ``(..., h, h)``.
    alphabet : int, optional
        Number of symbols k; makes the action finite on the :math:`k^{h^2}` images.

    Returns
    -------
    SignalAction

    See Also
    --------
    p4_action, d4_action, translation_action

    Examples
    --------
    >>> import grouprep
    >>> a = grouprep.p4m_action(3, alphabet=2)
    >>> a.group.order, a.shape
    (72, (3, 3))
    >>> grouprep.check_action(a).holds
    True
    """
    where = "p4m_action"
    h = _side(h, where)
    alphabet = _alphabet(alphabet, where)
    return _image_action(
        _square_group(h, True), h, alphabet, p4m_action, SitesOfPermutation(h * h)
    )
