"""The generated city's civic side: proposals (supports, comments, timeline, answers), meeting
records, follows and notifications, on top of the people, organisations and activities that
`generate` has planned.

The same rules as there: one `random.Random` per stage, tuples through `TableWriter`, and every
denormalised counter (`support_count`, `comment_count`) planned with the rows it counts.
"""

from __future__ import annotations

import json
import random
from bisect import bisect
from datetime import datetime
from itertools import accumulate
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from django.urls import reverse

from sotong.archive.models import MeetingRecord
from sotong.core.models import Region
from sotong.demo.scale import words
from sotong.demo.scale.writer import TableWriter, next_id, timestamp
from sotong.interests.models import Follow
from sotong.notifications.models import Notification
from sotong.organizations.models import Organization
from sotong.proposals.models import Answer, Comment, Proposal, Status, Step, Support
from sotong.proposals.services import policy_for

if TYPE_CHECKING:
    from sotong.demo.scale.generate import City

KST = ZoneInfo("Asia/Seoul")
DAY = 86_400
HOUR = 3_600
STAGE_PROPOSALS, STAGE_RECORDS, STAGE_FOLLOWS, STAGE_NOTIFICATIONS = range(6, 10)

ANSWERED_PATHS = {
    Status.ANSWERED: (Status.ANSWERED,),
    Status.IN_PROGRESS: (Status.ANSWERED, Status.IN_PROGRESS),
    Status.DONE: (Status.ANSWERED, Status.IN_PROGRESS, Status.DONE),
    Status.NOT_ACCEPTED: (Status.NOT_ACCEPTED,),
}


def _share(rng: random.Random, total: int, weights: list[float], cap: int) -> list[int]:
    """`total` split by weight, each share at most `cap`; the remainder to random items."""
    weight_sum = sum(weights) or 1.0
    shares = [min(int(total * weight / weight_sum), cap) for weight in weights]
    missing = total - sum(shares)
    open_items = [index for index, share in enumerate(shares) if share < cap]
    while missing > 0 and open_items:
        index = rng.choice(open_items)
        shares[index] += 1
        missing -= 1
        if shares[index] >= cap:
            open_items.remove(index)
    return shares


def _day(epoch: int) -> str:
    return datetime.fromtimestamp(epoch, KST).date().isoformat()


def _pick_place(city: City, rng: random.Random, cumulative: list[int]):
    return city.places[bisect(cumulative, rng.random() * cumulative[-1])]


def _resident_of(city: City, rng: random.Random, place) -> int:
    neighbours = city.users_by_place.get(place.id)
    if neighbours:
        return rng.choice(neighbours)
    return city.first_user + rng.randrange(city.user_count)


def _government_by_city(city: City) -> dict[int, list]:
    departments: dict[int, list] = {}
    for organization in city.organizations:
        if organization.kind == Organization.Kind.GOVERNMENT and organization.members:
            departments.setdefault(organization.place.city_id, []).append(organization)
    return departments


# --- proposals ------------------------------------------------------------------------------


