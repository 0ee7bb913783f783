"""Everything that happens to a finding once its check has run, in one place and in order:
run (checks run, findings stamped and fingerprinted), filters (rule selection, per-path
ignores), suppress (inline suppressions and the unused-suppression finding), baseline, policy
(severity overrides, the exit code).

Kept empty: modules import their siblings directly, so importing one never imports the rest."""
