"""The archive's pages: browse, a record, a document, key words, a region's year, editors."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from sotong.activities.models import Activity
from sotong.archive import exports, keywords, selectors, services
from sotong.archive.forms import BrowseForm, DocumentForm, RecordForm
from sotong.archive.models import Document, MeetingRecord
from sotong.core.context_processors import remember_region_page, request_region_list
from sotong.core.models import Region, Topic


def _add_errors(form, error: ValidationError) -> None:
    """Puts a service's errors next to the fields they concern (or on top of the form)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        form.add_error(name if name in form.fields else None, errors)


def _browse_form(request: HttpRequest, years: list[int] | None = None) -> BrowseForm:
    return BrowseForm(
        request.GET,
        regions=request_region_list(request),
        topics=list(Topic.objects.active().order_by("order", "name")),
        years=selectors.record_years() if years is None else years,
    )


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Meeting records, newest first, by region, topic, year and organisation."""
    form = _browse_form(request)
    filters = form.filters()
    page = selectors.record_page(filters, request.GET.get("after"))
    return render(
        request,
        "archive/home.html",
        {"form": form, "page": page, "filters": filters},
    )


@require_GET
def documents(request: HttpRequest) -> HttpResponse:
    form = _browse_form(request, years=selectors.document_years())
    filters = form.filters()
    page = selectors.document_page(filters, request.GET.get("after"))
    return render(request, "archive/documents.html", {"form": form, "page": page})


def _visible_or_404(request: HttpRequest, item, message: str):
    if item is None or not request.user.has_perm("archive.view_item", item):
        raise Http404(message)
    return item


@require_GET
def record(request: HttpRequest, record_id: int) -> HttpResponse:
    item = _visible_or_404(
        request, selectors.record_for_page(record_id), _("찾는 기록이 없습니다.")
    )
    terms = selectors.keyword_terms(item)
    return render(
        request,
        "archive/record.html",
        {
            "record": item,
            "keywords": terms,
            "related": keywords.related_records(item, terms=terms),
            "can_edit": request.user.has_perm("archive.change_item", item),
        },
    )


@require_GET
def document(request: HttpRequest, document_id: int) -> HttpResponse:
    item = _visible_or_404(
        request, selectors.document_for_page(document_id), _("찾는 자료가 없습니다.")
    )
    return render(
        request,
        "archive/document.html",
        {
            "document": item,
            "keywords": selectors.keyword_terms(item),
            "can_edit": request.user.has_perm("archive.change_item", item),
        },
    )


@require_GET
def keyword(request: HttpRequest, term: str) -> HttpResponse:
    page = selectors.keyword_record_page(term, request.GET.get("after"))
    found_documents = selectors.documents_with_keyword(term)
    status = 200 if page.items or found_documents or not page.is_first else 404
    return render(
        request,
        "archive/keyword.html",
        {"term": term, "page": page, "documents": found_documents},
        status=status,
    )


@require_GET
def region_year(request: HttpRequest, slug: str) -> HttpResponse:
    """A region's archive: its records and, for a year, the key words as a chart."""
    region = get_object_or_404(Region.objects.active().select_related("parent"), slug=slug)
    remember_region_page(request, region)
    filters = selectors.Filters(region=region)
    years = selectors.region_record_years(filters.region_family())
    default = years[0] if years else timezone.localdate().year
    try:
        year = int(request.GET.get("year") or default)
    except ValueError:
        year = default
    if not 1900 <= year <= 2100:  # a year the calendar cannot hold must not break the page
        year = default
    filters.year = year
    bars = selectors.keywords_of_year(filters.region_family(), year)
    page = selectors.record_page(filters)
    return render(
        request,
        "archive/region.html",
        {
            "region": region,
            "years": years,
            "year": year,
            "bars": bars,
            "chart_height": 32 * len(bars) + 8,
            "page": page,
        },
    )


# --- writing --------------------------------------------------------------------------------


def _save_uploads(request, form, item, *, photos: bool) -> None:
    """Adds the uploaded photos and files; an unreadable one is reported beside its field."""
    add_file = services.record_add_attachment if photos else services.document_add_file
    owner = "record" if photos else "document"
    try:
        for upload in form.cleaned_data.get("new_photos") or [] if photos else []:
            services.record_add_photo(
                actor=request.user,
                record=item,
                upload=upload,
                caption=form.cleaned_data.get("photo_caption") or "",
            )
    except ValidationError as error:
        raise ValidationError({"new_photos": error.messages}) from error
    try:
        for upload in form.cleaned_data.get("new_files") or []:
            add_file(actor=request.user, upload=upload, **{owner: item})
    except ValidationError as error:
        raise ValidationError({"new_files": error.messages}) from error


def _remove_files(request, item, *, photos: bool) -> None:
    ids = [int(value) for value in request.POST.getlist("remove_file") if value.isdigit()]
    if photos:
        photo_ids = [int(v) for v in request.POST.getlist("remove_photo") if v.isdigit()]
        services.record_remove_files(
            actor=request.user, record=item, photo_ids=photo_ids, attachment_ids=ids
        )
    else:
        services.document_remove_files(actor=request.user, document=item, file_ids=ids)


