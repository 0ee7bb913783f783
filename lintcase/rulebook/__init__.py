"""The rulebook: rule files loaded and validated (load), the one matcher that says which rules
a selector names (select), and the documentation generated from the rules (docs).

Kept empty: modules import their siblings directly, so importing one never imports the rest."""
