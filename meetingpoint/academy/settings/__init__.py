"""Setting an Academy up: its dates, place, enrolment and texts, and its facilitators."""
