"""The face-to-face programme: its sessions, their calendar files, staff editing them."""
