"""Content that brings a fresh Meeting Point to life: the demo community."""
