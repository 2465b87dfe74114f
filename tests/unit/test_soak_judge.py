"""How a soak run is judged (tools/soak): the floor of actions of an hour-long run."""

from __future__ import annotations

from tools.soak import DEFAULT_MIN_ACTIONS, SoakResult, _judge


def _finished(actions: int, minutes: float) -> SoakResult:
    result = SoakResult(seed=1, actions=actions, seconds=minutes * 60)
    result.exit_code = 0
    result.reported = True
    result.integrity = "ok"
    return result


def test_an_hour_with_fewer_actions_than_asked_for_fails_and_says_how_many() -> None:
    result = _finished(18_300, 120)
    _judge(result, 0.10, DEFAULT_MIN_ACTIONS)
    assert result.failures == [
        "only 18,300 actions in 120.0 minutes (at least 20,000 were asked for)"
    ]


def test_enough_actions_pass_and_no_floor_asks_for_none() -> None:
    enough = _finished(DEFAULT_MIN_ACTIONS, 61)
    _judge(enough, 0.10, DEFAULT_MIN_ACTIONS)
    short = _finished(300, 1)
    _judge(short, 0.10)
    assert enough.failures == [] and short.failures == []


def test_the_summary_says_which_actions_took_references_to_none() -> None:
    result = _finished(300, 1)
    result.counts = {"write_up_session": 50, "open_client": 100}
    result.none_by_kind = {"write_up_session": 150_000, "open_client": -200}
    summary = result.summary()
    assert (
        "references to None gained, by kind of action (total, per action): "
        "write_up_session +150,000 (+3,000), open_client -200 (-2)"
    ) in summary
