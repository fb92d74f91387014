"""Events the proposals app publishes (see sotong.core.events):

- ``proposal.submitted(proposal_id)``: a resident submitted a proposal.
- ``proposal.step_recorded(proposal_id, step_id)``: a public step (a move, a threshold, an
  assignment) was recorded.
- ``proposal.threshold_reached(proposal_id, level)``: the supports reached a level.
- ``proposal.support_changed(proposal_id)``: a resident gave or withdrew 공감; the count on
  the proposal is current when it is delivered.
- ``proposal.commented(comment_id)``: someone commented.
"""

SUBMITTED = "proposal.submitted"
STEP_RECORDED = "proposal.step_recorded"
THRESHOLD_REACHED = "proposal.threshold_reached"
SUPPORT_CHANGED = "proposal.support_changed"
COMMENTED = "proposal.commented"
