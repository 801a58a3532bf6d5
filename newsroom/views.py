from django.shortcuts import render


def csrf_failure(request, reason=""):
    """A forged or stale form: refused with a page in the visitor's language (no details leak)."""
    return render(request, "403_csrf.html", status=403)
