"""Reading a tagged PDF back: its structure tree, marked content and metadata (for tests)."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import pikepdf

from lofte_reports.doctree.nodes import (
    Chart,
    Document,
    Heading,
    ItemList,
    Paragraph,
    SignatureBlock,
    Table,
    TitleBlock,
)

PAINTING = {
    "Tj", "TJ", "'", '"', "Do", "f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "sh", "BI",
}  # fmt: skip


@dataclass
class Node:
    """A structure element read back: role, kids, and the pages of its own marked content."""

    role: str
    kids: list[Node] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    objects: list[pikepdf.Object] = field(default_factory=list)  # annotations (OBJR)
    alt: str | None = None
    scope: str | None = None

    def shape(self) -> tuple[object, ...]:
        """Return (role, shapes of kids): the tree without pages, for comparing."""
        return (self.role, tuple(kid.shape() for kid in self.kids))

    def walk(self) -> list[Node]:
        return [self, *(n for kid in self.kids for n in kid.walk())]


def structure(pdf_bytes: bytes) -> Node:
    """Return the document's structure tree from /StructTreeRoot, kids in order."""
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        pages = {page.obj.objgen: number for number, page in enumerate(pdf.pages, 1)}

        def read(element: pikepdf.Object) -> Node:
            node = Node(str(element.S)[1:])
            if "/Alt" in element:
                node.alt = str(element.Alt)
            if "/A" in element and "/Scope" in element.A:
                node.scope = str(element.A.Scope)[1:]
            kids = element.get("/K", pikepdf.Array())
            for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
                if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                    node.pages.append(pages[kid.Pg.objgen])
                elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
                    node.objects.append(kid.Obj)
                elif isinstance(kid, pikepdf.Dictionary):
                    node.kids.append(read(kid))
            return node

        return read(pdf.Root.StructTreeRoot.K)


def expected_structure(document: Document) -> tuple[object, ...]:
    """Return the structure tree the document tree calls for, worked out independently."""
    offset = int(any(isinstance(b, TitleBlock) for b in document.blocks))
    kids: list[tuple[object, ...]] = []

    def leaf(role: str) -> tuple[object, ...]:
        return (role, ())

    if document.page.notice is not None:
        kids.append(leaf("P"))
    for block in document.blocks:
        match block:
            case TitleBlock():
                kids += [leaf("H1"), *(leaf("P") for _ in block.lines)]
            case Heading():
                kids.append(leaf(f"H{block.level + offset}"))
            case Paragraph():
                kids.append(leaf("P"))
            case ItemList():
                item = ("LI", (leaf("Lbl"), leaf("LBody")))
                kids.append(("L", tuple(item for _ in block.items)))
            case Table():
                head = ("THead", (("TR", tuple(leaf("TH") for _ in block.header)),))
                rows = tuple(("TR", tuple(leaf("TD") for _ in row)) for row in block.rows)
                caption = () if block.caption is None else (leaf("Caption"),)
                kids.append(("Table", (*caption, head, ("TBody", rows))))
            case Chart():
                kids += [leaf("P"), leaf("Figure")]
            case SignatureBlock():
                lines = 1 if block.dateline is not None else 2
                person = (leaf("Form"), leaf("P"), leaf("P"), leaf("P"))
                people = tuple(k for _ in block.signatories for k in person)
                kids.append(("Div", (*(leaf("P") for _ in range(lines)), *people)))
    return ("Document", tuple(kids))


def unmarked_painting(pdf_bytes: bytes) -> list[tuple[int, str]]:
    """Return (page, operator) for every painting operator outside marked content."""
    found: list[tuple[int, str]] = []
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            depth = 0
            for instruction in pikepdf.parse_content_stream(page):
                name = str(instruction.operator)
                if name in ("BDC", "BMC"):
                    depth += 1
                elif name == "EMC":
                    depth -= 1
                elif name in PAINTING and depth == 0:
                    found.append((number, name))
    return found


def xmp(pdf_bytes: bytes) -> dict[str, str]:
    """Return the XMP properties that identify the file: PDF/A, PDF/UA, title, tool."""
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        meta = pdf.open_metadata()
        keys = (
            "pdfaid:part",
            "pdfaid:conformance",
            "pdfuaid:part",
            "dc:title",
            "xmp:CreatorTool",
            "pdf:Producer",
            "xmp:CreateDate",
        )
        return {key: str(meta.get(key, "")) for key in keys}
