"""Document storage by content hash: dedup, listing, opening, hostile names."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from contractdesk.db.models import Document, Organization, Purchase
from contractdesk.errors import UserError, ValidationError
from contractdesk.paths import documents_dir
from contractdesk.services.documents import (
    DocumentStore,
    attach,
    default_store,
    display_name,
    documents_of,
    stored_path,
)
from tests.workflow.conftest import MakeAgreement

CONTENT = b"%PDF-1.7 signed contract\n"
SHA = hashlib.sha256(CONTENT).hexdigest()


@pytest.fixture
def contract_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "upload" / "Signed contract 2026.pdf"
    path.parent.mkdir()
    path.write_bytes(CONTENT)
    return path


def all_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def test_attach_stores_by_hash_and_lists_name_type_size_date(
        session: Session, make_agreement: MakeAgreement, contract_pdf: Path) -> None:
    agreement = make_agreement()
    document = attach(session, contract_pdf, agreement=agreement)
    assert stored_path(document) == documents_dir() / SHA[:2] / f"{SHA}.bin"
    assert stored_path(document).read_bytes() == CONTENT
    (listed,) = documents_of(session, agreement=agreement)
    assert listed is document
    assert (listed.file_name, listed.media_type, listed.size, listed.sha256) == (
        "Signed contract 2026.pdf", "application/pdf", len(CONTENT), SHA)
    assert listed.added_at is not None


def test_same_content_is_stored_once_for_several_records(
        session: Session, make_agreement: MakeAgreement, contract_pdf: Path,
        tmp_path: Path) -> None:
    org = Organization(name="Bechtle")
    purchase = Purchase(po_number="PO-1", currency="EUR")
    session.add_all([org, purchase])
    copy = tmp_path / "quote-copy.pdf"
    copy.write_bytes(CONTENT)
    first = attach(session, contract_pdf, organization=org)
    second = attach(session, copy, purchase=purchase)
    third = attach(session, contract_pdf, agreement=make_agreement())
    assert len({first.id, second.id, third.id}) == 3
    assert all_files(documents_dir()) == [documents_dir() / SHA[:2] / f"{SHA}.bin"]
    assert [d.file_name for d in documents_of(session, purchase=purchase)] == [
        "quote-copy.pdf"]
    assert documents_of(session, organization=org) == [first]


@pytest.mark.parametrize("hostile", [
    "../../etc/passwd", "/etc/passwd", "..\\..\\Windows\\win.ini", "C:\\boot.ini",
    "evil\x00.pdf", "..", "", "a/../../b.txt", "\x00"])
def test_hostile_names_are_labels_only(session: Session, make_agreement: MakeAgreement,
                                       contract_pdf: Path, tmp_path: Path,
                                       hostile: str) -> None:
    before = {p for p in tmp_path.rglob("*") if p.is_file()}
    document = attach(session, contract_pdf, agreement=make_agreement(), name=hostile)
    written = {p for p in tmp_path.rglob("*") if p.is_file()} - before
    assert written == {documents_dir() / SHA[:2] / f"{SHA}.bin"}
    assert "/" not in document.file_name and "\\" not in document.file_name
    assert "\x00" not in document.file_name
    assert document.file_name not in ("", ".", "..")


def test_display_name_keeps_the_last_part() -> None:
    assert display_name("../../etc/passwd") == "passwd"
    assert display_name("C:\\Users\\me\\Angebot Müller.pdf") == "Angebot Müller.pdf"
    assert display_name("evil\x00.pdf") == "evil.pdf"
    assert display_name("x" * 400).startswith("x") and len(display_name("x" * 400)) == 255


def test_a_damaged_hash_never_becomes_a_path(session: Session,
                                             make_agreement: MakeAgreement) -> None:
    document = Document(sha256="../../../etc/passwd", file_name="x", size=1,
                        agreement_id=make_agreement().id)
    with pytest.raises(UserError, match="damaged"):
        stored_path(document)


def test_missing_stored_file_is_one_sentence(session: Session, make_agreement: MakeAgreement,
                                             contract_pdf: Path) -> None:
    document = attach(session, contract_pdf, agreement=make_agreement())
    stored_path(document).unlink()
    with pytest.raises(UserError, match="missing"):
        stored_path(document)


def test_attach_needs_exactly_one_owner_and_a_file(
        session: Session, make_agreement: MakeAgreement, contract_pdf: Path,
        tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        attach(session, contract_pdf)
    org = Organization(name="Bechtle")
    session.add(org)
    with pytest.raises(ValidationError):
        attach(session, contract_pdf, organization=org, agreement=make_agreement())
    with pytest.raises(UserError, match="No such file"):
        attach(session, tmp_path / "nope.pdf", organization=org)
    with pytest.raises(UserError, match="No such file"):
        attach(session, tmp_path, organization=org)


def test_store_refuses_content_that_does_not_match_the_expected_hash(tmp_path: Path) -> None:
    store = DocumentStore(tmp_path / "docs")
    with pytest.raises(UserError, match="does not match"):
        store.put_stream(io.BytesIO(b"tampered"), expected=SHA)
    assert all_files(store.root) == []
    assert store.put_stream(io.BytesIO(CONTENT), expected=SHA) == (SHA, len(CONTENT))


def test_default_store_is_the_data_folders_documents(data_home: Path) -> None:
    assert default_store().root == data_home / "documents"
