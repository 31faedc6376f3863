from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from safeguard.training.bookings import send_reminders
from safeguard.training.caseloads import record_snapshots


class Command(BaseCommand):
    help = (
        "`send-reminders [--days N]`: email everyone with a place on a session N days from today "
        "(once each). `snapshot-caseloads`: keep today's caseloads per social work team for the "
        "trend (run it at least once a quarter, e.g. on the last working day)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["send-reminders", "snapshot-caseloads"])
        parser.add_argument("--days", type=int, default=2, help="How far ahead to remind")

    def handle(self, *args: object, **options: object) -> None:
        today = timezone.localdate()
        if options["action"] == "send-reminders":
            days = int(options["days"])
            if days < 0:
                raise CommandError("--days must be 0 or more")
            sent = send_reminders(days, today=today)
            self.stdout.write(f"Sent {sent} reminder{'s' if sent != 1 else ''}.")
        else:
            snapshots = record_snapshots(today)
            self.stdout.write(f"Kept caseloads for {len(snapshots)} teams on {today:%-d %B %Y}.")
