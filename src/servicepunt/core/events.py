"""Domain events: how a lower app tells higher apps that something happened, without importing them.

The layers contract lets `handovers` not know about the partner webhooks or Open Klant that sit
above it. A service publishes an event *inside its transaction*; each subscriber runs at once, in
that same transaction, and should only enqueue a task (django-tasks, database backend) so that the
side effect is durable exactly when the change is: a rollback takes both away. Subscribers are
registered in their app's ``AppConfig.ready``.

Event names are past-tense domain facts (``handover_sent``, ``consent_withdrawn``,
``appointment_cancelled``); the payload carries public identifiers (UUIDs), never personal data.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from typing import Any

Subscriber = Callable[[str, Mapping[str, Any]], None]

_subscribers: dict[str, list[Subscriber]] = defaultdict(list)


def subscribe(event: str, subscriber: Subscriber) -> None:
    """Register ``subscriber`` for ``event``; registering the same one twice keeps one."""
    if subscriber not in _subscribers[event]:
        _subscribers[event].append(subscriber)


def unsubscribe(event: str, subscriber: Subscriber) -> None:
    if subscriber in _subscribers[event]:
        _subscribers[event].remove(subscriber)


def publish(event: str, **payload: Any) -> None:
    """Call every subscriber of ``event`` now, in the caller's transaction, in registration order.

    A subscriber that raises aborts the caller's transaction: a side effect that cannot be
    enqueued must not be lost silently.
    """
    for subscriber in list(_subscribers[event]):
        subscriber(event, payload)


def subscribers(event: str) -> tuple[Subscriber, ...]:
    return tuple(_subscribers[event])
