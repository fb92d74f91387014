from django.http import HttpRequest
from ninja import Router
from ninja.security import django_auth

from sotong.accounts.models import User
from sotong.api.schemas import ErrorOut, MeOut
from sotong.api.selectors import me

router = Router(tags=["나"])


@router.get(
    "",
    auth=django_auth,
    response={200: MeOut, 401: ErrorOut},
    operation_id="get_me",
    summary="로그인한 나",
    description="로그인한 사람 자신의 닉네임, 사는 지역, 관심 주제, 소속 단체와 역할, 지역 "
    "역할을 줍니다. 로그인하지 않았으면 401을 줍니다.",
)
def get_me(request: HttpRequest) -> User:
    return me(request.auth)
