"""Every API error is JSON with a Korean `detail` a person can act on.

Bad input never reaches a 500: parameter errors become 422 with the list of fields,
unknown things 404, missing log-in 401, missing permission 403.
"""

import logging
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, AuthorizationError, HttpError, ValidationError

request_logger = logging.getLogger("django.request")


class NotFound(Http404):
    """A 404 whose message is written for people (Django's own ones are not)."""


def unknown_value(location: str, field: str, message: str) -> ValidationError:
    """A 422 for a well-formed value that names nothing (an unknown region slug…)."""
    return ValidationError([{"loc": [location, field], "type": "unknown_value", "msg": message}])


def _message_for(error: dict[str, Any]) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return _("반드시 입력해야 합니다.")
    if kind in ("int_parsing", "int_type"):
        return _("정수를 입력하세요.")
    if kind == "int_from_float":
        return _("소수점 없는 정수를 입력하세요.")
    if kind in ("float_parsing", "float_type", "decimal_parsing"):
        return _("숫자를 입력하세요.")
    if kind in ("bool_parsing", "bool_type"):
        return _("true 또는 false를 입력하세요.")
    if kind == "greater_than_equal":
        return _("%(limit)s 이상이어야 합니다.") % {"limit": ctx.get("ge")}
    if kind == "greater_than":
        return _("%(limit)s보다 커야 합니다.") % {"limit": ctx.get("gt")}
    if kind == "less_than_equal":
        return _("%(limit)s 이하여야 합니다.") % {"limit": ctx.get("le")}
    if kind == "less_than":
        return _("%(limit)s보다 작아야 합니다.") % {"limit": ctx.get("lt")}
    if kind == "string_too_long":
        return _("%(limit)s자 이하로 입력하세요.") % {"limit": ctx.get("max_length")}
    if kind == "string_too_short":
        return _("%(limit)s자 이상 입력하세요.") % {"limit": ctx.get("min_length")}
    if kind in ("enum", "literal_error"):
        choices = str(ctx.get("expected", "")).replace(" or ", ", ")
        return _("다음 중 하나를 입력하세요: %(choices)s") % {"choices": choices}
    if kind == "string_pattern_mismatch":
        return _("형식이 올바르지 않습니다.")
    if kind in ("string_type", "string_unicode"):
        return _("글자로 입력하세요.")
    if kind == "json_invalid":
        return _("JSON 형식이 올바르지 않습니다.")
    if kind == "value_error" and ctx.get("error"):
        return str(ctx["error"])
    if kind == "unknown_value":
        return str(error.get("msg"))
    return _("값이 올바르지 않습니다.")


def _field_errors(errors: list[dict[str, Any]]) -> list[dict[str, str]]:
    result = []
    for error in errors:
        location, *path = [str(part) for part in error.get("loc", [])] or [""]
        result.append(
            {
                "field": ".".join(path) or location,
                "location": location,
                "message": _message_for(error),
            }
        )
    return result


def install_error_handlers(api: NinjaAPI) -> None:
    def respond(request: HttpRequest, detail: str, status: int, **extra: Any) -> HttpResponse:
        return api.create_response(request, {"detail": detail, **extra}, status=status)

    @api.exception_handler(ValidationError)
    def invalid_input(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        errors = _field_errors(exc.errors)
        fields = ", ".join(dict.fromkeys(error["field"] for error in errors))
        detail = _("입력값을 확인해 주세요: %(fields)s") % {"fields": fields}
        return respond(request, detail, 422, errors=errors)

    @api.exception_handler(DjangoValidationError)
    def rejected_by_service(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
        errors = [
            {"field": field, "location": "body", "message": str(message)}
            for field, messages in (
                exc.message_dict.items() if hasattr(exc, "error_dict") else [("", exc.messages)]
            )
            for message in messages
        ]
        return respond(request, " ".join(exc.messages), 422, errors=errors)

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        detail = str(exc) if isinstance(exc, NotFound) and exc.args else _("찾을 수 없습니다.")
        return respond(request, detail, 404)

    @api.exception_handler(AuthenticationError)
    def not_logged_in(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return respond(request, _("로그인이 필요합니다."), 401)

    @api.exception_handler(AuthorizationError)
    def not_allowed(request: HttpRequest, exc: AuthorizationError) -> HttpResponse:
        return respond(request, _("이 작업을 할 권한이 없습니다."), 403)

    @api.exception_handler(PermissionDenied)
    def denied_by_rules(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        return respond(request, str(exc) or _("이 작업을 할 권한이 없습니다."), 403)

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return respond(request, str(exc), exc.status_code)

    @api.exception_handler(Exception)
    def server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
        # Logged like Django logs its own 500s, so operators still get the traceback by e-mail.
        request_logger.error(
            "Internal Server Error: %s",
            request.path,
            exc_info=exc,
            extra={"status_code": 500, "request": request},
        )
        response = respond(
            request, _("서버에서 문제가 생겼습니다. 잠시 뒤 다시 시도해 주세요."), 500
        )
        response._has_been_logged = True  # Django would log it again, without the traceback.
        return response
