"""Fingerprints for `{% cache %}` keys: a digest of what a fragment is drawn from.

A fragment keyed by the fingerprint of its inputs is redrawn as soon as any input changes, in
every server process, with no version counter to bump and no signal to wire:

    {% load cache sotong_cache %}
    {% cache 3600 "activity-filters" LANGUAGE_CODE filter_form|fingerprint %}

Forms count by their data and every field's choices (labels included, in the active
language); model instances by their loaded field values (a deferred field is never fetched for
this); mappings by their items; lists by their items; anything else by str().
"""

import hashlib
from collections.abc import Iterable, Mapping

from django import forms, template
from django.db.models import Model

register = template.Library()


def _parts(value) -> object:
    if isinstance(value, forms.BaseForm):
        data = value.data.urlencode() if hasattr(value.data, "urlencode") else value.data
        choices = [
            (name, [(str(key), str(label)) for key, label in field.choices])
            for name, field in value.fields.items()
            if hasattr(field, "choices")
        ]
        return (repr(data), choices)
    if isinstance(value, Model):
        deferred = value.get_deferred_fields()  # never load a field just to fingerprint it
        fields = [field.attname for field in value._meta.concrete_fields]
        return (
            value._meta.label,
            [getattr(value, name) for name in fields if name not in deferred],
        )
    if isinstance(value, Mapping):
        return sorted((str(key), _parts(item)) for key, item in value.items())
    if isinstance(value, Iterable) and not isinstance(value, str | bytes):
        return [_parts(item) for item in value]
    return str(value)


@register.filter
def fingerprint(value) -> str:
    return hashlib.blake2b(repr(_parts(value)).encode(), digest_size=16).hexdigest()
