"""Proposals in the search index: every proposal but withdrawn ones (their page is gone for
everyone, the proposer included), with the department's official answer.

A status change is an `update()` plus a recorded step, so saving a step re-indexes the
proposal (a withdrawal takes it out). A 공감 changes only the support count, and with it the
popularity that breaks ranking ties: `proposal.support_changed` sets just that on the
document (one UPDATE reading the current count, no analysis)."""

from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from sotong.core.events import subscribe
from sotong.proposals import events
from sotong.proposals.models import Answer, Proposal, Step
from sotong.search import services as search_services
from sotong.search.registry import Document, Kind, register


def proposals():
    return (
        Proposal.objects.public()
        .select_related("organization", "answer")
        .prefetch_related("topics")
    )


def _answer_text(proposal: Proposal) -> list[str]:
    try:
        answer = proposal.answer
    except Answer.DoesNotExist:
        return []
    return [answer.reasons, answer.plan]


def proposal_document(proposal: Proposal) -> Document:
    return Document(
        title=proposal.title,
        body="\n".join(
            part
            for part in (
                proposal.problem,
                proposal.idea,
                proposal.expected_effect,
                proposal.evidence,
                proposal.place_name,
                proposal.organization.name if proposal.organization_id else "",
                *_answer_text(proposal),
            )
            if part
        ),
        snippet=proposal.problem,
        url=proposal.get_absolute_url(),
        region_id=proposal.region_id,
        topic_ids=[topic.pk for topic in proposal.topics.all()],
        date=proposal.created_at,
        owner_id=proposal.author_id,
        popularity=proposal.support_count,
    )


register(
    Kind(
        key="proposal",
        label=_("제안"),
        model=Proposal,
        queryset=proposals,
        document=proposal_document,
        m2m=(Proposal.topics.through,),
        related=(
            (Step, lambda step: step.proposal_id),
            (Answer, lambda answer: answer.proposal_id),
        ),
    )
)


def on_support_changed(proposal_id: int) -> None:
    search_services.set_popularity(
        "proposal",
        proposal_id,
        Subquery(Proposal.objects.filter(pk=OuterRef("object_id")).values("support_count")[:1]),
    )


subscribe(events.SUPPORT_CHANGED, on_support_changed)
