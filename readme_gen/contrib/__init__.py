"""The add-paper workflow's core (`readme-gen contribute`): the issue event and the issue
form's answers read strictly (`event`, `body`), who may have a pull request opened
(`gate`), the branch committed and pushed without a shell (`git`), and the one comment and
the pull request's body (`comment`)."""
