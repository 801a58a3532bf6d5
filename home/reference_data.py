"""Load the shipped reference data (``home/data/*.json``) into the taxonomy models.

Idempotent and conservative: rows are found by their natural key (``code`` or ``reference``) in
each locale and share a translation key derived from it, so loading twice never duplicates. Each
row remembers in ``loaded_values`` what the file last said for every editable text; a reload
updates a text only while it still equals that value, so editors' changes to names are kept.
Aliases merge: spellings an editor added stay, spellings the file adds appear.
"""

import json
import uuid
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.db import transaction

from wagtail.models import Locale

from .models import Channel, ContentArea, Convention, ProductType, Province, Topic

DATA_DIR = Path(__file__).resolve().parent / "data"
LANGUAGES = ("vi", "en", "km")
KEY_NAMESPACE = uuid.UUID("6f1c7f3e-4f5b-4d39-9a57-1d0f6a2b9c11")


def read(name, data_dir=DATA_DIR):
    return json.loads((Path(data_dir) / f"{name}.json").read_text(encoding="utf-8"))


def translation_key(model, natural_key):
    return uuid.uuid5(KEY_NAMESPACE, f"{model._meta.label_lower}:{natural_key}")


@dataclass
class Record:
    model: type
    key_field: str
    key: str
    synced: dict
    translated: dict  # language code -> {field: value}


@dataclass
class Report:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    linked: int = 0
    kept: list = field(default_factory=list)

    def __str__(self):
        return (
            f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.linked} mergers linked, {len(self.kept)} editor changes kept"
        )


def _iso(value):
    return date.fromisoformat(value) if value else None


def province_records(data):
    current_slugs = {unit["slug"] for unit in data["current"]}
    records = []
    for unit in data["former"]:
        slug = unit["slug"] if unit["slug"] not in current_slugs else f"{unit['slug']}-cu"
        records.append(
            Record(
                Province,
                "reference",
                f"former-{unit['code']}",
                {
                    "code": unit["code"],
                    "slug": slug,
                    "kind": unit["kind"],
                    "valid_from": None,
                    "valid_until": _iso(unit["valid_until"]),
                    "aliases": list(unit["aliases"]),
                },
                {
                    "vi": {"name": unit["name_vi"]},
                    "en": {"name": unit["name_en"]},
                    "km": {"name": unit["name_en"]},
                },
            )
        )
    for unit in data["current"]:
        records.append(
            Record(
                Province,
                "reference",
                f"current-{unit['slug']}",
                {
                    "code": "",
                    "slug": unit["slug"],
                    "kind": unit["kind"],
                    "valid_from": _iso(unit["valid_from"]),
                    "valid_until": None,
                    "aliases": list(unit["aliases"]),
                },
                {
                    "vi": {"name": unit["name_vi"]},
                    "en": {"name": unit["name_en"]},
                    "km": {"name": unit["name_en"]},
                },
            )
        )
    return records


def convention_records(data, supplement):
    records = []
    for item in data["conventions"]:
        vietnam = item["vietnam"]
        body = supplement["treaty_bodies"].get(item["treaty_body_code"], {})
        records.append(
            Record(
                Convention,
                "code",
                item["code"],
                {
                    "sort_order": item["order"],
                    "adopted": _iso(item["adopted"]),
                    "entry_into_force": _iso(item["entry_into_force"]),
                    "vn_signature": _iso(vietnam.get("signature")),
                    "vn_ratification": _iso(vietnam.get("ratification")),
                    "vn_accession": _iso(vietnam.get("accession")),
                    "treaty_body_code": item["treaty_body_code"],
                },
                {
                    language: {
                        "name": item[f"name_{language}"],
                        "slug": item["code"].lower(),
                        "treaty_body": body.get(language, item["treaty_body_en"]),
                    }
                    for language in LANGUAGES
                },
            )
        )
    return records


