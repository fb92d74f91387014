"""Who may do what with notices: officials of the region and its admins publish; residents ask;
only the publishing department (or the region's admins) answers."""

import rules

from sotong.core.rules import is_admin, is_region_admin
from sotong.notices.models import Notice, NoticeQuestion
from sotong.organizations.models import Organization
from sotong.organizations.rules import is_official_of_region, is_org_member


@rules.predicate
def is_government_department(user, department: Organization | None) -> bool:
    return department is not None and department.is_government and department.is_active


@rules.predicate
def is_department_member(user, department: Organization | None) -> bool:
    return is_org_member(user, department)


@rules.predicate
def is_department_region_admin(user, department: Organization | None) -> bool:
    return department is not None and is_region_admin(user, department.region)


@rules.predicate
def is_notice_department_member(user, notice: Notice | None) -> bool:
    return notice is not None and is_org_member(user, notice.department)


@rules.predicate
def is_notice_region_admin(user, notice: Notice | None) -> bool:
    return notice is not None and is_region_admin(user, notice.region)


@rules.predicate
def is_question_author(user, question: NoticeQuestion | None) -> bool:
    return question is not None and user.is_authenticated and question.author_id == user.pk


def may_publish_somewhere(user) -> bool:
    """Whether to offer "공지 올리기" at all: an official or a region admin anywhere."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return (
        user.region_roles.filter(role="admin").exists()
        or user.memberships.filter(
            organization__kind=Organization.Kind.GOVERNMENT, organization__is_active=True
        ).exists()
    )


manages_notice = is_admin | is_notice_department_member | is_notice_region_admin

# Checked against the region the notice is for.
rules.add_perm("notices.add_notice", is_admin | is_region_admin | is_official_of_region)
# Checked against the department named as publisher.
rules.add_perm(
    "notices.publish_for_department",
    is_government_department & (is_admin | is_department_member | is_department_region_admin),
)
rules.add_perm("notices.change_notice", manages_notice)
rules.add_perm("notices.ask_question", rules.is_authenticated)
rules.add_perm("notices.answer_question", manages_notice)
