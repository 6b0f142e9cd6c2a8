"""A JSON API for machines, authenticated by personal tokens that users manage on their account
page: every token reads as its owner, with the same access rules as the pages; a token given a
write scope also enters notices (the secretariat) or works on its owner's agency's tasks."""
