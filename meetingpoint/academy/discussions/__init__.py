"""Key-question discussions: forum topics opened by the staff, and the rules they follow."""
