"""Helpers shared by the tests and the benchmarks; test modules import them from here."""
