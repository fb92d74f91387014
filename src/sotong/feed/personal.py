from sotong.feed.models import SavedFilter


def export_saved_filters(user) -> list[dict]:
    return [
        {
            "name": saved.name,
            "topics": [t.name for t in saved.topics.all()],
            "regions": [r.full_name for r in saved.regions.all()],
            "organizations": [o.name for o in saved.organizations.all()],
            "kinds": saved.kind_labels,
            "created_at": saved.created_at.isoformat(),
        }
        for saved in SavedFilter.objects.filter(owner=user).prefetch_related(
            "topics", "regions__parent", "organizations"
        )
    ]


def erase_saved_filters(user) -> None:
    SavedFilter.objects.filter(owner=user).delete()
