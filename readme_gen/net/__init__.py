"""The wire that the link checker and the metadata services share: how requests travel
(`transport`), which addresses a host may be fetched from (`resolver`), which URLs can be
fetched at all (`urls`), what went wrong on the wire (`failures`, as a typed `Reason` from
`reasons`) and when to try again (`retry`). It imports nothing of readme-gen's above it."""
