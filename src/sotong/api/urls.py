from ninja import NinjaAPI

api = NinjaAPI(
    title="Sotong API",
    version="1",
    description="소통 — 지역, 주제, 단체와 회원 정보를 읽는 API",
    urls_namespace="api",
)


@api.get("/health", summary="Health check")
def health(request):
    return {"status": "ok"}
