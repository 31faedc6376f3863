"""The DfE's CIN census validation rules, run over the raw tables of a census file."""
