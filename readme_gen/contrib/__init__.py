"""The add-paper workflow's core (`readme-gen contribute`): the issue event and the issue
form's answers read strictly (`event`, `body`), who may have a pull request opened
(`gate`), and the one comment and pull request body (`comment`)."""
