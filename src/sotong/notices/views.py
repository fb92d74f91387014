from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sotong.core.context_processors import request_current_region, request_region_list
from sotong.core.selectors import topics_for
from sotong.notices import selectors, services
from sotong.notices.forms import AnswerForm, NoticeFilterForm, NoticeForm, QuestionForm
from sotong.notices.models import Notice, NoticeQuestion
from sotong.notices.rules import may_publish_somewhere


def _notice_or_404(notice_id: int) -> Notice:
    notice = selectors.notice_for_page(notice_id)
    if notice is None:
        raise Http404(_("찾는 공지가 없습니다."))
    return notice


def _add_errors(form, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        form.add_error(name if name in form.fields else None, errors)


@require_GET
def notice_list(request: HttpRequest) -> HttpResponse:
    regions = request_region_list(request)
    data = request.GET.copy()
    region = request_current_region(request)
    if "region" not in data and region is not None:
        data["region"] = region.slug
    filter_form = NoticeFilterForm(data, regions=regions)
    page = selectors.notice_list(filter_form.filters(), cursor=request.GET.get("after"))
    return render(
        request,
        "notices/list.html",
        {
            "filter_form": filter_form,
            "page": page,
            "notices": page.items,
            "can_publish": may_publish_somewhere(request.user),
        },
    )


def _render_detail(
    request: HttpRequest,
    notice: Notice,
    *,
    question_form: QuestionForm | None = None,
    answer_forms: dict[int, AnswerForm] | None = None,
) -> HttpResponse:
    user = request.user
    can_answer = user.has_perm("notices.answer_question", notice)
    questions = selectors.questions_for(notice)
    answer_forms = answer_forms or {}
    if can_answer:
        for question in questions:
            question.answer_form = answer_forms.get(question.pk) or AnswerForm(
                initial={"answer": question.answer}, auto_id=f"answer-{question.pk}-%s"
            )
    return render(
        request,
        "notices/detail.html",
        {
            "notice": notice,
            "topics": list(notice.topics.all()),
            "documents": list(notice.documents.all()),
            "questions": questions,
            "can_manage": user.has_perm("notices.change_notice", notice),
            "can_answer": can_answer,
            "question_form": question_form or QuestionForm(),
        },
    )


@require_GET
def detail(request: HttpRequest, notice_id: int) -> HttpResponse:
    return _render_detail(request, _notice_or_404(notice_id))


@login_required
@require_http_methods(["GET", "POST"])
def create(request: HttpRequest) -> HttpResponse:
    if not may_publish_somewhere(request.user):
        raise PermissionDenied(_("공지는 행정기관의 공무원이나 지역 관리자만 올릴 수 있습니다."))
    region = request_current_region(request)
    topics = topics_for(region)
    if request.method == "POST":
        form = NoticeForm(request.POST, request.FILES, user=request.user, topics=topics)
        if form.is_valid():
            try:
                notice = services.notice_create(
                    actor=request.user,
                    fields=form.service_fields(),
                    topics=form.cleaned_data["topics"],
                    documents=form.cleaned_data["documents"],
                )
            except ValidationError as error:
                _add_errors(form, error)
            except PermissionDenied as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("공지를 게시했습니다."))
                return redirect(notice)
    else:
        form = NoticeForm(
            user=request.user,
            topics=topics,
            initial={"region": region.pk if region else None, "kind": Notice.Kind.NOTICE},
        )
    return render(request, "notices/form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, notice_id: int) -> HttpResponse:
    notice = _notice_or_404(notice_id)
    if not request.user.has_perm("notices.change_notice", notice):
        raise PermissionDenied(_("이 공지를 고칠 권한이 없습니다."))
    topics = topics_for(notice.region.city)
    if request.method == "POST":
        form = NoticeForm(
            request.POST, request.FILES, user=request.user, topics=topics, editing=notice
        )
        if form.is_valid():
            try:
                services.notice_update(
                    actor=request.user,
                    notice=notice,
                    fields=form.service_fields(),
                    topics=form.cleaned_data["topics"],
                    documents=form.cleaned_data["documents"],
                    remove_documents=[d.pk for d in form.cleaned_data["remove_documents"]],
                )
            except ValidationError as error:
                _add_errors(form, error)
            except PermissionDenied as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("공지를 고쳤습니다."))
                return redirect(notice)
    else:
        form = NoticeForm(
            user=request.user, topics=topics, editing=notice, initial=NoticeForm.initial_for(notice)
        )
    return render(request, "notices/form.html", {"form": form, "notice": notice})


@login_required
@require_POST
def close(request: HttpRequest, notice_id: int) -> HttpResponse:
    notice = get_object_or_404(Notice, pk=notice_id)
    services.notice_close(actor=request.user, notice=notice)
    messages.success(request, _("공지를 마감했습니다. 더 이상 질문을 받지 않습니다."))
    return redirect(notice)


@require_POST
def ask(request: HttpRequest, notice_id: int) -> HttpResponse:
    notice = _notice_or_404(notice_id)
    if not request.user.is_authenticated:
        return redirect_to_login(notice.get_absolute_url())
    form = QuestionForm(request.POST)
    if form.is_valid():
        try:
            question = services.question_ask(
                actor=request.user, notice=notice, body=form.cleaned_data["body"]
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("질문을 올렸습니다. 담당 부서가 답하면 알려 드립니다."))
            return redirect(question.get_absolute_url())
    return _render_detail(request, notice, question_form=form)


@login_required
@require_POST
def answer(request: HttpRequest, notice_id: int, question_id: int) -> HttpResponse:
    notice = _notice_or_404(notice_id)
    question = get_object_or_404(NoticeQuestion, pk=question_id, notice=notice)
    if not request.user.has_perm("notices.answer_question", notice):
        raise PermissionDenied(_("공지를 올린 부서의 공무원만 답변할 수 있습니다."))
    form = AnswerForm(request.POST, auto_id=f"answer-{question.pk}-%s")
    if form.is_valid():
        try:
            services.question_answer(
                actor=request.user, question=question, answer=form.cleaned_data["answer"]
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("답변을 올렸습니다."))
            return redirect(question.get_absolute_url())
    return _render_detail(request, notice, answer_forms={question.pk: form})
