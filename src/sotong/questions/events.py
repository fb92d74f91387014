"""Events the question library publishes (see sotong.core.events):

- ``question.asked(question_id)``: a resident asked a question.
- ``question.answered(answer_id)``: someone answered a question.
- ``question.helpful_changed(question_id)``: someone gave or withdrew "도움이 돼요" on one of
  its answers; the question's count is current when it is delivered.
"""

ASKED = "question.asked"
ANSWERED = "question.answered"
HELPFUL_CHANGED = "question.helpful_changed"
