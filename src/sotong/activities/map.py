"""Map data: the activities inside a box, as points or, when there are too many, grid clusters.

Two queries at most whatever the data size: the points (capped one above the threshold), and
only when that cap is reached, one grouped query that clusters the box on a grid sized by zoom.
Both read the (status, starts_at, ends_at, latitude, longitude, region) index: every condition
is checked in the index, and the clusters come from it alone (an index-only scan).
"""

import math
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Avg, Count, F, QuerySet
from django.db.models.functions import Floor
from django.urls import reverse
from django.utils import dateformat, formats, timezone
from django.utils.translation import gettext as _

from sotong.activities import selectors
from sotong.activities.models import Activity

CLUSTER_THRESHOLD = 300
MIN_ZOOM, MAX_ZOOM, DEFAULT_ZOOM = 0, 19, 13
# A grid cell is about a quarter of a 256-pixel map tile: clusters ~64 px apart on screen.
CELLS_PER_TILE = 4


@dataclass(frozen=True)
class BBox:
    south: float
    west: float
    north: float
    east: float


def parse_bbox(raw: str | None) -> BBox:
    """`south,west,north,east` in degrees; anything else is a ValidationError in Korean."""
    if not raw:
        raise ValidationError(_("지도 범위(bbox)를 남,서,북,동 순서의 숫자 네 개로 보내 주세요."))
    parts = raw.split(",")
    if len(parts) != 4 or len(raw) > 200:
        raise ValidationError(_("지도 범위(bbox)는 남,서,북,동 순서의 숫자 네 개여야 합니다."))
    try:
        south, west, north, east = (float(part) for part in parts)
    except ValueError:
        raise ValidationError(_("지도 범위(bbox)에 숫자가 아닌 값이 있습니다.")) from None
    if not all(math.isfinite(value) for value in (south, west, north, east)):
        raise ValidationError(_("지도 범위(bbox)에 숫자가 아닌 값이 있습니다."))
    if not (
        -90 <= south <= 90 and -90 <= north <= 90 and -180 <= west <= 180 and -180 <= east <= 180
    ):
        raise ValidationError(
            _("지도 범위(bbox)가 지구 밖입니다. 위도는 -90~90, 경도는 -180~180이어야 합니다.")
        )
    if not (south < north and west < east):
        raise ValidationError(
            _("지도 범위(bbox)는 남쪽이 북쪽보다, 서쪽이 동쪽보다 작아야 합니다.")
        )
    return BBox(south, west, north, east)


def parse_zoom(raw: str | None) -> int:
    if raw in (None, ""):
        return DEFAULT_ZOOM
    try:
        zoom = int(raw)
    except ValueError:
        raise ValidationError(_("확대 수준(zoom)은 0~19 사이의 정수여야 합니다.")) from None
    if not MIN_ZOOM <= zoom <= MAX_ZOOM:
        raise ValidationError(_("확대 수준(zoom)은 0~19 사이의 정수여야 합니다."))
    return zoom


def tile_size(zoom: int) -> float:
    """Degrees a 256-pixel map tile spans at this zoom (of longitude; 360 / 2^zoom)."""
    return 360.0 / (2**zoom)


def cell_size(zoom: int) -> float:
    """Degrees per grid cell at this zoom (a tile spans 360 / 2^zoom degrees of longitude)."""
    return tile_size(zoom) / CELLS_PER_TILE


def _down(value: float, step: float) -> float:
    multiple = math.floor(value / step)
    while multiple * step > value:  # the division may round up onto the next line
        multiple -= 1
    return multiple * step


def _up(value: float, step: float) -> float:
    multiple = math.ceil(value / step)
    while multiple * step < value:
        multiple += 1
    return multiple * step


def snap_bbox(bbox: BBox, zoom: int) -> BBox:
    """The box grown outward to whole tiles of this zoom, like the map's own tiles.

    Viewports that start and end in the same tiles get the same box, so their answers can be
    shared (the map data view caches by it); the snapped box always holds the asked one, and
    its edges fall on cluster cell lines, so no cluster is cut off at an edge. Multiples of
    360 / 2^zoom are exact binary fractions, so the same tiles always give the same numbers.
    """
    step = tile_size(zoom)
    return BBox(
        south=max(_down(bbox.south, step), -90.0),
        west=max(_down(bbox.west, step), -180.0),
        north=min(_up(bbox.north, step), 90.0),
        east=min(_up(bbox.east, step), 180.0),
    )


