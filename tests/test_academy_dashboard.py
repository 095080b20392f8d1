"""The facilitators' dashboard: who takes part, what they did, and its CSV export."""


def test_the_dashboard_shows_who_takes_part_and_exports_csv(client, auth, make_user, academy):
    from meetingpoint.academy.introductions.services import write_introduction
    from meetingpoint.academy.services import enrol, follow

    awa = make_user(display_name="Awa", country="SN", constituency="workers")
    li = make_user(display_name="=HYPERLINK(1)", country="CN", constituency="government")
    watcher = make_user(display_name="Watcher")
    enrol(awa, academy), enrol(li, academy), follow(watcher, academy)
    write_introduction(awa, academy, {"about": "Me", "language": "en"})
    auth.login(awa)
    assert client.get("/en/academy/sstc-2016/dashboard").status_code == 403
    assert client.get("/en/academy/sstc-2016/dashboard/participation.csv").status_code == 403
    auth.logout()
    auth.login(make_user(role="admin"))
    page = client.get("/en/academy/sstc-2016/dashboard").get_data(as_text=True)
    assert "2 participants" in page and "1 observer" in page
    not_introduced = page.split("data-not-introduced>")[1].split("</ul>")[0]
    assert "HYPERLINK" in not_introduced and "Awa" not in not_introduced
    exported = client.get("/en/academy/sstc-2016/dashboard/participation.csv")
    assert exported.mimetype == "text/csv"
    lines = exported.get_data(as_text=True).splitlines()
    assert lines[0] == "name,country,region,constituency,role,introduced,answered,modules_visited"
    assert "Awa,SN,africa,workers,participant,1,0,0" in lines
    assert "'=HYPERLINK(1),CN,asia-pacific,government,participant,0,0,0" in lines  # inert
    results = client.get("/en/academy/sstc-2016/questionnaire/results.csv").get_data(as_text=True)
    assert results.splitlines()[0] == "question,option,answer_or_count"
