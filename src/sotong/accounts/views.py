from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from sotong.accounts.models import User


def profile(request: HttpRequest, user_id: int) -> HttpResponse:
    person = get_object_or_404(User.objects.select_related("home_region"), pk=user_id)
    if person.is_deleted:
        raise Http404
    return render(request, "accounts/profile.html", {"person": person})
