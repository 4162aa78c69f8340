"""Services: everything the window, the command line and the tests do with data.

Each function takes a session opened by the caller, so one user action is one
transaction however many services it calls.
"""
