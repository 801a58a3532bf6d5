"""Replace Wagtail's welcome page with the vi HomePage and create the en and km locales."""

from django.db import migrations


def create_site(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")

    vi, _ = Locale.objects.get_or_create(language_code="vi")
    for code in ("en", "km"):
        Locale.objects.get_or_create(language_code=code)
    if HomePage.objects.exists():
        return
    Page.objects.filter(depth=2, content_type__model="page", content_type__app_label="wagtailcore").delete()
    root = Page.objects.get(depth=1)
    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    siblings = Page.objects.filter(depth=2).count()
    path = f"{root.path}{siblings + 1:04d}"
    home = HomePage.objects.create(
        title="Cổng thông tin truyền thông về quyền con người",
        draft_title="Cổng thông tin truyền thông về quyền con người",
        slug="trang-chu",
        content_type=content_type,
        path=path,
        depth=2,
        numchild=0,
        url_path="/trang-chu/",
        locale=vi,
        live=True,
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Nhân quyền"},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_site, migrations.RunPython.noop)]
