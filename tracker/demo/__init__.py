"""A demo province to sign in to: Đắk Nông's directory, accounts and notice 473/TB-VPUBND."""
