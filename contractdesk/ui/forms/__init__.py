"""Record forms: one generic form built from field descriptions, one dialog around it."""
