"""Domain vocabulary and arithmetic that needs no database: enums, money, durations, status."""
