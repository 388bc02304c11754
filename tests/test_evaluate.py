"""letopis.evaluate follows EVENTS.md's scoring: matching by type and evidence overlap, then the
field accuracies and full F1, overall and per type."""

from __future__ import annotations

import pytest

from letopis.evaluate import overlap, score

DOCS = [{"id": "d1"}, {"id": "d2"}]


def event(**fields):
    base = {"doc_id": "d1", "type": "CONSULT", "sources": ["RUS"], "targets": ["CHN"], "location": None,
            "date": "2021-06-10", "modality": "asserted", "evidence": "Россия и Китай провели переговоры в четверг."}
    return {**base, **fields}


def test_perfect_prediction_scores_one():
    gold = [event(), event(doc_id="d2", type="ACCUSE", evidence="Китай обвинил США.")]
    d = score(DOCS, gold, gold).overall.as_dict()
    assert d["event_f1"] == d["participant_f1"] == d["full_f1"] == 1.0
    assert d["location_acc"] == d["date_acc"] == d["modality_acc"] == 1.0


def test_type_must_match():
    report = score(DOCS, [event()], [event(type="AGREE")])
    assert report.overall.matched == 0
    assert len(report.missed) == 1 and len(report.spurious) == 1


def test_evidence_overlap_below_half_does_not_match():
    report = score(DOCS, [event()], [event(evidence="Совсем другое предложение про погоду.")])
    assert report.overall.matched == 0


def test_gold_evidence_list_matches_any_sentence():
    gold = [event(evidence=["Заголовок про встречу", "Россия и Китай провели переговоры в четверг."])]
    assert score(DOCS, gold, [event()]).overall.matched == 1


def test_wrong_fields_cost_accuracy_and_full_f1_not_event_f1():
    pred = [event(date="2021-06-09", location={"name": "Пекин", "geonameid": 1816670, "country": "CHN"})]
    d = score(DOCS, [event()], pred).overall.as_dict()
    assert d["event_f1"] == 1.0 and d["date_acc"] == 0.0 and d["location_acc"] == 0.0
    assert d["modality_acc"] == 1.0 and d["full_f1"] == 0.0


def test_errors_listing_shows_each_matched_event_with_its_wrong_fields(tmp_path):
    import json

    from click.testing import CliRunner

    from letopis.cli import main

    files = {}
    wrong = event(date="2021-06-09", targets=["IND"])
    for name, rows in {"docs": DOCS, "gold": [event()], "pred": [wrong]}.items():
        files[name] = tmp_path / f"{name}.jsonl"
        files[name].write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    args = ["eval", "events", str(files["docs"]), str(files["gold"]), "--pred", str(files["pred"]), "--errors"]
    out = CliRunner().invoke(main, args).output
    listing = out.split("matched, not full")[1]
    assert listing.startswith(" (1: participants 1, date 1)")
    assert "date: gold 2021-06-10  predicted 2021-06-09" in listing
    assert "participants: gold ['RUS', '→', 'CHN']  predicted ['RUS', '→', 'IND']" in listing
    assert "location" not in listing and "modality" not in listing


def test_participant_f1_over_sources_and_targets():
    pred = [event(sources=["RUS", "IND"], targets=[])]
    d = score(DOCS, [event()], pred).overall.as_dict()
    assert d["participant_f1"] == pytest.approx(0.5)


def test_location_by_name_and_country_when_gold_has_no_geonameid():
    gold = [event(location={"name": "Московская область", "geonameid": None, "country": "RUS"})]
    pred = [event(location={"name": "московская  область", "geonameid": None, "country": "RUS"})]
    assert score(DOCS, gold, pred).overall.location == 1


def test_predictions_for_unknown_documents_are_ignored():
    report = score(DOCS, [event()], [event(), event(doc_id="elsewhere")])
    assert report.overall.pred == 1


def test_per_type_breakdown_and_one_to_one_matching():
    gold = [event(), event(type="ACCUSE", evidence="Китай обвинил США.")]
    pred = [event(), event(), event(type="ACCUSE", evidence="Китай обвинил США.")]
    report = score(DOCS, gold, pred)
    assert report.by_type["CONSULT"].matched == 1 and report.by_type["CONSULT"].pred == 2
    assert report.by_type["ACCUSE"].as_dict()["event_f1"] == 1.0
    assert len(report.spurious) == 1


@pytest.mark.parametrize("a,b,expected", [
    ("Россия и Китай", "россия и китай", 1.0),
    ("Россия и Китай подписали", "Россия и Китай", 1.0),
    ("а б в г", "а б д е", 2 / 6),
])
def test_overlap(a, b, expected):
    assert overlap(a, b) == pytest.approx(expected)