def located(activities: QuerySet[Activity], bbox: BBox) -> QuerySet[Activity]:
    """The given activities with a point inside the box (an online one with a venue too)."""
    return (
        activities.filter(
            latitude__gte=bbox.south,
            latitude__lte=bbox.north,
            longitude__gte=bbox.west,
            longitude__lte=bbox.east,
        )
        .select_related(None)
        .prefetch_related(None)
    )


def map_data(filters: selectors.ActivityFilters, bbox: BBox, zoom: int) -> dict:
    """What /activities/map/data.json answers: points, or clusters above the threshold."""
    activities = located(selectors.activity_list(filters), bbox)
    # Unordered: the database stops at the first CLUSTER_THRESHOLD + 1 rows it finds instead of
    # sorting every match first. Only a short answer is drawn as points, sorted here.
    rows = list(
        activities.order_by().values(
            "pk", "title", "kind", "starts_at", "place_name", "latitude", "longitude"
        )[: CLUSTER_THRESHOLD + 1]
    )
    if len(rows) <= CLUSTER_THRESHOLD:
        rows.sort(key=lambda row: (row["starts_at"], row["pk"]))
        url, when = _detail_url(), _when_format()
        labels = {kind: str(label) for kind, label in Activity.Kind.choices}  # translated once
        return {
            "mode": "points",
            "total": len(rows),
            "points": [_point(row, url, when, labels) for row in rows],
        }
    size = cell_size(zoom)
    # COUNT(*) rather than COUNT(id), and no ORDER BY: every column the query needs is in the
    # index (an index-only scan), and the database may group by hashing instead of sorting
    # every row. The few cells are sorted here.
    cells = sorted(
        activities.order_by()
        .annotate(cell_y=Floor(F("latitude") / size), cell_x=Floor(F("longitude") / size))
        .values("cell_y", "cell_x")
        .annotate(count=Count("*"), lat=Avg("latitude"), lng=Avg("longitude")),
        key=lambda cell: (cell["cell_y"], cell["cell_x"]),
    )
    clusters = [
        {
            "lat": round(cell["lat"], 6),
            "lng": round(cell["lng"], 6),
            "count": cell["count"],
            # the cell's own box, so a click can zoom to exactly what it holds
            "bounds": [
                cell["cell_y"] * size,
                cell["cell_x"] * size,
                (cell["cell_y"] + 1) * size,
                (cell["cell_x"] + 1) * size,
            ],
        }
        for cell in cells
    ]
    return {
        "mode": "clusters",
        "total": sum(cluster["count"] for cluster in clusters),
        "clusters": clusters,
    }


_URL_MARK = 987654321  # stands for the id in a detail address reversed once per answer


def _detail_url():
    """A function from an activity id to its page's address: one reverse() per answer (up to
    300 points) instead of one per point."""
    head, tail = reverse("activities:detail", kwargs={"activity_id": _URL_MARK}).split(
        str(_URL_MARK)
    )
    return lambda pk: f"{head}{pk}{tail}"


def _when_format():
    """formats.date_format(value, "DATETIME_FORMAT") for many values: the format is looked up
    and split into its letters once per answer, not once per point (most of a point's cost)."""
    pieces = [
        (bool(index % 2), piece if index % 2 else dateformat.re_escaped.sub(r"\1", piece))
        for index, piece in enumerate(
            dateformat.re_formatchars.split(str(formats.get_format("DATETIME_FORMAT")))
        )
        if piece
    ]

    def when(value) -> str:
        letters = dateformat.DateFormat(value)
        return "".join(str(getattr(letters, piece)()) if code else piece for code, piece in pieces)

    return when


def _point(row: dict, url, when, labels: dict[str, str]) -> dict:
    starts_at = timezone.localtime(row["starts_at"])
    return {
        "id": row["pk"],
        "title": row["title"],
        "kind": row["kind"],
        "kind_label": labels.get(row["kind"], ""),
        "starts_at": starts_at.isoformat(),
        "when": when(starts_at),
        "place_name": row["place_name"],
        "lat": row["latitude"],
        "lng": row["longitude"],
        "url": url(row["pk"]),
    }
