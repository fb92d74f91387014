"""How much each scale generates."""

from dataclasses import dataclass, fields, replace

# Per resident at `city` (issue 7): 20,000 proposals and 30,000 meeting records for 50,000
# people, about 5 follows and 20 notifications each; supports and comments in the proportion
# of the demo city (15 supports and 3 comments a proposal on average, a long tail).


@dataclass(frozen=True)
class Scale:
    name: str
    residents: int
    organizations: int
    activities: int
    rsvps: int
    reviews: int
    proposals: int
    supports: int
    comments: int
    meeting_records: int
    follows: int
    notifications: int
    years_past: int = 4  # activities run from this many years ago …
    years_ahead: int = 1  # … to this many years ahead: five years in all

    def times(self, factor: int, name: str = "") -> "Scale":
        """This scale with every count multiplied (the query-budget tests use 5× tiny)."""
        counts = {
            item.name: getattr(self, item.name) * factor
            for item in fields(self)
            if item.name not in ("name", "years_past", "years_ahead")
        }
        return replace(self, name=name or f"{self.name}×{factor}", **counts)


def _scale(name: str, residents: int, organizations: int) -> Scale:
    """A scale in the city's proportions (activities, sign-ups, … per resident)."""
    return Scale(
        name,
        residents=residents,
        organizations=organizations,
        activities=residents * 2,
        rsvps=residents * 20,
        reviews=residents * 2,
        proposals=residents * 2 // 5,
        supports=residents * 6,
        comments=residents * 6 // 5,
        meeting_records=residents * 3 // 5,
        follows=residents * 5,
        notifications=residents * 20,
    )


CITY = _scale("city", 50_000, 2_000)
SCALES: dict[str, Scale] = {
    "tiny": replace(_scale("tiny", 300, 20), activities=400, rsvps=3_000, reviews=300),
    "small": _scale("small", 5_000, 200),
    "city": CITY,
    "metro": CITY.times(10, "metro"),
}
