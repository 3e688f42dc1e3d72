"""The edition's facts besides its crisis lines, in words: the urgent route for a body symptom that
is not an emergency (NHS 111, healthdirect, an urgent care center) and the esketamine nasal spray's
label rules (how long the staff watch you, whether it is given on its own). Like the crisis lines,
they are facts in site.yml, or in a clinic's brand.yml for its country; every sentence about them
is built here from the facts and the interface catalog of the site's language, so no page text
names a country's service or label rule.

Our texts write ``{urgent_care}`` ("Call 111 (NHS 111, free, any time)", or the route in words where
it has no number), ``{esketamine_watch}`` ("for at least 2 hours after each dose, until they say you
are ready to leave", or "until they judge ..." where the label sets no number) and ``{esketamine_use}``
("on its own or with an antidepressant pill"); every rendered page has them filled in.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

from ..problems import Note, Problem, display_path
from ..schema.brand_file import BrandFile
from ..schema.items import Site, UrgentCare
from ..source.yaml_reader import YamlDocument, YamlLoadError, load_yaml
from .interface import fill

EDITION_FILL_IN = re.compile(r"\{(urgent_care|esketamine_watch|esketamine_use)\}")


def edition_site(site: Site, brand_file: BrandFile | None, brand_path: Path | None, ui: dict,
                 our_country: str) -> tuple[Site, list[Note]]:
    """``site`` (already under the clinic's brand: clinic.branded_site) with the urgent route worded in
    the site's language; and a warning for each fact a clinic in another country leaves to ours (its
    patients would be sent to a US service, or told the US label's rule)."""
    notes: list[Note] = []
    if brand_file is not None:
        country = brand_file.country or our_country
        for key, given in (("urgent_care", brand_file.urgent_care), ("esketamine", brand_file.esketamine)):
            if country != our_country and given is None:
                where = Problem(display_path(brand_path) if brand_path else "brand.yml", 1, 1, key, (
                    f"not set, so the guide gives ours, for {our_country}; set {key} for {country} "
                    "(FORKING.md, 'Country and crisis lines')"))
                notes.append(Note("warning", where))
    return site.model_copy(update={"urgent_care": worded_urgent(site.urgent_care, ui)}), notes


def worded_urgent(urgent: UrgentCare, ui: dict) -> UrgentCare:
    """The route with ``how`` (the short way to reach it: "Call 111") and ``about`` (its facts in
    words: "free, any time") in the catalog's language."""
    words = ui["crisis"]
    how = fill(words["call"], number=urgent.number) if urgent.number else None
    facts = [words["free"]] if urgent.free else []
    if urgent.hours:
        facts.append(words["any_time"] if urgent.hours.replace(" ", "").lower() in ("24/7", "24hours") else urgent.hours)
    return urgent.model_copy(update={"how": urgent.how or how, "about": urgent.about or (", ".join(facts) or None)})


def urgent_sentence(urgent: UrgentCare) -> str:
    """The route as a phrase with no full stop at its end (the text around it has one): its number
    with its name and facts ("Call 111 (NHS 111, free, any time)"), after what to do in words where
    the route has them."""
    if not urgent.how:
        return (urgent.what or urgent.name).rstrip(".")
    about = ", ".join(part for part in (urgent.name, urgent.about) if part)
    call = f"{urgent.how} ({about})"
    return f"{urgent.what.rstrip('.')}. {call}" if urgent.what else call


def edition_values(site: Site, ui: dict) -> dict[str, str]:
    """The text of each fill-in for this edition."""
    words = ui["esketamine"]
    rule = site.esketamine
    watch = fill(words["watch_hours"], hours=rule.watch_hours) if rule.watch_hours else words["watch_until_stable"]
    return {"urgent_care": urgent_sentence(site.urgent_care), "esketamine_watch": watch,
            "esketamine_use": words["alone"] if rule.alone else words["with_pill"]}


def edition_fill_ins(text: str, site: Site, ui: dict, markup: bool = False) -> str:
    """``text`` with ``{urgent_care}``, ``{esketamine_watch}`` and ``{esketamine_use}`` filled in; for
    a rendered page (``markup``), as escaped text: a clinic's facts may hold ``<`` or ``&``."""
    if "{" not in text:
        return text
    values = edition_values(site, ui)
    if markup:
        values = {name: html.escape(value, quote=False) for name, value in values.items()}
    return EDITION_FILL_IN.sub(lambda match: values[match.group(1)], text)


def fact_source_problems(site: Site, references: dict, site_doc: YamlDocument, clinic_dir) -> Iterator[Problem]:
    """Each edition fact's source is a reference of the guide: ours, or one the clinic adds."""
    named = [(("urgent_care", "source"), site.urgent_care.source), (("esketamine", "source"), site.esketamine.source)]
    unknown = [(at, source) for at, source in named if source not in references]
    if not unknown:
        return
    where, add_to = site_doc, "content/references.yml"
    if clinic_dir is not None:
        add_to = "references: add: in the clinic folder"
        try:
            brand = load_yaml(clinic_dir / "brand.yml")
        except YamlLoadError as exc:
            yield from exc.problems
            return
        where = brand if any(at[0] in brand.data for at, _ in unknown) else site_doc
    for at, source in unknown:
        yield where.problem(at, f"no reference has the id {source!r}; add it to references.yml ({add_to})")
