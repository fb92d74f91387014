"""Saved filters are their owner's alone (their feeds are read with the secret token)."""

import rules


@rules.predicate
def is_filter_owner(user, saved_filter) -> bool:
    return saved_filter is not None and user.is_authenticated and saved_filter.owner_id == user.pk


rules.add_perm("feed.add_savedfilter", rules.is_authenticated)
rules.add_perm("feed.manage_savedfilter", is_filter_owner)
