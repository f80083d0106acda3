"""The feeder that decides which link starts next: limits, turns, parking."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readme_gen.links.schedule import Feeder


def feeder(items: list[str], per_key: int = 2, total: int = 3) -> Feeder[str]:
    # an item "a1" belongs to key "a"
    return Feeder(items, lambda item: item[0], per_key=per_key, total=total)


def take_all(f: Feeder[str]) -> list[str]:
    out = []
    while (taken := f.take()) is not None:
        out.append(taken[1])
    return out


def test_hosts_take_turns_in_order_of_first_appearance():
    f = feeder(["a1", "a2", "a3", "b1", "c1", "b2"], per_key=5, total=10)
    assert take_all(f) == ["a1", "b1", "c1", "a2", "b2", "a3"]


def test_one_host_never_holds_more_than_its_share():
    f = feeder(["a1", "a2", "a3", "a4", "b1"], per_key=2, total=10)
    assert take_all(f) == ["a1", "b1", "a2"]
    f.finish("a")
    assert take_all(f) == ["a3"]


def test_the_total_limit_holds_and_frees_up():
    f = feeder(["a1", "b1", "c1", "d1"], per_key=2, total=2)
    assert take_all(f) == ["a1", "b1"]
    f.finish("b")
    assert take_all(f) == ["c1"]
    f.finish("a")
    f.finish("c")
    assert take_all(f) == ["d1"]


def test_a_parked_item_makes_room_and_counts_again_when_it_resumes():
    f = feeder(["a1", "a2", "a3"], per_key=1, total=5)
    assert take_all(f) == ["a1"]
    f.park("a")  # a1 waits out a retry delay
    assert take_all(f) == ["a2"]
    f.resume("a")  # a1 is back: two of host a now run, over its share of one
    f.finish("a")
    assert take_all(f) == []  # still one running (of a share of one)
    f.finish("a")
    assert take_all(f) == ["a3"]


def test_limits_must_be_positive():
    with pytest.raises(ValueError):
        feeder(["a1"], per_key=0)


@given(
    st.lists(st.sampled_from("abcd"), max_size=40),
    st.integers(1, 4),
    st.integers(1, 6),
    st.lists(st.integers(0, 2), max_size=200),
)
def test_every_item_is_handed_out_once_in_order_within_limits(keys, per_key, total, moves):
    items = [f"{k}{i}" for i, k in enumerate(keys)]
    f = feeder(items, per_key, total)
    running: Counter[str] = Counter()
    parked: Counter[str] = Counter()
    handed: list[str] = []
    for move in [*moves, *[2] * (len(items) * 3)]:
        if move == 0 and sum(running.values()):  # one running item parks, then resumes later
            key = sorted(running.elements())[0]
            running[key] -= 1
            parked[key] += 1
            f.park(key)
        elif move == 1 and sum(parked.values()):
            key = sorted(parked.elements())[0]
            parked[key] -= 1
            running[key] += 1
            f.resume(key)
        else:
            if sum(running.values()):
                key = sorted(running.elements())[0]
                running[key] -= 1
                f.finish(key)
            elif sum(parked.values()):  # only parked ones left: wake one
                key = sorted(parked.elements())[0]
                parked[key] -= 1
                running[key] += 1
                f.resume(key)
        while (taken := f.take()) is not None:
            key, item = taken
            assert key == item[0]
            # a new item starts only where there is room
            assert running[key] < per_key and sum(running.values()) < total
            running[key] += 1
            handed.append(item)
    assert sorted(handed) == sorted(items)
    for key in "abcd":
        mine = [i for i in handed if i[0] == key]
        assert mine == [i for i in items if i[0] == key]


def test_a_link_stepping_aside_for_its_host_frees_a_place_for_other_hosts_only():
    """A host paused by Retry-After: its waiting link gives its place in the total to
    another host's link, but its host gets no more links meanwhile."""
    f = feeder(["a1", "a2", "b1", "c1"], per_key=1, total=2)
    assert take_all(f) == ["a1", "b1"]
    f.step_aside("a")
    assert take_all(f) == ["c1"]  # not a2: host a still has its one link
    f.step_back("a")
    f.finish("b")
    assert take_all(f) == []  # a1 and c1 run: the total is full again
    f.finish("a")
    assert take_all(f) == ["a2"]
