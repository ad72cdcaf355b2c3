use super::*;

fn question(kind: QuestionKind, required: bool) -> ExtraQuestion {
    ExtraQuestion {
        id: 7,
        text: "Which issues did families present with?".into(),
        hint: String::new(),
        kind,
        choices: if kind.has_choices() {
            vec!["Domestic abuse".into(), "Mental health".into(), "Parental conflict".into()]
        } else {
            vec![]
        },
        required,
    }
}

fn fields(pairs: &[(&str, &str)]) -> Fields {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
}

#[test]
fn each_kind_of_answer_is_read_from_its_fields() {
    let n = question(QuestionKind::WholeNumber, true);
    assert_eq!(n.answer(&fields(&[("q-7", " 12 ")])), Ok(Answer::Number(12)));
    assert_eq!(n.answer(&fields(&[("q-7", "1.5")])), Err(AnswerProblem::Figure(FigureError::NotWholeNumber)));
    assert_eq!(n.answer(&fields(&[("q-7", "-2")])), Err(AnswerProblem::Figure(FigureError::Negative)));
    let yes_no = question(QuestionKind::YesNo, true);
    assert_eq!(yes_no.answer(&fields(&[("q-7", "yes")])), Ok(Answer::YesNo(true)));
    assert_eq!(yes_no.answer(&fields(&[("q-7", "no")])), Ok(Answer::YesNo(false)));
    assert_eq!(yes_no.answer(&fields(&[("q-7", "maybe")])), Err(AnswerProblem::UnknownChoice));
    let one = question(QuestionKind::OneChoice, true);
    assert_eq!(one.answer(&fields(&[("q-7", "2")])), Ok(Answer::Choice(2)));
    assert_eq!(one.answer(&fields(&[("q-7", "3")])), Err(AnswerProblem::UnknownChoice), "only the choices given");
    let several = question(QuestionKind::SeveralChoices, true);
    assert_eq!(
        several.answer(&fields(&[("q-7-0", "yes"), ("q-7-2", "yes"), ("q-7-9", "yes")])),
        Ok(Answer::Choices(vec![0, 2]))
    );
    assert_eq!(several.words(&Answer::Choices(vec![0, 2])), "Domestic abuse; Parental conflict");
    assert_eq!(several.fields(), vec!["q-7-0", "q-7-1", "q-7-2"]);
}

#[test]
fn a_required_question_needs_an_answer_and_an_optional_one_may_be_left() {
    for kind in QuestionKind::ALL {
        assert_eq!(question(kind, true).answer(&fields(&[])), Err(AnswerProblem::Missing), "{kind:?}");
        assert_eq!(question(kind, false).answer(&fields(&[("q-7", "  ")])), Ok(Answer::None), "{kind:?}");
    }
    let problem = question(QuestionKind::YesNo, true).problem(AnswerProblem::Missing);
    assert_eq!(problem.field, "q-7");
    assert_eq!(problem.message, "Which issues did families present with?: answer this question");
}

#[test]
fn an_administrators_question_is_checked() {
    let ok = parse_question(&fields(&[
        (TEXT_FIELD, " How many families came from a refuge? "),
        (KIND_FIELD, "whole_number"),
        (REQUIRED_FIELD, "yes"),
        (CHOICES_FIELD, "ignored\nfor numbers"),
    ]))
    .unwrap();
    assert_eq!(
        (ok.text.as_str(), ok.kind, ok.required, ok.choices.len()),
        ("How many families came from a refuge?", QuestionKind::WholeNumber, true, 0)
    );

    let choices = parse_question(&fields(&[
        (TEXT_FIELD, "Presenting issues"),
        (KIND_FIELD, "several_choices"),
        (CHOICES_FIELD, "Domestic abuse\n\n  Mental health \ndomestic abuse\r\nDrug and alcohol use"),
    ]))
    .unwrap();
    assert_eq!(
        choices.choices,
        vec!["Domestic abuse", "Mental health", "Drug and alcohol use"],
        "blank and repeated lines dropped"
    );
    assert!(!choices.required);

    let errors = parse_question(&fields(&[(KIND_FIELD, "one_choice"), (CHOICES_FIELD, "Only one")])).unwrap_err();
    let on: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(on, vec![TEXT_FIELD, CHOICES_FIELD]);
    let errors = parse_question(&fields(&[(TEXT_FIELD, &"x".repeat(MAX_QUESTION_TEXT + 1)), (KIND_FIELD, "essay")]))
        .unwrap_err();
    assert_eq!(errors.len(), 2);
    let many = (0..=MAX_CHOICES).map(|i| format!("Choice {i}")).collect::<Vec<_>>().join("\n");
    let errors =
        parse_question(&fields(&[(TEXT_FIELD, "Q"), (KIND_FIELD, "one_choice"), (CHOICES_FIELD, &many)])).unwrap_err();
    assert_eq!(errors[0].message, format!("Enter {MAX_CHOICES} answers or fewer"));
}
