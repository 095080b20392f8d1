"""An Academy's modules: the page of one, and staff writing one in every language."""
