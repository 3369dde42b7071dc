//! `plaint appraise`: begin an appraisal or test of a special matter
//! (鉴定、检测), or record its result.

use super::args::AppraiseArgs;
use super::view::print_changed;
use super::{Ctx, parse_at, resolve};
use crate::actions::appraisal::{self, Answer, Begin};
use crate::error::{Error, Exit};
use crate::model::Yuan;
use crate::model::appraisal::{AppraisalKind, Chosen, Party, Payer, Typed, cost_text, records};
use crate::policy::Language;

/// Begins the appraisal, or records the result with `--result`.
pub fn run(ctx: &Ctx, args: &AppraiseArgs) -> anyhow::Result<Exit> {
    let id = resolve(ctx, &args.id)?;
    let lang = ctx.lang();
    let at = parse_at(ctx, args.at.as_deref())?;
    if let Some(result) = &args.result {
        let fee = args
            .fee
            .as_deref()
            .map(|text| {
                Yuan::parse(text)
                    .ok_or_else(|| Error::invalid(crate::msg!(lang, "amount-invalid", text = text)))
            })
            .transpose()?;
        let answer = Answer {
            number: args.number,
            result: result.clone(),
            fee,
            at,
            note: args.note.clone(),
        };
        let (changed, number, kind) = appraisal::answer(&ctx.ws, &id, answer, &ctx.actor())?;
        return print_changed(ctx, &changed, || {
            crate::msg!(
                lang,
                "appraisal-result-recorded",
                id = id,
                kind = kind.label(lang),
                number = number
            )
        });
    }
    let begin = begin(lang, args, at)?;
    let (changed, number) = appraisal::begin(&ctx.ws, &id, begin, &ctx.actor())?;
    let record = records(&changed.case.history)
        .into_iter()
        .find(|r| r.appraisal.number == number);
    print_changed(ctx, &changed, || {
        let Some(r) = record else {
            return String::new();
        };
        let a = r.appraisal;
        crate::msg!(
            lang,
            "appraisal-recorded",
            id = id,
            kind = a.kind.label(lang),
            number = number,
            body = a.body,
            cost = cost_text(lang, a.cost_advanced_by, a.cost_borne_by)
        )
    })
}

/// The appraisal to begin, from the flags (clap has checked which are
/// present).
fn begin(
    lang: Language,
    args: &AppraiseArgs,
    at: Option<chrono::DateTime<chrono::FixedOffset>>,
) -> anyhow::Result<Begin> {
    let kind = match &args.kind {
        Some(kind) => typed::<AppraisalKind>(lang, "kind", kind)?,
        None => AppraisalKind::Appraisal,
    };
    let (chosen, applied_by) = match &args.applied_by {
        Some(party) => (
            Chosen::Statutory,
            typed::<Party>(lang, "applied-by", party)?,
        ),
        None => (Chosen::Agreed, Party::Both),
    };
    let payer = |flag: &str, value: &Option<String>| {
        value
            .as_deref()
            .map(|v| typed::<Payer>(lang, flag, v))
            .transpose()
    };
    Ok(Begin {
        kind,
        matter: args.matter.clone().unwrap_or_default(),
        body: args.body.clone().unwrap_or_default(),
        chosen,
        applied_by,
        cost_advanced_by: payer("cost-advanced-by", &args.cost_advanced_by)?,
        cost_borne_by: payer("cost-borne-by", &args.cost_borne_by)?,
        at,
        note: args.note.clone(),
    })
}

/// The value `value` of `--flag` names, or a refusal listing the choices.
fn typed<T: Typed>(lang: Language, flag: &str, value: &str) -> Result<T, Error> {
    T::from_typed(value).ok_or_else(|| {
        Error::invalid(crate::msg!(
            lang,
            "appraisal-bad-value",
            flag = flag,
            value = value,
            choices = T::choices(lang)
        ))
    })
}
