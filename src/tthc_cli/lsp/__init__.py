"""`tthc lsp`: the language server (pygls). Below `cli`, beside `reports`: it speaks for
validation and fixing to editors, as reporters print their results."""