def _record_editor(request, *, instance: MeetingRecord, activity: Activity | None = None):
    is_new = instance.pk is None
    initial = services.record_defaults_for_activity(activity) if activity and is_new else {}
    if initial:
        initial["topics"] = list(activity.topics.all())
    form = RecordForm(
        request.POST or None,
        request.FILES or None,
        instance=instance,
        initial=initial,
        user=request.user,
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            fields = form.service_fields(services.RECORD_FIELDS)
            try:
                with transaction.atomic():
                    if is_new:
                        saved = services.record_create(
                            actor=request.user,
                            fields=fields,
                            relations=form.relations(),
                            activity=activity,
                        )
                    else:
                        saved = services.record_update(
                            actor=request.user,
                            record=instance,
                            fields=fields,
                            relations=form.relations(),
                        )
                        _remove_files(request, saved, photos=True)
                    _save_uploads(request, form, saved, photos=True)
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("대화모임 기록을 저장했습니다."))
                return redirect(saved)
        status = 400
    return render(
        request,
        "archive/record_form.html",
        {"form": form, "record": None if is_new else instance, "activity": activity},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def record_create(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("archive.add_record"):
        raise PermissionDenied(_("기록을 남길 권한이 없습니다."))
    return _record_editor(request, instance=MeetingRecord(region=request.user.home_region))


@login_required
@require_http_methods(["GET", "POST"])
def record_edit(request: HttpRequest, record_id: int) -> HttpResponse:
    item = _visible_or_404(
        request, selectors.record_for_page(record_id), _("찾는 기록이 없습니다.")
    )
    if not request.user.has_perm("archive.change_item", item):
        raise PermissionDenied(_("이 기록을 고칠 권한이 없습니다."))
    return _record_editor(request, instance=item, activity=item.activity)


@login_required
@require_http_methods(["GET", "POST"])
def activity_record(request: HttpRequest, activity_id: int) -> HttpResponse:
    """From an activity's page: write its meeting record, or correct the one it has."""
    activity = (
        Activity.objects.select_related("region", "host_organization")
        .filter(pk=activity_id)
        .first()
    )
    if activity is None or not request.user.has_perm("activities.view_activity", activity):
        raise Http404(_("찾는 활동이 없습니다."))
    if not request.user.has_perm("activities.change_activity", activity):
        raise PermissionDenied(_("주최 측만 대화모임 기록을 남길 수 있습니다."))
    existing = MeetingRecord.objects.filter(activity=activity).first()
    if existing is not None:
        return redirect("archive:record_edit", record_id=existing.pk)
    refusal = services.record_refusal_for_activity(activity)
    if refusal:
        messages.error(request, refusal)
        return redirect(activity)
    return _record_editor(request, instance=MeetingRecord(activity=activity), activity=activity)


def _document_editor(request, *, instance: Document):
    is_new = instance.pk is None
    form = DocumentForm(
        request.POST or None, request.FILES or None, instance=instance, user=request.user
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            fields = form.service_fields(services.DOCUMENT_FIELDS)
            try:
                with transaction.atomic():
                    if is_new:
                        saved = services.document_create(
                            actor=request.user, fields=fields, relations=form.relations()
                        )
                    else:
                        saved = services.document_update(
                            actor=request.user,
                            document=instance,
                            fields=fields,
                            relations=form.relations(),
                        )
                        _remove_files(request, saved, photos=False)
                    _save_uploads(request, form, saved, photos=False)
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("자료를 저장했습니다."))
                return redirect(saved)
        status = 400
    return render(
        request,
        "archive/document_form.html",
        {"form": form, "document": None if is_new else instance},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def document_create(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("archive.add_document"):
        raise PermissionDenied(_("자료를 올릴 권한이 없습니다."))
    return _document_editor(request, instance=Document(region=request.user.home_region))


@login_required
@require_http_methods(["GET", "POST"])
def document_edit(request: HttpRequest, document_id: int) -> HttpResponse:
    item = _visible_or_404(
        request, selectors.document_for_page(document_id), _("찾는 자료가 없습니다.")
    )
    if not request.user.has_perm("archive.change_item", item):
        raise PermissionDenied(_("이 자료를 고칠 권한이 없습니다."))
    return _document_editor(request, instance=item)


# --- export ---------------------------------------------------------------------------------


@require_GET
def export_csv(request: HttpRequest) -> StreamingHttpResponse:
    records = selectors.records_for_export(_browse_form(request).filters())
    response = StreamingHttpResponse(
        exports.csv_lines(records), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="sotong-meeting-records.csv"'
    return response


@require_GET
def export_json(request: HttpRequest) -> StreamingHttpResponse:
    records = selectors.records_for_export(_browse_form(request).filters())
    response = StreamingHttpResponse(
        exports.json_chunks(records), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="sotong-meeting-records.json"'
    return response
