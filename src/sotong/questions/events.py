"""Events the question library publishes (see sotong.core.events):

- ``question.asked(question_id)``: a resident asked a question.
- ``question.answered(answer_id)``: someone answered a question.
"""

ASKED = "question.asked"
ANSWERED = "question.answered"
