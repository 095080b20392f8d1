"""Is the network alive, and is it South-South? Interactions between participants, and the
figures and charts made of them."""
