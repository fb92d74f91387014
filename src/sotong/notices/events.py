"""Events the notices app publishes (see sotong.core.events):

- ``notice.published(notice_id)``: a notice was published.
- ``notice.question_answered(question_id)``: the department answered a resident's question
  under a notice for the first time (a NoticeQuestion id).
"""

PUBLISHED = "notice.published"
QUESTION_ANSWERED = "notice.question_answered"
