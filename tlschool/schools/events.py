"""What happens in a school's team that other apps act on. The team's rules send these; the
apps that keep something per person connect to them in their AppConfig.ready()."""

from django.dispatch import Signal

# A person left a school (membership removed): school=, person=. Sent inside the removal's
# transaction, so what a receiver changes is undone with it.
member_left = Signal()
