"""Exact cyclotomic numbers: the values of characters and the entries of irreps."""

from grouprep.numbers._cyclotomic import MAX_FIELD_ORDER, Cyclotomic, as_cyclotomic, root_of_unity

__all__ = ["MAX_FIELD_ORDER", "Cyclotomic", "as_cyclotomic", "root_of_unity"]
