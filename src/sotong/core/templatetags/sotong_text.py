from django import template

from sotong.core.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str):
    """{{ activity.description|markdown }}: Markdown to sanitised HTML."""
    return render_markdown(text)
