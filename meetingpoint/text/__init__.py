"""What people write, made safe to store and show: Markdown profiles, the sanitiser, @mentions."""
