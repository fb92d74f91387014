from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "sotong.api"
    label = "api"
    verbose_name = "API"
