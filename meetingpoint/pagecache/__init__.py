"""Pages kept for visitors who are not signed in, dropped by any change they could show."""
