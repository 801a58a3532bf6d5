"""Keeping the index current: one object at a time after publishing, or a full rebuild.

Signal handlers (``search.signals``) enqueue :func:`update_object_task` inside the transaction that
published, unpublished, moved or deleted something. With the default immediate task backend the
index changes in that same transaction (and rolls back with it); with a queue backend (``TASKS``)
the task is committed together with the change and a worker updates the index afterwards.
"""

from django_tasks import task

from django.contrib.contenttypes.models import ContentType

from . import sources
from .backends import get_index
from .models import SearchDocument


def update(instance):
    """Index ``instance`` if the public may see it, otherwise take it out of the index."""
    content_type = ContentType.objects.get_for_model(type(instance))
    document = sources.document_for(instance)
    if document is None:
        get_index().store([], remove=[(content_type.pk, instance.pk)])
    else:
        get_index().store([document])


def remove(content_type_id, object_id):
    get_index().store([], remove=[(content_type_id, object_id)])


@task()
def update_object_task(content_type_id, object_id):
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    instance = model.objects.filter(pk=object_id).first() if model else None
    if instance is None:
        remove(content_type_id, object_id)
    else:
        update(instance)


@task()
def remove_object_task(content_type_id, object_id):
    remove(content_type_id, object_id)


def _content_type_id(instance):
    model = type(instance)
    if hasattr(instance, "specific_class") and instance.specific_class:
        model = instance.specific_class
    return ContentType.objects.get_for_model(model).pk


def schedule_update(instance):
    update_object_task.enqueue(_content_type_id(instance), instance.pk)


def schedule_remove(instance):
    remove_object_task.enqueue(_content_type_id(instance), instance.pk)


def rewrite_urls(old_prefix, new_prefix):
    """After a page moved or changed its slug: documents below it get the new address."""
    if not old_prefix or old_prefix == new_prefix:
        return 0
    count = 0
    for document in SearchDocument.objects.filter(url__startswith=old_prefix).only("pk", "url").iterator():
        SearchDocument.objects.filter(pk=document.pk).update(url=new_prefix + document.url[len(old_prefix) :])
        count += 1
    return count


def rebuild(stdout=None, batch=500):
    """Rebuild the whole index from the content (``manage.py update_index``)."""
    index = get_index()
    index.clear()
    pending, total = [], 0
    for document in sources.all_documents(batch=batch):
        pending.append(document)
        if len(pending) >= batch:
            index.store(pending, fresh=True)
            total += len(pending)
            pending = []
            if stdout:
                stdout.write(f"  {total} documents")
    index.store(pending, fresh=True)
    total += len(pending)
    index.after_rebuild()
    from home import page_cache

    page_cache.invalidate()  # bulk inserts send no signals
    return total
