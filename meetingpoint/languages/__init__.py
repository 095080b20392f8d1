"""The languages people write in: detecting them, and translating between them on demand."""

UNDETERMINED = "und"  # BCP 47 for "language not determined"
