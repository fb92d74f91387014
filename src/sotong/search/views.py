from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sotong.core.context_processors import request_region_list
from sotong.search import registry
from sotong.search.forms import SearchForm
from sotong.search.selectors import MAX_QUERY_CHARS, search


def results(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    filters, region = form.filters()
    found = search(
        request.GET.get("q"),
        filters,
        request.user,
        request.GET.get("page", 1),
        known_regions=request_region_list(request),  # the frame reads it anyway
    )
    kind_labels = {kind.key: kind.label for kind in registry.kinds()}
    facets = found.facets
    for row in facets.get("kind", []):
        row["label"] = kind_labels.get(row["kind"], row["kind"])
    return render(
        request,
        "search/results.html",
        {
            "form": form,
            "found": found,
            "facets": facets,
            "region": region,
            "page_obj": found.page,
            "page_range": found.page.paginator.get_elided_page_range(found.page.number)
            if found.page.paginator.count
            else [],
            "max_query_chars": MAX_QUERY_CHARS,
            "kind_labels": kind_labels,
        },
    )
