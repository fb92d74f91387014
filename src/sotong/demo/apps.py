from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo city and generated data: a composition on top of every capability."""

    name = "sotong.demo"
    label = "demo"
    verbose_name = "Demo"
