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
from sotong.questions import selectors, services
from sotong.questions.forms import AnswerForm, QuestionFilterForm, QuestionForm
from sotong.questions.models import Answer, Question
from sotong.questions.rules import is_asker as rules_is_asker


def _question_or_404(question_id: int) -> Question:
    question = selectors.question_for_page(question_id)
    if question is None:
        raise Http404(_("찾는 질문이 없습니다."))
    return question


def _add_errors(form, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        form.add_error(name if name in form.fields else None, errors)


@require_GET
def question_list(request: HttpRequest) -> HttpResponse:
    regions = request_region_list(request)
    region = request_current_region(request)
    topics = topics_for(region)
    data = request.GET.copy()
    if "region" not in data and region is not None:
        data["region"] = region.slug
    filter_form = QuestionFilterForm(data, regions=regions, topics=topics)
    page = selectors.question_list(filter_form.filters(), cursor=request.GET.get("after"))
    return render(
        request,
        "questions/list.html",
        {"filter_form": filter_form, "page": page, "questions": page.items},
    )


def _render_detail(request: HttpRequest, question: Question, *, answer_form=None) -> HttpResponse:
    user = request.user
    answers = selectors.answers_for(question, user)
    is_asker = rules_is_asker(user, question)
    for answer in answers:
        answer.can_edit = user.has_perm("questions.change_answer", answer)
        answer.can_vote = user.is_authenticated and answer.author_id != user.pk
        answer.can_accept = is_asker and answer.author_id != user.pk
    return render(
        request,
        "questions/detail.html",
        {
            "question": question,
            "topics": list(question.topics.all()),
            "answers": answers,
            "proposals": list(question.proposals.select_related("region")),
            "is_asker": is_asker,
            "can_edit": user.has_perm("questions.change_question", question),
            "answer_form": answer_form or AnswerForm(),
        },
    )


@require_GET
def detail(request: HttpRequest, question_id: int) -> HttpResponse:
    return _render_detail(request, _question_or_404(question_id))


@login_required
@require_http_methods(["GET", "POST"])
def create(request: HttpRequest) -> HttpResponse:
    region = request_current_region(request)
    topics = topics_for(region)
    if request.method == "POST":
        form = QuestionForm(request.POST, topics=topics)
        if form.is_valid():
            try:
                question = services.question_ask(actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("질문을 올렸습니다. 이웃의 답을 기다려 보세요."))
                return redirect(question)
    else:
        home = request.user.home_region_id or (region.pk if region else None)
        form = QuestionForm(topics=topics, initial={"region": home})
    return render(request, "questions/form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, question_id: int) -> HttpResponse:
    question = _question_or_404(question_id)
    if not request.user.has_perm("questions.change_question", question):
        raise PermissionDenied(_("이 질문을 고칠 권한이 없습니다."))
    topics = topics_for(question.region.city)
    if request.method == "POST":
        form = QuestionForm(request.POST, topics=topics)
        if form.is_valid():
            try:
                services.question_update(actor=request.user, question=question, **form.cleaned_data)
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("질문을 고쳤습니다."))
                return redirect(question)
    else:
        form = QuestionForm(topics=topics, initial=QuestionForm.initial_for(question))
    return render(request, "questions/form.html", {"form": form, "question": question})


@require_POST
def answer(request: HttpRequest, question_id: int) -> HttpResponse:
    question = _question_or_404(question_id)
    if not request.user.is_authenticated:
        return redirect_to_login(question.get_absolute_url())
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            posted = services.answer_post(
                actor=request.user, question=question, body=form.cleaned_data["body"]
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("답변을 올렸습니다. 고맙습니다."))
            return redirect(posted.get_absolute_url())
    return _render_detail(request, question, answer_form=form)


@login_required
@require_http_methods(["GET", "POST"])
def answer_edit(request: HttpRequest, question_id: int, answer_id: int) -> HttpResponse:
    answer = get_object_or_404(
        Answer.objects.select_related("question__region"), pk=answer_id, question_id=question_id
    )
    if not request.user.has_perm("questions.change_answer", answer):
        raise PermissionDenied(_("이 답변을 고칠 권한이 없습니다."))
    if request.method == "POST":
        form = AnswerForm(request.POST)
        if form.is_valid():
            try:
                services.answer_update(
                    actor=request.user, answer=answer, body=form.cleaned_data["body"]
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("답변을 고쳤습니다."))
                return redirect(answer.get_absolute_url())
    else:
        form = AnswerForm(initial={"body": answer.body})
    return render(request, "questions/answer_form.html", {"form": form, "answer": answer})


@login_required
@require_POST
def accept(request: HttpRequest, question_id: int) -> HttpResponse:
    question = get_object_or_404(Question, pk=question_id)
    raw = request.POST.get("answer", "")
    chosen = None
    if raw:
        chosen = Answer.objects.filter(pk=raw if raw.isdigit() else 0, question=question).first()
        if chosen is None:
            raise Http404(_("찾는 답변이 없습니다."))
    try:
        services.accept_answer(actor=request.user, question=question, answer=chosen)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(question)
    if chosen is None:
        messages.success(request, _("‘가장 도움이 된 답변’ 표시를 거두었습니다."))
        return redirect(question)
    messages.success(request, _("가장 도움이 된 답변으로 골랐습니다."))
    return redirect(chosen.get_absolute_url())


@login_required
@require_POST
def helpful(request: HttpRequest, question_id: int, answer_id: int) -> HttpResponse:
    answer = get_object_or_404(Answer, pk=answer_id, question_id=question_id)
    if request.POST.get("withdraw"):
        services.withdraw_helpful(actor=request.user, answer=answer)
        messages.success(request, _("‘도움이 돼요’를 거두었습니다."))
    elif services.vote_helpful(actor=request.user, answer=answer):
        messages.success(request, _("‘도움이 돼요’를 눌렀습니다."))
    else:
        messages.info(request, _("이미 ‘도움이 돼요’를 누른 답변입니다."))
    return redirect(answer.get_absolute_url())
