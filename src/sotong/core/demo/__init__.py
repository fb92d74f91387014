"""The demo city: 남원시 and part of 제주시, with their topics, organisations and residents.

`seed_demo()` (run by `manage.py sotong_demo`) writes it; the modules beside this one hold the
data. Other apps add their own demo content in a `demo.py` with `seed(context)`.
"""

from sotong.core.demo.people import ACCOUNTS, DEMO_PASSWORD
from sotong.core.demo.seed import DemoContext, seed_demo

__all__ = ["ACCOUNTS", "DEMO_PASSWORD", "DemoContext", "seed_demo"]
