"""Introductions: participants say who they are; the gallery shows them."""
