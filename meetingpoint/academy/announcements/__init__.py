"""Announcements: staff write one in every language, everyone enrolled is told."""
