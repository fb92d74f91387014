"""How much each scale generates."""

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Scale:
    name: str
    residents: int
    organizations: int
    activities: int
    rsvps: int
    reviews: int
    years_past: int = 4  # activities run from this many years ago …
    years_ahead: int = 1  # … to this many years ahead: five years in all

    def times(self, factor: int, name: str = "") -> "Scale":
        """This scale with every count multiplied (the query-budget tests use 5× tiny)."""
        return replace(
            self,
            name=name or f"{self.name}×{factor}",
            residents=self.residents * factor,
            organizations=self.organizations * factor,
            activities=self.activities * factor,
            rsvps=self.rsvps * factor,
            reviews=self.reviews * factor,
        )


CITY = Scale("city", 50_000, 2_000, 100_000, 1_000_000, 100_000)
SCALES: dict[str, Scale] = {
    "tiny": Scale("tiny", 300, 20, 400, 3_000, 300),
    "small": Scale("small", 5_000, 200, 10_000, 100_000, 10_000),
    "city": CITY,
    "metro": CITY.times(10, "metro"),
}