def _term_records(model, items, khmer, extra=None):
    records = []
    for order, (code, item) in enumerate(items, start=1):
        names = {"vi": item["vi"], "en": item["en"], "km": khmer.get(code) or item["en"]}
        records.append(
            Record(
                model,
                "code",
                code,
                {"sort_order": order, **(extra(code) if extra else {})},
                {language: {"name": names[language], "slug": code} for language in LANGUAGES},
            )
        )
    return records


def taxonomy_records(data, supplement):
    topics = supplement["topics"]
    digital = set(supplement["digital_channels"])
    return [
        *_term_records(
            ContentArea, [(i["code"], i) for i in data["content_areas"]], supplement["content_areas_km"]
        ),
        *_term_records(
            Topic,
            [(topics[n]["code"], item) for n, item in enumerate(data["other_topics"])],
            {t["code"]: t["km"] for t in topics},
        ),
        *_term_records(
            ProductType, [(i["code"], i) for i in data["product_types"]], supplement["product_types_km"]
        ),
        *_term_records(
            Channel,
            [(i["code"], i) for i in data["channels"]],
            supplement["channels_km"],
            extra=lambda code: {"is_digital": code in digital},
        ),
    ]


def _merge_aliases(row, new):
    loaded = row.loaded_values.get("aliases", [])
    added_by_editors = [alias for alias in row.aliases if alias not in loaded]
    merged = list(dict.fromkeys([*new, *added_by_editors]))
    row.loaded_values["aliases"] = list(new)
    if merged != row.aliases:
        row.aliases = merged
        return True
    return False


def apply(record, locales, report):
    key = translation_key(record.model, record.key)
    for language, locale in locales.items():
        translated = record.translated[language]
        row = record.model.objects.filter(locale=locale, **{record.key_field: record.key}).first()
        if row is None:
            row = record.model(
                locale=locale,
                translation_key=key,
                **{record.key_field: record.key},
                **record.synced,
                **translated,
            )
            row.loaded_values = {**translated}
            if "aliases" in record.synced:
                row.loaded_values["aliases"] = list(record.synced["aliases"])
            row.save()
            report.created += 1
            continue
        before = dict(row.loaded_values)
        changed = False
        for name, value in record.synced.items():
            if name == "aliases":
                changed |= _merge_aliases(row, value)
            elif getattr(row, name) != value:
                setattr(row, name, value)
                changed = True
        for name, value in translated.items():
            current, loaded = getattr(row, name), row.loaded_values.get(name)
            if current != value:
                if loaded is not None and current != loaded:
                    report.kept.append(f"{record.model._meta.verbose_name} {record.key} [{language}] {name}")
                else:
                    setattr(row, name, value)
                    changed = True
            row.loaded_values[name] = value
        if changed or row.loaded_values != before:
            row.save()
        if changed:
            report.updated += 1
        else:
            report.unchanged += 1


def _link_successors(data, locales, report):
    successor_of = {code: unit["slug"] for unit in data["current"] for code in unit["formed_from"]}
    for locale in locales.values():
        current = {p.reference: p for p in Province.objects.filter(locale=locale, valid_until__isnull=True)}
        for former in Province.objects.filter(locale=locale, reference__startswith="former-"):
            successor = current.get(f"current-{successor_of.get(former.code)}")
            if successor is not None and former.successor_id != successor.pk:
                former.successor = successor
                former.save(update_fields=["successor"])
                report.linked += 1


@transaction.atomic
def load(data_dir=DATA_DIR):
    """Load everything; returns a Report. All or nothing."""
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}
    provinces, conventions = read("provinces", data_dir), read("conventions", data_dir)
    taxonomy, supplement = read("taxonomy", data_dir), read("supplement", data_dir)
    report = Report()
    for record in [
        *province_records(provinces),
        *convention_records(conventions, supplement),
        *taxonomy_records(taxonomy, supplement),
    ]:
        apply(record, locales, report)
    _link_successors(provinces, locales, report)
    return report


__all__ = ["DATA_DIR", "Report", "load"]
