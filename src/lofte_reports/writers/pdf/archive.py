"""Finish reportlab's PDF as PDF/UA-1 and PDF/A-2a: structure tree, catalog, XMP, output intent.

reportlab draws the marked content (see `tagging`); it cannot write a structure tree or
XMP metadata, so pikepdf adds them afterwards, without touching the page content.
Archive mode is always on: it costs a few milliseconds, and an archivable file is never
the wrong file to publish.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from xml.sax.saxutils import escape

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from lofte_reports.writers.pdf.tagging import Element, Mark, SignatureField, Tagger

_ICC_DATE = bytes.fromhex("07d0 0001 0001 0000 0000 0000")  # 2000-01-01 00:00:00


@functools.cache
def srgb_profile() -> bytes:
    """Return an sRGB ICC profile (made by Pillow's LittleCMS) with a fixed creation date.

    The date would otherwise change the file's bytes on every run; the profile id is left
    unset (zero), which ICC allows.
    """
    from PIL import ImageCms

    profile = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    profile[24:36] = _ICC_DATE
    profile[84:100] = bytes(16)
    return bytes(profile)


def finish(pdf_bytes: bytes, tagger: Tagger, when: dt.datetime | None) -> bytes:
    """Return the PDF with its structure tree, PDF/UA and PDF/A identification and sRGB intent.

    The file is dated `when` (`_common.document_time`), in the document info and the XMP
    alike; without it neither holds a date. reportlab's own date (fixed at 2000-01-01 by its
    invariant mode) is replaced. The file id is derived from the content: same input, same bytes.
    """
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        _structure_tree(pdf, tagger)
        root = pdf.Root
        root.MarkInfo = Dictionary(Marked=True, Suspects=False)
        root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
        profile = pdf.make_stream(srgb_profile(), N=3)
        root.OutputIntents = Array(
            [
                Dictionary(
                    Type=Name.OutputIntent,
                    S=Name.GTS_PDFA1,
                    OutputConditionIdentifier=String("sRGB IEC61966-2.1"),
                    Info=String("sRGB IEC61966-2.1"),
                    DestOutputProfile=profile,
                )
            ]
        )
        if "/Trapped" in pdf.docinfo:  # has no twin in the XMP that PDF/A allows
            del pdf.docinfo["/Trapped"]
        for key in ("/CreationDate", "/ModDate"):
            if when is None:
                if key in pdf.docinfo:
                    del pdf.docinfo[key]
            else:
                pdf.docinfo[key] = String(_pdf_date(when))
        language = str(root.get("/Lang", "sv-SE"))
        metadata = pdf.make_stream(_xmp(pdf.docinfo, language, when).encode())
        metadata.Type, metadata.Subtype = Name.Metadata, Name.XML
        root.Metadata = metadata
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)
    return out.getvalue()


def _structure_tree(pdf: pikepdf.Pdf, tagger: Tagger) -> None:
    """Write the tagger's elements as StructElems, with the parent tree readers look up."""
    tree = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
    made: dict[int, pikepdf.Object] = {}

    def make(element: Element, parent: pikepdf.Object) -> tuple[pikepdf.Object, int | None]:
        node = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name(f"/{element.role}")))
        node.P = parent
        kids = Array()
        first_page: int | None = None
        for kid in element.kids:
            if isinstance(kid, Mark):
                page = pdf.pages[kid.page - 1].obj
                kids.append(Dictionary(Type=Name.MCR, Pg=page, MCID=kid.mcid))
                first_page = kid.page if first_page is None else first_page
            else:
                child, page_number = make(kid, node)
                kids.append(child)
                first_page = page_number if first_page is None else first_page
        node.K = kids
        if first_page is not None:  # containers too: checkers look for their page
            node.Pg = pdf.pages[first_page - 1].obj
        if element.alt is not None:
            node.Alt = String(element.alt)
        if element.scope is not None:
            node.A = Dictionary(O=Name.Table, Scope=Name(f"/{element.scope}"))
        made[id(element)] = node
        return node, first_page

    document, _ = make(tagger.root, tree)
    tree.K = document
    numbers = Array()
    owners = tagger.pages()
    for index, page in enumerate(pdf.pages):
        page.obj.Tabs = Name.S
        if index + 1 in owners:
            page.obj.StructParents = index
            numbers.append(index)
            numbers.append(Array([made[id(e)] for e in owners[index + 1]]))
    key = len(pdf.pages)
    for field in tagger.fields:
        form = made[id(field.element)]
        _signature_field(pdf, field, form, key)
        numbers.append(key)
        numbers.append(form)  # an annotation's parent is its element itself
        key += 1
    tree.ParentTree = pdf.make_indirect(Dictionary(Nums=numbers))
    tree.ParentTreeNextKey = key
    pdf.Root.StructTreeRoot = tree


