from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from sotong.organizations.models import Organization


def directory(request: HttpRequest) -> HttpResponse:
    organizations = Organization.objects.filter(is_active=True).select_related("region")[:50]
    return render(request, "organizations/directory.html", {"organizations": organizations})


def detail(request: HttpRequest, slug: str) -> HttpResponse:
    organization = get_object_or_404(Organization.objects.select_related("region"), slug=slug)
    return render(request, "organizations/detail.html", {"organization": organization})
