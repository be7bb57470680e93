import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

from tlschool.bodylimit import RequestBodyLimit

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tlschool.settings")
application = RequestBodyLimit(
    get_wsgi_application(), limit_bytes=settings.REQUEST_BODY_LIMIT_BYTES
)
