"""CORS for the partner API only, for the origins in ``LIBRARY_API_CORS_ORIGINS``."""

from django.conf import settings
from django.http import HttpResponse

API_PREFIX = "/api/"


class PartnerApiCorsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        origin = request.headers.get("Origin")
        allowed = origin and (
            "*" in settings.LIBRARY_API_CORS_ORIGINS or origin in settings.LIBRARY_API_CORS_ORIGINS
        )
        if request.method == "OPTIONS" and allowed:
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = "GET, OPTIONS"
            response["Access-Control-Allow-Headers"] = "X-API-Key"
            response["Access-Control-Max-Age"] = "86400"
        else:
            response = self.get_response(request)
        if allowed:
            response["Access-Control-Allow-Origin"] = origin
            response["Vary"] = "Origin"
        return response
