"""Staff add and edit modules in every language; bad edits are refused and the text kept."""

import pytest
from support.academy import module_form
from support.web import post

from meetingpoint.extensions import db


def test_staff_edit_a_module_in_every_language(client, auth, make_user, academy):
    module = academy.modules[7]  # labour migration
    kept = module.questions[0].id
    url = f"/en/academy/sstc-2016/modules/{module.slug}/edit"
    auth.login(make_user())
    assert client.get(url).status_code == 403
    auth.logout()
    auth.login(make_user(role="admin"))
    form = client.get(url).get_data(as_text=True)
    assert module.text("pt").title in form
    questions = module_form(module)["questions_en"] + "\nWhat should a bilateral agreement say?"
    data = module_form(
        module,
        title_en="Labour migration, fairly",
        questions_en=questions,
        questions_es="",
        questions_fr="",
        questions_pt="",
        readings_en="Fair recruitment principles | https://example.org/fair-recruitment",
    )
    assert post(client, url, data).status_code == 302
    page = client.get(f"/en/academy/sstc-2016/modules/{module.slug}").get_data(as_text=True)
    assert "<h1>Labour migration, fairly</h1>" in page
    assert "What should a bilateral agreement say?" in page
    assert 'href="https://example.org/fair-recruitment"' in page
    db.session.expire_all()
    assert module.questions[0].id == kept  # reworded questions keep their discussions
    spanish = client.get(f"/es/academy/sstc-2016/modules/{module.slug}").get_data(as_text=True)
    assert "What should a bilateral agreement say?" in spanish  # English stands in


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"questions_en": "Only one?"}, "A module asks two to four key questions."),
        ({"questions_fr": "Une seule ?"}, "Give each language the same number of key questions."),
        ({"title_en": ""}, "The English title and basic principles are required."),
        ({"readings_en": "Bad | javascript:alert(1)"}, "Each reading needs a web address"),
        ({"readings_en": "Elsewhere | //evil.example/x"}, "Each reading needs a web address"),
        ({"rooms": []}, "Choose at least one room for the module&#39;s discussions."),
    ],
)
def test_bad_module_edits_are_refused_and_the_text_kept(
    client, auth, make_user, academy, changes, message
):
    module = academy.modules[7]
    before = module.text("en").title
    auth.login(make_user(role="admin"))
    data = module_form(module, principles_pt="Texto que eu escrevi", **changes)
    response = post(client, f"/en/academy/sstc-2016/modules/{module.slug}/edit", data)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert message in page and "Texto que eu escrevi" in page
    db.session.expire_all()
    assert module.text("en").title == before and len(module.questions) == 2


def new_module_form(seeded, **changes) -> dict:
    data = {
        "title_en": "Decent work in the care economy",
        "principles_en": "Care work is work: it needs pay, protection and a voice.",
        "questions_en": "Who cares for whom in your country?\nHow could care jobs be decent?",
        "title_fr": "Le travail décent dans l'économie des soins",
        "principles_fr": "Le travail de soin est un travail : salaire, protection et voix.",
        "questions_fr": "Qui prend soin de qui dans votre pays ?\n"
        "Comment rendre ces emplois décents ?",
        "rooms": [str(seeded["social-protection"].id)],
        "answer_first": ["1"],
    }
    data.update(changes)
    return data


def test_staff_add_a_module_led_by_its_facilitators(client, auth, make_user, academy, rooms):
    from meetingpoint.academy.settings.services import add_facilitator

    admin = make_user(role="admin")
    lead = make_user(display_name="Lucía Fernández", email="lucia@example.org")
    stranger = make_user(display_name="Not A Facilitator")
    add_facilitator(admin, academy, "lucia@example.org")
    auth.login(make_user())
    assert (
        post(client, "/en/academy/sstc-2016/modules/new", new_module_form(rooms)).status_code == 403
    )
    auth.logout()
    auth.login(admin)
    refused = post(client, "/en/academy/sstc-2016/modules/new", new_module_form(rooms, rooms=[]))
    assert refused.status_code == 400
    assert "Qui prend soin de qui dans votre pays ?" in refused.get_data(as_text=True)
    data = new_module_form(rooms, facilitators=[str(lead.id), str(stranger.id)])
    response = post(client, "/en/academy/sstc-2016/modules/new", data)
    assert response.headers["Location"] == (
        "/en/academy/sstc-2016/modules/decent-work-in-the-care-economy"
    )
    page = client.get("/fr/academy/sstc-2016/modules/decent-work-in-the-care-economy")
    text = page.get_data(as_text=True)
    assert "Le travail décent dans l&#39;économie des soins" in text
    assert "Lucía Fernández" in text and "Not A Facilitator" not in text
    db.session.expire_all()
    module = academy.modules[-1]
    assert [q.answer_first for q in module.questions] == [False, True]
    assert [link.room_id for link in module.rooms] == [rooms["social-protection"].id]
    overview = client.get("/en/academy/sstc-2016/").get_data(as_text=True)
    assert overview.index("Decent work in the care economy") > overview.index(
        academy.modules[0].text("en").title
    )  # added last
    again = post(client, "/en/academy/sstc-2016/modules/new", new_module_form(rooms))
    assert again.headers["Location"].endswith("/decent-work-in-the-care-economy-2")
