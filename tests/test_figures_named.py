"""A victim named without a number is one person: a name in a list of names, after the
role it names, given an age, or qualified by a clause that tells what they suffered; and
a count qualified by such a clause ("the six guards who were killed")."""

from __future__ import annotations

from rule_docs import figures_found


def told(figures):
    return [(f["category"], f["count"]["text"], f["count"]["low"], f["count"]["high"],
             f["who"]["text"] if f["who"] else None) for f in figures]


def test_each_name_of_a_list_is_one_killed(bare_nlp, figures):
    assert told(figures_found(bare_nlp, figures,
                              "Maria Lopez and Pedro Alvarez were killed in the ambush.")) == [
        ("killed", "Maria Lopez", 1, 1, "Maria Lopez"),
        ("killed", "Pedro Alvarez", 1, 1, "Pedro Alvarez")]


def test_a_name_after_the_role_it_names(bare_nlp, figures):
    assert told(figures_found(bare_nlp, figures,
                              "Gunmen killed the mayor, Maria Lopez, outside the town hall.")) == [
        ("killed", "Maria Lopez", 1, 1, "Maria Lopez")]


def test_a_counted_role_keeps_its_count_alone(bare_nlp, figures):
    # the names are the two people, not two more
    assert told(figures_found(bare_nlp, figures,
                              "Gunmen killed two farmers, Maria Lopez and Pedro Alvarez.")) == [
        ("killed", "two", 2, 2, "farmers")]
    assert told(figures_found(bare_nlp, figures, "A guard, Pedro Alvarez, was killed.")) == [
        ("killed", "A", 1, 1, "guard")]


def test_a_name_given_an_age_is_a_person(bare_nlp, figures):
    assert told(figures_found(bare_nlp, figures,
                              "Baktash, 31, died after a gunfight with the police.")) == [
        ("killed", "Baktash", 1, 1, "Baktash")]


def test_a_relative_clause_tells_what_the_named_suffered(bare_nlp, figures):
    assert told(figures_found(bare_nlp, figures,
                              "Residents held a vigil for Maria Lopez, who was shot dead on "
                              "Monday.")) == [("killed", "Maria Lopez", 1, 1, "Maria Lopez")]


def test_a_relative_clause_on_a_counted_noun(bare_nlp, figures):
    assert told(figures_found(bare_nlp, figures,
                              "The six guards who were killed had worked at the mine.")) == [
        ("killed", "six", 6, 6, "guards")]


def test_a_name_that_suffers_nothing_is_no_figure(bare_nlp, figures):
    assert figures_found(bare_nlp, figures, "Maria Lopez, 31, said the town was shelled.") == []
    assert figures_found(bare_nlp, figures,
                         "Pedro Alvarez, who founded the party, spoke on Monday.") == []
    # a life told ("who died in 2013", "a friend who died of cancer"), no casualty
    assert figures_found(bare_nlp, figures,
                         "Maria Lopez, who died in 2013, founded the party.") == []
    assert figures_found(bare_nlp, figures,
                         "The book was written by a close friend who died of cancer.") == []
    assert told(figures_found(bare_nlp, figures,
                              "Maria Lopez said two people were killed.")) == [
        ("killed", "two", 2, 2, "people")]
