"""An Academy's pre-learning phase in a real browser, in French: take part, introduce
oneself, answer the questionnaire, then answer a module's key question in its discussion."""

import pytest

from meetingpoint.academy.discussions.topics import open_discussion

pytestmark = pytest.mark.backends("sqlite")


def test_a_participant_goes_through_the_prelearning_phase(browsing, open_survey, make_user):
    from meetingpoint.academy.services import access_academy

    academy = access_academy("sstc-2016")
    module = academy.modules[6]
    question = module.questions[0]
    open_discussion(make_user(role="admin"), academy, question.id)
    awa = make_user(display_name="Awa Ndiaye", country="SN", locale="fr", languages=["fr"])
    page = browsing.signed_in_page(awa, "fr", locale="fr")

    # Take part.
    page.goto("/fr/academy/sstc-2016/")
    page.get_by_role("button", name="Participer").click()
    page.locator(".notice", has_text="Vous participez à cette Académie").wait_for()
    checklist = page.locator("[data-done]")
    assert checklist.evaluate_all("items => items.map(i => i.dataset.done)")[:2] == ["0", "0"]

    # Introduce herself.
    checklist.nth(0).get_by_role("link").click()
    page.locator("#about").fill("Inspectrice du travail à Dakar, je suis les chaînes d'arachide.")
    page.locator("#work").fill("L'inspection du travail dans l'économie informelle.")
    page.locator("#hopes").fill("Rencontrer des inspections d'Amérique latine.")
    page.locator("main form [type=submit]").click()
    page.locator("main", has_text="Awa Ndiaye").wait_for()
    assert "Dakar" in page.locator("main").inner_text()

    # Answer the questionnaire: every free-text question and the first choice of the others.
    page.goto("/fr/academy/sstc-2016/questionnaire")
    for box in page.locator("main form textarea").all():
        box.fill("Le dialogue social tripartite et la protection des travailleurs migrants.")
    for group in page.locator("main form fieldset ul.checks").all():
        group.locator("input").first.check()
    page.get_by_role("button", name="Enregistrer mes réponses").click()
    page.wait_for_load_state()
    page.goto("/fr/academy/sstc-2016/")
    assert checklist.evaluate_all("items => items.map(i => i.dataset.done)")[:2] == ["1", "1"]

    # A module's key question: open its discussion and answer it.
    page.locator(f"a[href='/fr/academy/sstc-2016/modules/{module.slug}']").click()
    prompt = page.locator("ol.questions > li").first
    prompt.locator("a[href*='/topics/']").click()
    page.locator("article.post").first.get_by_role("link", name="Répondre").click()
    # The discussion lives in a room she has not joined: she joins from the reply form.
    page.locator("main form[action$='/join'] button").click()
    page.locator("#body").fill(
        "Au Sénégal, le Haut Conseil du dialogue social réunit l'État, les syndicats et le "
        "patronat chaque trimestre."
    )
    page.locator("#language").select_option("fr")
    page.get_by_role("button", name="Publier").click()
    page.wait_for_load_state()
    answer = page.locator("ol.replies article.post", has_text="Haut Conseil du dialogue social")
    assert answer.count() == 1
    assert "Awa Ndiaye" in answer.locator(".author").inner_text()
