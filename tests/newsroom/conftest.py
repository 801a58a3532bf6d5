import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from home.models import Organisation
from newsroom import roles

NEWSPAPER = "bao-an-giang"
BROADCASTER = "dai-phat-thanh-truyen-hinh-an-giang"


def organisation(slug):
    return Organisation.objects.get(locale__language_code="vi", slug=slug)


def team(slug):
    return Group.objects.get(team__organisation_key=organisation(slug).translation_key)


@pytest.fixture
def people(seeded):
    """One account per role. seed_demo has run setup_roles."""
    User = get_user_model()

    def person(username, *groups, superuser=False):
        user = User.objects.create_user(username, f"{username}@example.org", "a-long-test-password")
        user.is_superuser = superuser
        user.save()
        user.groups.set(groups)
        return user

    return {
        "administrator": person("quantri", Group.objects.get(name=roles.ADMINISTRATORS)),
        "reviewer": person("kiemduyet", Group.objects.get(name=roles.REVIEWERS)),
        "editor": person("bientap", team(NEWSPAPER)),
        "other editor": person("bientap-dai", team(BROADCASTER)),
        "translator": person("dichgia-km", Group.objects.get(name=roles.TRANSLATOR_GROUPS["km"])),
        "signed-in reader": person("docgia"),
    }
