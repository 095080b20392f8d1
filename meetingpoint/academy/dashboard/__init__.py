"""The facilitators' dashboard: who takes part, what they did, and CSV exports."""
