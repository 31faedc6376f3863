"""The access log is append-only and hash-chained; `safeguard audit verify` finds tampering."""

import pytest
from django.core.management import call_command
from django.db import connection
from factories import ChildFactory, UserFactory

from safeguard.access.log import Access, record_accesses, verify_chain
from safeguard.access.models import AccessEvent, AccessKind


def _log_three_reads():
    user = UserFactory(role="social_worker")
    child = ChildFactory()
    return record_accesses(
        user, [Access(child.pk, kind=AccessKind.VIEW) for _ in range(3)], page="/children/1/"
    )


def _verify() -> tuple[int, str]:
    """Run the command as an operator would; return its exit code and what it printed."""
    from io import StringIO

    out, err = StringIO(), StringIO()
    try:
        call_command("audit", "verify", stdout=out, stderr=err)
    except SystemExit as stop:
        return int(stop.code), err.getvalue()
    return 0, out.getvalue()


@pytest.mark.django_db
def test_each_event_carries_the_hash_of_the_one_before():
    first, second, third = _log_three_reads()
    assert second.previous_hash == first.entry_hash
    assert third.previous_hash == second.entry_hash
    assert len({first.entry_hash, second.entry_hash, third.entry_hash}) == 3


@pytest.mark.django_db
def test_verify_passes_on_an_untouched_log():
    _log_three_reads()
    code, said = _verify()
    assert code == 0
    assert "3 events checked" in said


@pytest.mark.django_db
def test_verify_names_the_row_edited_directly_in_the_database():
    _, second, _ = _log_three_reads()
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE access_accessevent SET user_label = %s WHERE id = %s",
            ["someone else", second.pk],
        )
    code, said = _verify()
    assert code == 1
    assert f"broken at event {second.pk}" in said


@pytest.mark.django_db
def test_verify_notices_a_row_deleted_from_the_middle():
    _, second, third = _log_three_reads()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM access_accessevent WHERE id = %s", [second.pk])
    checked, chain_break = verify_chain()
    assert checked == 1
    assert chain_break is not None and chain_break.event_id == third.pk


@pytest.mark.django_db
def test_verify_notices_the_newest_rows_removed():
    _, _, third = _log_three_reads()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM access_accessevent WHERE id = %s", [third.pk])
    code, said = _verify()
    assert code == 1
    assert "newest events are missing" in said


@pytest.mark.django_db
def test_the_application_cannot_change_or_remove_an_event():
    event = _log_three_reads()[0]
    event.purpose = "rewritten"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AccessEvent.objects.filter(pk=event.pk).update(purpose="rewritten")
    with pytest.raises(PermissionError):
        AccessEvent.objects.all().delete()
    assert AccessEvent.objects.get(pk=event.pk).purpose == ""
