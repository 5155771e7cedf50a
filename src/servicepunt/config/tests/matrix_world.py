"""The world of the permission matrix: one employee's work (a resident with a case, open and
booked questions, a closable case, a handover, an infoflits, an appointment and the resident's
key) for the Servicepunt employee and for the wijkbureau employee, made with the real services,
and which of them each role is tried on."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.utils import timezone

from servicepunt.accounts.roles import Role
from servicepunt.accounts.services import user_create
from servicepunt.appointments.resident.links import resident_token
from servicepunt.appointments.selectors import CombinationOption, FreeSlot, combination_search, slot_search
from servicepunt.appointments.services import Actor, appointment_book
from servicepunt.cases.closing import Resolution
from servicepunt.cases.services import (
    ResidentInput,
    case_open,
    question_link,
    question_resolve,
    resident_register,
)
from servicepunt.catalogue.testing import entry_point_rows, organisation_rows, product_rows
from servicepunt.demo.agendas import agendas_load_demo
from servicepunt.handovers.categories import default_valid_until
from servicepunt.handovers.services import handover_start
from servicepunt.infoflits.services import infoflits_start
from servicepunt.videocalls.guests import guest_invite
from servicepunt.videocalls.services import CallRequestInput, call_pick_up, call_request

if TYPE_CHECKING:
    from servicepunt.accounts.models import User
    from servicepunt.appointments.models import Appointment
    from servicepunt.cases.models import Case, Question, Resident
    from servicepunt.handovers.models import Handover
    from servicepunt.infoflits.models import Infoflits
    from servicepunt.videocalls.models import VideoCall

PASSWORD = "a-long-test-password"


@dataclass
class Work:
    """One employee's work: a resident with a case, and what hangs off it."""

    owner: User
    resident: Resident
    case: Case
    open_question: Question  # bijstand, open: to book
    second_question: Question  # studiefinanciering, open: with the first, a combination
    closable: Case  # every question answered: the closing rule allows closing it
    handover: Handover
    infoflits: Infoflits
    appointment: Appointment
    token: str  # the resident's key to the page of this appointment
    bsn: str  # the resident's BSN (stored encrypted), shown in full only on the reveal


@dataclass
class VideoWork:
    """Video calls asked for by one wijkbureau host: one waiting, one picked up by an employee."""

    host: User
    employee: User
    waiting: VideoCall
    held: VideoCall
    guest_key: str  # the key of a third party invited into the held call (videocalls/guests.py)


@dataclass
class World:
    users: dict[Role, User]
    work: dict[Role, Work]  # by the Servicepunt employee and by the wijkbureau employee
    slot: FreeSlot  # free, after every appointment of the world: to book
    later_slot: FreeSlot  # free too: to move an appointment to
    combination: CombinationOption
    video: dict[int, VideoWork] = field(default_factory=dict)  # by the owner of the work (User.pk)


def work_build(owner: User, surname: str, *, bsn: str, handover_to: str) -> Work:
    resident = resident_register(
        registered_by=owner,
        data=ResidentInput(given_name="Jan", surname=surname, contact_preference="letter", bsn=bsn),
    ).resident
    case = case_open(
        resident=resident,
        opened_by=owner,
        questions=["Ik heb geen inkomen", "Nog een uitkering?", "Studiefinanciering", "Ik heb juridisch advies nodig"],
    )
    booked, open_question, second, legal = case.questions.order_by("pk")
    bijstand = product_rows().get(code="bijstand")
    for question in (booked, open_question):
        question_link(question=question, product=bijstand, by=owner)
    question_link(question=second, product=product_rows().get(code="studiefinanciering"), by=owner)
    first = slot_search(product=bijstand, mode="in_person", limit=1)[0]
    appointment = appointment_book(
        agenda=first.agenda,
        product=bijstand,
        start=first.start,
        mode="in_person",
        actor=Actor.staff(owner),
        question=booked,
        resident=resident,
    )
    handover = handover_start(
        question=legal,
        entry_point=entry_point_rows().filter(organisation__code=handover_to, active=True).order_by("pk").first(),  # type: ignore[arg-type]
        shared=["question"],
        consent_method="verbal",
        valid_until=default_valid_until(timezone.localdate()),
        summary="Juridische vraag",
        by=owner,
    )
    closable = case_open(resident=resident, opened_by=owner, questions=["Waar is het loket?"])
    question_resolve(question=closable.questions.get(), resolution=Resolution.ANSWERED, by=owner, detail="uitgelegd")
    infoflits = infoflits_start(started_by=owner, question_text="ik heb schulden", asked_products=["bijstand"])
    return Work(
        owner=owner,
        resident=resident,
        case=case,
        open_question=open_question,
        second_question=second,
        closable=closable,
        handover=handover,
        infoflits=infoflits,
        appointment=appointment,
        token=resident_token(appointment=appointment),
        bsn=bsn,
    )


