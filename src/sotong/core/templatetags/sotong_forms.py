"""Give Django's form widgets the KRDS classes, so `{{ form }}` looks like a public service."""

from django import template

register = template.Library()

TEXT_INPUT_TYPES = {
    "text",
    "email",
    "password",
    "number",
    "url",
    "tel",
    "search",
    "date",
    "datetime-local",
    "time",
    "month",
    "week",
}


def _krds_class(widget: dict) -> str:
    template_name = widget.get("template_name", "")
    if template_name.endswith("/textarea.html"):
        return "krds-input"
    if template_name.endswith("/select.html"):
        if widget.get("attrs", {}).get("multiple"):
            return "krds-input sotong-select-multiple"
        return "krds-form-select"
    if widget.get("type") in TEXT_INPUT_TYPES:
        return "krds-input"
    if widget.get("type") == "file":
        return "sotong-file-input"
    return ""


@register.simple_tag
def widget_class(widget: dict) -> str:
    """The KRDS class for a widget's context, followed by any class the form itself set."""
    own = widget.get("attrs", {}).get("class", "")
    return " ".join(part for part in (_krds_class(widget), own) if part)
