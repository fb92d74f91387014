"""A generated city at scale (`manage.py sotong_seed --scale tiny|small|city|metro`).

`scales` says how much each scale holds, `generate` writes it (deterministically, from a seed,
on top of the demo's regions and topics), `words` holds the Korean it composes texts from and
`writer` the bulk inserts (COPY on PostgreSQL).
"""
