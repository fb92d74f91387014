from django import template

from sotong.notifications.selectors import BELL_CAP, unread_count

register = template.Library()


@register.inclusion_tag("notifications/partials/bell.html", takes_context=True)
def notification_bell(context):
    """The header's bell: one bounded COUNT for a logged-in person, nothing for visitors."""
    user = context.get("user")
    if user is None or not user.is_authenticated:
        return {"show": False}
    count = unread_count(user)
    return {
        "show": True,
        "count": count,
        "label": f"{BELL_CAP}+" if count > BELL_CAP else str(count),
        "current": context.get("nav_section") == "notifications",
    }
