from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from safeguard.access import capabilities


class AgencyKind(models.TextChoices):
    CHILDRENS_SERVICES = "childrens_services", "Council children's services"
    POLICE = "police", "Police"
    HEALTH_ICB = "health_icb", "Health: integrated care board"
    HEALTH_TRUST = "health_trust", "Health: NHS trust"
    GP_PRACTICE = "gp_practice", "Health: GP practice"
    EDUCATION = "education", "Education"
    EARLY_HELP = "early_help", "Early help provider"
    LICENSING = "licensing", "Licensing authority"
    PROBATION = "probation", "Probation"
    HOUSING = "housing", "Housing"
    VOLUNTARY = "voluntary", "Voluntary sector"
    PARTNERSHIP_OFFICE = "partnership_office", "Partnership office"


class Agency(models.Model):
    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=40, choices=AgencyKind.choices)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="teams")
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["agency__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "name"], name="team_name_unique_in_agency")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.agency})"


class ChildScope(models.TextChoices):
    """Which children's records a role reaches. Apps register what each scope means."""

    NONE = "none", "No child-level data"
    OWN_REFERRALS = "own_referrals", "Children in the user's own referrals"
    ALLOCATED = "allocated", "Children allocated to the user"
    TEAM = "team", "Children allocated to the user's teams"
    SERVICE = "service", "All children known to the service"
    PSEUDONYMISED = "pseudonymised", "Pseudonymised data only: no names or identifiers"


class Role(models.Model):
    key = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=120)
    description = models.TextField(blank=True)
    capabilities = models.JSONField(default=list, blank=True)
    child_scope = models.CharField(max_length=20, choices=ChildScope.choices)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        unknown = [c for c in self.capabilities if not capabilities.is_registered(c)]
        if unknown:
            raise ValidationError({"capabilities": f"Unknown capabilities: {', '.join(unknown)}"})

    @property
    def sees_child_data(self) -> bool:
        return self.child_scope not in (ChildScope.NONE, ChildScope.PSEUDONYMISED)


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields: object) -> "User":
        if not email:
            raise ValueError("A user needs an email address")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields: object) -> "User":
        fields.setdefault("is_superuser", True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(unique=True)
    full_name = models.CharField(max_length=200)
    job_title = models.CharField(max_length=200, blank=True)
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="users", null=True)
    teams = models.ManyToManyField(Team, blank=True, related_name="members")
    role = models.ForeignKey(Role, on_delete=models.PROTECT, related_name="users", null=True)
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name"]

    def __str__(self) -> str:
        return self.full_name or self.email

    @property
    def is_staff(self) -> bool:
        # There is no Django admin: everything is done through the service's own pages.
        return False

    @property
    def child_scope(self) -> str:
        return self.role.child_scope if self.role else ChildScope.NONE

    def can(self, capability: str) -> bool:
        return bool(self.is_active and self.role and capability in self.role.capabilities)
