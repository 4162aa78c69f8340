"""Writing the database out: the JSON contract, and (per the export issue) xlsx and csv."""
