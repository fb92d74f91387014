"""The "후기" section of a host's profile page: what participants said of their activities."""

from django.db.models import Avg, Count

from sotong.activities.models import Activity, Review

HOST_REVIEWS_SHOWN = 5


def host_reviews(person) -> dict | None:
    reviews = Review.objects.filter(
        activity__host=person, activity__status=Activity.Status.PUBLISHED
    )
    summary = reviews.aggregate(count=Count("pk"), average=Avg("rating"))
    if not summary["count"]:
        return None
    latest = list(
        reviews.select_related("activity", "author").order_by("-created_at", "-pk")[
            :HOST_REVIEWS_SHOWN
        ]
    )
    return {"reviews": latest, "count": summary["count"], "average": summary["average"]}
