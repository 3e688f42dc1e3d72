"""Some pages of a tagged PDF as a PDF of their own, with their part of the structure tree.

Every worksheet prints in one Chromium document (sheets.py); each worksheet's PDF is its page
taken out of that print, and each language's pack its sheets' pages. pypdf's writer copies a page with its
resources and annotations, but not the structure tree that makes the PDF tagged (what a screen
reader reads, and in which order), so this module copies it: every structure element with content
on the pages kept, in its order, with its marked content, its annotations and its attributes; the
parent tree that leads from the content back to the elements, made again with the new keys; the
tree of element identifiers (a table's header cells are found by them).
"""

from __future__ import annotations

import io
import weakref
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NullObject,
    NumberObject,
    PdfObject,
    TextStringObject,
)

# What an element refers to that is made anew for the copy (the rest is copied as it is).
_REMADE = ("/K", "/P", "/Pg")


def pages_alone(reader: PdfReader, indices: Sequence[int]) -> PdfWriter:
    """A new PDF of the pages at ``indices`` of ``reader`` (in that order), tagged as they were:
    the structure elements of their content, the parent tree, the language and ``/MarkInfo``."""
    writer = PdfWriter()
    pages: dict[int, IndirectObject] = {}  # the reader's page object number -> the copy's page
    annotations: dict[int, IndirectObject] = {}  # the same for each annotation of those pages
    for index in indices:
        original = reader.pages[index]
        copy = writer.add_page(original)
        if "/StructParents" in original:  # pypdf leaves it out; made anew with the parent tree
            copy[NameObject("/StructParents")] = NumberObject(original["/StructParents"])
        pages[original.indirect_reference.idnum] = copy.indirect_reference
        for old, new in zip(original.get("/Annots") or [], copy.get("/Annots") or []):
            if isinstance(old, IndirectObject) and isinstance(new, IndirectObject):
                annotations[old.idnum] = new
    catalog = reader.trailer["/Root"].get_object()
    root = writer.root_object
    for key in ("/Lang", "/ViewerPreferences"):
        if key in catalog:
            root[NameObject(key)] = catalog[key].clone(writer)
    tree = catalog.get("/StructTreeRoot")
    if tree is not None:
        _Structure(reader, writer, pages, annotations).copy(tree.get_object())
    return writer


def to_bytes(writer: PdfWriter) -> bytes:
    buffer = io.BytesIO()
    with _names_spelt_once():
        writer.write(buffer)
    return buffer.getvalue()


@contextmanager
def _names_spelt_once() -> Iterator[None]:
    """pypdf spells out every name it writes character by character (``NameObject.renumber``), and a
    sheet's PDF writes some 3 000 names (each structure element's /S, /P, /K, /Pg...) from a few
    hundred different ones: a third of writing the PDF. While the block runs, each name is spelt by
    pypdf once and its bytes written again from then on (the same bytes: only where they come
    from changes; what was spelt is forgotten with the block)."""
    original = NameObject.write_to_stream
    spelt: dict[str, bytes] = {}  # a name (``/StructElem``) -> its bytes in a PDF, as pypdf spells them

    def write_to_stream(name: NameObject, stream) -> None:
        known = spelt.get(name)
        if known is None:
            known = spelt[name] = name.renumber()
        stream.write(known)

    NameObject.write_to_stream = write_to_stream
    try:
        yield
    finally:
        NameObject.write_to_stream = original


