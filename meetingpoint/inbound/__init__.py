"""Mail coming in: replies, new topics by mail, bounces."""