def generate_proposals(city: City) -> int:
    rng = city.rng(STAGE_PROPOSALS)
    scale = city.scale
    count = scale.proposals
    first = next_id(Proposal)
    first_topic_link = next_id(Proposal.topics.through)
    cumulative = city.place_weights()
    topic_slugs = [slug for slug in city.topic_ids if slug in words.TOPIC_WORDS]
    policies = {
        city_id: policy_for(Region.objects.get(pk=city_id))
        for city_id in {place.city_id for place in city.places}
    }
    departments = _government_by_city(city)
    everyone = [organization for group in departments.values() for organization in group]
    created_from = city.now - city.scale.years_past * 365 * DAY

    popularity = [min(rng.lognormvariate(0, 1.5), 80.0) for _ in range(count)]
    support_rows_per = _share(rng, scale.supports, popularity, city.user_count - 1)
    comments_per = _share(rng, scale.comments, popularity, 200)

    proposal_rows, topic_rows, step_rows, answer_rows = [], [], [], []
    support_rows, comment_rows = [], []
    first_step, first_answer = next_id(Step), next_id(Answer)
    first_support, first_comment = next_id(Support), next_id(Comment)

    def step(proposal_id, kind, from_status, to_status, at, *, actor=None, level=None,
             organization=None, reason=""):  # fmt: skip
        step_rows.append(
            (
                first_step + len(step_rows), proposal_id, str(kind), str(from_status),
                str(to_status), level,
                actor, organization, reason, timestamp(at),
            )
        )  # fmt: skip

    with city.progress.stage("proposals", count) as stage:
        for number in range(count):
            proposal_id = first + number
            place = _pick_place(city, rng, cumulative)
            author = _resident_of(city, rng, place)
            created = created_from + int((city.now - DAY - created_from) * rng.random() ** 0.7)
            slugs = rng.sample(topic_slugs, rng.randint(1, 2))
            subject = rng.choice(words.PROPOSAL_SUBJECTS)
            title = subject.title.format(place=place.name)[:120]
            city.proposal_titles.append((proposal_id, title))
            for slug in slugs:
                topic_rows.append(
                    (first_topic_link + len(topic_rows), proposal_id, city.topic_ids[slug])
                )

            rows = support_rows_per[number]
            withdrawn_supports = rows * 5 // 100
            active = rows - withdrawn_supports
            supporters = rng.sample(range(city.user_count - 1), rows)
            for position, offset in enumerate(supporters):
                user = city.first_user + offset
                if user >= author:  # everyone but the author
                    user += 1
                supported = created + rng.randrange(max(60, city.now - created))
                withdrawn = None
                if position < withdrawn_supports:
                    withdrawn = timestamp(
                        supported + rng.randrange(60, max(61, city.now - supported))
                    )
                support_rows.append(
                    (first_support + len(support_rows), proposal_id, user, timestamp(supported),
                     withdrawn)
                )  # fmt: skip

            step(proposal_id, Step.Kind.STATUS, "", Status.SUBMITTED, created, actor=author)
            status = Status.SUBMITTED
            policy = policies[place.city_id]
            reached = [(level, label) for level, label in policy.levels if level <= active]
            threshold, threshold_at, due_at, department = 0, None, None, None
            assigned_at = answered_at = None
            cursor = created
            if rng.random() < 0.03:
                status = Status.WITHDRAWN
                cursor += rng.randrange(HOUR, max(HOUR + 1, (city.now - created) // 2))
                step(proposal_id, Step.Kind.STATUS, Status.SUBMITTED, status, cursor,
                     actor=author, reason="다른 방법으로 해결되어 제안을 거둡니다.")  # fmt: skip
            elif reached:
                threshold = reached[-1][0]
                threshold_at = created + (city.now - created) // rng.randint(3, 8)
                due_at = threshold_at + policy.answer_days * DAY
                for minutes, (level, label) in enumerate(reached):
                    step(proposal_id, Step.Kind.THRESHOLD, Status.SUBMITTED, Status.SUBMITTED,
                         threshold_at + minutes * 60, level=level, reason=str(label))  # fmt: skip
                cursor = threshold_at + len(reached) * 60
            candidates = departments.get(place.city_id) or everyone
            if status == Status.SUBMITTED and candidates and (reached or rng.random() < 0.1):
                department = rng.choice(candidates)
                assigned_at = cursor + rng.randrange(HOUR, 5 * DAY)
                if assigned_at < city.now:
                    status = Status.UNDER_REVIEW
                    cursor = assigned_at
                    step(proposal_id, Step.Kind.ASSIGNMENT, Status.SUBMITTED, status, cursor,
                         actor=department.members[0], organization=department.id)  # fmt: skip
                else:
                    department, assigned_at = None, None
            if status == Status.UNDER_REVIEW and reached:
                final = rng.choices((Status.UNDER_REVIEW, *ANSWERED_PATHS), (15, 35, 25, 10, 15))[0]
                answered = cursor + rng.randrange(DAY, policy.answer_days * DAY)
                if final != Status.UNDER_REVIEW and answered < city.now:
                    answered_at = answered
                    official = department.members[0]
                    moment = answered
                    for next_status in ANSWERED_PATHS[final]:
                        step(proposal_id, Step.Kind.STATUS, status, next_status, moment,
                             actor=official, organization=department.id)  # fmt: skip
                        status, cursor = next_status, moment
                        moment = min(city.now - 60, moment + rng.randrange(DAY, 90 * DAY))
                    decision = (
                        Answer.Decision.NOT_ACCEPTED
                        if final == Status.NOT_ACCEPTED
                        else rng.choice((Answer.Decision.ACCEPTED, Answer.Decision.PARTLY))
                    )
                    answer = rng.choice(words.PROPOSAL_ANSWERS[decision])
                    answer_rows.append(
                        (first_answer + len(answer_rows), proposal_id, str(decision), answer[0],
                         answer[1], department.id, official, timestamp(answered))
                    )  # fmt: skip

            comment_count = comments_per[number]
            top_level: list[int] = []
            comment_times = sorted(
                created + rng.randrange(max(60, city.now - created)) for _ in range(comment_count)
            )
            for when in comment_times:
                comment_id = first_comment + len(comment_rows)
                parent = rng.choice(top_level) if top_level and rng.random() < 0.25 else None
                if parent is None:
                    top_level.append(comment_id)
                comment_rows.append(
                    (comment_id, proposal_id, city.first_user + rng.randrange(city.user_count),
                     parent, rng.choice(words.PROPOSAL_COMMENTS), timestamp(when))
                )  # fmt: skip

            latitude = longitude = None
            if rng.random() < 0.5:
                south, west, north, east = place.bounds
                latitude = round(rng.uniform(south, north), 6)
                longitude = round(rng.uniform(west, east), 6)
            proposal_rows.append(
                (
                    proposal_id, place.id, title,
                    subject.problem.format(place=place.name),
                    subject.idea.format(place=place.name),
                    subject.effect, "", subject.spot if latitude is not None else "",
                    latitude, longitude, author, None, str(status), active, comment_count,
                    threshold, timestamp(threshold_at) if threshold_at else None,
                    timestamp(due_at) if due_at else None,
                    department.id if department else None,
                    department.members[0] if department else None,
                    timestamp(assigned_at) if assigned_at else None,
                    timestamp(answered_at) if answered_at else None,
                    timestamp(created), timestamp(max(cursor, created)),
                )
            )  # fmt: skip
            if number % 1000 == 999:
                stage.advance(1000)

        TableWriter(
            Proposal,
            [
                "id", "region", "title", "problem", "idea", "expected_effect", "evidence",
                "place_name", "latitude", "longitude", "author", "organization", "status",
                "support_count", "comment_count", "threshold_reached", "threshold_reached_at",
                "due_at", "department", "contact_person", "assigned_at", "answered_at",
                "created_at", "updated_at",
            ],
        ).write(proposal_rows)  # fmt: skip
        TableWriter(Proposal.topics.through, ["id", "proposal", "topic"]).write(topic_rows)
        stage.advance(count, created=count)
    with city.progress.stage("supports", len(support_rows)) as stage:
        TableWriter(Support, ["id", "proposal", "user", "created_at", "withdrawn_at"]).write(
            support_rows, lambda n: stage.advance(n, created=n)
        )
    with city.progress.stage("comments and timeline", len(comment_rows) + len(step_rows)) as stage:
        TableWriter(Comment, ["id", "proposal", "author", "parent", "body", "created_at"]).write(
            comment_rows, lambda n: stage.advance(n, created=n)
        )
        TableWriter(
            Step,
            [
                "id", "proposal", "kind", "from_status", "to_status", "level", "actor",
                "actor_organization", "reason", "created_at",
            ],
        ).write(step_rows, lambda n: stage.advance(n, created=n))  # fmt: skip
        TableWriter(
            Answer,
            ["id", "proposal", "decision", "reasons", "plan", "department", "author", "created_at"],
        ).write(answer_rows)
    return (
        count + len(topic_rows) + len(support_rows) + len(comment_rows) + len(step_rows)
        + len(answer_rows)
    )  # fmt: skip


# --- meeting records ------------------------------------------------------------------------


def generate_meeting_records(city: City) -> int:
    rng = city.rng(STAGE_RECORDS)
    count = city.scale.meeting_records
    first = next_id(MeetingRecord)
    first_topic_link = next_id(MeetingRecord.topics.through)
    first_organization_link = next_id(MeetingRecord.organizations.through)
    hosts = [organization for organization in city.organizations if organization.members]
    host_weights = list(accumulate(len(host.members) for host in hosts))
    held_from = city.now - city.scale.years_past * 365 * DAY
    topic_rows, organization_rows = [], []
    slug_by_topic = {pk: slug for slug, pk in city.topic_ids.items()}

    def rows():
        for number in range(count):
            record_id = first + number
            host = hosts[bisect(host_weights, rng.random() * host_weights[-1])]
            topic_ids = rng.sample(host.topic_ids, rng.randint(1, len(host.topic_ids)))
            theme = rng.choice(words.TOPIC_WORDS.get(slug_by_topic[topic_ids[0]], ("마을",)))
            held = held_from + int((city.now - DAY - held_from) * rng.random() ** 0.8)
            published = held + rng.randrange(HOUR, 10 * DAY)
            draft = published >= city.now or rng.random() < 0.04
            title = rng.choice(words.RECORD_TITLES).format(place=host.place.name, theme=theme)
            city.record_titles.append((record_id, title))
            for topic_id in topic_ids:
                topic_rows.append((first_topic_link + len(topic_rows), record_id, topic_id))
            organization_rows.append(
                (first_organization_link + len(organization_rows), record_id, host.id)
            )
            texts = rng.choice(words.RECORD_TEXTS)
            admin = rng.choice(host.members[: 1 if len(host.members) < 10 else 2])
            yield (
                record_id, host.place.id, host.id, "", admin,
                "cc-by-4.0" if rng.random() < 0.9 else "all-rights-reserved",
                "draft" if draft else "published",
                None if draft else timestamp(min(published, city.now - 60)),
                timestamp(held + 3 * HOUR), timestamp(held + 3 * HOUR),
                None, title[:200], _day(held),
                f"{host.place.name} {rng.choice(words.PLACE_NAMES)}",
                rng.randint(5, 40),
                texts[0].format(place=host.place.name, theme=theme),
                texts[1], texts[2], texts[3],
            )  # fmt: skip

    writer = TableWriter(
        MeetingRecord,
        [
            "id", "region", "host_organization", "host_name", "created_by", "licence",
            "visibility", "published_at", "created_at", "updated_at", "activity", "title",
            "held_on", "place", "participants_count", "summary", "discussion", "outcomes",
            "next_steps",
        ],
    )  # fmt: skip
    if not hosts:
        return 0
    with city.progress.stage("meeting records", count) as stage:
        writer.write(rows(), lambda n: stage.advance(n, created=n))
    TableWriter(MeetingRecord.topics.through, ["id", "meetingrecord", "topic"]).write(topic_rows)
    TableWriter(MeetingRecord.organizations.through, ["id", "meetingrecord", "organization"]).write(
        organization_rows
    )
    return count + len(topic_rows) + len(organization_rows)


# --- follows --------------------------------------------------------------------------------


def generate_follows(city: City) -> int:
    """About five a person: mostly organisations nearby, some neighbourhoods and neighbours.
    (Topic follows are `User.interests`, which `generate_people` fills.)"""
    rng = city.rng(STAGE_FOLLOWS)
    first = next_id(Follow)
    users = city.user_count
    organizations_by_city: dict[int, list[int]] = {}
    for organization in city.organizations:
        organizations_by_city.setdefault(organization.place.city_id, []).append(organization.id)
    all_organizations = [organization.id for organization in city.organizations]
    home = {}
    for place in city.places:
        for user_id in city.users_by_place.get(place.id, ()):
            home[user_id] = place
    cap = 3 + len(city.places) // 2
    per_user = _share(rng, city.scale.follows, [rng.random() + 0.2 for _ in range(users)], cap)

    def rows():
        follow_id = first
        for offset, wanted in enumerate(per_user):
            user_id = city.first_user + offset
            place = home[user_id]
            regions: set[int] = set()
            organizations: set[int] = set()
            people: set[int] = set()
            nearby = organizations_by_city.get(place.city_id) or all_organizations
            for _ in range(wanted * 3):
                if len(regions) + len(organizations) + len(people) >= wanted:
                    break
                roll = rng.random()
                if roll < 0.25:
                    choice = rng.choice((place.id, place.city_id, rng.choice(city.places).id))
                    regions.add(choice)
                elif roll < 0.8 and nearby:
                    organizations.add(rng.choice(nearby))
                else:
                    neighbour = _resident_of(city, rng, place)
                    if neighbour != user_id:
                        people.add(neighbour)
            since = city.now - rng.randrange(DAY, 3 * 365 * DAY)
            for region_id in sorted(regions):
                yield follow_id, user_id, region_id, None, None, timestamp(since)
                follow_id += 1
            for organization_id in sorted(organizations):
                yield follow_id, user_id, None, organization_id, None, timestamp(since)
                follow_id += 1
            for person_id in sorted(people):
                yield follow_id, user_id, None, None, person_id, timestamp(since)
                follow_id += 1

    writer = TableWriter(
        Follow, ["id", "follower", "region", "organization", "person", "created_at"]
    )
    with city.progress.stage("follows", city.scale.follows) as stage:
        writer.write(rows(), lambda n: stage.advance(n, created=n))
    return writer.rows_written


# --- notifications --------------------------------------------------------------------------


def generate_notifications(city: City) -> int:
    """About twenty a person over the last half year, most of them read. Every one counts as
    already e-mailed, so a task worker started on a generated city sends nobody anything."""
    rng = city.rng(STAGE_NOTIFICATIONS)
    first = next_id(Notification)
    since = city.now - 180 * DAY
    recent = [plan for plan in city.activity_plans if plan.status == "published"
              and since <= plan.created < city.now]  # fmt: skip
    activity_url = reverse("activities:detail", kwargs={"activity_id": 0})[:-2]
    proposal_url = reverse("proposals:detail", kwargs={"proposal_id": 0})[:-2]
    record_url = reverse("archive:record", kwargs={"record_id": 0})[:-2]
    sources = []
    if recent:
        sources.append((60, "activities.new", "scale-activity", recent))
        sources.append((15, "activities.reminder", "scale-reminder", recent))
    if city.proposal_titles:
        sources.append((15, "proposals.step", "scale-proposal", city.proposal_titles))
    if city.record_titles:
        sources.append((10, "archive.record", "scale-record", city.record_titles))
    if not sources:
        return 0
    source_weights = list(accumulate(weight for weight, *_ in sources))
    per_user = _share(
        rng, city.scale.notifications, [rng.random() + 0.3 for _ in range(city.user_count)], 200
    )

    def when(epoch: int) -> str:
        moment = datetime.fromtimestamp(epoch, KST)
        return f"{moment.month}월 {moment.day}일 {moment.hour:02d}:{moment.minute:02d}"

    def rows():
        notification_id = first
        for offset, wanted in enumerate(per_user):
            user_id = city.first_user + offset
            seen: set[str] = set()
            for _ in range(wanted):
                _weight, kind, prefix, pool = sources[
                    bisect(source_weights, rng.random() * source_weights[-1])
                ]
                item = rng.choice(pool)
                if kind.startswith("activities."):
                    key = f"{prefix}:{item.id}"
                    url = f"{activity_url}{item.id}/"
                    params = {"title": item.title, "when": when(item.starts)}
                    if kind == "activities.reminder":
                        params["place"] = "모임 장소"
                    created = min(item.created + rng.randrange(60, 2 * DAY), city.now - 60)
                else:
                    item_id, title = item
                    key = f"{prefix}:{item_id}"
                    url = (
                        f"{(proposal_url if prefix == 'scale-proposal' else record_url)}{item_id}/"
                    )
                    params = {"title": title}
                    if kind == "proposals.step":
                        params["step"] = "검토 중"
                    created = since + rng.randrange(city.now - since)
                if key in seen:
                    continue
                seen.add(key)
                read = created < city.now - 3 * DAY and rng.random() < 0.75
                yield (
                    notification_id, user_id, kind, key, json.dumps(params, ensure_ascii=False),
                    url, None, timestamp(created),
                    timestamp(created + rng.randrange(60, 3 * DAY)) if read else None,
                    "immediate", timestamp(created + 60),
                )  # fmt: skip
                notification_id += 1

    writer = TableWriter(
        Notification,
        [
            "id", "recipient", "kind", "event_key", "params", "url", "actor", "created_at",
            "read_at", "delivery", "emailed_at",
        ],
    )  # fmt: skip
    with city.progress.stage("notifications", city.scale.notifications) as stage:
        writer.write(rows(), lambda n: stage.advance(n, created=n))
    return writer.rows_written


STAGES = (
    ("proposals", generate_proposals),
    ("meeting records", generate_meeting_records),
    ("follows", generate_follows),
    ("notifications", generate_notifications),
)
WRITTEN_MODELS = (
    Proposal,
    Proposal.topics.through,
    Support,
    Comment,
    Step,
    Answer,
    MeetingRecord,
    MeetingRecord.topics.through,
    MeetingRecord.organizations.through,
    Follow,
    Notification,
)
