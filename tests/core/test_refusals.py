"""A service's refusal shown on the form: each problem against the answer it is about."""

from django import forms

from safeguard.core.models import StaleEdit
from safeguard.core.refusals import STALE_EDIT, Problem, Refused, attempt


class ReviewDateForm(forms.Form):
    held_on = forms.DateField(required=False)


def refuse(*problems: Problem):
    def action():
        raise Refused(list(problems))

    return action


def test_a_refusal_puts_each_problem_against_its_answer_and_returns_nothing():
    form = ReviewDateForm({})
    assert form.is_valid()
    done = attempt(
        form,
        refuse(
            Problem("held_on", "The review cannot be before the plan started"),
            Problem(None, "The plan has ended"),
        ),
    )
    assert done is None
    assert form.errors["held_on"] == ["The review cannot be before the plan started"]
    assert form.non_field_errors() == ["The plan has ended"]


def test_a_problem_about_a_field_the_form_does_not_have_is_shown_above_the_form():
    form = ReviewDateForm({})
    form.is_valid()
    attempt(form, refuse(Problem("chair", "Choose the chair")))
    assert form.non_field_errors() == ["Choose the chair"]


def test_someone_elses_change_asks_the_user_to_reload():
    form = ReviewDateForm({})
    form.is_valid()

    def stale():
        raise StaleEdit

    assert attempt(form, stale) is None
    assert form.non_field_errors() == [STALE_EDIT]


def test_a_service_that_succeeds_returns_what_it_made_and_leaves_the_form_clean():
    form = ReviewDateForm({})
    form.is_valid()
    assert attempt(form, lambda: "review 7") == "review 7"
    assert not form.errors
