from django.db import connection
from django.test.utils import CaptureQueriesContext
from factories import AgencyFactory, ChildFactory, sign_in_as
from factories_frontdoor import make_contact
from safeguard.access.models import AgencyKind


def test_probe(client, personas):
    worker = personas["mash_worker"]
    agencies = [AgencyFactory(name=f"School {n}", kind=AgencyKind.EDUCATION) for n in range(3)]
    def add(count):
        for n in range(count):
            make_contact(recorded_by=worker, agency=agencies[n % 3], child=ChildFactory())
    sign_in_as(client, worker)
    client.get("/mash/")
    add(3)
    with CaptureQueriesContext(connection) as three:
        client.get("/mash/")
    add(27)
    with CaptureQueriesContext(connection) as thirty:
        client.get("/mash/")
    for name, c in (("three", three), ("thirty", thirty)):
        print("=====", name)
        for q in c.captured_queries:
            print(q["sql"][:230])
    assert 0