class _Structure:
    """The structure tree of the pages kept, copied into ``writer``."""

    def __init__(self, reader: PdfReader, writer: PdfWriter, pages: dict[int, IndirectObject],
                 annotations: dict[int, IndirectObject]):
        self.reader, self.writer = reader, writer
        self.pages, self.annotations = pages, annotations
        self.copies: dict[int, IndirectObject] = {}  # an element's object number -> its copy
        self.content_pages = _content_pages(reader)
        self.ids: list[tuple[str, IndirectObject]] = []

    def copy(self, tree: DictionaryObject) -> None:
        root = self.writer._add_object(DictionaryObject({NameObject("/Type"): NameObject("/StructTreeRoot")}))
        kids = self._kids(tree.raw_get("/K") if "/K" in tree else None, root, page=None)
        if not kids:
            return
        parents = self._parent_tree(tree)
        root_object = root.get_object()
        root_object.update({
            NameObject("/K"): kids,
            NameObject("/ParentTree"): self.writer._add_object(DictionaryObject({NameObject("/Nums"): parents})),
            NameObject("/ParentTreeNextKey"): NumberObject(len(parents) // 2),
        })
        for key in ("/RoleMap", "/ClassMap"):
            if key in tree:
                root_object[NameObject(key)] = tree[key].clone(self.writer)
        if self.ids:
            names = ArrayObject()
            for identifier, element in sorted(self.ids, key=lambda pair: pair[0]):
                names += [TextStringObject(identifier), element]
            root_object[NameObject("/IDTree")] = self.writer._add_object(DictionaryObject({NameObject("/Names"): names}))
        catalog = self.writer.root_object
        catalog[NameObject("/StructTreeRoot")] = root
        catalog[NameObject("/MarkInfo")] = DictionaryObject({NameObject("/Marked"): BooleanObject(True)})

    def _touches(self, item: PdfObject, page: int | None) -> bool:
        """Whether ``item`` (an element, a marked-content or object reference, an MCID) has content
        on a page kept; ``page`` is the page its element names (``/Pg``)."""
        if isinstance(item, NumberObject):
            return page in self.pages
        obj = item.get_object()
        if not isinstance(obj, DictionaryObject):
            return False
        kind = obj.get("/Type")
        if kind == "/MCR":
            return _page_number(obj, page) in self.pages
        if kind == "/OBJR":
            return obj.raw_get("/Obj").idnum in self.annotations
        return not self.content_pages.get(_key(item, obj), frozenset()).isdisjoint(self.pages)

    def _kids(self, kids: PdfObject | None, parent: IndirectObject, page: int | None) -> ArrayObject:
        """The copies of ``kids`` (an element's /K) that have content on the pages kept."""
        if kids is None:
            return ArrayObject()
        kids = kids.get_object() if isinstance(kids, IndirectObject) and not isinstance(kids.get_object(), DictionaryObject) else kids
        copied = ArrayObject()
        for kid in kids if isinstance(kids, ArrayObject) else [kids]:
            if not self._touches(kid, page):
                continue
            if isinstance(kid, NumberObject):
                copied.append(kid)
                continue
            obj = kid.get_object()
            kind = obj.get("/Type")
            if kind == "/MCR":
                copied.append(DictionaryObject({NameObject("/Type"): NameObject("/MCR"), NameObject("/MCID"): obj["/MCID"],
                                                NameObject("/Pg"): self.pages[_page_number(obj, page)]}))
            elif kind == "/OBJR":
                reference = DictionaryObject({NameObject("/Type"): NameObject("/OBJR"),
                                              NameObject("/Obj"): self.annotations[obj.raw_get("/Obj").idnum]})
                copied.append(reference)
            else:
                copied.append(self._element(kid, obj, parent))
        return copied

    def _element(self, ref: PdfObject, element: DictionaryObject, parent: IndirectObject) -> IndirectObject:
        copy = DictionaryObject({NameObject(key): _plain(value, self.writer) for key, value in element.items() if key not in _REMADE})
        new = self.writer._add_object(copy)
        if isinstance(ref, IndirectObject):
            self.copies[ref.idnum] = new
        page = _page_number(element, None)
        copy[NameObject("/P")] = parent
        if page in self.pages:
            copy[NameObject("/Pg")] = self.pages[page]
        kids = self._kids(element.raw_get("/K") if "/K" in element else None, new, page)
        if kids:
            copy[NameObject("/K")] = kids
        if "/ID" in copy:
            self.ids.append((str(copy["/ID"]), new))
        return new

    def _parent_tree(self, tree: DictionaryObject) -> ArrayObject:
        """The new parent tree's pairs: for each page kept its content's elements (key 0, 1, ...),
        then for each annotation its element; the keys written into the pages and annotations."""
        old = _numbers(tree.get("/ParentTree"))
        nums = ArrayObject()
        key = 0
        for page in self.writer.pages:
            if "/StructParents" in page:
                entry = old.get(int(page["/StructParents"]))
                elements = entry.get_object() if entry is not None else ArrayObject()
                nums += [NumberObject(key), self.writer._add_object(ArrayObject(
                    self.copies.get(e.idnum, NullObject()) if isinstance(e, IndirectObject) else NullObject()
                    for e in elements))]
                page[NameObject("/StructParents")] = NumberObject(key)
                key += 1
        for page in self.writer.pages:
            for ref in page.get("/Annots") or []:
                annotation = ref.get_object()
                if "/StructParent" not in annotation:
                    continue
                element = old.get(int(annotation["/StructParent"]))
                if isinstance(element, IndirectObject) and element.idnum in self.copies:
                    nums += [NumberObject(key), self.copies[element.idnum]]
                    annotation[NameObject("/StructParent")] = NumberObject(key)
                    key += 1
                else:
                    del annotation["/StructParent"]
        return nums


_CONTENT_PAGES: "weakref.WeakKeyDictionary[PdfReader, dict]" = weakref.WeakKeyDictionary()


def _content_pages(reader: PdfReader) -> dict:
    """Each structure element of ``reader`` (by ``_key``) and the pages (their object numbers) its
    content is on: found once for a PDF, for every page taken out of it."""
    if reader in _CONTENT_PAGES:
        return _CONTENT_PAGES[reader]
    annotation_pages = {ref.idnum: page.indirect_reference.idnum for page in reader.pages
                        for ref in page.get("/Annots") or [] if isinstance(ref, IndirectObject)}
    found: dict = {}

    def pages_of(item: PdfObject, page: int | None) -> frozenset:
        if isinstance(item, NumberObject):
            return frozenset([page]) if page is not None else frozenset()
        obj = item.get_object()
        if not isinstance(obj, DictionaryObject):
            return frozenset()
        kind = obj.get("/Type")
        if kind == "/MCR":
            number = _page_number(obj, page)
            return frozenset([number]) if number is not None else frozenset()
        if kind == "/OBJR":
            number = annotation_pages.get(obj.raw_get("/Obj").idnum)
            return frozenset([number]) if number is not None else frozenset()
        key = _key(item, obj)
        if key not in found:
            found[key] = frozenset()  # a loop in a broken tree ends here
            own = _page_number(obj, page)
            kids = obj.raw_get("/K") if "/K" in obj else []
            kids = kids.get_object() if isinstance(kids, IndirectObject) and isinstance(kids.get_object(), ArrayObject) else kids
            found[key] = frozenset().union(*(pages_of(kid, own) for kid in (kids if isinstance(kids, ArrayObject) else [kids])))
        return found[key]

    tree = reader.trailer["/Root"].get_object().get("/StructTreeRoot")
    if tree is not None and "/K" in tree.get_object():
        pages_of(tree.get_object().raw_get("/K"), None)
    _CONTENT_PAGES[reader] = found
    return found


def _plain(value: PdfObject, writer: PdfWriter) -> PdfObject:
    """An element's attribute for the copy: as it is where it refers to no other object (names,
    strings, numbers, Chromium's table attributes), else copied with what it refers to."""
    def direct(item: PdfObject) -> bool:
        if isinstance(item, _SIMPLE):
            return True
        if isinstance(item, IndirectObject):
            return False
        if isinstance(item, DictionaryObject):
            return all(direct(v) for v in item.values())
        if isinstance(item, ArrayObject):
            return all(direct(v) for v in item)
        return True

    return value if direct(value) else value.clone(writer)


_SIMPLE = (NameObject, TextStringObject, NumberObject, FloatObject)  # what most attributes are: nothing to follow


def _key(item: PdfObject, obj: DictionaryObject):
    return item.idnum if isinstance(item, IndirectObject) else id(obj)


def _page_number(obj: DictionaryObject, inherited: int | None) -> int | None:
    """The object number of the page ``obj`` names (``/Pg``), else the one it inherits."""
    page = obj.raw_get("/Pg") if "/Pg" in obj else None
    return page.idnum if isinstance(page, IndirectObject) else inherited


def _numbers(tree: PdfObject | None) -> dict[int, PdfObject]:
    """A number tree's keys and values (values as written: most are references)."""
    found: dict[int, PdfObject] = {}
    stack = [tree] if tree is not None else []
    while stack:
        node = stack.pop().get_object()
        nums = node.get("/Nums") or []
        for k in range(0, len(nums) - 1, 2):
            found[int(nums[k])] = nums[k + 1]
        stack += list(node.get("/Kids") or [])
    return found
