"""How long the peer-exchange spaces keep what they record (framework: `kb.retention`)."""

from forums.models import Notification, PostRevision, SentMail
from kb.retention import Rule

RULES = [
    Rule(
        "read_notifications",
        "Notifications lues",
        lambda cutoff: Notification.objects.filter(read_at__lt=cutoff),
    ),
    Rule(
        "sent_mails",
        "Journal des e-mails envoyés par les espaces",
        lambda cutoff: SentMail.objects.filter(sent_at__lt=cutoff),
    ),
    Rule(
        "post_revisions",
        "Versions précédentes des messages modifiés",
        lambda cutoff: PostRevision.objects.filter(replaced_at__lt=cutoff),
    ),
]
