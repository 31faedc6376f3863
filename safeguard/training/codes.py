"""The training app's vocabularies: course levels, booking states, audiences, licence types."""

from django.db import models


class Level(models.TextChoices):
    # The three levels partnerships use for multi-agency safeguarding training.
    AWARENESS = "1", "Level 1: awareness"
    CORE = "2", "Level 2: core"
    SPECIALIST = "3", "Level 3: specialist"


class Delivery(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    ONLINE = "online", "Online"


class BookingStatus(models.TextChoices):
    BOOKED = "booked", "Place booked"
    WAITING = "waiting", "On the waiting list"
    CANCELLED = "cancelled", "Cancelled"
    ATTENDED = "attended", "Attended"
    DID_NOT_ATTEND = "did_not_attend", "Did not attend"

    @classmethod
    def holding_a_place(cls) -> list[str]:
        return [cls.BOOKED, cls.ATTENDED, cls.DID_NOT_ATTEND]

    @classmethod
    def active(cls) -> list[str]:
        """Bookings that stop the same person booking the same session again."""
        return [cls.BOOKED, cls.WAITING, cls.ATTENDED, cls.DID_NOT_ATTEND]


class Audience(models.TextChoices):
    TAXI_AND_PRIVATE_HIRE = "taxi_private_hire", "Taxi and private hire licence applicants"
    MASH_STAFF = "mash_staff", "MASH staff"
    SOCIAL_CARE_STAFF = "social_care_staff", "Children's social care staff"
    PARTNER_PRACTITIONERS = "partner_practitioners", "Partner agency practitioners"
    EARLY_HELP = "early_help", "Early help practitioners"


# Staff audiences are the holders of these roles; the taxi audience is members of the public.
STAFF_AUDIENCE_ROLES: dict[str, list[str]] = {
    Audience.MASH_STAFF: ["mash_worker", "mash_manager"],
    Audience.SOCIAL_CARE_STAFF: ["social_worker", "team_manager", "conference_chair"],
    Audience.PARTNER_PRACTITIONERS: ["partner_practitioner"],
    Audience.EARLY_HELP: ["early_help_practitioner"],
}


class LicenceType(models.TextChoices):
    HACKNEY_CARRIAGE_DRIVER = "hackney_carriage_driver", "Hackney carriage driver"
    PRIVATE_HIRE_DRIVER = "private_hire_driver", "Private hire driver"
    OPERATOR = "operator", "Private hire operator"

    @classmethod
    def drivers(cls) -> list[str]:
        return [cls.HACKNEY_CARRIAGE_DRIVER, cls.PRIVATE_HIRE_DRIVER]


class ApplicationKind(models.TextChoices):
    FIRST_GRANT = "first_grant", "First grant"
    RENEWAL = "renewal", "Renewal"


class CheckChannel(models.TextChoices):
    PAGE = "page", "Licence check page"
    API = "api", "Licensing system"


class Usefulness(models.IntegerChoices):
    VERY_POOR = 1, "Very poor"
    POOR = 2, "Poor"
    FAIR = 3, "Fair"
    GOOD = 4, "Good"
    EXCELLENT = 5, "Excellent"


class OutcomesMet(models.TextChoices):
    YES = "yes", "Yes"
    PARTLY = "partly", "Partly"
    NO = "no", "No"


class ReturnSource(models.TextChoices):
    FORM = "form", "Entered on the form"
    IMPORT = "import", "Imported from a spreadsheet"
