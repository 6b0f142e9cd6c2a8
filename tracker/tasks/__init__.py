"""Tasks split from notices, and the work agencies report on them."""
