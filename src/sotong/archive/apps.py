from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# The main menu's entry (core's base.html) reads its translation from this catalogue.
MENU_LABEL = pgettext_lazy("menu", "아카이브")


class ArchiveConfig(AppConfig):
    name = "sotong.archive"
    label = "archive"
    verbose_name = _("아카이브")

    def ready(self):
        from sotong.accounts import personal_data
        from sotong.archive import indexing, notifying  # noqa: F401  (search and notification kinds)
        from sotong.archive.organization_section import organization_records
        from sotong.archive.personal import export_archive
        from sotong.organizations import page_sections

        personal_data.register(
            "archive",
            title=_("아카이브에 남긴 기록과 자료"),
            export=export_archive,
            order=300,
        )
        page_sections.register(
            page_sections.OrganizationSection(
                name="archive_records",
                template="archive/partials/organization_records.html",
                context=organization_records,
            )
        )