def world_build() -> World:
    # user_create directly, like the make_user fixture does: that fixture is per test, this world per module.
    juridisch_loket = organisation_rows().get(code="juridisch-loket")
    users = {
        role: user_create(
            username=role.value,
            password=PASSWORD,
            role=role,
            organisation=juridisch_loket if role == Role.PARTNER else None,
        )
        for role in Role
    }
    agendas_load_demo()
    work = {
        # The Servicepunt's handover goes to the partner's own organisation, the wijkbureau's to another.
        Role.SERVICEPUNT: work_build(
            users[Role.SERVICEPUNT], "Servicepunt", bsn="111222333", handover_to="juridisch-loket"
        ),
        Role.WIJKBUREAU: work_build(users[Role.WIJKBUREAU], "Wijkbureau", bsn="123456782", handover_to="buurtteam"),
    }
    latest_end = max(w.appointment.end for w in work.values())
    bijstand = product_rows().get(code="bijstand")
    free = [s for s in slot_search(product=bijstand, mode="in_person", limit=40) if s.start >= latest_end]
    combination = combination_search(
        products=[bijstand, product_rows().get(code="studiefinanciering")],
        kind="joint",
        mode="video",
        first_day=(latest_end + dt.timedelta(days=1)).date(),
        limit=1,
    )[0]
    world = World(users=users, work=work, slot=free[0], later_slot=free[-1], combination=combination)
    # The wijkbureau's calls are picked up by the Servicepunt employee of the matrix; the calls
    # on the Servicepunt's work belong to another host and another employee.
    others = {
        role: user_create(username=f"{role.value}-andere", password=PASSWORD, role=role)
        for role in (Role.WIJKBUREAU, Role.SERVICEPUNT)
    }
    for owner_role, host, employee in (
        (Role.WIJKBUREAU, users[Role.WIJKBUREAU], users[Role.SERVICEPUNT]),
        (Role.SERVICEPUNT, others[Role.WIJKBUREAU], others[Role.SERVICEPUNT]),
    ):
        wijkbureau = entry_point_rows().filter(code__startswith="servicepunt-video-").order_by("code").first()
        waiting, held = (
            call_request(host=host, data=CallRequestInput(wijkbureau=wijkbureau, topic=topic))
            for topic in (f"Videovraag {owner_role.value}", f"Gesprek {owner_role.value}")
        )
        held = call_pick_up(call=held, employee=employee)
        guest = guest_invite(call=held, by=employee, kind="partner", label=f"DUO, {owner_role.value}")
        world.video[work[owner_role].owner.pk] = VideoWork(
            host=host, employee=employee, waiting=waiting, held=held, guest_key=guest.key
        )
    return world


# Which work a role is tried on. Allowed: the Servicepunt employee on the wijkbureau's work (they
# see all of it), the wijkbureau employee on their own, the partner on the Servicepunt's work
# (whose handover is addressed to the partner's organisation). Hidden: someone else's work.
SUBJECT = {Role.SERVICEPUNT: Role.WIJKBUREAU, Role.WIJKBUREAU: Role.WIJKBUREAU}
ELSEWHERE = {Role.WIJKBUREAU: Role.SERVICEPUNT, Role.PARTNER: Role.WIJKBUREAU}


@dataclass
class Ctx:
    """One request of the matrix: the world, the work it is about, and who asks (None: anonymous)."""

    world: World
    work: Work
    role: Role | None

    @property
    def other(self) -> Work:
        """The other work of the world (for checks that it is not shown)."""
        return next(w for w in self.world.work.values() if w is not self.work)
