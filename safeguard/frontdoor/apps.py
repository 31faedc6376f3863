from django.apps import AppConfig


class FrontdoorConfig(AppConfig):
    name = "safeguard.frontdoor"
    label = "frontdoor"
    verbose_name = "Front door"

    def ready(self) -> None:
        from safeguard.access import navigation, roles, scopes
        from safeguard.access.models import ChildScope
        from safeguard.frontdoor import capabilities as cap
        from safeguard.frontdoor.visibility import children_in_own_referrals, move_to_kept_child
        from safeguard.people.merge import register_merge_step

        grants = {
            cap.REFER: [
                "partner_practitioner",
                "mash_worker",
                "mash_manager",
                "social_worker",
                "team_manager",
                "early_help_practitioner",
            ],
            cap.TRIAGE: ["mash_worker", "mash_manager"],
            cap.DECIDE: ["mash_manager"],
            cap.ANSWER_REQUESTS: ["partner_practitioner", "mash_worker"],
            cap.MANAGE_THRESHOLDS: ["business_manager"],
            cap.ADVISE_AGENCIES: ["business_manager"],
            cap.AGENCY_SUMMARY: ["partner_practitioner"],
            cap.DASHBOARD: ["mash_manager", "business_manager"],
            cap.DASHBOARD_CONTACTS: ["mash_manager"],
        }
        for capability, role_keys in grants.items():
            for key in role_keys:
                roles.grant(key, capability)

        scopes.register_scope(ChildScope.OWN_REFERRALS, children_in_own_referrals)
        register_merge_step(move_to_kept_child)
        navigation.register("Raise a concern", "frontdoor:refer", cap.REFER, order=10)
        navigation.register("My referrals", "frontdoor:my-referrals", cap.REFER, order=11)
        navigation.register("MASH queue", "frontdoor:queue", cap.TRIAGE, order=5)
        navigation.register(
            "Information requests", "frontdoor:information-requests", cap.ANSWER_REQUESTS, order=12
        )
        navigation.register("Front door figures", "frontdoor:dashboard", cap.DASHBOARD, order=30)
        navigation.register(
            "Threshold document", "frontdoor:thresholds", cap.MANAGE_THRESHOLDS, order=31
        )
        navigation.register("Agency feedback", "frontdoor:advice", cap.ADVISE_AGENCIES, order=32)
        navigation.register(
            "Our agency's referrals", "frontdoor:agency-summary", cap.AGENCY_SUMMARY, order=13
        )
