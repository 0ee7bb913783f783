"""Commands beside `check` that consume the engine: `lintcase facts` (factsdump) and
`lintcase test` (ruletest).

Kept empty: modules import their siblings directly."""
