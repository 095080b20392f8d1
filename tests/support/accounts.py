"""A complete sign-up form and a complete profile form, for tests to post or vary."""

SIGNUP = {
    "email": "Amina.Diallo@Example.org",
    "password": "a long enough password",
    "confirm": "a long enough password",
    "display_name": "Amina Diallo",
    "country": "SN",
    "organisation": "Ministère du Travail",
    "constituency": "government",
    "languages": ["fr", "wo", "en"],
    "locale": "fr",
    "time_zone": "Africa/Dakar",
    "bio": "Inspectrice du travail.",
}

PROFILE = {
    "display_name": "Kwame Mensah",
    "country": "GH",
    "organisation": "Ghana TUC",
    "constituency": "workers",
    "languages": ["en", "ak"],
    "locale": "en",
    "time_zone": "Africa/Accra",
    "bio": "Organiser for domestic workers.",
}
