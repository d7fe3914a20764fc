"""Session cookies: a signed name comes back; anything altered or expired does not."""

from hypothesis import given
from hypothesis import strategies as st

from palais.web.cookies import CookieSigner

SIGNER = CookieSigner(b"k" * 32, max_age=60)


@given(st.text(min_size=1, max_size=40))
def test_a_signed_name_verifies_to_itself(name: str) -> None:
    assert SIGNER.verify(SIGNER.sign(name, now=1000.0), now=1010.0) == name


def test_an_expired_cookie_is_no_session() -> None:
    value = SIGNER.sign("officer", now=1000.0)
    assert SIGNER.verify(value, now=1000.0 + 61) is None


def test_a_cookie_signed_with_another_secret_is_refused() -> None:
    other = CookieSigner(b"x" * 32).sign("officer", now=1000.0)
    assert SIGNER.verify(other, now=1000.0) is None


@given(st.integers(min_value=0, max_value=200), st.characters(codec="ascii"))
def test_any_altered_character_breaks_the_signature(position: int, char: str) -> None:
    value = SIGNER.sign("officer", now=1000.0)
    i = position % len(value)
    altered = value[:i] + char + value[i + 1 :]
    if altered != value:
        assert SIGNER.verify(altered, now=1000.0) is None


def test_garbage_is_no_session() -> None:
    for junk in ("", ".", "abc", "abc.def", "%%%.%%%"):
        assert SIGNER.verify(junk) is None
