//! Party rules.

use super::{Context, rule};
use crate::finding::{Finding, Message};
use crate::msg;

rule!(INVALID_ORG_NUMBER, "invalid-org-number", "parties", Error);

pub static RULES: &[&super::Rule] = &[&INVALID_ORG_NUMBER];

pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for party in ctx.reg.parties.values() {
        let Some(number) = &party.value.org_number else {
            continue;
        };
        if let Err(why) = validate_org_number(number.get_ref()) {
            out.push(INVALID_ORG_NUMBER.finding(
                party.at(number),
                msg!("invalid-org-number", number = number.get_ref(), why = why),
            ));
        }
    }
}

/// `NNNNNN-NNNN` whose last digit is the Luhn check digit of the other nine.
pub fn validate_org_number(number: &str) -> Result<(), Message> {
    let bytes = number.as_bytes();
    let shape_ok = bytes.len() == 11
        && bytes[6] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 6 || b.is_ascii_digit());
    if !shape_ok {
        return Err(msg!("org-number-shape"));
    }
    let digits: Vec<u32> = bytes
        .iter()
        .filter(|b| b.is_ascii_digit())
        .map(|b| u32::from(b - b'0'))
        .collect();
    let sum: u32 = digits[..9]
        .iter()
        .enumerate()
        .map(|(i, &d)| {
            let d = if i % 2 == 0 { d * 2 } else { d };
            if d > 9 { d - 9 } else { d }
        })
        .sum();
    let expected = (10 - sum % 10) % 10;
    if digits[9] == expected {
        Ok(())
    } else {
        Err(msg!(
            "org-number-check-digit",
            digit = digits[9].to_string(),
            expected = expected.to_string()
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::validate_org_number;
    use crate::i18n::Lang;

    #[test]
    fn real_organisation_numbers_pass() {
        assert_eq!(validate_org_number("212000-2627"), Ok(())); // Umeå kommun
        assert_eq!(validate_org_number("232100-0222"), Ok(())); // Region Västerbotten
    }

    #[test]
    fn a_wrong_check_digit_names_the_right_one() {
        assert_eq!(
            validate_org_number("212000-2628").map_err(|m| m.render(Lang::En)),
            Err("has check digit 8, expected 7".into())
        );
    }

    #[test]
    fn malformed_numbers_are_rejected() {
        for bad in [
            "2120002627",
            "212000–2627",
            "21200-02627",
            "212000-262",
            "2120a0-2627",
        ] {
            assert!(validate_org_number(bad).is_err(), "{bad}");
        }
    }
}
