"""Browse: the sessions as a table by year with their counts, empty sessions muted."""

from __future__ import annotations

import re

from palais.publish.samples import issue_samples
from tests.web.harness import Api


def test_sessions_are_a_table_by_year_with_counts_and_empty_ones_muted(api: Api) -> None:
    officer = api.registry.actor("officer")
    list(issue_samples(api.registry, officer, follower=api.app.state.follower))
    html = api.client.get("/browse", headers={"Accept-Language": "en"}).text
    table = html.split('<table class="sessions">')[1].split("</table>")[0]
    groups = re.findall(r'<th scope="rowgroup" rowspan="(\d+)">(\d{4})</th>', table)
    years = [int(year) for _, year in groups]
    assert years == sorted(years, reverse=True) and 2019 in years and 2021 in years
    rows = [(empty, body) for empty, body in re.findall(r"<tr( class=\"empty\")?>(.*?)</tr>",
                                                        table, re.S) if "<td" in body]
    linked = [(empty, body) for empty, body in rows if "<a href" in body]
    assert [re.search(r'href="([^"]+)"', b).group(1) for _, b in linked] == [  # type: ignore[union-attr]
        "/browse/sessions/47", "/browse/sessions/41"]
    assert all(not empty for empty, _ in linked)
    assert all('class="count">1<' in body for _, body in linked)
    empties = [body for empty, body in rows if empty]
    assert len(empties) == len(rows) - 2 and all('class="count">0<' in b for b in empties)
