import sys

from django.core.management.base import BaseCommand, CommandParser

from safeguard.access.log import verify_chain


class Command(BaseCommand):
    help = "Check the access log: `safeguard audit verify` exits 0 when the hash chain is intact."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["verify"])

    def handle(self, *args: object, **options: object) -> None:
        checked, chain_break = verify_chain()
        if chain_break is not None:
            self.stderr.write(
                f"Access log broken at event {chain_break.event_id}: {chain_break.problem} "
                f"({checked} events before it are intact)."
            )
            sys.exit(1)
        self.stdout.write(f"Access log intact: {checked} events checked.")
