"""The vendor-governance parts of the window: support-case log, scorecard, reviews,
risk register, due diligence and the start page's supplier flags.

:class:`~contractdesk.ui.governance.install.GovernanceUi` attaches them to the main
window, its record forms, vendor view, search and start page.
"""
