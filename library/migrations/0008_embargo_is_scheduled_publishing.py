"""An embargo becomes Wagtail's scheduled publishing.

Until now an embargoed product was live, and every public surface had to exclude it by hand (a
surface that forgot listed it). Now a product under embargo is not yet published: its go-live
time is the embargo's first day, and ``publish_scheduled`` publishes it then.

For each product (every language) with ``embargo_until`` set:

* still under embargo: it is unpublished and its latest revision is scheduled for that day (the
  same state Wagtail gives a page published with a go-live time in the future); its search
  documents and facet rows go (they are rebuilt when it is published);
* embargo over: it stays as it is; the day is kept as its go-live time (the export's
  ``embargo_until`` column reads it).
"""

from datetime import datetime, time

from django.db import migrations
from django.utils import timezone


def _start(day):
    return timezone.make_aware(datetime.combine(day, time.min))


def embargo_to_schedule(apps, schema_editor):
    ProductPage = apps.get_model("library", "ProductPage")
    ProductFacet = apps.get_model("library", "ProductFacet")
    Revision = apps.get_model("wagtailcore", "Revision")
    SearchDocument = apps.get_model("search", "SearchDocument")
    ContentType = apps.get_model("contenttypes", "ContentType")
    today = timezone.localdate()
    content_type = ContentType.objects.filter(app_label="library", model="productpage").first()
    for product in ProductPage.objects.exclude(embargo_until__isnull=True).iterator():
        go_live_at = _start(product.embargo_until)
        if product.embargo_until <= today:
            ProductPage.objects.filter(pk=product.pk, go_live_at__isnull=True).update(go_live_at=go_live_at)
            continue
        ProductPage.objects.filter(pk=product.pk).update(
            live=False, go_live_at=go_live_at, has_unpublished_changes=True, live_revision=None
        )
        if product.latest_revision_id:
            Revision.objects.filter(pk=product.latest_revision_id).update(approved_go_live_at=go_live_at)
        ProductFacet.objects.filter(product_id=product.pk).delete()
        if content_type is not None:
            SearchDocument.objects.filter(content_type=content_type, object_id=product.pk).delete()


def schedule_to_embargo(apps, schema_editor):
    ProductPage = apps.get_model("library", "ProductPage")
    now = timezone.now()
    for product in ProductPage.objects.exclude(go_live_at__isnull=True).iterator():
        day = timezone.localtime(product.go_live_at).date()
        fields = {"embargo_until": day}
        if product.go_live_at > now and not product.live:
            fields["live"] = True  # the old way: live, and hidden by hand until the day
        ProductPage.objects.filter(pk=product.pk).update(**fields)


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0007_build_facet_index"),
        ("search", "0005_title_vector"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(embargo_to_schedule, schedule_to_embargo),
        migrations.RemoveField(model_name="productpage", name="embargo_until"),
        migrations.RemoveField(model_name="productfacet", name="visible_from"),
    ]
