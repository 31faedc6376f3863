from django.apps import AppConfig
from django.db.models.signals import post_migrate

CASEWORKERS = ["social_worker", "team_manager", "mash_manager", "conference_chair"]


class ReviewsConfig(AppConfig):
    name = "safeguard.reviews"
    label = "reviews"
    verbose_name = "Case reviews and learning"

    def ready(self) -> None:
        from safeguard.access import navigation, roles
        from safeguard.people.merge import register_merge_step
        from safeguard.reviews import capabilities as cap
        from safeguard.reviews import panels
        from safeguard.reviews.measures import register_measures
        from safeguard.reviews.merge import move_to_kept_child

        grants = {
            cap.VIEW: ["business_manager", *CASEWORKERS],
            cap.RUN: ["business_manager"],
            cap.SIGN_OFF: ["business_manager"],
            cap.AGENCY_ACTIONS: ["board_member"],
            cap.CASE_RECORDS: CASEWORKERS,
            cap.PROGRESS: ["business_manager", "board_member"],
            cap.LEARNING: list(roles.STANDARD_ROLES),
        }
        for capability, role_keys in grants.items():
            for key in role_keys:
                roles.grant(key, capability)

        navigation.register("Case reviews", "reviews:incidents", cap.VIEW, order=40)
        navigation.register(
            "Our agency's actions", "reviews:our-actions", cap.AGENCY_ACTIONS, order=41
        )
        navigation.register("Review progress", "reviews:progress", cap.PROGRESS, order=42)
        navigation.register("Learning from reviews", "reviews:learning", cap.LEARNING, order=45)
        register_merge_step(move_to_kept_child)
        panels.register()
        register_measures()
        from safeguard.reviews.themes import ensure_default_themes

        post_migrate.connect(ensure_default_themes, sender=self)
