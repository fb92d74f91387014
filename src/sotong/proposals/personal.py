"""A person's proposals, supports and comments for the data export. On account deletion they
stay (the account is anonymised), so a proposal keeps its timeline and its count."""

from sotong.proposals.models import Comment, Proposal, Support


def export_proposals(user) -> dict:
    return {
        "proposals": [
            {
                "id": proposal.pk,
                "title": proposal.title,
                "status": proposal.status,
                "region": proposal.region.full_name,
                "problem": proposal.problem,
                "idea": proposal.idea,
                "created_at": proposal.created_at.isoformat(),
            }
            for proposal in Proposal.objects.filter(author=user).select_related("region__parent")
        ],
        "supports": [
            {
                "proposal_id": support.proposal_id,
                "title": support.proposal.title,
                "created_at": support.created_at.isoformat(),
                "withdrawn_at": support.withdrawn_at.isoformat() if support.withdrawn_at else None,
            }
            for support in Support.objects.filter(user=user).select_related("proposal")
        ],
        "comments": [
            {
                "proposal_id": comment.proposal_id,
                "body": comment.body,
                "created_at": comment.created_at.isoformat(),
            }
            for comment in Comment.objects.filter(author=user)
        ],
    }
