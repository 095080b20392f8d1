"""Jobs in the app's own process (no Redis, as `make run` has it): handed over only after
their commit, run after the response, once per key, and kept for an admin when they fail."""

from support.web import post

from meetingpoint.accounts.models import TOKEN_RESET_PASSWORD
from meetingpoint.auth.services import mail_link
from meetingpoint.extensions import db
from meetingpoint.jobs import later, run_now
from meetingpoint.jobs.models import DeadJob


def test_a_rolled_back_change_mails_nothing_and_a_committed_one_mails_once(make_user, outbox):
    person = make_user(email="amina@example.org")
    later(mail_link, person.id, TOKEN_RESET_PASSWORD, "first")
    db.session.rollback()
    assert outbox() == []
    later(mail_link, person.id, TOKEN_RESET_PASSWORD, "second")
    db.session.commit()
    assert [m["To"] for m in outbox()] == ["amina@example.org"]


def test_a_job_run_twice_mails_once(make_user, outbox):
    person = make_user(email="kofi@example.org")
    run_now(mail_link, person.id, TOKEN_RESET_PASSWORD, "same-request")
    run_now(mail_link, person.id, TOKEN_RESET_PASSWORD, "same-request")
    assert len(outbox()) == 1
    run_now(mail_link, person.id, TOKEN_RESET_PASSWORD, "another-request")
    assert len(outbox()) == 2


def test_without_a_queue_mail_goes_once_the_response_has_gone(app, client, make_user, outbox):
    from flask import current_app

    make_user(email="lucia@example.org")
    for config in (app.config, current_app.config):
        config["JOBS_AFTER_RESPONSE"] = True  # as `make run` has it
    response = post(client, "/en/auth/reset", {"email": "lucia@example.org"})
    assert response.status_code == 200
    assert outbox() == []  # the person did not wait for the mail server
    response.close()  # what a WSGI server does once the response is sent
    assert [m["To"] for m in outbox()] == ["lucia@example.org"]


def test_a_mail_that_fails_is_listed_for_admins_who_send_it_again(
    client, auth, make_user, mail_server
):
    make_user(email="ines@example.org")
    admin = make_user(email="admin@example.org", role="admin")
    mail_server.refuse = "554 Mailbox unavailable"
    post(client, "/en/auth/reset", {"email": "ines@example.org"})
    assert mail_server.messages == []
    (dead,) = db.session.scalars(db.select(DeadJob)).all()
    assert dead.name == "auth.mail_link" and "554" in dead.error

    assert client.get("/en/admin/jobs/").status_code == 302  # sign in first
    auth.login(admin)
    page = client.get("/fr/admin/jobs/").get_data(as_text=True)
    assert "Tâches en échec" in page and "SMTPDataError: (554, b&#39;Mailbox unavailable" in page
    assert client.post(f"/en/admin/jobs/{dead.id}/retry").status_code == 400  # no CSRF token

    mail_server.refuse = None
    response = post(client, f"/en/admin/jobs/{dead.id}/retry", follow_redirects=True)
    assert "The job is queued again." in response.get_data(as_text=True)
    assert [m["To"] for m in mail_server.messages] == ["ines@example.org"]
    assert "No job has failed." in client.get("/en/admin/jobs/").get_data(as_text=True)
    assert post(client, f"/en/admin/jobs/{dead.id}/retry").status_code == 404  # gone


def test_only_admins_see_failed_jobs(client, auth, make_user):
    auth.login(make_user())
    assert client.get("/en/admin/jobs/").status_code == 403


def test_without_redis_the_worker_says_why_it_cannot_start(runner):
    result = runner.invoke(args=["worker"])
    assert result.exit_code != 0 and "MEETINGPOINT_REDIS_URL is not set" in result.output


def test_when_redis_refuses_a_job_this_process_does_it(app, client, make_user, outbox):
    from flask import current_app
    from support.live_servers import free_port

    make_user(email="awa@example.org")
    nowhere = {"JOBS_REDIS_URL": f"redis://127.0.0.1:{free_port()}/0"}  # nothing listens
    app.config.update(nowhere)
    current_app.config.update(nowhere)
    post(client, "/en/auth/reset", {"email": "awa@example.org"})
    assert [m["To"] for m in outbox()] == ["awa@example.org"]