def _signature_field(
    pdf: pikepdf.Pdf, field: SignatureField, form: pikepdf.Object, key: int
) -> None:
    """Add an empty signature field where it was drawn, as the content of its Form element.

    The widget is the content of its Form element (an object reference, found again
    through the parent tree under `key`), says whom it is for (/TU) and prints (PDF/A).
    """
    page = pdf.pages[field.page - 1]
    x0, y0, x1, y1 = field.rect
    appearance = pdf.make_stream(
        b"", Type=Name.XObject, Subtype=Name.Form, BBox=[0, 0, x1 - x0, y1 - y0]
    )
    widget = pdf.make_indirect(
        Dictionary(
            Type=Name.Annot,
            Subtype=Name.Widget,
            FT=Name.Sig,
            T=String(field.name),
            TU=String(field.description),
            Rect=Array([x0, y0, x1, y1]),
            F=4,
            P=page.obj,
            StructParent=key,
            AP=Dictionary(N=appearance),
        )
    )
    if "/Annots" not in page.obj:
        page.obj.Annots = Array()
    page.obj.Annots.append(widget)
    if "/AcroForm" not in pdf.Root:
        pdf.Root.AcroForm = Dictionary(Fields=Array())
    pdf.Root.AcroForm.Fields.append(widget)
    # The object reference alone, not in an array: pyHanko's check of later signatures
    # accepts a filled field only where the tree refers to it as Form /K /Obj.
    form.K = Dictionary(Type=Name.OBJR, Obj=widget, Pg=page.obj)
    form.Pg = page.obj


def _pdf_date(when: dt.datetime) -> str:
    """Return a time as a PDF date in UTC, e.g. "D:20180215000000Z"."""
    return when.astimezone(dt.UTC).strftime("D:%Y%m%d%H%M%SZ")


def _xmp_dates(when: dt.datetime | None) -> str:
    """Return the XMP twins of /CreationDate and /ModDate (both `when`), or nothing."""
    if when is None:
        return ""
    iso = when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return "".join(
        f"\n   <xmp:{name}>{iso}</xmp:{name}>"
        for name in ("CreateDate", "ModifyDate", "MetadataDate")
    )


def _xmp(info: pikepdf.Dictionary, language: str, when: dt.datetime | None) -> str:
    """Return the XMP packet: the document info's twins, PDF/A-2a and PDF/UA-1 identification.

    PDF/A needs every schema outside its own list described in the packet: the PDF/UA
    identification schema is, as PDF/UA asks.
    """

    def text(key: str) -> str:
        return escape(str(info.get(key, "")))

    keywords = text("/Keywords")
    lang = escape(language)
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"
    xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{text("/Title")}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{text("/Author")}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{text("/Subject")}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>
   <pdf:Keywords>{keywords}</pdf:Keywords>
   <pdf:Producer>{text("/Producer")}</pdf:Producer>
   <xmp:CreatorTool>{text("/Creator")}</xmp:CreatorTool>{_xmp_dates(when)}
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>A</pdfaid:conformance>
   <pdfuaid:part>1</pdfuaid:part>
   <pdfaExtension:schemas>
    <rdf:Bag>
     <rdf:li rdf:parseType="Resource">
      <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
      <pdfaSchema:property>
       <rdf:Seq>
        <rdf:li rdf:parseType="Resource">
         <pdfaProperty:name>part</pdfaProperty:name>
         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
         <pdfaProperty:category>internal</pdfaProperty:category>
         <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
        </rdf:li>
       </rdf:Seq>
      </pdfaSchema:property>
     </rdf:li>
    </rdf:Bag>
   </pdfaExtension:schemas>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
