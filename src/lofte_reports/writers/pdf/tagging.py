"""Tagged PDF: the structure tree a screen reader reads (PDF/UA-1).

While reportlab draws, every piece of content is bracketed as marked content: part of a
structure element (`/P <</MCID 3>> BDC … EMC`) or an artifact (`/Artifact BMC … EMC`:
page headers, rules, grid lines, repeated table headers). The elements are made before
drawing, in document order, so the tree's order is the reading order whatever the layout
does. `archive.finish` writes the tree into the file afterwards.

Marked content never nests: what is drawn inside a sequence belongs to it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Mark:
    """One marked-content sequence: its page (1-based) and its id on that page."""

    page: int
    mcid: int


@dataclass(eq=False, slots=True)
class Element:
    """A structure element: a standard role (P, H1, TD …), its kids in reading order.

    `alt` is a figure's alternative text; `scope` a header cell's (Column or Row).
    """

    role: str
    kids: list[Element | Mark] = field(default_factory=list)
    alt: str | None = None
    scope: str | None = None

    def add(self, role: str, alt: str | None = None, scope: str | None = None) -> Element:
        """Append a new child element and return it."""
        child = Element(role, alt=alt, scope=scope)
        self.kids.append(child)
        return child

    def elements(self) -> Iterator[Element]:
        """Yield this element and every element below it, in reading order."""
        yield self
        for kid in self.kids:
            if isinstance(kid, Element):
                yield from kid.elements()


@dataclass(frozen=True, slots=True)
class SignatureField:
    """An empty signature field drawn on a page: its Form element, name, description, place.

    `rect` is (x0, y0, x1, y1) in points on page `page` (1-based).
    """

    element: Element
    name: str
    description: str
    page: int
    rect: tuple[float, float, float, float]


class Tagger:
    """Hands out marked-content ids per page and keeps the document's structure tree.

    It also keeps the signature fields drawn, for `archive.finish` to add as widgets.
    """

    def __init__(self) -> None:
        self.root = Element("Document")
        self.fields: list[SignatureField] = []
        self._next_mcid: dict[int, int] = {}
        self._open = False

    @contextmanager
    def marked(self, canv: Any, element: Element) -> Iterator[None]:
        """Draw what the block draws as content of `element`."""
        if self._open:  # inside another sequence: the content is already that one's
            yield
            return
        page = canv.getPageNumber()
        mcid = self._next_mcid.get(page, 0)
        self._next_mcid[page] = mcid + 1
        element.kids.append(Mark(page, mcid))
        with self._sequence(canv, f"/{element.role} <</MCID {mcid}>> BDC"):
            yield

    def artifact(self, canv: Any, kind: str | None = None) -> AbstractContextManager[None]:
        """Draw what the block draws as an artifact (`kind`: Pagination, Layout …)."""
        opening = "/Artifact BMC" if kind is None else f"/Artifact <</Type /{kind}>> BDC"
        return self._sequence(canv, opening)

    @contextmanager
    def _sequence(self, canv: Any, opening: str) -> Iterator[None]:
        opened = self.open(canv, opening)
        try:
            yield
        finally:
            if opened:
                self.close(canv)

    def open(self, canv: Any, opening: str = "/Artifact BMC") -> bool:
        """Begin a marked sequence by hand (for callbacks); False if one is open already."""
        if self._open:
            return False
        self._open = True
        canv.addLiteral(opening)
        return True

    def close(self, canv: Any) -> None:
        """End the sequence `open` began."""
        canv.addLiteral("EMC")
        self._open = False

    def pages(self) -> dict[int, list[Element]]:
        """Return, per page, the element of each marked-content id, in id order."""
        owners: dict[int, dict[int, Element]] = {}
        for element in self.root.elements():
            for kid in element.kids:
                if isinstance(kid, Mark):
                    owners.setdefault(kid.page, {})[kid.mcid] = element
        return {page: [ids[i] for i in sorted(ids)] for page, ids in owners.items()}


class Tagged:
    """Mixin for a flowable: what it draws is its element's content, or else an artifact.

    The same flowable drawn a second time is a repeat (a table's header row on the next
    page), so it becomes an artifact. The parts of a split keep the element: a paragraph
    across a page break is one element with a marked sequence on each page.
    """

    tagger: Tagger | None = None
    element: Element | None = None
    _drawn: bool = False

    def tag(self, tagger: Tagger, element: Element | None) -> Any:
        """Mark this flowable as `element`'s content (None: an artifact); return it."""
        self.tagger, self.element = tagger, element
        return self

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        draw = super().drawOn  # type: ignore[misc]
        if self.tagger is None:
            draw(canvas, x, y, _sW)
        elif self.element is None or self._drawn:
            with self.tagger.artifact(canvas):
                draw(canvas, x, y, _sW)
        else:
            self._drawn = True
            with self.tagger.marked(canvas, self.element):
                draw(canvas, x, y, _sW)

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        parts: list[Any] = super().split(avail_width, avail_height)  # type: ignore[misc]
        if self.tagger is not None:
            for part in parts:
                if isinstance(part, Tagged) and part is not self:
                    part.tag(self.tagger, self.element)
        return parts
