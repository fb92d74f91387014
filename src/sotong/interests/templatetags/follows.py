"""`{% follow_button target %}`: the 팔로우 / 팔로잉 form for a topic, region, organisation or
person. One query (the count and my state); a POST form that works without JavaScript."""

from django import template

from sotong.accounts.models import User
from sotong.core.models import Region, Topic
from sotong.interests.selectors import follow_state
from sotong.organizations.models import Organization

register = template.Library()

KINDS = ((Topic, "topic"), (Region, "region"), (Organization, "organization"), (User, "person"))


@register.inclusion_tag("interests/partials/follow_button.html", takes_context=True)
def follow_button(context, target, label=""):
    request = context["request"]
    user = request.user
    kind = next(name for model, name in KINDS if isinstance(target, model))
    is_self = kind == "person" and user.is_authenticated and user.pk == target.pk
    count, following = follow_state(user, target)
    return _state(context, kind, target, label, count, following, show=not is_self)


def _state(context, kind, target, label, count, following, *, show=True) -> dict:
    request = context["request"]
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "kind": kind,
        "target": target,
        "label": label or str(target),
        "following": following,
        "count": count,
        "show": show,
    }


@register.inclusion_tag("interests/partials/follow_button.html", takes_context=True)
def topic_follow_button(context, topic, states):
    """For a list of topics: `states` from selectors.topic_follow_states (no query here)."""
    count, following = states.get(topic.pk, (0, False))
    return _state(context, "topic", topic, f"#{topic.name}", count, following)
