"""The renewal workflow in the window: reminders, notifications, renew, notice,
co-term, the chain of terms, documents and the calendar export."""
