"""Jobs through a real Redis and real `flask worker` processes: a worker killed half-way
leaves its jobs to another with nothing mailed twice, a Redis restart loses no queued job,
and a job that always fails ends on the admins' list, from which it is sent again."""

import pytest
from support.job_queue import wait_for
from support.web import post

from meetingpoint.auth.services import request_password_reset
from meetingpoint.extensions import db
from meetingpoint.jobs.models import DeadJob

# Workers killed and Redis restarted: with the fault tests, after the rest (make test).
pytestmark = [pytest.mark.backends("postgresql"), pytest.mark.alone]


def dead_jobs() -> list[DeadJob]:
    db.session.rollback()  # read what the workers have committed since
    return db.session.scalars(db.select(DeadJob).order_by(DeadJob.id)).all()


def test_a_worker_killed_mid_mail_leaves_its_jobs_to_another_and_nothing_goes_twice(
    make_user, job_queue, mail_server, workers
):
    people = [make_user(email=f"person{n}@example.org").email for n in range(3)]
    mail_server.hold.clear()  # the first mail is received, and its answer held back
    for address in people:
        request_password_reset(address)
    first = workers(job_queue, mail_server, JOBS_WORKER_THREADS=1)
    assert mail_server.arrived.wait(30)
    first.kill()  # in the middle of its first job, holding the next ones too
    mail_server.hold.set()

    workers(job_queue, mail_server)
    wait_for(lambda: len(mail_server.messages) == 3, what="every mail")
    # The interrupted job ran again on the second worker, which did not mail a second time
    # (the mail may have gone or not: the server had it, the first worker never heard) but
    # listed it for an admin.
    (interrupted,) = wait_for(dead_jobs, what="the interrupted job listed")
    assert interrupted.name == "auth.mail_link" and "interrupted" in interrupted.error
    assert sorted(m["To"] for m in mail_server.messages) == sorted(people)


def test_jobs_queued_before_a_redis_restart_are_all_done_after_it(
    make_user, durable_queue, mail_server, workers
):
    people = [make_user(email=f"member{n}@example.org").email for n in range(20)]
    for address in people:
        request_password_reset(address)  # each queued once its commit is done
    durable_queue.server.stop()  # SIGKILL, as a crash would
    durable_queue.server.start()

    workers(durable_queue, mail_server)
    wait_for(lambda: len(mail_server.messages) == 20, what="all twenty mails")
    assert sorted(m["To"] for m in mail_server.messages) == sorted(people)
    assert dead_jobs() == []


def test_a_job_that_always_fails_is_listed_with_its_error_and_sent_again_from_the_page(
    client, auth, make_user, job_queue, mail_server, workers
):
    make_user(email="ana@example.org")
    admin = make_user(email="admin@example.org", role="admin")
    mail_server.refuse = "451 Try again later"
    workers(job_queue, mail_server, JOBS_MAX_RETRIES=2)
    request_password_reset("ana@example.org")

    (dead,) = wait_for(dead_jobs, what="the job listed after its last attempt")
    assert dead.attempts == 3 and "451" in dead.error and mail_server.messages == []
    auth.login(admin)
    page = client.get("/en/admin/jobs/").get_data(as_text=True)
    assert "auth.mail_link" in page and "3 attempts" in page and "Try again later" in page

    mail_server.refuse = None
    post(client, f"/en/admin/jobs/{dead.id}/retry")
    wait_for(lambda: mail_server.to("ana@example.org"), what="the mail sent again")
    assert dead_jobs() == [] and len(mail_server.messages) == 1
