"""The demo city: 남원시 and part of 제주시, with their topics, organisations and residents.

`seed.seed_demo()` (run by `manage.py sotong_demo`) writes it; the modules beside this one hold
the data. Other apps add their own demo content in a `demo.py` with `seed(context)`.
This app sits on top of every capability, so it may import any of them.
"""
