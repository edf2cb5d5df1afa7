"""The exception hierarchy of grouprep.

Every error grouprep raises on purpose derives from :class:`GroupRepError`, so a
user can catch them all at once, and also from the built-in exception a Python
programmer would expect (:class:`ValueError`, :class:`TypeError`,
:class:`AssertionError`), so ordinary ``except ValueError`` code keeps working.

Messages name the argument, what was expected and what came in.

>>> import grouprep
>>> try:
...     grouprep.cyclic(0)
... except grouprep.GroupRepError as err:
...     print(err)
cyclic: argument 'n' must be an int >= 1, got 0
"""

from __future__ import annotations

__all__ = [
    "GroupRepError",
    "GroupRepTypeError",
    "GroupRepValueError",
    "LawViolation",
    "NotAnElementError",
    "NotFiniteError",
    "NotFittedError",
    "SizeLimitError",
    "SpecError",
]


class GroupRepError(Exception):
    """Base class of every error grouprep raises on purpose."""


class GroupRepValueError(GroupRepError, ValueError):
    """An argument has the right type but an unacceptable value."""


class GroupRepTypeError(GroupRepError, TypeError):
    """An argument has the wrong type."""


class NotAnElementError(GroupRepValueError):
    """A value was used as a group element but does not belong to the group."""


class NotFiniteError(GroupRepValueError, AttributeError):
    """A finite-set operation was asked of an action without a finite set of points.

    It is also an :class:`AttributeError`: such an action has no ``num_points``, so
    ``isinstance(action, FiniteAction)`` is False.
    """


class NotFittedError(GroupRepValueError, AttributeError):
    """A featurizer was used before ``fit`` (a ValueError and an AttributeError, as
    scikit-learn expects)."""


class SizeLimitError(GroupRepValueError):
    """A request exceeds a stated size limit (a group, a point set, a matrix too large to
    build exactly); the message gives the size asked for and the limit it exceeds."""


class SpecError(GroupRepValueError):
    """A group specification string such as ``"Z2xZ4"`` could not be parsed."""


class LawViolation(GroupRepError, AssertionError):
    """Raised by the ``assert_*`` law checkers when a law fails.

    It is an :class:`AssertionError`, so pytest reports it as a test failure.

    Attributes
    ----------
    report : LawReport
        The failing report, with its counterexample.
    """

    def __init__(self, message: str, report: object = None) -> None:
        super().__init__(message)
        self.report = report
